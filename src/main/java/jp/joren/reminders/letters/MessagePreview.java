package jp.joren.reminders.letters;

import jp.joren.reminders.rules.RuleSettings;

/**
 * One message as its customer would read it, for the owner before it goes out: {@code customerName} is a real
 * customer, or a made-up one when {@code sample} (nobody would be chosen yet). The letter and its wording are
 * kept so that a test send can write it again without the customer's unsubscribe link.
 */
public record MessagePreview(String customerName, String channel, WrittenLetter written, boolean sample,
        Letter letter, RuleSettings settings) {
}
