package jp.joren.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A customer's next visit, the one answer every page gives to "when will they come next": the forecast's day
 * (even odds of having come, for a customer still active) while the shop's forecast is reliable, else the
 * customer's own rhythm (last visit + expected interval). A lapsed customer, or one whose day has passed, has
 * no next visit: they are away since their last one ({@link #away()}), never shown a day in the past.
 *
 * @param expectedOn the day to expect them; null when away
 * @param lastVisit their last visit
 * @param daysAway days from the last visit to today
 */
public record NextVisit(LocalDate expectedOn, LocalDate lastVisit, long daysAway) {

    /**
     * The joins a statement adds after {@code customer_portfolio cp} to read {@link #EXPECTED_ON}: the
     * customer's forecast, only when the shop's fit is reliable. The statement binds {@code shop}.
     */
    public static final String JOINS = """
            left join forecast_fit nv_fit on nv_fit.tenant_id = :shop and nv_fit.tenant_id = cp.tenant_id and nv_fit.reliable
            left join customer_forecast nv_fc on nv_fc.tenant_id = :shop and nv_fc.tenant_id = cp.tenant_id
                                             and nv_fc.customer_id = cp.customer_id and nv_fit.tenant_id is not null""";

    /** The expected day before {@link #of} decides whether the customer is away. */
    public static final String EXPECTED_ON = "coalesce(nv_fc.expected_next_visit_on, cp.last_visit + cp.expected_interval_days)";

    /** From a statement's {@link #EXPECTED_ON}, the portfolio's last visit and lapse, and the shop's today. */
    public static NextVisit of(LocalDate expectedOn, LocalDate lastVisit, boolean lapsed, LocalDate today) {
        long daysAway = ChronoUnit.DAYS.between(lastVisit, today);
        boolean away = lapsed || expectedOn == null || expectedOn.isBefore(today);
        return new NextVisit(away ? null : expectedOn, lastVisit, daysAway);
    }

    public boolean away() {
        return expectedOn == null;
    }
}
