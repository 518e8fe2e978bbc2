package jp.joren.reminders.letters;

/** A message written out: what the customer reads, as plain text and as HTML, and its unsubscribe link. */
public record WrittenLetter(String subject, String text, String html, String unsubscribeUrl) {
}
