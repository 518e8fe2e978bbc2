package jp.joren.tenancy;

import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;

import jp.joren.shops.ShopFixtures;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@JorenIntegrationTest
class RowLevelSecurityTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DataSource dataSource;

    @Autowired
    ShopFixtures shops;

    @Autowired
    RowLevelSecurityGuard guard;

    @Test
    void theRuntimeRoleIsNeitherSuperuserNorBypassesRowLevelSecurityNorOwnsATable() {
        assertThat(jdbc.sql("select rolsuper or rolbypassrls from pg_roles where rolname = current_user")
                .query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user")
                .query(Long.class).single()).isZero();
        assertThat(guard.reasonsToRefuse()).isEmpty();
    }

    @Test
    void turningRowSecurityOffIsRefusedForTheRuntimeRole() {
        shops.newShop("行セキュリティ検査店");

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            jdbc.sql("set local row_security = off").update();
            jdbc.sql("select count(*) from account").query(Long.class).single();
        })).hasStackTraceContaining("query would be affected by row-level security policy");
    }

    @Test
    void everyShopTableHasRowLevelSecurityWithAPolicyThatChecksWritesToo() {
        List<String> tablesWithoutCheck = jdbc.sql("""
                        select c.relname
                          from pg_class c
                          join pg_namespace n on n.oid = c.relnamespace
                         where n.nspname = 'public' and c.relkind = 'r'
                           and (c.relname = 'shop' or exists (select 1 from pg_attribute a
                                 where a.attrelid = c.oid and a.attname = 'tenant_id'))
                           and not exists (select 1 from pg_policy p
                                 where p.polrelid = c.oid and p.polqual is not null and p.polwithcheck is not null)
                        """)
                .query(String.class).list();
        assertThat(tablesWithoutCheck).isEmpty();
    }

    @Test
    void aTransactionWithoutATenantSeesNoRowOfAnyShopTable() throws Exception {
        shops.newShop("テナントなし検査店");
        try (Connection owner = TestDatabase.get().ownerConnection()) {
            JdbcClient asOwner = JdbcClient.create(new SingleConnectionDataSource(owner, true));
            assertThat(asOwner.sql("select count(*) from account").query(Long.class).single()).isPositive();
        }
        List<String> shopTables = jdbc.sql("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                         where n.nspname = 'public' and c.relkind = 'r'
                           and (c.relname = 'shop' or exists (select 1 from pg_attribute a
                                 where a.attrelid = c.oid and a.attname = 'tenant_id'))
                        """)
                .query(String.class).list();
        assertThat(shopTables).contains("shop", "store", "account", "customer", "purchase", "nightly_run");

        for (String table : shopTables) {
            Long visible = transaction.execute(status ->
                    jdbc.sql("select count(*) from " + table).query(Long.class).single());
            assertThat(visible).as("rows of %s visible without a tenant", table).isZero();
        }
    }

    @Test
    void theApplicationRefusesToStartAsARoleThatCouldBypassRowLevelSecurity() throws Exception {
        TestDatabase db = TestDatabase.get();
        try (Connection owner = db.ownerConnection()) {
            JdbcClient asOwner = JdbcClient.create(new SingleConnectionDataSource(owner, true));
            RowLevelSecurityGuard ownerGuard = new RowLevelSecurityGuard(asOwner);

            assertThat(ownerGuard.reasonsToRefuse()).anyMatch(reason -> reason.contains("account is owned by this role"));
            assertThatThrownBy(ownerGuard::afterSingletonsInstantiated)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("Refusing to start");
        }
    }
}
