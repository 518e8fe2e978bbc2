package jp.joren.tenancy;

import java.util.List;

import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.CitusCluster;
import jp.joren.support.JorenIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Under {@code JOREN_TEST_CITUS_URL} the whole suite runs on a Citus cluster; this says which mode ran, and in
 * Citus mode that the database really is distributed (a coordinator alone would also accept
 * create_distributed_table, keeping every shard itself) and that a statement naming its shop goes to one shard.
 */
@JorenIntegrationTest
class CitusModeTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ShopFixtures shops;

    @BeforeEach
    void onlyOnCitus() {
        if (!CitusCluster.active()) {
            abort(CitusCluster.URL_VARIABLE + " is not set: the suite ran on plain PostgreSQL, not on Citus"
                    + " (README, \"Running on Citus\")");
        }
    }

    @Test
    void everyShopTableIsDistributedByItsShopOverTheWorkers() {
        List<String> undistributed = jdbc.sql("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                         where n.nspname = 'public' and c.relkind = 'r'
                           and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')
                           and not exists (select 1 from pg_dist_partition d where d.logicalrelid = c.oid
                                            and (d.partmethod = 'h' or d.repmodel = 't'))
                        """).query(String.class).list();
        assertThat(undistributed).isEmpty();
        assertThat(jdbc.sql("select logicalrelid::text from pg_dist_partition where repmodel = 't' order by 1")
                .query(String.class).list())
                .containsExactly("account", "line_account", "password_reset", "shop", "staff_invitation");
        assertThat(jdbc.sql("select count(distinct groupid) from pg_dist_placement").query(Integer.class).single())
                .as("worker groups holding shards").isGreaterThanOrEqualTo(2);
    }

    @Test
    void aStatementNamingItsShopRunsOnOneShard() {
        TestShop shop = shops.newShop("シャード 商店");
        String plan = CurrentTenant.callAs(shop.tenantId(), () -> transaction.execute(status -> String.join("\n", jdbc.sql("""
                        explain select c.id, count(p.id) from customer c
                          join purchase p on p.tenant_id = c.tenant_id and p.customer_id = c.id
                         where c.tenant_id = :shop and p.tenant_id = :shop group by c.id""")
                .param("shop", shop.tenantId()).query(String.class).list())));
        assertThat(plan).contains("Task Count: 1");
    }
}
