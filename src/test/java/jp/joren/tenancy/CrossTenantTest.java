package jp.joren.tenancy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jp.joren.accounts.Account;
import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.shops.Store;
import jp.joren.shops.Stores;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Shop B must not read, change or delete anything of shop A, whichever way it asks: Spring Data
 * repositories, JPQL, native SQL, JdbcClient or HTTP. Another shop's id answers like a missing one.
 */
@JorenIntegrationTest
class CrossTenantTest {

    @LocalServerPort
    int port;

    @Autowired
    ShopFixtures shops;

    @Autowired
    Stores stores;

    @Autowired
    EntityManager entityManager;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    TestShop shopA;
    TestShop shopB;
    long storeOfA;
    long staffOfA;
    long customerOfA;

    @BeforeEach
    void twoShops() {
        shopA = shops.newShop("A 金物店");
        shopB = shops.newShop("B 魚屋");
        CurrentTenant.runAs(shopA.tenantId(), () -> transaction.executeWithoutResult(status -> {
            storeOfA = jdbc.sql("insert into store (tenant_id, name) values (app_current_tenant(), 'A 駅前店') returning id")
                    .query(Long.class).single();
            staffOfA = jdbc.sql("""
                            insert into account (tenant_id, email, password_hash, display_name, role)
                            values (app_current_tenant(), :email, '{noop}x', 'A のスタッフ', 'STAFF') returning id
                            """)
                    .param("email", "staff-a-" + System.nanoTime() + "@test.joren.jp")
                    .query(Long.class).single();
            customerOfA = jdbc.sql("""
                            insert into customer (tenant_id, name, name_kana, phone)
                            values (app_current_tenant(), '田中一郎', 'タナカイチロウ', '090-1234-5678') returning id
                            """)
                    .query(Long.class).single();
        }));
    }

    private <T> T asShopB(Supplier<T> work) {
        return as(shopB, work);
    }

    private <T> T as(TestShop shop, Supplier<T> work) {
        return CurrentTenant.callAs(shop.tenantId(), () -> transaction.execute(status -> work.get()));
    }

    @Test
    void repositoriesOfShopBNeitherFindNorDeleteShopARows() {
        assertThat(asShopB(() -> stores.findById(storeOfA))).isEmpty();
        List<Store> visibleToB = asShopB(stores::findAll);
        assertThat(visibleToB).extracting(Store::getTenantId).containsOnly(shopB.tenantId());
        asShopB(() -> {
            stores.deleteById(storeOfA);
            return null;
        });
        Optional<Store> stillThere = as(shopA, () -> stores.findById(storeOfA));
        assertThat(stillThere).isPresent();
    }

    @Test
    void jpqlAndEntityLookupsOfShopBSeeOnlyShopB() {
        assertThat(asShopB(() -> entityManager.find(Account.class, staffOfA))).isNull();
        assertThat(asShopB(() -> entityManager.createQuery("select a from Account a", Account.class).getResultList()))
                .extracting(Account::getTenantId).containsOnly(shopB.tenantId());
        int updated = asShopB(() -> entityManager.createQuery("update Store s set s.name = 'hacked' where s.id = :id")
                .setParameter("id", storeOfA).executeUpdate());
        assertThat(updated).isZero();
    }

    @Test
    void nativeSqlOfShopBCannotReadUpdateDeleteOrInsertIntoShopA() {
        assertThat(asShopB(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from customer where id = :id")
                .setParameter("id", customerOfA).getSingleResult()).longValue())).isZero();
        assertThat(asShopB(() -> entityManager
                .createNativeQuery("update customer set name = 'hacked' where id = :id")
                .setParameter("id", customerOfA).executeUpdate())).isZero();
        assertThat(asShopB(() -> entityManager.createNativeQuery("delete from store where id = :id")
                .setParameter("id", storeOfA).executeUpdate())).isZero();
        assertThatThrownBy(() -> asShopB(() -> entityManager
                .createNativeQuery("insert into store (tenant_id, name) values (:a, 'planted')")
                .setParameter("a", shopA.tenantId()).executeUpdate()))
                .hasStackTraceContaining("row-level security");

        assertThat(customerNameAsShopA()).isEqualTo("田中一郎");
    }

    @Test
    void jdbcClientOfShopBCannotReadUpdateDeleteOrInsertIntoShopA() {
        assertThat(asShopB(() -> jdbc.sql("select name from customer where id = ?").param(customerOfA)
                .query(String.class).optional())).isEmpty();
        assertThat(asShopB(() -> jdbc.sql("update customer set name = 'hacked' where id = ?").param(customerOfA)
                .update())).isZero();
        assertThat(asShopB(() -> jdbc.sql("delete from customer where id = ?").param(customerOfA).update())).isZero();
        assertThat(asShopB(() -> jdbc.sql("update shop set name = 'hacked' where id = ?").param(shopA.tenantId())
                .update())).isZero();
        assertThatThrownBy(() -> asShopB(() -> jdbc.sql("""
                        insert into customer (tenant_id, name) values (?, 'planted')
                        """).param(shopA.tenantId()).update()))
                .hasStackTraceContaining("row-level security");
        // a shop-B row cannot point at a shop-A row: the composite foreign key includes tenant_id
        assertThatThrownBy(() -> asShopB(() -> jdbc.sql("""
                        insert into consent (tenant_id, customer_id, channel, purpose, granted, method)
                        values (app_current_tenant(), ?, 'EMAIL', 'ADVERTISING', true, 'COUNTER')
                        """).param(customerOfA).update()))
                .hasStackTraceContaining("foreign key");

        assertThat(customerNameAsShopA()).isEqualTo("田中一郎");
    }

    @Test
    void httpEndpointsAnswerShopBWith404ForShopAIdsAndChangeNothing() {
        WebSession ownerB = new WebSession(port);
        ownerB.logIn(shopB.ownerEmail(), shopB.password());
        String csrf = ownerB.csrfToken("/staff/new");

        assertThat(ownerB.get("/staff/" + staffOfA).status()).isEqualTo(404);
        assertThat(ownerB.get("/staff/" + staffOfA).text()).contains("ページが見つかりません").doesNotContain("A のスタッフ");
        assertThat(ownerB.post("/staff/" + staffOfA + "/disable", Map.of("_csrf", csrf)).status()).isEqualTo(404);
        assertThat(ownerB.post("/staff/" + staffOfA + "/password",
                Map.of("_csrf", csrf, "password", "taken-over-123")).status()).isEqualTo(404);
        assertThat(ownerB.post("/settings/stores/" + storeOfA,
                Map.of("_csrf", csrf, "name", "hacked", "_active", "on")).status()).isEqualTo(404);
        assertThat(ownerB.get("/staff").text()).doesNotContain("A のスタッフ");

        Boolean staffUntouched = as(shopA, () -> jdbc.sql(
                "select enabled and password_hash = '{noop}x' from account where id = ?").param(staffOfA)
                .query(Boolean.class).single());
        assertThat(staffUntouched).isTrue();
        String storeName = as(shopA, () -> jdbc.sql("select name from store where id = ?").param(storeOfA)
                .query(String.class).single());
        assertThat(storeName).isEqualTo("A 駅前店");
    }

    private String customerNameAsShopA() {
        return as(shopA, () ->
                jdbc.sql("select name from customer where id = ?").param(customerOfA).query(String.class).single());
    }
}
