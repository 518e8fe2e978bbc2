package jp.joren.reminders;

/**
 * The second-visit follow-up (DESIGN.md §6): a new customer who has not come back hears from the shop 7
 * and 30 days after the first visit. In the outbox the rule is {@link #RULE} and the step its occasion.
 */
public enum FollowUpStep {
    DAY_7(7), DAY_30(30);

    public static final String RULE = "SECOND_VISIT";

    private final int daysAfterFirstVisit;

    FollowUpStep(int daysAfterFirstVisit) {
        this.daysAfterFirstVisit = daysAfterFirstVisit;
    }

    public int daysAfterFirstVisit() {
        return daysAfterFirstVisit;
    }
}
