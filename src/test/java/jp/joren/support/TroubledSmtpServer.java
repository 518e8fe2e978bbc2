package jp.joren.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server in the test JVM that takes every message and then answers its end badly: late (after
 * {@code delay}, as RFC 5321 allows up to 10 minutes), or not at all (it hangs up). Either way the message has
 * arrived: {@link #received()} counts it, as the customer's mailbox would.
 */
public final class TroubledSmtpServer implements AutoCloseable {

    /** What the server does once a message's content has arrived. */
    public enum Answer { LATE, HANG_UP }

    private final ServerSocket socket;
    private final Answer answer;
    private final Duration delay;
    private final List<String> recipients = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    public TroubledSmtpServer(Answer answer, Duration delay) {
        this.answer = answer;
        this.delay = delay;
        try {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::accept, "troubled-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The recipient of every message whose content arrived, once per copy. */
    public List<String> received() {
        return List.copyOf(recipients);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread conversation = new Thread(() -> converse(client), "troubled-smtp-client");
                conversation.setDaemon(true);
                conversation.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            reply(out, "220 troubled.example ESMTP");
            String recipient = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.toUpperCase();
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 troubled.example");
                } else if (command.startsWith("RCPT TO:")) {
                    recipient = line.substring("RCPT TO:".length()).replaceAll("[<>\\s]", "");
                    reply(out, "250 OK");
                } else if (command.equals("DATA")) {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                        // the content itself does not matter here
                    }
                    recipients.add(recipient);
                    if (answer == Answer.HANG_UP) {
                        return;
                    }
                    Thread.sleep(delay.toMillis());
                    reply(out, "250 OK queued");
                } else if (command.equals("QUIT")) {
                    reply(out, "221 Bye");
                    return;
                } else {
                    reply(out, "250 OK");
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client gave up waiting: the message stays received
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }
}
