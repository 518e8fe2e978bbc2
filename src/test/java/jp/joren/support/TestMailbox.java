package jp.joren.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

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
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<Message> messages = Arrays.stream(server.getReceivedMessages()).filter(m -> sentTo(m, address))
                    .map(Message.class::cast).toList();
            if (!messages.isEmpty() || System.nanoTime() > deadline) {
                return messages;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return messages;
            }
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
