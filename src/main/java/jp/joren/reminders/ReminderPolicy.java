package jp.joren.reminders;

/**
 * A shop's limits on reminders: at most one promotional message per {@code frequencyCapDays} days to a
 * customer, and at most {@code emailsPerMinute} emails handed to the mail server per minute.
 */
public record ReminderPolicy(int frequencyCapDays, int emailsPerMinute) {

    /** DESIGN.md §6: one promotional message per 14 days; ten emails a second. */
    public static final ReminderPolicy DEFAULTS = new ReminderPolicy(14, 600);
}
