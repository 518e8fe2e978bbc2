package jp.joren.tenancy;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import jp.joren.nightly.ShopNightlyRun;
import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.CounterFixtures;
import jp.joren.support.CounterFixtures.Kitchen;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shop A uses the counter for real (customers, consents, purchases, owned products, corrections, a merge,
 * an export); then, table by table — every table with a tenant_id, including those added after this test
 * was written — shop B can neither read nor change a single one of shop A's rows.
 */
@JorenIntegrationTest
class EveryShopTableCrossTenantTest {

    @LocalServerPort
    int port;

    @Autowired
    ShopFixtures shops;

    @Autowired
    CounterFixtures counter;

    @Autowired
    ShopNightlyRun nights;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void shopBCannotReadOrChangeAnyRowShopAWroteInAnyTable() throws Exception {
        TestShop shopA = shops.newShop("A 台所");
        Kitchen kitchen = counter.kitchen(shopA);
        new ShopAtWork(port, nights).useEveryFeature(shopA, kitchen);
        TestShop shopB = shops.newShop("B 台所");

        List<String> tablesWithRowsOfA = new ArrayList<>();
        try (Connection owner = TestDatabase.get().ownerConnection()) {
            JdbcClient asOwner = JdbcClient.create(new SingleConnectionDataSource(owner, true));
            for (String table : asOwner.sql("""
                            select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                             where n.nspname = 'public' and c.relkind = 'r'
                               and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')
                             order by 1
                            """).query(String.class).list()) {
                long rowsOfA = asOwner.sql("select count(*) from " + table + " where tenant_id = ?")
                        .param(shopA.tenantId()).query(Long.class).single();
                if (rowsOfA > 0) {
                    tablesWithRowsOfA.add(table);
                }
            }
        }
        assertThat(tablesWithRowsOfA).contains("customer", "consent", "purchase", "purchase_line", "owned_product",
                "audit_event", "customer_merge", "product", "product_model", "consumable_part", "part_fit",
                "nightly_run", "portfolio_policy", "portfolio_basis", "portfolio_classification", "customer_portfolio",
                "portfolio_snapshot",
                "portfolio_month_cell", "portfolio_movement", "forecast_fit", "outbox_send_request", "line_account",
                "line_link_code", "line_friend", "saved_segment");

        for (String table : tablesWithRowsOfA) {
            Long seen = CurrentTenant.callAs(shopB.tenantId(), () -> transaction.execute(status -> jdbc
                    .sql("select count(*) from " + table + " where tenant_id = ?").param(shopA.tenantId())
                    .query(Long.class).single()));
            assertThat(seen).as("rows of shop A in %s seen by shop B", table).isZero();
            Integer changed = CurrentTenant.callAs(shopB.tenantId(), () -> transaction.execute(status -> jdbc
                    .sql("update " + table + " set tenant_id = tenant_id where tenant_id = ?").param(shopA.tenantId())
                    .update()));
            assertThat(changed).as("rows of shop A in %s changed by shop B", table).isZero();
            Integer deleted = CurrentTenant.callAs(shopB.tenantId(), () -> transaction.execute(status -> jdbc
                    .sql("delete from " + table + " where tenant_id = ?").param(shopA.tenantId()).update()));
            assertThat(deleted).as("rows of shop A in %s deleted by shop B", table).isZero();
        }
    }
}
