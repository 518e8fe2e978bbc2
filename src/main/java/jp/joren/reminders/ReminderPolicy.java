package jp.joren.reminders;

/** A shop's limits on reminders: at most one promotional message per {@code frequencyCapDays} days to a customer. */
public record ReminderPolicy(int frequencyCapDays) {

    /** DESIGN.md §6: one promotional message per 14 days. */
    public static final ReminderPolicy DEFAULTS = new ReminderPolicy(14);
}
