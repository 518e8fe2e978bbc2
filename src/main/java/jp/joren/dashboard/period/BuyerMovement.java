package jp.joren.dashboard.period;

/**
 * How the customers of a period moved against the like period before (DESIGN's new, returned, stayed and lost
 * buyers), once, for the figures and for the lists behind them. Parameters: {@code from}/{@code until} (the
 * period), {@code before}/{@code beforeUntil} (the one before it) and {@code shop}.
 */
public final class BuyerMovement {

    /** The customers with a counted visit (a completed purchase) in the period. */
    public static final String BUYERS = """
            select distinct customer_id from completed_purchase
             where tenant_id = :shop and customer_id is not null and business_date >= :from and business_date < :until""";

    /** The customers with a counted visit in the period before. */
    public static final String BUYERS_BEFORE = """
            select distinct customer_id from completed_purchase
             where tenant_id = :shop and customer_id is not null
               and business_date >= :before and business_date < :beforeUntil""";

    /**
     * A buyer of the period is new when they did not buy in the period before and first came in this one:
     * {@code bb} is their row of {@link #BUYERS_BEFORE} (null when none) and {@code cp} their customer_portfolio
     * row, whose first visit is last night's; a customer with none first came after it, so in the period.
     */
    public static final String IS_NEW = "(bb.customer_id is null and coalesce(cp.first_visit, :from) >= :from)";

    /** A buyer of the period who returned: not a buyer of the period before, and not new. */
    public static final String IS_RETURNED = "(bb.customer_id is null and not " + IS_NEW + ")";

    /** The period's buyers beside their rows of the period before and of the portfolio, for IS_NEW and IS_RETURNED. */
    public static final String BUYERS_MOVED = """
            select b.customer_id from (%s) b
              left join (%s) bb on bb.customer_id = b.customer_id
              left join customer_portfolio cp on cp.tenant_id = :shop and cp.customer_id = b.customer_id""".formatted(BUYERS, BUYERS_BEFORE);

    private BuyerMovement() {
    }
}
