package jp.joren.segments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jp.joren.demo.DemoShopGenerator;
import jp.joren.demo.DemoShopSpec;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.ShopWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly SQL against a plain Java reading of DESIGN.md §4 and §6 on a generated shop of 3,000
 * customers: every customer, every field, and one month-end snapshot.
 */
@JorenIntegrationTest
class PortfolioAgreementTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @Autowired
    DemoShopGenerator generator;

    @Autowired
    Portfolio portfolio;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ShopWork shopWork;

    record Receipt(long purchaseId, long customerId, LocalDate day, String status, long total, String customerStatus) {
    }

    record Line(long purchaseId, long productId, long amount) {
    }

    @Test
    void theSqlClassificationAgreesWithAStraightforwardJavaComputationForEveryCustomer() {
        long tenant = generator.generate(new DemoShopSpec(42, 3_000, TODAY,
                "agreement-" + System.nanoTime() + "@test.joren.jp", "joren-demo-2026", "照合の店"));
        // some variety the generator does not make: an excluded product and an archived customer
        Set<Long> excluded = shopWork.inShop(tenant, () -> new HashSet<>(jdbc.sql("""
                update product set excluded_from_portfolio = true
                 where id in (select product_id from purchase_line group by product_id order by count(*) desc, product_id limit 1)
                returning id
                """).query(Long.class).list()));
        shopWork.inShop(tenant, () -> jdbc.sql("update customer set status = 'ARCHIVED' where id in (select min(id) from customer)").update());
        List<Receipt> receipts = shopWork.inShop(tenant, () -> jdbc.sql("""
                select p.id, p.customer_id, p.business_date, p.status, p.total, c.status
                  from purchase p join customer c on c.tenant_id = p.tenant_id and c.id = p.customer_id
                """).query((rs, row) -> new Receipt(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                rs.getString(4), rs.getLong(5), rs.getString(6))).list());
        List<Line> lines = shopWork.inShop(tenant, () -> jdbc.sql("select purchase_id, product_id, amount from purchase_line")
                .query((rs, row) -> new Line(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list());
        assertThat(receipts).hasSizeGreaterThan(10_000);

        shopWork.inShop(tenant, () -> portfolio.classify(TODAY, step -> { }));

        Reference reference = new Reference(receipts, lines, excluded);
        Reference.Figures figures = reference.figures(TODAY);
        Thresholds thresholds = PortfolioPolicy.defaults().resolve(new ShopFigures(figures.visits(), figures.visitsLastYear(),
                figures.amountLastYear(), figures.medianGap(), figures.medianFirstGap(), figures.gapP90()));
        assertThat(shopWork.inShop(tenant, () -> jdbc.sql("""
                select first_tenure_days || '/' || second_tenure_days || '/' || lapse_days || '/' || amount_threshold
                       || '/' || visits_total || '/' || median_gap_days || '/' || median_first_gap_days || '/' || gap_p90_days
                  from portfolio_basis where as_of = ?
                """).param(TODAY).query(String.class).single()))
                .isEqualTo(thresholds.firstTenureDays() + "/" + thresholds.secondTenureDays() + "/" + thresholds.lapseDays()
                        + "/" + thresholds.amountThreshold() + "/" + figures.visits() + "/" + figures.medianGap() + "/"
                        + figures.medianFirstGap() + "/" + figures.gapP90());

        Map<Long, String> expected = new TreeMap<>();
        reference.visitsBefore(TODAY).forEach((customer, days) -> {
            List<LocalDate> dates = new ArrayList<>(days.keySet());
            int visits = dates.size();
            LocalDate first = dates.get(0);
            LocalDate last = dates.get(visits - 1);
            long tenure = ChronoUnit.DAYS.between(first, last);
            long lapse = ChronoUnit.DAYS.between(last, TODAY);
            long amount = days.values().stream().mapToLong(Long::longValue).sum();
            long interval = expectedInterval(dates, figures);
            Cell cell = thresholds.cellOf(visits, tenure, lapse, amount);
            expected.put(customer, String.join(" ", String.valueOf(visits), first.toString(), last.toString(),
                    String.valueOf(tenure), String.valueOf(lapse), String.valueOf(amount), String.valueOf(interval),
                    cell.code()));
        });
        Map<Long, String> actual = new TreeMap<>();
        shopWork.inShop(tenant, () -> {
            jdbc.sql("""
                    select customer_id, concat_ws(' ', visits, first_visit, last_visit, tenure_days, k.as_of - last_visit,
                           amount, expected_interval_days, segment || case when lapsed then '-LAPSED' else '-ACTIVE' end)
                      from customer_portfolio cp join portfolio_classification k on k.tenant_id = cp.tenant_id
                    """).query((rs, row) -> actual.put(rs.getLong(1), rs.getString(2))).list();
            return null;
        });
        assertThat(actual).hasSizeGreaterThan(2_500).isEqualTo(expected);

        // the close of October, cut with the thresholds of 1 November
        LocalDate november = LocalDate.of(2026, 11, 1);
        Reference.Figures octoberFigures = reference.figures(november);
        Thresholds october = PortfolioPolicy.defaults().resolve(new ShopFigures(octoberFigures.visits(),
                octoberFigures.visitsLastYear(), octoberFigures.amountLastYear(), octoberFigures.medianGap(),
                octoberFigures.medianFirstGap(), octoberFigures.gapP90()));
        Map<Long, String> expectedSnapshot = new TreeMap<>();
        reference.visitsBefore(november).forEach((customer, days) -> {
            List<LocalDate> dates = new ArrayList<>(days.keySet());
            long amount = days.values().stream().mapToLong(Long::longValue).sum();
            Cell cell = october.cellOf(dates.size(), ChronoUnit.DAYS.between(dates.get(0), dates.get(dates.size() - 1)),
                    ChronoUnit.DAYS.between(dates.get(dates.size() - 1), november), amount);
            expectedSnapshot.put(customer, dates.size() + " " + amount + " " + cell.code());
        });
        Map<Long, String> actualSnapshot = new TreeMap<>();
        shopWork.inShop(tenant, () -> {
            jdbc.sql("""
                    select customer_id, concat_ws(' ', visits, amount, segment || case when lapsed then '-LAPSED' else '-ACTIVE' end)
                      from portfolio_snapshot where month = date '2026-10-01'
                    """).query((rs, row) -> actualSnapshot.put(rs.getLong(1), rs.getString(2))).list();
            return null;
        });
        assertThat(actualSnapshot).isEqualTo(expectedSnapshot);
    }

    /** DESIGN.md §6, read literally. */
    private static long expectedInterval(List<LocalDate> dates, Reference.Figures figures) {
        int visits = dates.size();
        if (visits == 1) {
            return figures.medianFirstGap() == null ? 30 : figures.medianFirstGap();
        }
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < visits; i++) {
            gaps.add(ChronoUnit.DAYS.between(dates.get(i - 1), dates.get(i)));
        }
        if (visits >= 4) {
            List<Long> lastThree = new ArrayList<>(gaps.subList(gaps.size() - 3, gaps.size()));
            lastThree.sort(null);
            return lastThree.get(1);
        }
        BigDecimal ownMean = BigDecimal.valueOf(gaps.stream().mapToLong(Long::longValue).sum())
                .divide(BigDecimal.valueOf(gaps.size()), 20, RoundingMode.HALF_UP);
        return ownMean.add(BigDecimal.valueOf(figures.medianGap())).divide(BigDecimal.valueOf(2), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** Visits and shop figures computed from the raw receipts and lines, without SQL. */
    private static final class Reference {

        record Figures(int visits, int visitsLastYear, long amountLastYear, Integer medianGap, Integer medianFirstGap,
                Integer gapP90) {
        }

        private final List<Receipt> receipts;
        private final Map<Long, List<Line>> linesByPurchase = new HashMap<>();
        private final Set<Long> excluded;

        Reference(List<Receipt> receipts, List<Line> lines, Set<Long> excluded) {
            this.receipts = receipts;
            this.excluded = excluded;
            lines.forEach(line -> linesByPurchase.computeIfAbsent(line.purchaseId(), id -> new ArrayList<>()).add(line));
        }

        /** customer → visit day → amount of that day, in day order. */
        Map<Long, TreeMap<LocalDate, Long>> visitsBefore(LocalDate asOf) {
            Map<Long, TreeMap<LocalDate, Long>> visits = new HashMap<>();
            for (Receipt receipt : receipts) {
                if (!receipt.status().equals("COMPLETED") || !receipt.day().isBefore(asOf)
                        || !receipt.customerStatus().equals("ACTIVE")) {
                    continue;
                }
                List<Line> lines = linesByPurchase.getOrDefault(receipt.purchaseId(), List.of());
                long excludedAmount = lines.stream().filter(l -> excluded.contains(l.productId())).mapToLong(Line::amount).sum();
                boolean onlyExcluded = !lines.isEmpty() && lines.stream().allMatch(l -> excluded.contains(l.productId()));
                if (onlyExcluded) {
                    continue;
                }
                visits.computeIfAbsent(receipt.customerId(), c -> new TreeMap<>())
                        .merge(receipt.day(), receipt.total() - excludedAmount, Long::sum);
            }
            return visits;
        }

        Figures figures(LocalDate asOf) {
            int visits = 0;
            int lastYear = 0;
            long amountLastYear = 0;
            List<Long> gaps = new ArrayList<>();
            List<Long> firstGaps = new ArrayList<>();
            for (TreeMap<LocalDate, Long> days : visitsBefore(asOf).values()) {
                LocalDate previous = null;
                for (Map.Entry<LocalDate, Long> day : days.entrySet()) {
                    visits++;
                    if (!day.getKey().isBefore(asOf.minusDays(365))) {
                        lastYear++;
                        amountLastYear += day.getValue();
                    }
                    if (previous != null) {
                        long gap = ChronoUnit.DAYS.between(previous, day.getKey());
                        gaps.add(gap);
                        if (previous.equals(days.firstKey())) {
                            firstGaps.add(gap);
                        }
                    }
                    previous = day.getKey();
                }
            }
            return new Figures(visits, lastYear, amountLastYear, percentile(gaps, 0.5), percentile(firstGaps, 0.5),
                    percentile(gaps, 0.9));
        }

        /** PostgreSQL's percentile_disc: the first value whose position reaches the fraction. */
        private static Integer percentile(List<Long> values, double fraction) {
            if (values.isEmpty()) {
                return null;
            }
            List<Long> sorted = new ArrayList<>(values);
            sorted.sort(null);
            int position = (int) Math.ceil(fraction * sorted.size());
            return sorted.get(Math.max(1, position) - 1).intValue();
        }
    }
}
