package jp.joren.reminders.outbox;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Date;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Hands the outbox's emails to the mail server one at a time over one connection, and tells for each one
 * whether the server has it, surely does not have it, or may have it without having said so.
 * <p>
 * The line between the last two is the message's content: until its bytes are written (after the server
 * accepted the sender, the recipient and the DATA command) the server cannot deliver it. Once they are
 * written, only the server's answer to the end of the message tells; a timeout or a dropped connection
 * there leaves it unknown (RFC 5321 §4.5.3.2 gives the server 10 minutes for that answer), and sending again
 * could give the customer a second copy.
 */
final class SmtpHandOver implements AutoCloseable {

    enum Result {
        /** The server answered 250 to the end of the message. */
        SENT,
        /** The server refused it or never got its content: safe to try again. */
        NOT_DELIVERED,
        /** The content went out and no answer came: the customer may have it. */
        UNCONFIRMED
    }

    record Outcome(Result result, Exception failure) {
    }

    /**
     * Called just before a message's content goes to the server; false when the message may no longer be
     * sent (its claim was taken back), and then nothing of it is written.
     */
    @FunctionalInterface
    interface Mark {
        boolean handingOver();
    }

    private final JavaMailSenderImpl mail;
    private Transport transport;

    SmtpHandOver(JavaMailSenderImpl mail) {
        this.mail = mail;
    }

    /** A message whose content is written only after its hand-over is recorded. */
    MimeMessage newMessage(Mark mark) {
        return new MarkedMessage(mail, mark);
    }

    /** Sends one message made by {@link #newMessage}; the connection is opened (again) when needed. */
    Outcome send(MimeMessage message) {
        MarkedMessage marked = (MarkedMessage) message;
        try {
            if (transport == null || !transport.isConnected()) {
                transport = connect();
            }
            if (message.getSentDate() == null) {
                message.setSentDate(new Date());
            }
            message.saveChanges();
            transport.sendMessage(message, message.getAllRecipients());
            return new Outcome(Result.SENT, null);
        } catch (MessagingException | RuntimeException e) {
            return new Outcome(marked.written && !answered(e) ? Result.UNCONFIRMED : Result.NOT_DELIVERED, e);
        }
    }

    /** After a failure: whether the next message would go over a connection that still works. */
    boolean connected() {
        return transport != null && transport.isConnected();
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // every message already has its outcome; a QUIT that fails changes none of them
            }
        }
    }

    private Transport connect() throws MessagingException {
        String user = mail.getUsername() == null || mail.getUsername().isEmpty() ? null : mail.getUsername();
        String password = user == null ? null : mail.getPassword();
        Transport opened = mail.getSession().getTransport(mail.getProtocol() == null ? "smtp" : mail.getProtocol());
        opened.connect(mail.getHost(), mail.getPort(), user, password);
        return opened;
    }

    /** The server itself answered (a 4xx or 5xx code) rather than time out or hang up. */
    private static boolean answered(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPSendFailedException refused && refused.getReturnCode() >= 400) {
                return true;
            }
        }
        return false;
    }

    private static final class MarkedMessage extends MimeMessage {

        private final Mark mark;
        private boolean written;

        MarkedMessage(JavaMailSenderImpl mail, Mark mark) {
            super(mail.getSession());
            this.mark = mark;
        }

        @Override
        public void writeTo(OutputStream out, String[] ignoreList) throws IOException, MessagingException {
            if (!written) {
                // the transport drops the connection on an IOException, so the server discards the message
                boolean handedOver;
                try {
                    handedOver = mark.handingOver();
                } catch (RuntimeException e) {
                    throw new IOException("the hand-over could not be recorded", e);
                }
                if (!handedOver) {
                    throw new IOException("the message's claim was taken back before it was handed over");
                }
                written = true;
            }
            super.writeTo(out, ignoreList);
        }
    }
}
