package jp.joren.dashboard.period;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.joren.segments.Cell;

/**
 * What one pass over a period's purchases gives: the period's figures, the sales of the customers now in each
 * cell, and the buyers, visits and amount per trade-area tier and town.
 */
public record PeriodReading(PeriodFigures figures, Map<Cell, Long> salesByCell, List<TradeArea.AreaSales> areaSales) {

    public long salesOf(Cell cell) {
        return salesByCell.getOrDefault(cell, 0L);
    }

    /** Collects the rows of {@link DashboardQueries#read}: the totals, one row per cell, one per tier and town. */
    static final class Builder {

        private final long buyersBefore;
        private final DashboardQueries.StartCounts start;
        private final Map<Cell, Long> salesByCell = new HashMap<>();
        private final List<TradeArea.AreaSales> areaSales = new ArrayList<>();
        private PeriodFigures figures;

        Builder(long buyersBefore, DashboardQueries.StartCounts start) {
            this.buyersBefore = buyersBefore;
            this.start = start;
        }

        void totals(long sales, long identifiedSales, long buyers, long visits, long items, long newBuyers,
                long newSales, long loyalSales, long returned, long boughtBefore) {
            figures = new PeriodFigures(sales, identifiedSales, buyers, visits, items, newBuyers, newSales, loyalSales,
                    buyersBefore, returned, buyersBefore - boughtBefore, start.activeAtStart(), start.cohort(),
                    start.cohortReturned());
        }

        void cellSales(Cell cell, long sales) {
            salesByCell.put(cell, sales);
        }

        void area(TradeArea.AreaSales sales) {
            areaSales.add(sales);
        }

        PeriodReading build() {
            if (figures == null) {
                throw new IllegalStateException("the period's totals were not read");
            }
            return new PeriodReading(figures, Map.copyOf(salesByCell), List.copyOf(areaSales));
        }
    }
}
