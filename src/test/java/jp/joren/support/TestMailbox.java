package jp.joren.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * An SMTP server inside the test JVM (GreenMail): the application really sends its emails, and tests read
 * them here. One per JVM, on a free port, shared by every test context.
 */
public final class TestMailbox {

    private static TestMailbox instance;

    private final GreenMail server;

    private TestMailbox() {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }

    public static synchronized TestMailbox get() {
        if (instance == null) {
            instance = new TestMailbox();
        }
        return instance;
    }

    public int port() {
        return server.getSmtp().getPort();
    }

    /** The messages sent to {@code address} so far, waiting a little for one to arrive. */
    public List<Message> to(String address) {
        return to(address, 1);
    }

    /**
     * The messages sent to {@code address} so far, waiting a little for {@code expected} of them: notices go out
     * in the background, after the page has answered.
     */
    public List<Message> to(String address, int expected) {
        try {
            return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> received(address), messages -> messages.size() >= expected);
        } catch (ConditionTimeoutException fewer) {
            return received(address);
        }
    }

    private List<Message> received(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> sentTo(m, address)).map(Message.class::cast)
                .toList();
    }

    /**
     * The first message to {@code address} whose text contains {@code text}, waiting a little for it: notices
     * (a confirmation link, say) go out in the background, after the page has answered.
     */
    public Message first(String address, String text) {
        try {
            return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> received(address).stream().filter(m -> body(m).contains(text)).findFirst(),
                            java.util.Optional::isPresent)
                    .get();
        } catch (ConditionTimeoutException none) {
            throw new AssertionError("No message to " + address + " containing " + text);
        }
    }

    /** The decoded text of a plain-text message. */
    public static String body(Message message) {
        try {
            return message.getContent().toString();
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean sentTo(Message message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
