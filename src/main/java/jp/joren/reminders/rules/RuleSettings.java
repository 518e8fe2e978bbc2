package jp.joren.reminders.rules;

import jp.joren.reminders.Offer;

/**
 * One shop's settings of one rule; {@code forecastBelowPercent} (early lapse only, null when unused) times the
 * reminder by the forecast's chance that the customer is still a customer instead of by the grace days. {@code subject} and {@code body} are the shop's own wording, null for the
 * default wording of the shop's language; {@code offer} is null when the rule hands out no coupon;
 * {@code approveEachNight}: every night's messages wait for the owner, not only the first night's.
 */
public record RuleSettings(ReminderRule rule, boolean enabled, Integer timingDays, int holdoutPercent, Offer offer,
        String subject, String body, Integer forecastBelowPercent, boolean approveEachNight) {

    /** Settings that time the rule by its days alone, as every rule but the early lapse does. */
    public RuleSettings(ReminderRule rule, boolean enabled, Integer timingDays, int holdoutPercent, Offer offer,
            String subject, String body) {
        this(rule, enabled, timingDays, holdoutPercent, offer, subject, body, null, false);
    }

    /** Settings whose first night alone waits for the owner's approval. */
    public RuleSettings(ReminderRule rule, boolean enabled, Integer timingDays, int holdoutPercent, Offer offer,
            String subject, String body, Integer forecastBelowPercent) {
        this(rule, enabled, timingDays, holdoutPercent, offer, subject, body, forecastBelowPercent, false);
    }

    /** DESIGN.md §6: a tenth of the customers of each rule hear nothing, so the shop can see what the rule adds. */
    public static final int DEFAULT_HOLDOUT_PERCENT = 10;

    public int timingOrDefault() {
        return timingDays != null ? timingDays : rule.defaultTimingDays() == null ? 0 : rule.defaultTimingDays();
    }
}
