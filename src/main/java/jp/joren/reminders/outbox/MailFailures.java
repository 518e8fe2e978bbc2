package jp.joren.reminders.outbox;

import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;

/** What a mail server's refusal says: in words for the owner's outbox, and whether trying again could help. */
final class MailFailures {

    private MailFailures() {
    }

    static String describe(Exception failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(": ").append(cause.getClass().getSimpleName()).append(' ').append(cause.getMessage());
        }
        return text.toString();
    }

    /** The server refused the address itself (5xx): trying again would not help. */
    static boolean permanent(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SendFailedException sendFailed && sendFailed.getInvalidAddresses() != null
                    && sendFailed.getInvalidAddresses().length > 0) {
                return true;
            }
            if (cause instanceof AddressException) {
                return true;
            }
        }
        return false;
    }
}
