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
import jp.joren.dashboard.period.TradeArea;
import jp.joren.dashboard.portfolio.PortfolioHistory;
import jp.joren.dashboard.portfolio.PortfolioReads;
import jp.joren.dashboard.portfolio.SecondVisits;
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

    record View(Period period, Optional<LocalDate> classifiedAsOf, Compared figures,
            List<DashboardQueries.MonthSales> monthlySales, List<Charts.Rect> salesBars, List<Charts.Rect> waterfall,
            Map<Cell, PortfolioReads.CellFigures> cells, long classified, List<Charts.Bubble> bubbles,
            PortfolioHistory.Movement movement, PortfolioHistory.Trend trend, PortfolioReads.Recency recency,
            List<PortfolioReads.Interval> intervals,
            List<DashboardQueries.CategoryPreference> categories, List<PortfolioReads.CellConsent> reach,
            int frequencyCapDays, SecondVisits.Funnel funnel, List<SecondVisits.FollowUp> followUps,
            List<SecondVisits.Cohort> cohorts,
            List<TradeArea.AreaFigures> tradeArea, List<String> neighbourhood,
            Optional<LocalDate> monthEndsStaleSince) {

        public PortfolioReads.CellFigures figuresOf(Segment segment, boolean lapsed) {
            Cell cell = new Cell(segment, lapsed);
            return cells.getOrDefault(cell, new PortfolioReads.CellFigures(cell, 0, 0, 0, 0));
        }

        public List<Integer> cohortWindows() {
            return java.util.Arrays.stream(SecondVisits.COHORT_WINDOWS).boxed().toList();
        }

        /** Question 8, row by row. */
        public List<CategoryRow> categoryRows() {
            return CategoryRow.rows(categories, recency.loyal());
        }

        /** The tiers, each with its largest towns; every town is on the trade-area page. */
        public List<TradeArea.AreaFigures> tradeAreaSummary() {
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

    private final DashboardQueries queries;
    private final TradeArea tradeArea;
    private final PortfolioReads portfolio;
    private final PortfolioHistory history;
    private final SecondVisits secondVisits;
    private final Portfolio portfolioSettings;
    /** See {@link DashboardCache}. */
    private final Cache memo;
    private final ReminderPolicies reminderPolicies;
    private final Clock clock;

    Dashboard(DashboardQueries queries, TradeArea tradeArea, PortfolioReads portfolio, PortfolioHistory history,
            SecondVisits secondVisits, Portfolio portfolioSettings, CacheManager caches, ReminderPolicies reminderPolicies,
            Clock clock) {
        this.queries = queries;
        this.tradeArea = tradeArea;
        this.reminderPolicies = reminderPolicies;
        this.clock = clock;
        this.memo = caches.getCache(DashboardCache.NAME);
        this.portfolio = portfolio;
        this.history = history;
        this.secondVisits = secondVisits;
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
                remembered.always(List.of("movement", lastMonth), () -> history.movement(lastMonth)),
                remembered.always(List.of("trend", lastMonth), () -> history.trend(lastMonth)),
                remembered.always(List.of("recency"), () -> portfolio.recency(today)),
                remembered.always(List.of("intervals", period.until()), () -> portfolio.intervals(period.until())),
                remembered.always(List.of("categories"), () -> queries.categories(today)),
                remembered.always(List.of("reach", cap),
                        () -> portfolio.reach(clock.instant().minus(Duration.ofDays(cap)))),
                cap,
                remembered.always(List.of("funnel", period.until()), () -> secondVisits.funnel(period.until())),
                secondVisits.followUps(period.until()),
                remembered.always(List.of("cohorts", lastMonth), () -> secondVisits.cohorts(lastMonth.minusMonths(11),
                        lastMonth.plusMonths(1), asOf.orElse(today))),
                tradeArea(period, neighbourhood, reading, remembered),
                neighbourhood,
                history.monthEndsStaleSince().filter(since -> since.isBefore(period.until())));
    }

    /** The trade area of a period, every town of it. */
    @Transactional(readOnly = true)
    public List<TradeArea.AreaFigures> tradeArea(Period period, LocalDate today) {
        Remembered remembered = remembering(today);
        List<String> neighbourhood = portfolioSettings.policy().neighbourhoodTowns();
        return tradeArea(period, neighbourhood, reading(period, neighbourhood, remembered), remembered);
    }

    private List<TradeArea.AreaFigures> tradeArea(Period period, List<String> neighbourhood, PeriodReading reading,
            Remembered remembered) {
        return TradeArea.figures(remembered.always(List.of("areaCounts", period.snapshotAtStart(), neighbourhood),
                () -> tradeArea.counts(period.snapshotAtStart(), neighbourhood)), reading.areaSales());
    }

    /** Remembering for the current shop and classification, today. */
    private Remembered remembering(LocalDate today) {
        return new Remembered(memo, CurrentTenant.require(), portfolio.classification().orElse(null), today);
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
}
