package jp.joren.reminders.results;

import jp.joren.reminders.rules.ReminderRule;

/**
 * Did a rule (or one campaign) work? Its recipients against its hold-out group: how many came back within the window, how
 * often, and what they spent. The difference of the two come-back shares is what the reminders added
 * ("利用の確率"), as long as the groups are large enough to tell.
 */
public record RuleResult(ReminderRule rule, Long campaignId, String campaignName, Arm sent, Arm holdout,
        int unsubscribed, int couponsRedeemed) {

    /** One side of the comparison: its customers, those who came back, their visits and sales in the window. */
    public record Arm(int customers, int cameBack, int visits, long sales) {

        static final Arm NONE = new Arm(0, 0, 0, 0);

        public Double comeBackRate() {
            return customers == 0 ? null : (double) cameBack / customers;
        }

        public Double visitsPerCustomer() {
            return customers == 0 ? null : (double) visits / customers;
        }

    }
}
