package jp.joren.dashboard.pages;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jp.joren.dashboard.period.Period;
import jp.joren.dashboard.period.PeriodFigures;
import jp.joren.dashboard.portfolio.PortfolioReads;
import jp.joren.dashboard.portfolio.SecondVisits;
import jp.joren.segments.Cell;
import jp.joren.segments.Portfolio;
import jp.joren.segments.Segment;
import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.ShopWork;
import jp.joren.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The dashboard of October 2026 for a small shop whose every figure was worked out by hand. Each purchase has
 * one line of two items. The amount threshold is ¥70,000 (fewer than 100 visits).
 * <pre>
 *  A  2025-12-01 ¥30,000  2026-06-01 ¥30,000  2026-09-10 ¥20,000  2026-10-05 ¥10,000   優良 at the start of October
 *  B  2026-10-10 ¥5,000 + ¥1,000 (one visit)  2026-10-20 ¥4,000                        new in October
 *  C  2026-05-01 ¥3,000  2026-09-15 ¥2,000                                              lost in October
 *  D  2026-02-01 ¥4,000  2026-10-12 ¥6,000                                              lapsed, came back
 *  E  2026-10-15 ¥8,000 cancelled                                                       no visit
 *  F  2026-08-20 ¥2,000                                                                 not seen for 74 days
 *  G  2026-07-05 ¥1,000  2026-09-01 ¥1,000                                              July cohort, back within 90 days
 *  H  2026-07-20 ¥1,000                                                                 July cohort, not back
 *  walk-in 2026-10-03 ¥5,000
 * </pre>
 */
@JorenIntegrationTest
class DashboardFiguresTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 2);
    private static final Period OCTOBER = Period.containing(Period.Kind.MONTH, LocalDate.of(2026, 10, 1));

    @LocalServerPort
    int port;

    @Autowired
    ShopFixtures shops;

    @Autowired
    Portfolio portfolio;

    @Autowired
    Dashboard dashboard;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ShopWork shopWork;

    private TestShop shop;
    private final Map<String, Long> customers = new HashMap<>();

    @BeforeEach
    void handMadeShop() {
        shop = shops.newShop("ダッシュボード 検算の店");
        shopWork.inShop(shop.tenantId(), () -> {
            long store = jdbc.sql("select min(id) from store").query(Long.class).single();
            long product = jdbc.sql("""
                    insert into product (tenant_id, code, name, price) values (app_current_tenant(), 'P', '品物', 1000)
                    returning id
                    """).query(Long.class).single();
            Object[][] receipts = {
                    {"A", "2025-12-01", 30_000, "COMPLETED"}, {"A", "2026-06-01", 30_000, "COMPLETED"},
                    {"A", "2026-09-10", 20_000, "COMPLETED"}, {"A", "2026-10-05", 10_000, "COMPLETED"},
                    {"B", "2026-10-10", 5_000, "COMPLETED"}, {"B", "2026-10-10", 1_000, "COMPLETED"},
                    {"B", "2026-10-20", 4_000, "COMPLETED"},
                    {"C", "2026-05-01", 3_000, "COMPLETED"}, {"C", "2026-09-15", 2_000, "COMPLETED"},
                    {"D", "2026-02-01", 4_000, "COMPLETED"}, {"D", "2026-10-12", 6_000, "COMPLETED"},
                    {"E", "2026-10-15", 8_000, "CANCELLED"},
                    {"F", "2026-08-20", 2_000, "COMPLETED"},
                    {"G", "2026-07-05", 1_000, "COMPLETED"}, {"G", "2026-09-01", 1_000, "COMPLETED"},
                    {"H", "2026-07-20", 1_000, "COMPLETED"},
                    {null, "2026-10-03", 5_000, "COMPLETED"}};
            for (Object[] receipt : receipts) {
                Long customer = receipt[0] == null ? null : customers.computeIfAbsent((String) receipt[0], name -> jdbc
                        .sql("insert into customer (tenant_id, name) values (app_current_tenant(), ?) returning id")
                        .param("顧客" + name).query(Long.class).single());
                long purchase = jdbc.sql("""
                                insert into purchase (tenant_id, customer_id, store_id, purchased_at, business_date, total, status)
                                values (app_current_tenant(), ?, ?, cast(? as date) + time '11:00', cast(? as date), ?, ?)
                                returning id
                                """)
                        .params(customer, store, receipt[1], receipt[1], receipt[2], receipt[3]).query(Long.class).single();
                jdbc.sql("""
                                insert into purchase_line (tenant_id, purchase_id, product_id, quantity, unit_price, amount)
                                values (app_current_tenant(), ?, ?, 2, ?, ?)
                                """)
                        .params(purchase, product, ((Integer) receipt[2]) / 2, receipt[2]).update();
            }
            portfolio.classify(TODAY, step -> { });
            return null;
        });
    }

    @Test
    void theFiguresOfOctoberAreTheHandComputedOnes() {
        Dashboard.View view = shopWork.inShop(shop.tenantId(), () -> dashboard.view(OCTOBER, TODAY));
        PeriodFigures october = view.figures().current();

        assertThat(october.sales()).isEqualTo(31_000);
        assertThat(october.identifiedSales()).isEqualTo(26_000);
        assertThat(october.identifiedShare()).isCloseTo(26.0 / 31, within(1e-9));
        // question 1: everyone but B came before October; A was 優良 at its start
        assertThat(october.repeatShare()).isCloseTo(16.0 / 26, within(1e-9));
        assertThat(october.loyalShare()).isCloseTo(10.0 / 26, within(1e-9));
        // question 2
        assertThat(october.newBuyers()).isEqualTo(1);
        assertThat(october.newShare()).isCloseTo(10.0 / 26, within(1e-9));
        // question 3, as of 2 November: F (74 days) and G (62 days)
        assertThat(view.recency().notSeenTwoToThreeMonths()).isEqualTo(2);
        // question 4: A, B and D bought; A, C, F, G and H were active on 1 October (D had lapsed), B is new
        assertThat(october.buyers()).isEqualTo(3);
        assertThat(october.activeAtStart()).isEqualTo(5);
        assertThat(october.buyingShare()).isCloseTo(3.0 / 6, within(1e-9));
        // question 5: the July cohort, G came back within 90 days, H did not
        assertThat(october.cohort()).isEqualTo(2);
        assertThat(october.cohortReturnRate()).isCloseTo(0.5, within(1e-9));
        // question 6: A
        assertThat(view.recency().loyal()).isEqualTo(1);
        // question 7: average own intervals of those seen in the year before 1 November: A (308 days / 3 gaps)
        // against B 10, G 58, C 137 and D 253
        assertThat(view.intervals()).extracting(PortfolioReads.Interval::top, PortfolioReads.Interval::median)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(true, 308.0 / 3), org.assertj.core.groups.Tuple.tuple(false, 97.5));
        // question 8: the one (uncategorised) product is all of A's October spending and of everyone's
        assertThat(view.categoryRows()).singleElement().satisfies(row -> {
            assertThat(row.topShare()).isEqualTo(1.0);
            assertThat(row.lift()).isEqualTo(1.0);
            assertThat(row.penetration()).isEqualTo(1.0);
        });
        // question 9: nobody gave consent to promotions
        assertThat(view.reach()).allSatisfy(cell -> assertThat(cell.email() + cell.postal()).isZero());
        // question 10: first visits since 1 Nov 2025: A, B, C, D, F, G, H
        assertThat(view.funnel().steps()).extracting(SecondVisits.Funnel.Step::customers).containsExactly(7L, 5L, 1L, 1L, 0L);

        // the sales equation: 3 buyers × 4/3 visits × ¥6,500 = ¥26,000; ¥2,600 × 2.5 items = ¥6,500
        assertThat(october.visits()).isEqualTo(4);
        assertThat(october.visitsPerBuyer() * october.buyers() * october.amountPerVisit()).isCloseTo(26_000, within(1e-6));
        assertThat(october.averageItemPrice()).isCloseTo(2_600, within(1e-9));
        assertThat(october.itemsPerVisit()).isCloseTo(2.5, within(1e-9));
        // the waterfall: September's buyers A, C, G; C and G lost; B new; D returned
        assertThat(october.buyersBefore()).isEqualTo(3);
        assertThat(october.lost()).isEqualTo(2);
        assertThat(october.returned()).isEqualTo(1);
        assertThat(october.buyersBefore() - october.lost() + october.newBuyers() + october.returned())
                .isEqualTo(october.buyers());

        // September for the comparison: A ¥20,000, C ¥2,000, G ¥1,000, nobody new
        assertThat(view.figures().previous().identifiedSales()).isEqualTo(23_000);
        assertThat(view.figures().previous().newShare()).isEqualTo(0.0);

        // the portfolio now, and October's movement: D came back, B came new
        assertThat(view.figuresOf(Segment.LOYAL, false).customers()).isEqualTo(1);
        assertThat(view.figuresOf(Segment.LOYAL, false).sales()).isEqualTo(10_000);
        assertThat(view.figuresOf(Segment.STEADY, false).customers()).isEqualTo(2);
        assertThat(view.figuresOf(Segment.FIRST, false).customers()).isEqualTo(2);
        assertThat(view.movement().month()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(view.movement().count(new Cell(Segment.FIRST, true), new Cell(Segment.STEADY, false))).isEqualTo(1);
        assertThat(view.movement().count(null, new Cell(Segment.TODDLER, false))).isEqualTo(1);
        assertThat(view.movement().count(new Cell(Segment.LOYAL, false), new Cell(Segment.LOYAL, false))).isEqualTo(1);
    }

    @Test
    void historyRegisteredAfterTheFirstNightIsInTheMonthEndsTheNextNightTakes() {
        // I's ledger arrives after the first night: August and September, then a purchase in October
        shopWork.inShop(shop.tenantId(), () -> {
            long store = jdbc.sql("select min(id) from store").query(Long.class).single();
            long late = jdbc.sql("insert into customer (tenant_id, name) values (app_current_tenant(), '顧客I') returning id")
                    .query(Long.class).single();
            for (String[] receipt : new String[][] {{"2026-08-05", "3000"}, {"2026-09-05", "3000"}, {"2026-10-08", "2000"}}) {
                jdbc.sql("""
                                insert into purchase (tenant_id, customer_id, store_id, purchased_at, business_date, total)
                                values (app_current_tenant(), ?, ?, cast(? as date) + time '11:00', cast(? as date), ?)""")
                        .params(late, store, receipt[0], receipt[0], Long.parseLong(receipt[1])).update();
            }
            return null;
        });

        shopWork.inShop(shop.tenantId(), () -> portfolio.classify(TODAY, step -> { }));

        PeriodFigures october = shopWork.inShop(shop.tenantId(), () -> dashboard.view(OCTOBER, TODAY)).figures().current();
        // I was active on 1 October (last seen 5 September) and bought in October: 4 of 6 active + 1 new
        assertThat(october.buyers()).isEqualTo(4);
        assertThat(october.activeAtStart()).isEqualTo(6);
        assertThat(october.buyingShare()).isCloseTo(4.0 / 7, within(1e-9));
        assertSharesWithinZeroAndOne(october);
        // September's month end too: I is one of its seven customers now (A, C, D, F, G, H and I)
        assertThat(shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select sum(customers) from portfolio_month_cell where month = '2026-09-01'")
                .query(Long.class).single())).isEqualTo(7);
    }

    @Test
    void aCancelledReceiptMarksTheMonthEndsFromItsDateAndARenumberedOneMarksNothing() {
        // every sale numbers its receipt and counts its items after inserting it: that moves no month end
        shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                update purchase set receipt_number = 7, item_count = item_count + 1
                 where tenant_id = app_current_tenant() and business_date = '2026-09-15'""").update());
        assertThat(staleSince()).isEmpty();
        long firstTimersEndOfSeptember = firstTimersAtTheEndOfSeptember();

        // C's September receipt rung up by mistake: the month ends from 15 September on count C no more
        shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                update purchase set status = 'CANCELLED'
                 where tenant_id = app_current_tenant() and business_date = '2026-09-15'""").update());
        assertThat(staleSince()).contains(LocalDate.of(2026, 9, 15));
        // the owner is told that October's comparison with the month ends waits for tonight
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        assertThat(owner.get("/dashboard?period=MONTH&at=2026-10-01").document().select("#month-ends-stale").text())
                .contains("9月15日").contains("今夜");
        // August was counted before the change and is not touched by it
        assertThat(owner.get("/dashboard?period=MONTH&at=2026-08-01").document().select("#month-ends-stale")).isEmpty();

        shopWork.inShop(shop.tenantId(), () -> portfolio.classify(TODAY, step -> { }));
        assertThat(staleSince()).isEmpty();
        assertThat(owner.get("/dashboard?period=MONTH&at=2026-10-01").document().select("#month-ends-stale")).isEmpty();
        // C's only other visit was in May: at the end of September C is a one-visit customer (初回) again
        assertThat(firstTimersAtTheEndOfSeptember()).isEqualTo(firstTimersEndOfSeptember + 1);
    }

    private long firstTimersAtTheEndOfSeptember() {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                select coalesce(sum(customers), 0) from portfolio_month_cell
                 where tenant_id = app_current_tenant() and month = '2026-09-01' and segment = 'FIRST'""")
                .query(Long.class).single());
    }

    private java.util.Optional<LocalDate> staleSince() {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select since from portfolio_stale where tenant_id = app_current_tenant()")
                .query(LocalDate.class).optional());
    }

    @Test
    void onTheFirstDayOfAMonthEveryShareStaysBetweenNoneAndAll() {
        LocalDate first = LocalDate.of(2026, 11, 1);
        shopWork.inShop(shop.tenantId(), () -> portfolio.classify(first, step -> { }));
        for (Period.Kind kind : List.of(Period.Kind.MONTH, Period.Kind.QUARTER, Period.Kind.YEAR)) {
            // the month, quarter and year the owner opens on the 1st: what has elapsed of them (today alone)
            Dashboard.View view = shopWork.inShop(shop.tenantId(), () -> dashboard.view(Period.containing(kind, first).elapsedBy(first), first));
            assertSharesWithinZeroAndOne(view.figures().current());
            assertSharesWithinZeroAndOne(view.figures().previous());
            assertFunnelAndWaterfallAdd(view);
        }
    }

    @Test
    void theFunnelAndTheWaterfallAddUpAfterHistoryArrivesLate() {
        historyRegisteredAfterTheFirstNightIsInTheMonthEndsTheNextNightTakes();
        assertFunnelAndWaterfallAdd(shopWork.inShop(shop.tenantId(), () -> dashboard.view(OCTOBER, TODAY)));
    }

    /** Each funnel step a share of the first visits, never above it; the waterfall's buyers add up and stay within. */
    private static void assertFunnelAndWaterfallAdd(Dashboard.View view) {
        var steps = view.funnel().steps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).share() != null) {
                assertThat(steps.get(i).share()).as("funnel step %d", i + 1).isBetween(0.0, 1.0);
            }
            if (i > 0) {
                assertThat(steps.get(i).customers()).isLessThanOrEqualTo(steps.get(i - 1).customers());
            }
        }
        PeriodFigures figures = view.figures().current();
        assertThat(figures.lost()).isBetween(0L, figures.buyersBefore());
        assertThat(figures.buyersBefore() - figures.lost() + figures.newBuyers() + figures.returned())
                .isEqualTo(figures.buyers());
    }

    private static void assertSharesWithinZeroAndOne(PeriodFigures figures) {
        for (Double share : java.util.Arrays.asList(figures.identifiedShare(), figures.repeatShare(), figures.loyalShare(),
                figures.newShare(), figures.buyingShare(), figures.cohortReturnRate())) {
            if (share != null) {
                assertThat(share).as(figures.toString()).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void promotionsReachOnlyConsentingCustomersUnderTheCapAndFollowUpsCountWhoCameBack() {
        shopWork.inShop(shop.tenantId(), () -> {
            for (String name : new String[] {"A", "B", "C"}) {
                jdbc.sql("""
                        insert into consent (tenant_id, customer_id, channel, purpose, granted, method)
                        values (app_current_tenant(), ?, 'EMAIL', 'ADVERTISING', true, 'COUNTER')
                        """).param(customers.get(name)).update();
            }
            // C then withdrew; A was sent a promotion 3 days ago, so the 14-day cap holds A back
            jdbc.sql("""
                    insert into consent (tenant_id, customer_id, channel, purpose, granted, method, recorded_at)
                    values (app_current_tenant(), ?, 'EMAIL', 'ADVERTISING', false, 'COUNTER', now() + interval '1 second')
                    """).param(customers.get("C")).update();
            sent("A", "WIN_BACK", "2026-10", Instant.now().minus(Duration.ofDays(3)));
            // the second-visit follow-up on day 7: B (came back on 20 October), G (on 1 September), H (never)
            sent("B", "SECOND_VISIT", "DAY_7", Instant.parse("2026-10-17T01:00:00Z"));
            sent("G", "SECOND_VISIT", "DAY_7", Instant.parse("2026-07-12T01:00:00Z"));
            sent("H", "SECOND_VISIT", "DAY_7", Instant.parse("2026-07-27T01:00:00Z"));
            // on day 30: F, who has not come back
            sent("F", "SECOND_VISIT", "DAY_30", Instant.parse("2026-09-19T01:00:00Z"));
            return null;
        });

        Dashboard.View view = shopWork.inShop(shop.tenantId(), () -> dashboard.view(OCTOBER, TODAY));
        assertThat(view.frequencyCapDays()).isEqualTo(14);
        assertThat(view.reach()).filteredOn(reach -> reach.cell().equals(new Cell(Segment.LOYAL, false)))
                .singleElement().satisfies(loyal -> {
                    assertThat(loyal.email()).isEqualTo(1);
                    assertThat(loyal.emailNow()).isZero();
                });
        assertThat(view.reach()).extracting(PortfolioReads.CellConsent::email).containsOnly(0L, 1L);
        assertThat(view.reach().stream().mapToLong(PortfolioReads.CellConsent::email).sum()).isEqualTo(2);
        assertThat(view.reach().stream().mapToLong(PortfolioReads.CellConsent::emailNow).sum()).isEqualTo(1);
        assertThat(view.followUps()).extracting(f -> f.step().name(), SecondVisits.FollowUp::sent,
                SecondVisits.FollowUp::converted).containsExactly(
                org.assertj.core.groups.Tuple.tuple("DAY_7", 3L, 2L), org.assertj.core.groups.Tuple.tuple("DAY_30", 1L, 0L));

        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        WebSession.Page page = owner.get("/dashboard?period=MONTH&at=2026-10-01");
        assertThat(page.document().select("#reach + table thead th").eachText()).contains("今メールを送れる（14日に1通まで）");
        // who exactly: A accepts email but was sent a promotion lately; B can be emailed now
        assertThat(membersBehind(owner, page.document().selectFirst("#reach + table a[href*=audience=REACH_EMAIL&][href*=cell=LOYAL-ACTIVE]")))
                .containsExactly("顧客A");
        assertThat(membersBehind(owner, page.document().selectFirst("#reach + table a[href*=audience=REACH_EMAIL_NOW][href*=cell=LOYAL-ACTIVE]")))
                .isEmpty();
        assertThat(page.document().select("#reach + table a[href*=audience=REACH_EMAIL_NOW]").stream()
                .filter(link -> !link.text().equals("0")).flatMap(link -> membersBehind(owner, link).stream()))
                .containsExactly("顧客B");
        assertThat(membersBehind(owner, page.document().selectFirst("#follow-ups a[href*=audience=FOLLOW_UP_CONVERTED][href*=step=DAY_7]")))
                .containsExactlyInAnyOrder("顧客B", "顧客G");
        assertThat(membersBehind(owner, page.document().selectFirst("#follow-ups a[href*=audience=FOLLOW_UP_SENT][href*=step=DAY_30]")))
                .containsExactly("顧客F");
    }

    private void sent(String customer, String rule, String occasion, Instant at) {
        jdbc.sql("""
                        insert into outbox_message (tenant_id, customer_id, rule, occasion, channel, status, due_on, sent_at)
                        values (app_current_tenant(), ?, ?, ?, 'EMAIL', 'SENT', cast(? as timestamptz)::date, ?)
                        """)
                .params(customers.get(customer), rule, occasion, java.sql.Timestamp.from(at), java.sql.Timestamp.from(at))
                .update();
    }

    @Test
    void aReceiptsItemCountFollowsItsLinesWhoeverWritesThem() {
        String counts = shopWork.inShop(shop.tenantId(), () -> {
            long purchase = jdbc.sql("select id from purchase where customer_id = ? order by id limit 1")
                    .param(customers.get("A")).query(Long.class).single();
            long product = jdbc.sql("select id from product limit 1").query(Long.class).single();
            StringBuilder seen = new StringBuilder();
            Supplier<Integer> items = () -> jdbc.sql("select item_count from purchase where id = ?").param(purchase)
                    .query(Integer.class).single();
            seen.append(items.get());
            jdbc.sql("""
                    insert into purchase_line (tenant_id, purchase_id, product_id, quantity, unit_price, amount)
                    values (app_current_tenant(), ?, ?, 3, 100, 300), (app_current_tenant(), ?, ?, 1, 100, 100)
                    """).params(purchase, product, purchase, product).update();
            seen.append(' ').append(items.get());
            jdbc.sql("update purchase_line set quantity = quantity + 1 where purchase_id = ?").param(purchase).update();
            seen.append(' ').append(items.get());
            jdbc.sql("delete from purchase_line where purchase_id = ? and quantity = 4").param(purchase).update();
            seen.append(' ').append(items.get());
            return seen.toString();
        });
        // two items, then 2 + 3 + 1, then each line one more, then without the line of four
        assertThat(counts).isEqualTo("2 6 9 5");
    }

    @Test
    void theOwnerOpensTheDashboardAndTheCustomersBehindANumberAndExportsThem() {
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());

        WebSession.Page page = owner.get("/dashboard?period=MONTH&at=2026-10-01");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("#identified-share strong").text()).isEqualTo("83.9%");
        String lostLink = page.document().select("#waterfall a").get(1).attr("href");

        WebSession.Page lost = owner.get(lostLink);
        assertThat(lost.status()).isEqualTo(200);
        assertThat(lost.document().select("tr.audience-member td:first-child").eachText())
                .containsExactlyInAnyOrder("顧客C", "顧客G");

        WebSession.Page csv = owner.get(lost.document().select("#export").attr("href"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("顧客C").contains("顧客G").doesNotContain("顧客A");

        // October's movement: D came back from 初回離脱 to コツコツ現役
        String cameBack = page.document().select("#movement a[href*=fromCell=FIRST-LAPSED][href*=cell=STEADY-ACTIVE]").attr("href");
        assertThat(owner.get(cameBack).document().select("tr.audience-member td:first-child").eachText())
                .containsExactly("顧客D");

        // the trend: 優良現役 at the close of October is A
        String loyalInOctober = page.document().select(".trend a[href*=audience=MONTH_CELL][href*=cell=LOYAL-ACTIVE][href*=month=2026-10-01]").attr("href");
        assertThat(owner.get(loyalInOctober).document().select("tr.audience-member td:first-child").eachText())
                .containsExactly("顧客A");

        // question 5's heat map: the July cohort is G and H; G came back after 58 days
        assertThat(membersBehind(owner, page.document().selectFirst("#cohorts + table a[href*=audience=MONTH_COHORT&][href*=month=2026-07-01]")))
                .containsExactlyInAnyOrder("顧客G", "顧客H");
        assertThat(owner.get(page.document().selectFirst("#cohorts + table a[href*=audience=MONTH_COHORT_RETURNED][href*=month=2026-07-01][href*=days=60]")
                .attr("href")).document().select("tr.audience-member td:first-child").eachText()).containsExactly("顧客G");
        assertThat(owner.get(page.document().selectFirst("#cohorts + table a[href*=audience=MONTH_COHORT_RETURNED][href*=month=2026-07-01][href*=days=30]")
                .attr("href")).document().select("tr.audience-member td:first-child").eachText()).isEmpty();
        // question 6: of seven classified customers, the top tenth is one, A
        assertThat(membersBehind(owner, page.document().selectFirst("#q6 a[href*=audience=TOP_DECILE]"))).containsExactly("顧客A");
        // question 7: A's intervals against those of B, C, D and G
        assertThat(membersBehind(owner, page.document().selectFirst("#intervals + table a[href*=audience=TOP_REPEATERS]")))
                .containsExactly("顧客A");
        assertThat(membersBehind(owner, page.document().selectFirst("#intervals + table a[href*=audience=OTHER_REPEATERS]")))
                .containsExactlyInAnyOrder("顧客B", "顧客C", "顧客D", "顧客G");
        // question 8: A is the 優良 customer who bought in the (missing) category
        assertThat(membersBehind(owner, page.document().selectFirst("#categories + table a[href*=audience=TOP_CATEGORY_BUYERS]")))
                .containsExactly("顧客A");
        // the trade area: everyone came to the store (tier 2); E never completed a purchase, so is not active;
        // both open as the customer list's filters, which the owner can combine and save
        assertThat(listBehind(owner, page.document().selectFirst(".trade-area a[href='/customers?tier=2']:matches(^8$)")))
                .hasSize(8);
        assertThat(listBehind(owner, page.document().selectFirst(".trade-area a[href='/customers?standing=ACTIVE&tier=2']")))
                .hasSize(7).doesNotContain("顧客E");
        // a cell of the portfolio and question 6's 優良現役 open the list filtered by that cell, counting as many
        assertThat(listBehind(owner, page.document().selectFirst("#portfolio a[data-cell=LOYAL-ACTIVE]")))
                .containsExactly("顧客A");
        assertThat(page.document().selectFirst("#top-link").attr("href")).isEqualTo("/customers?segment=LOYAL&standing=ACTIVE");
        for (org.jsoup.nodes.Element cell : page.document().select("#portfolio a[data-cell]")) {
            listBehind(owner, cell);
        }
        // the dashboard's own list of a cell, reached by an older address, offers the list's filter
        assertThat(owner.get("/dashboard/customers?audience=CELL&cell=FIRST-LAPSED")
                .document().select("#open-as-list").attr("href")).isEqualTo("/customers?segment=FIRST&standing=LAPSED");
        assertThat(owner.get(page.document().select("#waterfall a").get(1).attr("href")).document().select("#open-as-list"))
                .isEmpty();

        // A bought the product four times: gaps of 182, 101 and 25 days
        WebSession.Page products = owner.get("/dashboard/products");
        assertThat(products.document().select("#rhythms tbody tr").eachText()).containsExactly("P 品物 1 101日 —");

        // A's page says where A stands, and why
        WebSession.Page customerA = owner.get("/customers/" + customers.get("A"));
        assertThat(customerA.document().select("#customer-cell").text()).isEqualTo("優良現役");
        assertThat(customerA.document().select("#cell-reasons li").eachText()).containsExactly(
                "累計額 ¥90,000 が基準 ¥70,000 以上、在籍期間 308日 が 210日 以上なので「優良」。",
                "最終来店から 28日、離脱の基準 240日 未満なので「現役」。");
        assertThat(customerA.document().select("#next-visit .next-visit").text()).isEqualTo("2027年1月14日ごろ");

        WebSession clerk = owner.newClerk("店員 一郎");
        assertThat(clerk.get("/dashboard").status()).isEqualTo(403);
    }

    @Test
    void aShopNotYetClassifiedSeesItsDashboardAndIsToldWhy() {
        TestShop fresh = shops.newShop("まだ夜を越していない店");
        WebSession owner = new WebSession(port);
        owner.logIn(fresh.ownerEmail(), fresh.password());
        WebSession.Page page = owner.get("/dashboard");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select(".notice-box").text()).startsWith("まだ夜間処理で顧客を区分していません。");
        assertThat(page.document().select("#q2 td").get(2).text()).startsWith("—");
    }

    @Test
    void theRunningMonthSaysItIsUnfinishedAndItsListsCountTheSameDays() {
        TestShop fresh = shops.newShop("月の途中の店");
        WebSession owner = new WebSession(port);
        owner.logIn(fresh.ownerEmail(), fresh.password());
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));

        WebSession.Page opened = owner.get("/dashboard");
        assertThat(opened.document().select("#period-label").text()).doesNotContain("途中")
                .startsWith(today.minusMonths(1).getYear() + "年" + today.minusMonths(1).getMonthValue() + "月1日");
        assertThat(opened.document().select("#partial-note")).isEmpty();

        WebSession.Page running = owner.get("/dashboard?period=MONTH&at=" + today);
        assertThat(running.document().select("#period-label").text()).endsWith("（途中）");
        assertThat(running.document().select("#partial-note").text()).startsWith("この期間はまだ途中です。");
        org.jsoup.nodes.Element number = running.document().selectFirst("a[href*=audience=BUYERS]");
        assertThat(number).as("the buyers of the running month open as a list").isNotNull();
        String list = number.attr("href");
        // still the month (compared with the same days of the month before), pinned to the days the number counted
        assertThat(list).contains("period=MONTH").contains("through=" + today.minusDays(today.getDayOfMonth() == 1 ? 0 : 1));
        assertThat(owner.get(list).status()).isEqualTo(200);
    }

    /** The customers listed behind a number of the dashboard, after checking the list counts as many. */
    private static java.util.List<String> membersBehind(WebSession owner, org.jsoup.nodes.Element number) {
        assertThat(number).as("a link on the dashboard").isNotNull();
        WebSession.Page list = owner.get(number.attr("href"));
        assertThat(list.status()).isEqualTo(200);
        java.util.List<String> names = list.document().select("tr.audience-member td:first-child").eachText();
        // the count the link shows is the last number in its text ("8", "1人", "（上位10%は 1人）")
        java.util.regex.Matcher digits = java.util.regex.Pattern.compile("\\d[\\d,]*").matcher(number.text());
        String count = null;
        while (digits.find()) {
            count = digits.group();
        }
        assertThat(count).as("the count in %s", number.text()).isNotNull();
        assertThat(list.document().select("#audience-count").text()).contains(count);
        assertThat(names).hasSize(Integer.parseInt(count.replace(",", "")));
        return names;
    }

    /** The customer list a dashboard number opens, after checking the list counts as many as the number said. */
    private static java.util.List<String> listBehind(WebSession owner, org.jsoup.nodes.Element number) {
        assertThat(number).as("a link on the dashboard").isNotNull();
        assertThat(number.attr("href")).startsWith("/customers?");
        WebSession.Page list = owner.get(number.attr("href"));
        assertThat(list.status()).isEqualTo(200);
        java.util.regex.Matcher digits = java.util.regex.Pattern.compile("\\d[\\d,]*").matcher(number.text());
        assertThat(digits.find()).as("the count in %s", number.text()).isTrue();
        String count = digits.group().replace(",", "");
        assertThat(list.document().select("#customer-count").text()).isEqualTo(count + "人");
        return list.document().select("tr.customer-row td:first-child a").eachText();
    }
}
