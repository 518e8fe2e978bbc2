package jp.joren.nightly;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import jp.joren.shared.Heartbeats;
import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.WebSession;
import jp.joren.tenancy.CurrentTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The owner's runs page: "run now", and new thresholds that have the customers classified again. */
@JorenIntegrationTest
class RunsPageTest {

    @LocalServerPort
    int port;

    @Autowired
    ShopFixtures shops;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void theOwnerRunsTheNightByHandAndSeesItsResult() throws Exception {
        TestShop shop = shops.newShop("手動実行の店");
        aCustomerWithTwoVisits(shop);
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());

        WebSession.Page started = owner.open(owner.submit("/runs", "form[action=/runs]", Map.of()).path());
        assertThat(started.document().select("[role=status]").text()).startsWith("実行を始めました");

        WebSession.Page done = waitFor(owner, page -> page.document().select("tr.run-succeeded").size() == 1);
        assertThat(done.document().select("tr.run-succeeded td").eachText())
                .contains("手動", "1").anyMatch(cell -> cell.startsWith("完了"));
        assertThat(inShop(shop, "select count(*) from customer_portfolio")).isEqualTo(1);

        WebSession clerk = owner.newClerk("夜の店員");
        assertThat(clerk.get("/runs").status()).isEqualTo(403);
    }

    @Test
    void newThresholdsAreCheckedThenClassifyTheCustomersAgain() throws Exception {
        TestShop shop = shops.newShop("基準を変える店");
        aCustomerWithTwoVisits(shop);
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());

        WebSession.Page refused = owner.submit("/settings/portfolio", "#portfolio-settings", Map.of("preset", "CUSTOM",
                "firstTenureDays", "120", "secondTenureDays", "100", "lapseDays", "0"));
        assertThat(refused.document().select(".error").eachText())
                .contains("T2はT1より長くしてください。", "1〜3650日の整数で入力してください。");
        assertThat(refused.document().select("#firstTenureDays").val()).isEqualTo("120");
        assertThat(refused.document().select("#lapseDays").val()).isEqualTo("0");

        WebSession.Page saved = owner.open(owner.submit("/settings/portfolio", "#portfolio-settings", Map.of("preset", "CUSTOM",
                "firstTenureDays", "30", "secondTenureDays", "60", "lapseDays", "45",
                "neighbourhoodTowns", "本町一丁目\n本町二丁目、栄町")).path());
        assertThat(saved.document().select("[role=status]").text()).startsWith("保存しました");
        assertThat(saved.document().select("#neighbourhoodTowns").text()).isEqualTo("本町一丁目\n本町二丁目\n栄町");

        waitFor(owner, page -> page.document().select("tr.run-succeeded").size() == 1);
        WebSession.Page settings = owner.get("/settings/portfolio");
        assertThat(settings.document().select("#basis dd").eachText()).startsWith("30日", "60日", "45日");
        // the customer's last visit was 50 days ago: lapsed under the new 45 days
        assertThat(inShopText(shop, "select segment || ' ' || lapsed from customer_portfolio")).isEqualTo("TODDLER true");
    }

    @Test
    void thirtyPressesQueueOneRunAndAnotherShopsRunDoesNotWaitBehindIt() throws Exception {
        TestShop busy = shops.newShop("連打する店");
        TestShop other = shops.newShop("隣の店");
        aCustomerWithTwoVisits(busy);
        aCustomerWithTwoVisits(other);
        WebSession busyOwner = new WebSession(port);
        busyOwner.logIn(busy.ownerEmail(), busy.password());
        WebSession otherOwner = new WebSession(port);
        otherOwner.logIn(other.ownerEmail(), other.password());

        // the busy shop's run takes as long as this test holds its lock: a long job
        try (Connection held = dataSource.getConnection()) {
            try (PreparedStatement lock = held.prepareStatement("select pg_advisory_lock(20261202, ?)")) {
                lock.setInt(1, (int) busy.tenantId());
                lock.execute();
            }
            WebSession.Page last = null;
            for (int press = 0; press < 30; press++) {
                last = busyOwner.open(busyOwner.submit("/runs", "form[action=/runs]", Map.of()).path());
            }
            assertThat(last.document().select("[role=status]").text()).startsWith("実行中か順番待ちの実行がすでにあります");
            assertThat(inShop(busy, "select count(*) from nightly_run where trigger = 'MANUAL'")).isEqualTo(1);

            otherOwner.submit("/runs", "form[action=/runs]", Map.of());
            waitFor(otherOwner, page -> page.document().select("tr.run-succeeded").size() == 1);
            assertThat(busyOwner.get("/runs").document().select("tr.run-running")).hasSize(1);

            try (PreparedStatement unlock = held.prepareStatement("select pg_advisory_unlock(20261202, ?)")) {
                unlock.setInt(1, (int) busy.tenantId());
                unlock.execute();
            }
        }
        waitFor(busyOwner, page -> page.document().select("tr.run-succeeded").size() == 1);
        assertThat(inShop(busy, "select count(*) from nightly_run where trigger = 'MANUAL'")).isEqualTo(1);
    }

    @Test
    void aRunWhoseServerDiedIsShownInterruptedIsNoLongerFollowedAndCanBeRunAgain() throws Exception {
        TestShop shop = shops.newShop("止まった店");
        aCustomerWithTwoVisits(shop);
        CurrentTenant.runAs(shop.tenantId(), () -> transaction.executeWithoutResult(status -> jdbc.sql("""
                        insert into nightly_run (tenant_id, business_date, status, trigger, step, started_at, heartbeat_at)
                        values (app_current_tenant(), current_date, 'RUNNING', 'MANUAL', 'classify', :started, :beat)""")
                .param("started", Timestamp.from(Instant.now().minus(Duration.ofMinutes(20))))
                .param("beat", Timestamp.from(Instant.now().minus(Heartbeats.STALE).minusSeconds(30)))
                .update()));
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());

        WebSession.Page runs = owner.get("/runs");
        assertThat(runs.document().select("tr.run-interrupted .run-result").text()).startsWith("中断");
        assertThat(runs.document().select("#runs-table[hx-trigger]")).isEmpty();

        owner.submit("/runs", "form[action=/runs]", Map.of());
        WebSession.Page done = waitFor(owner, page -> page.document().select("tr.run-succeeded").size() == 1);
        assertThat(done.document().select("tr.run-interrupted")).hasSize(1);
        assertThat(done.document().select("#runs-table[hx-trigger]")).isEmpty();
    }

    private void aCustomerWithTwoVisits(TestShop shop) {
        CurrentTenant.runAs(shop.tenantId(), () -> transaction.executeWithoutResult(status -> {
            long store = jdbc.sql("select min(id) from store").query(Long.class).single();
            long customer = jdbc.sql("insert into customer (tenant_id, name) values (app_current_tenant(), '二度来た人') returning id")
                    .query(Long.class).single();
            for (int daysAgo : List.of(70, 50)) {
                jdbc.sql("""
                                insert into purchase (tenant_id, customer_id, store_id, purchased_at, business_date, total)
                                values (app_current_tenant(), ?, ?, now() - make_interval(days => ?),
                                        (now() at time zone 'Asia/Tokyo')::date - ?, 3000)
                                """)
                        .params(customer, store, daysAgo, daysAgo).update();
            }
        }));
    }

    private static WebSession.Page waitFor(WebSession owner, java.util.function.Predicate<WebSession.Page> done) {
        return await("the run to finish on /runs").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> owner.get("/runs"), done);
    }

    private long inShop(TestShop shop, String sql) {
        return CurrentTenant.callAs(shop.tenantId(), () -> transaction.execute(status ->
                jdbc.sql(sql).query(Long.class).single()));
    }

    private String inShopText(TestShop shop, String sql) {
        return CurrentTenant.callAs(shop.tenantId(), () -> transaction.execute(status ->
                jdbc.sql(sql).query(String.class).single()));
    }
}
