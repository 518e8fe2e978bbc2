package jp.joren.reminders.rules;

import jp.joren.reminders.FollowUpStep;
import jp.joren.reminders.Offer;

/**
 * The reminder rules of DESIGN.md §6, in the order a customer hears from them when several fall due the same
 * night (the frequency cap then lets the first through), and the owner's campaigns after them. Each rule has at most one timing setting, whose
 * meaning is the rule's own, and the defaults a shop starts from.
 */
public enum ReminderRule {
    /** A part of the customer's own model: the part's lead days before it is due (the part carries them). */
    PART_REPLACEMENT(null, true, null),
    /** A consumable with a repurchase cycle: this many days before the cycle ends. */
    CONSUMABLE_REPURCHASE(5, true, null),
    /** 7 and 30 days after a new customer's first visit, while there is no second ({@link FollowUpStep}). */
    SECOND_VISIT(null, true, null),
    /** The customer's own expected interval plus this many days of grace. */
    EARLY_LAPSE(15, true, null),
    /** 90 days without a visit (and past the customer's own interval): a coupon of half price, capped. */
    WIN_BACK(90, true, Offer.HALF_PRICE),
    /** 180 and 365 days without a visit. */
    LAST_CALL(null, true, null),
    /** Once a year to each active 優良 customer: thanks, nothing for sale, so the frequency cap ignores it. */
    TOP_THANKS(null, false, null),
    /** A greeting this many days before the customer's birthday, with a coupon if the owner adds one. */
    BIRTHDAY(7, true, null),
    /** Not a rule: the messages of the owner's campaigns, each campaign with its own wording and offer. */
    CAMPAIGN(null, true, null);

    private final Integer defaultTimingDays;
    private final boolean promotional;
    private final Offer defaultOffer;

    ReminderRule(Integer defaultTimingDays, boolean promotional, Offer defaultOffer) {
        this.defaultTimingDays = defaultTimingDays;
        this.promotional = promotional;
        this.defaultOffer = defaultOffer;
    }

    /** The rules a shop turns on and off; a campaign is planned on its own page. */
    public boolean isRule() {
        return this != CAMPAIGN;
    }

    public boolean hasTiming() {
        return defaultTimingDays != null;
    }

    public Integer defaultTimingDays() {
        return defaultTimingDays;
    }

    public boolean promotional() {
        return promotional;
    }


    Offer defaultOffer() {
        return defaultOffer;
    }

    /** The settings a shop has before it changes anything: off, so nothing goes out that the owner did not choose. */
    public RuleSettings defaults() {
        return new RuleSettings(this, false, defaultTimingDays, RuleSettings.DEFAULT_HOLDOUT_PERCENT, defaultOffer,
                null, null);
    }
}
