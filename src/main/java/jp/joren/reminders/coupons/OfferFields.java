package jp.joren.reminders.coupons;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jp.joren.reminders.Offer;
import lombok.Getter;
import lombok.Setter;
import org.springframework.validation.Errors;

/** The coupon part of the rule and campaign forms: whether to hand one out, and what it is worth. */
public abstract class OfferFields {

    @Getter @Setter private boolean offer;
    @Getter @Setter private Offer.CouponKind couponKind = Offer.CouponKind.PERCENT;
    @Min(1) @Max(1_000_000)
    @Getter @Setter private Integer couponValue;
    @Min(1) @Max(10_000_000)
    @Getter @Setter private Long couponCap;
    @Min(1) @Max(365)
    @Getter @Setter private Integer couponValidDays = 30;

    /** Fills the fields from a saved offer (null: no coupon). */
    protected void showOffer(Offer saved) {
        offer = saved != null;
        if (saved != null) {
            couponKind = saved.kind();
            couponValue = saved.value();
            couponCap = saved.capYen();
            couponValidDays = saved.validDays();
        }
    }

    /** What the rule and campaign forms both refuse in a coupon: no value, or more than 100% off. */
    public void checkOffer(Errors errors) {
        if (offer && couponValue == null) {
            errors.rejectValue("couponValue", "reminders.rule.couponValueMissing");
        }
        if (offer && couponKind == Offer.CouponKind.PERCENT && couponValue != null && couponValue > 100) {
            errors.rejectValue("couponValue", "reminders.rule.percentTooLarge");
        }
    }

    /** The offer as typed, or null when the owner hands out no coupon. */
    protected Offer chosenOffer() {
        return offer && couponValue != null
                ? new Offer(couponKind, couponValue, couponCap, couponValidDays == null ? 30 : couponValidDays) : null;
    }

    /** The offer as a person reads it in a list of changes: kind and value / cap / days, or × for none. */
    protected String offerSummary() {
        return offer ? couponKind + " " + couponValue + " / " + couponCap + " / " + couponValidDays : "×";
    }
}
