package jp.joren.shared;

import jp.joren.shops.ShopFixtures;
import jp.joren.support.CitusCluster;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.TestDatabase;
import jp.joren.tenancy.CurrentTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Joren keeps the planner's statistics up after its own bulk writes where autovacuum is off: a table that grew
 * since its last analysis is analysed, one that did not is left alone.
 */
@JorenIntegrationTest
class TableStatisticsTest {

    @Autowired
    TableStatistics statistics;

    @Autowired
    ShopFixtures shops;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aTableThatGrewSinceItsLastAnalysisIsAnalysedAndAnUnchangedOneIsNot() {
        assumeFalse(CitusCluster.active(), "on Citus the workers keep their shards' statistics: Joren analyses nothing");
        TestDatabase.get().asOwner("analyze customer", "analyze product_model");
        double analysed = plannedCustomers();
        long shop = shops.newShop("統計の店").tenantId();
        // a new shop's ledger arrives at once, half again as many customers as the table held (other tests' shops
        // share it): beyond autovacuum's rule however the change counts stand, since the table grew on disk
        long ledger = Math.max(5_000, Math.round(analysed / 2));
        CurrentTenant.runAs(shop, () -> transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                    insert into customer (tenant_id, name, name_kana, notes)
                    select app_current_tenant(), '顧客' || g, 'コキャク', '台帳から取り込んだお客さま' from generate_series(1, :rows) g
                    on conflict do nothing""")
                    .param("rows", ledger).update();
            // a backend reports its row counts up to a second after its commit: had they arrived after the
            // analysis below, the table would look changed again and the last assertion would fail by timing
            jdbc.sql("select pg_stat_force_next_flush()").query().singleRow();
        }));

        assertThat(statistics.refreshStale()).contains("customer").doesNotContain("product_model");
        assertThat(plannedCustomers()).isGreaterThanOrEqualTo(analysed + ledger * 0.9);

        assertThat(statistics.refreshStale()).doesNotContain("customer");
    }

    @Test
    void onCitusJorenLeavesTheStatisticsToTheWorkers() {
        assumeTrue(CitusCluster.active(), "plain PostgreSQL: the test above");
        assertThat(statistics.refreshStale()).isEmpty();
    }

    private double plannedCustomers() {
        return jdbc.sql("select reltuples from pg_class where relname = 'customer' and relkind = 'r'")
                .query(Double.class).single();
    }
}
