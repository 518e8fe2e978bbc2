package jp.joren.segments;

import java.time.LocalDate;
import java.util.Map;

import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.ShopWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The nightly SQL on hand-made customers, each at a boundary of DESIGN.md §4 (amount threshold ¥70,000). */
@JorenIntegrationTest
class PortfolioClassificationTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

    @Autowired
    ShopFixtures shops;

    @Autowired
    Portfolio portfolio;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ShopWork shopWork;

    private TestShop shop;
    private long store;
    private long item;
    private long sample;

    @BeforeEach
    void newShop() {
        shop = shops.newShop("ポートフォリオ 境界の店");
        shopWork.inShop(shop.tenantId(), () -> {
            store = jdbc.sql("select min(id) from store").query(Long.class).single();
            item = product("IT-1", false);
            sample = product("SAMPLE", true);
            return null;
        });
    }

    @Test
    void eachCustomerLandsInTheCellOfTheRulesAtEveryBoundary() {
        long twoReceiptsOneDay = customer("同日二回");
        buy(twoReceiptsOneDay, 10, 40_000);
        buy(twoReceiptsOneDay, 10, 40_000);
        long tenure89 = customer("在籍89日");
        buy(tenure89, 100, 50_000);
        buy(tenure89, 11, 50_000);
        long tenure90 = customer("在籍90日");
        buy(tenure90, 100, 50_000);
        buy(tenure90, 10, 50_000);
        long exactlyAmountAndTenure210 = customer("ちょうど優良");
        buy(exactlyAmountAndTenure210, 220, 35_000);
        buy(exactlyAmountAndTenure210, 10, 35_000);
        long justBelowAmount = customer("あと一円");
        buy(justBelowAmount, 220, 35_000);
        buy(justBelowAmount, 10, 34_999);
        long lapse239 = customer("離脱前日");
        buy(lapse239, 239, 1_000);
        long lapse240 = customer("離脱当日");
        buy(lapse240, 240, 1_000);
        long cancelledAndReturned = customer("取消と返品");
        buy(cancelledAndReturned, 50, 3_000);
        purchase(cancelledAndReturned, 20, 3_000, "CANCELLED");
        purchase(cancelledAndReturned, 5, 3_000, "RETURNED");
        long sampleOnly = customer("試供品だけ");
        buy(sampleOnly, 30, 2_000);
        buyLines(sampleOnly, 3, Map.of(sample, 0L));
        long sampleBeside = customer("試供品つき");
        buy(sampleBeside, 30, 2_000);
        buyLines(sampleBeside, 3, Map.of(sample, 500L, item, 1_500L));
        long tomorrow = customer("当日の買い物");
        buy(tomorrow, 0, 9_000);

        Portfolio.Classified classified = classify(AS_OF);

        assertThat(classified.customers()).isEqualTo(10);
        assertThat(row(twoReceiptsOneDay)).isEqualTo("1 visits, tenure 0, lapse 10, ¥80000, FIRST active");
        assertThat(row(tenure89)).isEqualTo("2 visits, tenure 89, lapse 11, ¥100000, TODDLER active");
        assertThat(row(tenure90)).isEqualTo("2 visits, tenure 90, lapse 10, ¥100000, TREND active");
        assertThat(row(exactlyAmountAndTenure210)).isEqualTo("2 visits, tenure 210, lapse 10, ¥70000, LOYAL active");
        assertThat(row(justBelowAmount)).isEqualTo("2 visits, tenure 210, lapse 10, ¥69999, STEADY active");
        assertThat(row(lapse239)).isEqualTo("1 visits, tenure 0, lapse 239, ¥1000, FIRST active");
        assertThat(row(lapse240)).isEqualTo("1 visits, tenure 0, lapse 240, ¥1000, FIRST lapsed");
        assertThat(row(cancelledAndReturned)).isEqualTo("1 visits, tenure 0, lapse 50, ¥3000, FIRST active");
        assertThat(row(sampleOnly)).isEqualTo("1 visits, tenure 0, lapse 30, ¥2000, FIRST active");
        assertThat(row(sampleBeside)).isEqualTo("2 visits, tenure 27, lapse 3, ¥3500, TODDLER active");
        // a purchase on the as-of day itself counts from the next night on
        assertThat(row(tomorrow)).isEqualTo("none");
    }

    @Test
    void aLapsedCustomerWhoComesBackIsActiveAgainAndTheMonthEndSnapshotsKeepBothStates() {
        long comesBack = customer("戻ってきた人");
        buy(comesBack, 400, 5_000);
        buy(comesBack, 300, 5_000);
        buy(comesBack, 5, 5_000);

        classify(AS_OF);

        assertThat(row(comesBack)).isEqualTo("3 visits, tenure 395, lapse 5, ¥15000, STEADY active");
        // at the close of April (as of 1 May) the last visit was 270 days earlier
        assertThat(snapshot(comesBack, LocalDate.of(2026, 4, 1))).isEqualTo("2 visits ¥10000 STEADY lapsed");
        assertThat(snapshot(comesBack, LocalDate.of(2026, 5, 1))).isEqualTo("3 visits ¥15000 STEADY active");
        // before its first visit a customer is in no snapshot
        assertThat(snapshot(comesBack, LocalDate.of(2025, 3, 1))).isEqualTo("none");
    }

    @Test
    void theNextNightFollowsWhatChangedAndOnlyThat() {
        long steady = customer("また来た人");
        buy(steady, 100, 30_000);
        buy(steady, 10, 30_000);
        long nearLapse = customer("明日で離脱");
        buy(nearLapse, 239, 1_000);
        long retires = customer("退会する人");
        buy(retires, 30, 5_000);
        long cancels = customer("取り消す人");
        long cancelled = purchase(cancels, 20, 3_000, "COMPLETED");
        long quiet = customer("何も変わらない人");
        buy(quiet, 50, 2_000);
        classify(AS_OF);
        String quietRowVersion = rowVersion(quiet);
        assertThat(row(steady)).isEqualTo("2 visits, tenure 90, lapse 10, ¥60000, STEADY active");
        assertThat(row(retires)).isEqualTo("1 visits, tenure 0, lapse 30, ¥5000, FIRST active");

        // by the next night: one more visit, a customer retired, a receipt cancelled, and a day went by
        buy(steady, 0, 30_000);
        shopWork.inShop(shop.tenantId(), () -> jdbc.sql("update customer set status = 'RETIRED' where id = ?").param(retires).update());
        shopWork.inShop(shop.tenantId(), () -> jdbc.sql("update purchase set status = 'CANCELLED' where id = ?").param(cancelled).update());
        Portfolio.Classified next = classify(AS_OF.plusDays(1));

        assertThat(next.customers()).isEqualTo(3);
        assertThat(row(steady)).isEqualTo("3 visits, tenure 100, lapse 1, ¥90000, TREND active");
        assertThat(row(nearLapse)).isEqualTo("1 visits, tenure 0, lapse 240, ¥1000, FIRST lapsed");
        assertThat(row(retires)).isEqualTo("none");
        assertThat(row(cancels)).isEqualTo("none");
        // a customer who neither came nor crossed a threshold is not written again
        assertThat(row(quiet)).isEqualTo("1 visits, tenure 0, lapse 51, ¥2000, FIRST active");
        assertThat(rowVersion(quiet)).isEqualTo(quietRowVersion);
    }

    /** The transaction that last wrote the customer's portfolio row. */
    private String rowVersion(long customer) {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select xmin::text from customer_portfolio where customer_id = ?").param(customer)
                .query(String.class).single());
    }

    @Test
    void classifyingTwiceGivesTheSameCellsAndSnapshots() {
        long regular = customer("常連さん");
        for (int daysAgo : new int[] {300, 200, 100, 40, 10}) {
            buy(regular, daysAgo, 20_000);
        }
        classify(AS_OF);
        String first = row(regular) + " / " + snapshotCount();
        classify(AS_OF);
        assertThat(row(regular) + " / " + snapshotCount()).isEqualTo(first);
        // gaps 100, 100, 60, 30: the median of the last three is 60
        assertThat(shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select expected_interval_days from customer_portfolio where customer_id = ?")
                .param(regular).query(Integer.class).single())).isEqualTo(60);
    }

    private Portfolio.Classified classify(LocalDate asOf) {
        return shopWork.inShop(shop.tenantId(), () -> portfolio.classify(asOf, step -> { }));
    }

    private String row(long customer) {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                        select visits || ' visits, tenure ' || tenure_days || ', lapse ' || (k.as_of - last_visit)
                               || ', ¥' || amount || ', ' || segment || case when lapsed then ' lapsed' else ' active' end
                          from customer_portfolio cp join portfolio_classification k on k.tenant_id = cp.tenant_id where cp.customer_id = ?
                        """).param(customer).query(String.class).optional().orElse("none"));
    }

    private String snapshot(long customer, LocalDate month) {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                        select visits || ' visits ¥' || amount || ' ' || segment || case when lapsed then ' lapsed' else ' active' end
                          from portfolio_snapshot where customer_id = ? and month = ?
                        """).params(customer, month).query(String.class).optional().orElse("none"));
    }

    private long snapshotCount() {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select count(*) from portfolio_snapshot").query(Long.class).single());
    }

    private long customer(String name) {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql("insert into customer (tenant_id, name) values (app_current_tenant(), ?) returning id")
                .param(name).query(Long.class).single());
    }

    private void buy(long customer, int daysBeforeAsOf, long total) {
        purchase(customer, daysBeforeAsOf, total, "COMPLETED");
    }

    private void buyLines(long customer, int daysBeforeAsOf, Map<Long, Long> amountByProduct) {
        long total = amountByProduct.values().stream().mapToLong(Long::longValue).sum();
        long purchase = purchase(customer, daysBeforeAsOf, total, "COMPLETED");
        shopWork.inShop(shop.tenantId(), () -> {
            amountByProduct.forEach((product, amount) -> jdbc.sql("""
                            insert into purchase_line (tenant_id, purchase_id, product_id, quantity, unit_price, amount)
                            values (app_current_tenant(), ?, ?, 1, ?, ?)
                            """).params(purchase, product, amount, amount).update());
            return null;
        });
    }

    private long purchase(long customer, int daysBeforeAsOf, long total, String status) {
        LocalDate day = AS_OF.minusDays(daysBeforeAsOf);
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                        insert into purchase (tenant_id, customer_id, store_id, purchased_at, business_date, total, status)
                        values (app_current_tenant(), ?, ?, cast(? as date) + time '10:00', ?, ?, ?) returning id
                        """).params(customer, store, day, day, total, status).query(Long.class).single());
    }

    private long product(String code, boolean excluded) {
        return jdbc.sql("""
                        insert into product (tenant_id, code, name, price, excluded_from_portfolio)
                        values (app_current_tenant(), ?, ?, 0, ?) returning id
                        """).params(code, code, excluded).query(Long.class).single();
    }
}
