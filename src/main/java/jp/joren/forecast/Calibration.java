package jp.joren.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How well the model would have done on the shop's own recent past: fitted to the visits before a cut-off,
 * its expected visits between the cut-off and today beside the visits that came, per number of repeat
 * visits before the cut-off (the paper's calibration figure), the last row holding everyone with more.
 */
public record Calibration(LocalDate from, LocalDate until, List<Row> rows) {

    static final int HOLDOUT_DAYS = 182;
    static final int LAST_ROW_FROM = 7;

    /** {@code repeatVisits} before the cut-off ({@value #LAST_ROW_FROM}: that many or more). */
    public record Row(int repeatVisits, int customers, double expectedVisits, long actualVisits) {

        public boolean orMore() {
            return repeatVisits == LAST_ROW_FROM;
        }

        public double expectedPerCustomer() {
            return expectedVisits / customers;
        }

        public double actualPerCustomer() {
            return (double) actualVisits / customers;
        }
    }

    static Calibration of(VisitModel earlier, List<ShopHistories.HeldOut> customers, LocalDate from, LocalDate until) {
        double weeks = (until.toEpochDay() - from.toEpochDay()) / 7.0;
        int[] count = new int[LAST_ROW_FROM + 1];
        double[] expected = new double[LAST_ROW_FROM + 1];
        long[] actual = new long[LAST_ROW_FROM + 1];
        for (ShopHistories.HeldOut c : customers) {
            int row = Math.min(c.beforeCutoff().repeatVisits(), LAST_ROW_FROM);
            count[row]++;
            expected[row] += earlier.expectedVisits(weeks, c.beforeCutoff());
            actual[row] += c.visitsAfter();
        }
        List<Row> rows = new ArrayList<>();
        for (int row = 0; row <= LAST_ROW_FROM; row++) {
            if (count[row] > 0) {
                rows.add(new Row(row, count[row], expected[row], actual[row]));
            }
        }
        return new Calibration(from, until, rows);
    }

    /**
     * How far the forecast lay from what came: per number of earlier repeat visits, the visits expected
     * less those that came, summed without sign, per customer. 0 is a perfect forecast.
     */
    public double error() {
        double off = rows.stream().mapToDouble(row -> Math.abs(row.expectedVisits() - row.actualVisits())).sum();
        int customers = rows.stream().mapToInt(Row::customers).sum();
        return customers == 0 ? 0 : off / customers;
    }

    public Row total() {
        return new Row(-1, rows.stream().mapToInt(Row::customers).sum(), rows.stream().mapToDouble(Row::expectedVisits).sum(),
                rows.stream().mapToLong(Row::actualVisits).sum());
    }
}
