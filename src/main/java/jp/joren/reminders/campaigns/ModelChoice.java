package jp.joren.reminders.campaigns;

/** A product model a campaign's segment can be chosen by: the customers who own it. */
public record ModelChoice(long id, String label) {
}
