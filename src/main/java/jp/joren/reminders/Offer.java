package jp.joren.reminders;

/**
 * A coupon a rule hands out: {@code value} percent off (at most {@code capYen}) or {@code value} yen off,
 * valid for {@code validDays} days from the day it is issued.
 */
public record Offer(CouponKind kind, int value, Long capYen, int validDays) {

    /** DESIGN.md §6: the win-back coupon, half price on one item, capped. */
    public static final Offer HALF_PRICE = new Offer(CouponKind.PERCENT, 50, 3_000L, 30);

    public enum CouponKind { PERCENT, YEN }

    /** The discount on {@code amount} yen, never more than the amount. */
    public long discountOn(long amount) {
        long discount = kind == CouponKind.YEN ? value : amount * value / 100;
        if (capYen != null) {
            discount = Math.min(discount, capYen);
        }
        return Math.min(discount, amount);
    }
}
