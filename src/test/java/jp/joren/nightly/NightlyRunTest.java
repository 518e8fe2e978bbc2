package jp.joren.nightly;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jp.joren.shared.Heartbeats;
import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.tenancy.CurrentTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@JorenIntegrationTest
class NightlyRunTest {

    @Autowired
    ShopFixtures shops;

    @Autowired
    NightlyRuns runs;

    @Autowired
    ShopNightlyRun shopRun;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aShopIsDueOnlyAfterTwoInTheMorningOfItsOwnTimeZone() {
        TestShop tokyo = shops.newShop("夜間処理 東京店");
        // 16:59 UTC is 01:59 in Tokyo, 17:00 UTC is 02:00
        assertThat(runs.dueShops(Instant.parse("2026-03-09T16:59:00Z")))
                .noneMatch(due -> due.tenantId() == tokyo.tenantId());
        assertThat(runs.dueShops(Instant.parse("2026-03-09T17:00:00Z")))
                .contains(new NightlyRuns.DueShop(tokyo.tenantId(), LocalDate.of(2026, 3, 10)));
    }

    @Test
    void aScheduledNightWhoseServerDiedIsDueAgainAndTakenOverOnceItsHeartbeatStops() {
        TestShop shop = shops.newShop("夜間処理 停止店");
        LocalDate night = LocalDate.of(2026, 3, 10);
        Instant dispatch = Instant.parse("2026-03-09T18:00:00Z");
        Instant beat = dispatch.minus(Duration.ofMinutes(1));
        CurrentTenant.runAs(shop.tenantId(), () -> transaction.executeWithoutResult(status -> jdbc.sql("""
                        insert into nightly_run (tenant_id, business_date, status, started_at, heartbeat_at)
                        values (app_current_tenant(), :night, 'RUNNING', :started, :beat)""")
                .param("night", night).param("started", Timestamp.from(dispatch.minus(Duration.ofMinutes(5))))
                .param("beat", Timestamp.from(beat)).update()));

        // beating a minute ago: alive, not due
        assertThat(runs.dueShops(dispatch)).noneMatch(due -> due.tenantId() == shop.tenantId());
        // no beat for longer than a live node lets pass: due, and the next run takes it over
        assertThat(runs.dueShops(beat.plus(Heartbeats.STALE).plusSeconds(1)))
                .contains(new NightlyRuns.DueShop(shop.tenantId(), night));
        assertThat(shopRun.run(shop.tenantId(), night)).isTrue();

        List<String> rows = CurrentTenant.callAs(shop.tenantId(), () -> transaction.execute(status -> jdbc.sql(
                "select status || ' ' || attempts from nightly_run").query(String.class).list()));
        assertThat(rows).containsExactly("SUCCEEDED 2");
    }

    @Test
    void aNightRunsInsideItsShopAndRunningItAgainChangesNothing() {
        TestShop shop = shops.newShop("夜間処理 検査店");
        TestShop other = shops.newShop("夜間処理 隣の店");
        LocalDate night = LocalDate.of(2026, 3, 10);
        CurrentTenant.runAs(shop.tenantId(), () -> transaction.executeWithoutResult(status -> {
            long store = jdbc.sql("select min(id) from store").query(Long.class).single();
            for (String name : List.of("一郎", "二郎")) {
                long customer = jdbc.sql("insert into customer (tenant_id, name) values (app_current_tenant(), ?) returning id")
                        .param(name).query(Long.class).single();
                for (String day : List.of("2026-03-01", "2026-03-01", "2026-03-05")) {
                    jdbc.sql("""
                                    insert into purchase (tenant_id, customer_id, store_id, purchased_at, business_date, total)
                                    values (app_current_tenant(), ?, ?, cast(? as date) + time '10:00', cast(? as date), 1000)
                                    """)
                            .params(customer, store, day, day).update();
                }
            }
        }));

        assertThat(shopRun.run(shop.tenantId(), night)).isTrue();
        assertThat(shopRun.run(shop.tenantId(), night)).isFalse();

        List<String> rows = CurrentTenant.callAs(shop.tenantId(), () -> transaction.execute(status -> jdbc.sql(
                "select status || ' ' || customers || ' ' || visits || ' ' || attempts from nightly_run").query(String.class).list()));
        // two customers, each with two visits: two receipts on one day are one visit
        assertThat(rows).containsExactly("SUCCEEDED 2 4 1");
        assertThat(runs.dueShops(Instant.parse("2026-03-09T18:00:00Z")))
                .noneMatch(due -> due.tenantId() == shop.tenantId())
                .anyMatch(due -> due.tenantId() == other.tenantId());
        Long visibleToOther = CurrentTenant.callAs(other.tenantId(), () -> transaction.execute(status ->
                jdbc.sql("select count(*) from nightly_run").query(Long.class).single()));
        assertThat(visibleToOther).isZero();
    }

    @Test
    void theNightForgetsOldUploadsAndOldSignUpAttemptsOfItsShopOnly() {
        TestShop shop = shops.newShop("夜間処理 片付けの店");
        TestShop other = shops.newShop("夜間処理 片付けの隣");
        for (TestShop each : List.of(shop, other)) {
            CurrentTenant.runAs(each.tenantId(), () -> transaction.executeWithoutResult(status -> {
                for (String age : List.of("40 days", "2 days")) {
                    jdbc.sql("""
                            insert into import_job (tenant_id, kind, filename, content, created_at)
                            values (app_current_tenant(), 'CUSTOMERS', 'old.csv', '\\x414243'::bytea, now() - cast(? as interval))
                            """).param(age).update();
                    jdbc.sql("""
                            insert into join_attempt (tenant_id, client_address, attempted_at)
                            values (app_current_tenant(), '203.0.113.9', now() - cast(? as interval))
                            """).param(age).update();
                }
            }));
        }

        shopRun.run(shop.tenantId(), LocalDate.of(2026, 3, 11));

        assertThat(inShop(shop, "select count(*) from import_job where octet_length(content) > 0")).isEqualTo(1);
        assertThat(inShop(shop, "select count(*) from join_attempt")).isZero();
        assertThat(inShop(other, "select count(*) from import_job where octet_length(content) > 0")).isEqualTo(2);
        assertThat(inShop(other, "select count(*) from join_attempt")).isEqualTo(2);
    }

    private long inShop(TestShop shop, String sql) {
        return CurrentTenant.callAs(shop.tenantId(), () -> transaction.execute(status ->
                jdbc.sql(sql).query(Long.class).single()));
    }
}
