package jp.joren.segments;

/** The published starting points for the three day thresholds (DESIGN.md §4). */
public enum Preset {
    /** Mail order with subscriptions, and the method's general defaults: 90 / 210 / 240 days. */
    STANDARD(90, 210, 240),
    /** Mail order with one-off purchases: customers are lapsed only after 400 days. */
    MAIL_ORDER_ONE_OFF(90, 210, 400),
    /** A physical shop: lapse at the 90th percentile of the shop's own gaps between visits. */
    AUTO(90, 210, 240),
    /** The owner's own numbers. */
    CUSTOM(90, 210, 240);

    final int firstTenureDays;
    final int secondTenureDays;
    final int lapseDays;

    Preset(int firstTenureDays, int secondTenureDays, int lapseDays) {
        this.firstTenureDays = firstTenureDays;
        this.secondTenureDays = secondTenureDays;
        this.lapseDays = lapseDays;
    }

    public String messageKey() {
        return "portfolio.preset." + name();
    }
}
