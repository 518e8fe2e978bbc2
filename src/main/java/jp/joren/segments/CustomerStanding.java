package jp.joren.segments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer's cell as of the last classification, with the numbers and thresholds that put them there,
 * so that the page can say why.
 */
public record CustomerStanding(LocalDate asOf, Cell cell, int visits, int tenureDays, int lapseDays, long amount,
        Thresholds thresholds) {

    /** One sentence of the explanation: a message key and its arguments. */
    public record Reason(String key, List<Object> args) {
    }

    /** The steps of the rule the customer went through, in order, ending with the lapse check. */
    public List<Reason> reasons() {
        List<Reason> reasons = new ArrayList<>();
        if (visits <= 1) {
            reasons.add(new Reason("portfolio.why.first", List.of()));
        } else if (tenureDays < thresholds.firstTenureDays()) {
            reasons.add(new Reason("portfolio.why.toddler", List.of(tenureDays, thresholds.firstTenureDays())));
        } else if (amount < thresholds.amountThreshold()) {
            reasons.add(new Reason("portfolio.why.steady", List.of(tenureDays, thresholds.firstTenureDays(), amount,
                    thresholds.amountThreshold())));
        } else if (tenureDays < thresholds.secondTenureDays()) {
            reasons.add(new Reason("portfolio.why.trend", List.of(amount, thresholds.amountThreshold(), tenureDays,
                    thresholds.secondTenureDays())));
        } else {
            reasons.add(new Reason("portfolio.why.loyal", List.of(amount, thresholds.amountThreshold(), tenureDays,
                    thresholds.secondTenureDays())));
        }
        reasons.add(new Reason(cell.lapsed() ? "portfolio.why.lapsed" : "portfolio.why.active",
                List.of(lapseDays, thresholds.lapseDays())));
        return reasons;
    }
}
