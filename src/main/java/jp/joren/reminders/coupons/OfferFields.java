package jp.joren.reminders.coupons;


import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jp.joren.reminders.Offer;
import org.springframework.validation.Errors;

/** The coupon part of the rule and campaign forms: whether to hand one out, and what it is worth. */
public abstract class OfferFields {

    private boolean offer;
    private Offer.CouponKind couponKind = Offer.CouponKind.PERCENT;
    @Min(1) @Max(1_000_000)
    private Integer couponValue;
    @Min(1) @Max(10_000_000)
    private Long couponCap;
    @Min(1) @Max(365)
    private Integer couponValidDays = 30;

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

    public boolean isOffer() {
        return offer;
    }

    public void setOffer(boolean offer) {
        this.offer = offer;
    }

    public Offer.CouponKind getCouponKind() {
        return couponKind;
    }

    public void setCouponKind(Offer.CouponKind couponKind) {
        this.couponKind = couponKind;
    }

    public Integer getCouponValue() {
        return couponValue;
    }

    public void setCouponValue(Integer couponValue) {
        this.couponValue = couponValue;
    }

    public Long getCouponCap() {
        return couponCap;
    }

    public void setCouponCap(Long couponCap) {
        this.couponCap = couponCap;
    }

    public Integer getCouponValidDays() {
        return couponValidDays;
    }

    public void setCouponValidDays(Integer couponValidDays) {
        this.couponValidDays = couponValidDays;
    }
}
