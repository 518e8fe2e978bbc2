package jp.joren.dashboard.period;

/**
 * The figures of one period: its sales, who bought, and how the buyers changed against the period before.
 * Ratios are null where their denominator is zero. Shares of sales are of the identified sales (those with
 * a known customer), since walk-in sales cannot be new or repeat.
 */
public record PeriodFigures(long sales, long identifiedSales, long buyers, long visits, long items,
        long newBuyers, long newSales, long loyalSales, long buyersBefore, long returned, long lost,
        long activeAtStart, long cohort, long cohortReturned) {

    public Double identifiedShare() {
        return ratio(identifiedSales, sales);
    }

    /** Question 1: sales from customers whose first visit was before the period. */
    public Double repeatShare() {
        return ratio(identifiedSales - newSales, identifiedSales);
    }

    /** Question 1: sales from customers who were 優良 at the start of the period. */
    public Double loyalShare() {
        return ratio(loyalSales, identifiedSales);
    }

    /** Question 2. */
    public Double newShare() {
        return ratio(newSales, identifiedSales);
    }

    /** Question 4: buyers ÷ (active at the start + new in the period). */
    public Double buyingShare() {
        return ratio(buyers, activeAtStart + newBuyers);
    }

    /** Question 5: of the customers new three months earlier, the share with a second visit within 90 days. */
    public Double cohortReturnRate() {
        return ratio(cohortReturned, cohort);
    }

    public Double visitsPerBuyer() {
        return ratio(visits, buyers);
    }

    public Double amountPerVisit() {
        return ratio(identifiedSales, visits);
    }

    /** Identified sales ÷ items, so that item price × items per visit is exactly the amount per visit. */
    public Double averageItemPrice() {
        return ratio(identifiedSales, items);
    }

    public Double itemsPerVisit() {
        return ratio(items, visits);
    }

    /** Buyers who also bought in the period before. */
    public long stayed() {
        return buyersBefore - lost;
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
