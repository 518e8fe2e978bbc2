package jp.joren.dashboard.pages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jp.joren.dashboard.period.DashboardQueries;
import jp.joren.dashboard.period.PeriodFigures;
import jp.joren.dashboard.portfolio.PortfolioReads;

/**
 * The geometry of the dashboard's charts, drawn as inline SVG by the template: no script, no CDN, prints
 * as it shows. Coordinates are in the SVG's own units.
 */
public final class Charts {

    private Charts() {
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 200;
    private static final int MARGIN = 24;

    /** A bar or part of one; {@code label} is a month (sales) or a message key (waterfall). */
    record Rect(double x, double y, double width, double height, String css, String label, long value) {
    }


    /** New, repeat and walk-in sales of each month, stacked. */
    static List<Rect> stackedSales(List<DashboardQueries.MonthSales> months) {
        long max = months.stream().mapToLong(m -> m.newSales() + m.repeatSales() + m.walkInSales()).max().orElse(0);
        List<Rect> rects = new ArrayList<>();
        if (max == 0) {
            return rects;
        }
        double slot = (double) (WIDTH - 2 * MARGIN) / months.size();
        double barWidth = slot * 0.7;
        double plot = HEIGHT - 2 * MARGIN;
        for (int i = 0; i < months.size(); i++) {
            DashboardQueries.MonthSales month = months.get(i);
            double x = MARGIN + i * slot + (slot - barWidth) / 2;
            double base = HEIGHT - MARGIN;
            long[] values = {month.repeatSales(), month.newSales(), month.walkInSales()};
            String[] css = {"repeat", "new", "walk-in"};
            for (int part = 0; part < values.length; part++) {
                double height = plot * values[part] / max;
                base -= height;
                rects.add(new Rect(x, base, barWidth, height, css[part], monthLabel(month.month()), values[part]));
            }
        }
        return rects;
    }

    /** The buyers waterfall: last period, − lost, + new, + returned, this period. */
    static List<Rect> waterfall(PeriodFigures figures) {
        long before = figures.buyersBefore();
        long afterLost = before - figures.lost();
        long afterNew = afterLost + figures.newBuyers();
        long after = afterNew + figures.returned();
        long max = Math.max(1, Math.max(before, Math.max(afterNew, after)));
        double slot = (double) (WIDTH - 2 * MARGIN) / 5;
        double barWidth = slot * 0.6;
        double plot = HEIGHT - 2 * MARGIN;
        double[][] spans = {{0, before}, {afterLost, before}, {afterLost, afterNew}, {afterNew, after}, {0, after}};
        String[] css = {"total", "lost", "new", "returned", "total"};
        String[] labels = {"dashboard.waterfall.axis.before", "dashboard.waterfall.axis.lost",
                "dashboard.waterfall.axis.new", "dashboard.waterfall.axis.returned", "dashboard.waterfall.axis.now"};
        long[] values = {before, -figures.lost(), figures.newBuyers(), figures.returned(), after};
        List<Rect> rects = new ArrayList<>();
        for (int i = 0; i < spans.length; i++) {
            double top = HEIGHT - MARGIN - plot * spans[i][1] / max;
            double height = plot * (spans[i][1] - spans[i][0]) / max;
            rects.add(new Rect(MARGIN + i * slot + (slot - barWidth) / 2, top, barWidth, height, css[i], labels[i],
                    values[i]));
        }
        return rects;
    }

    /** Where the bubble labels' column starts: right of the plot, so that no label meets another or a bubble. */
    private static final int LABEL_COLUMN = 470;
    /** Taller than the other charts: ten label rows that a phone's larger type still keeps apart. */
    private static final int BUBBLE_HEIGHT = 310;
    private static final int LABEL_ROW = 28;

    /** A bubble and its label in the column, joined by a leader line ({@code labelY} is the label's baseline). */
    record Bubble(double cx, double cy, double r, String css, String labelKey, long customers, double labelY) {

        public double labelX() {
            return LABEL_COLUMN;
        }

        /** The leader line from the bubble's right edge to its label. */
        public String leader() {
            return (cx + r) + "," + cy + " " + (LABEL_COLUMN - 6) + "," + (labelY - 4);
        }
    }

    /**
     * The portfolio as bubbles: average tenure across, average cumulative amount up, area ∝ customers. Cells
     * of one group sit close (初回 active and lapsed have about the same tenure), so their labels are not
     * written beside the bubbles, where they overlapped, but in a column of rows in the bubbles' height order.
     */
    static List<Bubble> portfolio(List<PortfolioReads.CellFigures> cells) {
        double maxTenure = cells.stream().mapToDouble(PortfolioReads.CellFigures::averageTenureDays).max().orElse(0);
        double maxAmount = cells.stream().mapToDouble(PortfolioReads.CellFigures::averageAmount).max().orElse(0);
        long maxCustomers = cells.stream().mapToLong(PortfolioReads.CellFigures::customers).max().orElse(0);
        List<Bubble> placed = new ArrayList<>();
        if (maxCustomers == 0) {
            return placed;
        }
        double plotWidth = LABEL_COLUMN - 3 * MARGIN - 2 * MARGIN;
        double plotHeight = BUBBLE_HEIGHT - 3 * MARGIN;
        for (PortfolioReads.CellFigures cell : cells) {
            double x = 2 * MARGIN + (maxTenure == 0 ? 0 : plotWidth * cell.averageTenureDays() / maxTenure);
            double y = BUBBLE_HEIGHT - 1.5 * MARGIN - (maxAmount == 0 ? 0 : plotHeight * cell.averageAmount() / maxAmount);
            double r = 4 + 18 * Math.sqrt((double) cell.customers() / maxCustomers);
            placed.add(new Bubble(x, y, r, cell.cell().lapsed() ? "lapsed" : "active", cell.cell().messageKey(),
                    cell.customers(), 0));
        }
        placed.sort(Comparator.comparingDouble(Bubble::cy));
        double[] rows = new double[placed.size()];
        double top = 18;
        double bottom = BUBBLE_HEIGHT - 8;
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Math.max(placed.get(i).cy() + 4, i == 0 ? top : rows[i - 1] + LABEL_ROW);
        }
        for (int i = rows.length - 1; i >= 0; i--) {
            rows[i] = Math.min(rows[i], i == rows.length - 1 ? bottom : rows[i + 1] - LABEL_ROW);
        }
        List<Bubble> bubbles = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            Bubble b = placed.get(i);
            bubbles.add(new Bubble(b.cx(), b.cy(), b.r(), b.css(), b.labelKey(), b.customers(), rows[i]));
        }
        return bubbles;
    }

    /** Share of a whole as a width class of 0–20 (5% steps), for bars drawn with CSS only. */
    public static int widthStep(double part, double whole) {
        if (whole <= 0 || part <= 0) {
            return 0;
        }
        return (int) Math.max(1, Math.min(20, Math.round(20 * part / whole)));
    }

    /** A rate as a heat level of 0–10. */
    public static int heat(double rate) {
        return (int) Math.max(0, Math.min(10, Math.round(rate * 10)));
    }

    private static String monthLabel(LocalDate month) {
        return month.getYear() + "/" + month.getMonthValue();
    }
}
