package jp.joren.reminders;

/**
 * A shop's limits on reminders: at most one promotional message per {@code frequencyCapDays} days to a
 * customer, and {@code holdoutPercent} of each rule's customers kept out so the shop can see the lift.
 */
public record ReminderPolicy(int frequencyCapDays, int holdoutPercent) {

    /** DESIGN.md §6: one promotional message per 14 days, a 10% hold-out. */
    public static final ReminderPolicy DEFAULTS = new ReminderPolicy(14, 10);
}
