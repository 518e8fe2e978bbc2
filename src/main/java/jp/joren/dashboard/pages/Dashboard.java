package jp.joren.dashboard.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.joren.dashboard.period.DashboardQueries;
import jp.joren.dashboard.period.Period;
import jp.joren.dashboard.period.PeriodFigures;
import jp.joren.dashboard.period.PeriodReading;
import jp.joren.dashboard.portfolio.PortfolioReads;
import jp.joren.dashboard.products.ProductInsights;
import jp.joren.reminders.ReminderPolicies;
import jp.joren.segments.Cell;
import jp.joren.segments.Portfolio;
import jp.joren.segments.Segment;
import jp.joren.tenancy.CurrentTenant;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assembles the dashboard of a period: one read-only transaction, a handful of set-based queries. */
@Service
class Dashboard {

    static final List<Segment> SEGMENTS = List.of(Segment.values());

    static final int TOWNS_PER_TIER_ON_DASHBOARD = 8;

    static final List<Cell> CELLS = List.of(Segment.values()).stream()
            .flatMap(segment -> List.of(new Cell(segment, false), new Cell(segment, true)).stream()).toList();

    record Compared(PeriodFigures current, PeriodFigures previous, PeriodFigures lastYear) {
    }

    record Movement(LocalDate month, Map<String, Long> counts, long total) {

        /** Customers who moved from {@code from} (null: had no cell the month before) to {@code to}. */
        public long count(Cell from, Cell to) {
            return counts.getOrDefault(key(from, to), 0L);
        }

        static String key(Cell from, Cell to) {
            return (from == null ? "NEW" : from.code()) + ">" + to.code();
        }
    }

    record Trend(List<LocalDate> months, Map<Cell, long[]> counts) {

        public long[] of(Cell cell) {
            return counts.getOrDefault(cell, new long[months.size()]);
        }

        /** Month by month, the cell's count, for a row of the table. */
        public List<MonthCount> row(Cell cell) {
            long[] counts = of(cell);
            return java.util.stream.IntStream.range(0, months.size())
                    .mapToObj(i -> new MonthCount(months.get(i), counts[i])).toList();
        }
    }

    record MonthCount(LocalDate month, long customers) {
    }

    record CategoryRow(long categoryId, String category, Double topShare, Double allShare, Double lift,
            Double penetration, long topBuyers) {
    }

    record View(Period period, Optional<LocalDate> classifiedAsOf, Compared figures,
            List<DashboardQueries.MonthSales> monthlySales, List<Charts.Rect> salesBars, List<Charts.Rect> waterfall,
            Map<Cell, PortfolioReads.CellFigures> cells, long classified, List<Charts.Bubble> bubbles,
            Movement movement, Trend trend, PortfolioReads.Recency recency, List<PortfolioReads.Interval> intervals,
            List<DashboardQueries.CategoryPreference> categories, List<PortfolioReads.CellConsent> reach,
            int frequencyCapDays, PortfolioReads.Funnel funnel, List<PortfolioReads.FollowUp> followUps,
            List<PortfolioReads.Cohort> cohorts,
            List<DashboardQueries.AreaFigures> tradeArea, List<String> neighbourhood,
            Optional<LocalDate> monthEndsStaleSince) {

        public PortfolioReads.CellFigures figuresOf(Segment segment, boolean lapsed) {
            Cell cell = new Cell(segment, lapsed);
            return cells.getOrDefault(cell, new PortfolioReads.CellFigures(cell, 0, 0, 0, 0));
        }

        public List<Integer> cohortWindows() {
            return java.util.Arrays.stream(PortfolioReads.COHORT_WINDOWS).boxed().toList();
        }

        /** Question 8, row by row: shares of the 優良 customers' and of everyone's spending, lift, penetration. */
        public List<CategoryRow> categoryRows() {
            long topTotal = categories.stream().mapToLong(DashboardQueries.CategoryPreference::topSales).sum();
            long allTotal = categories.stream().mapToLong(DashboardQueries.CategoryPreference::allSales).sum();
            return categories.stream().map(c -> {
                Double topShare = topTotal == 0 ? null : (double) c.topSales() / topTotal;
                Double allShare = allTotal == 0 ? null : (double) c.allSales() / allTotal;
                Double lift = topShare == null || allShare == null || allShare == 0 ? null : topShare / allShare;
                Double penetration = recency.loyal() == 0 ? null : (double) c.topBuyers() / recency.loyal();
                return new CategoryRow(c.categoryId(), c.category(), topShare, allShare, lift, penetration,
                        c.topBuyers());
            }).toList();
        }

        /** The tiers, each with its largest towns; every town is on the trade-area page. */
        public List<DashboardQueries.AreaFigures> tradeAreaSummary() {
            Map<Integer, Integer> townsShown = new HashMap<>();
            return tradeArea.stream().filter(row -> row.town() == null
                    || townsShown.merge(row.tier(), 1, Integer::sum) <= TOWNS_PER_TIER_ON_DASHBOARD).toList();
        }

        public long townsNotShown() {
            return tradeArea.size() - tradeAreaSummary().size();
        }

        public Double loyalShareOfCustomers() {
            PortfolioReads.CellFigures loyal = cells.get(new Cell(Segment.LOYAL, false));
            long lapsedLoyal = Optional.ofNullable(cells.get(new Cell(Segment.LOYAL, true)))
                    .map(PortfolioReads.CellFigures::customers).orElse(0L);
            long loyalCustomers = (loyal == null ? 0 : loyal.customers()) + lapsedLoyal;
            return classified == 0 ? null : (double) loyalCustomers / classified;
        }
    }

    record Insights(List<ProductInsights.Rhythm> rhythms, List<ProductInsights.Pair> productPairs,
            List<ProductInsights.Pair> categoryPairs) {
    }

    private final DashboardQueries queries;
    private final PortfolioReads portfolio;
    private final Portfolio portfolioSettings;
    private final ProductInsights products;
    /** See {@link DashboardCache}. */
    private final Cache memo;
    private final ReminderPolicies reminderPolicies;
    private final Clock clock;

    Dashboard(DashboardQueries queries, PortfolioReads portfolio, Portfolio portfolioSettings, ProductInsights products,
            CacheManager caches, ReminderPolicies reminderPolicies, Clock clock) {
        this.queries = queries;
        this.reminderPolicies = reminderPolicies;
        this.clock = clock;
        this.memo = caches.getCache(DashboardCache.NAME);
        this.products = products;
        this.portfolio = portfolio;
        this.portfolioSettings = portfolioSettings;
    }

    /**
     * The dashboard of {@code period}. What cannot change before the next night (periods already over, and
     * figures of last night's classification alone) is remembered per shop and classification.
     */
    @Transactional(readOnly = true)
    public View view(Period period, LocalDate today) {
        Remembered remembered = remembering(today);
        Optional<LocalDate> asOf = remembered.classification().map(PortfolioReads.Classification::asOf);
        List<String> neighbourhood = portfolioSettings.policy().neighbourhoodTowns();
        int cap = reminderPolicies.current().frequencyCapDays();
        PeriodReading reading = reading(period, neighbourhood, remembered);
        Compared figures = new Compared(reading.figures(), reading(period.previous(), neighbourhood, remembered).figures(),
                reading(period.lastYear(), neighbourhood, remembered).figures());
        LocalDate lastMonth = period.last().withDayOfMonth(1);
        List<DashboardQueries.MonthSales> monthly = monthlySales(lastMonth.minusMonths(11), lastMonth.plusMonths(1), remembered);
        Map<Cell, PortfolioReads.CellFigures> cells = new HashMap<>();
        List<PortfolioReads.CellFigures> cellFigures = remembered.always(List.of("cells"), portfolio::cells).stream()
                .map(cell -> cell.withSales(reading.salesOf(cell.cell()))).toList();
        cellFigures.forEach(cell -> cells.put(cell.cell(), cell));
        long classified = cellFigures.stream().mapToLong(PortfolioReads.CellFigures::customers).sum();
        return new View(period, asOf, figures, monthly, Charts.stackedSales(monthly),
                Charts.waterfall(figures.current()), cells, classified, Charts.portfolio(cellFigures),
                remembered.always(List.of("movement", lastMonth), () -> movement(lastMonth)),
                remembered.always(List.of("trend", lastMonth), () -> trend(lastMonth)),
                remembered.always(List.of("recency"), () -> portfolio.recency(today)),
                remembered.always(List.of("intervals", period.until()), () -> portfolio.intervals(period.until())),
                remembered.always(List.of("categories"), () -> queries.categories(today)),
                remembered.always(List.of("reach", cap),
                        () -> portfolio.reach(clock.instant().minus(Duration.ofDays(cap)))),
                cap,
                remembered.always(List.of("funnel", period.until()), () -> portfolio.funnel(period.until())),
                portfolio.followUps(period.until()),
                remembered.always(List.of("cohorts", lastMonth), () -> portfolio.cohorts(lastMonth.minusMonths(11),
                        lastMonth.plusMonths(1), asOf.orElse(today))),
                tradeArea(period, neighbourhood, reading, remembered),
                neighbourhood,
                portfolio.monthEndsStaleSince().filter(since -> since.isBefore(period.until())));
    }

    /** The trade area of a period, every town of it. */
    @Transactional(readOnly = true)
    public List<DashboardQueries.AreaFigures> tradeArea(Period period, LocalDate today) {
        Remembered remembered = remembering(today);
        List<String> neighbourhood = portfolioSettings.policy().neighbourhoodTowns();
        return tradeArea(period, neighbourhood, reading(period, neighbourhood, remembered), remembered);
    }

    private List<DashboardQueries.AreaFigures> tradeArea(Period period, List<String> neighbourhood, PeriodReading reading,
            Remembered remembered) {
        return DashboardQueries.tradeArea(remembered.always(List.of("areaCounts", period.snapshotAtStart(), neighbourhood),
                () -> queries.areaCounts(period.snapshotAtStart(), neighbourhood)), reading.areaSales());
    }

    /** Remembering for the current shop and classification, today. */
    private Remembered remembering(LocalDate today) {
        return new Remembered(CurrentTenant.require(), portfolio.classification().orElse(null), today);
    }

    /** A period's one pass over its purchases, with the period before's buyers and the counts at its start. */
    private PeriodReading reading(Period period, List<String> neighbourhood, Remembered remembered) {
        return remembered.ifClosed(period, List.of("reading", neighbourhood), () -> queries.read(period,
                remembered.ifClosed(period.previous(), "buyers", () -> queries.buyers(period.previous())),
                remembered.always(List.of("start", period.kind(), period.from(), period.until()),
                        () -> queries.startOf(period)),
                neighbourhood));
    }

    /** The closed months remembered, the month that holds today read afresh. */
    private List<DashboardQueries.MonthSales> monthlySales(LocalDate fromMonth, LocalDate untilMonth, Remembered remembered) {
        LocalDate openMonth = remembered.today().withDayOfMonth(1);
        if (!untilMonth.isAfter(openMonth)) {
            return remembered.always(List.of("monthlySales", fromMonth, untilMonth),
                    () -> queries.monthlySales(fromMonth, untilMonth));
        }
        List<DashboardQueries.MonthSales> months = new java.util.ArrayList<>(remembered.always(
                List.of("monthlySales", fromMonth, openMonth), () -> queries.monthlySales(fromMonth, openMonth)));
        months.addAll(queries.monthlySales(openMonth, untilMonth));
        return months;
    }

    /**
     * Remembering for one shop, one classification and one day. A classification made again (new thresholds,
     * a run by hand) is a new key, even on the same day.
     */
    private final class Remembered {

        private final long tenant;
        private final PortfolioReads.Classification classification;
        private final LocalDate today;

        Remembered(long tenant, PortfolioReads.Classification classification, LocalDate today) {
            this.tenant = tenant;
            this.classification = classification;
            this.today = today;
        }

        LocalDate today() {
            return today;
        }

        Optional<PortfolioReads.Classification> classification() {
            return Optional.ofNullable(classification);
        }

        /** Figures of last night's data alone. */
        <T> T always(List<Object> what, java.util.function.Supplier<T> compute) {
            List<Object> key = new java.util.ArrayList<>(List.of(tenant, String.valueOf(classification), today));
            key.addAll(what);
            // not the cache's get-or-load: a figure is computed from other remembered figures, and a load may
            // not reach into the cache it is loading; two requests computing one figure at once is harmless
            Cache.ValueWrapper remembered = memo.get(key);
            if (remembered != null) {
                @SuppressWarnings("unchecked")
                T value = (T) remembered.get();
                return value;
            }
            T value = compute.get();
            memo.put(key, value);
            return value;
        }

        /** Figures of a period: remembered once the period is over, read afresh while it runs. */
        <T> T ifClosed(Period period, Object what, java.util.function.Supplier<T> compute) {
            if (period.until().isAfter(today)) {
                return compute.get();
            }
            return always(List.of(what, period.from(), period.until()), compute);
        }
    }

    @Transactional(readOnly = true)
    public Insights productInsights(LocalDate today) {
        return new Insights(products.rhythms(today), products.productPairs(today), products.categoryPairs(today));
    }

    private Movement movement(LocalDate month) {
        Optional<LocalDate> known = portfolio.latestMovementMonth(month);
        Map<String, Long> counts = new HashMap<>();
        long total = 0;
        if (known.isPresent()) {
            for (PortfolioReads.Move move : portfolio.movement(known.get())) {
                counts.put(Movement.key(move.from(), move.to()), move.customers());
                total += move.customers();
            }
        }
        return new Movement(known.orElse(null), counts, total);
    }

    /** Twelve months up to the last one closed by {@code month}'s end. */
    private Trend trend(LocalDate month) {
        LocalDate lastMonth = portfolio.latestClosedMonth(month).orElse(month);
        List<LocalDate> months = new java.util.ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            months.add(lastMonth.minusMonths(i));
        }
        Map<Cell, long[]> counts = new HashMap<>();
        for (PortfolioReads.MonthCell row : portfolio.trend(months.get(0), lastMonth)) {
            counts.computeIfAbsent(row.cell(), cell -> new long[months.size()])[months.indexOf(row.month())] = row.customers();
        }
        return new Trend(months, counts);
    }
}
