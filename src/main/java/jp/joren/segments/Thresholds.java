package jp.joren.segments;

/**
 * The numbers a shop's customers are cut with (DESIGN.md §4), and the rule itself. The nightly SQL applies
 * the same rule to every customer at once; this is the rule for one customer, used to explain a cell.
 */
public record Thresholds(int firstTenureDays, int secondTenureDays, int lapseDays, long amountThreshold) {

    public Cell cellOf(int visits, long tenureDays, long lapseDays, long amount) {
        return new Cell(segmentOf(visits, tenureDays, amount), lapseDays >= this.lapseDays);
    }

    Segment segmentOf(int visits, long tenureDays, long amount) {
        if (visits <= 1) {
            return Segment.FIRST;
        }
        if (tenureDays < firstTenureDays) {
            return Segment.TODDLER;
        }
        if (amount < amountThreshold) {
            return Segment.STEADY;
        }
        if (tenureDays < secondTenureDays) {
            return Segment.TREND;
        }
        return Segment.LOYAL;
    }
}
