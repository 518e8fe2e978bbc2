package jp.joren.line;

import java.time.LocalTime;
import java.util.function.Supplier;

import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.ShopWork;
import jp.joren.tenancy.CurrentTenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A shop for the LINE tests: connected to LINE with known credentials, and its customers. */
final class LineShop {

    static final String SECRET = "0123456789abcdef0123456789abcdef";
    static final String TOKEN = "test-access-token-ABCDEFGHIJKLMNOPQRSTUVWXYZ-wxyz";

    final TestShop shop;
    final String webhookKey;
    private final JdbcClient jdbc;
    private final ShopWork shopWork;

    private LineShop(TestShop shop, LineAccounts accounts, JdbcClient jdbc, ShopWork shopWork) {
        this.shop = shop;
        this.jdbc = jdbc;
        this.shopWork = shopWork;
        CurrentTenant.callAs(shop.tenantId(), () -> accounts.connect(
                new LineConnection("1657000000", SECRET, TOKEN, LocalTime.of(10, 0), LocalTime.of(20, 0))));
        this.webhookKey = CurrentTenant.callAs(shop.tenantId(), () -> accounts.view().orElseThrow().webhookKey());
    }

    @Component
    static class Opener {
        private final ShopFixtures shops;
        private final LineAccounts accounts;
        private final JdbcClient jdbc;
        private final ShopWork shopWork;

        Opener(ShopFixtures shops, LineAccounts accounts, JdbcClient jdbc, ShopWork shopWork) {
            this.shops = shops;
            this.accounts = accounts;
            this.jdbc = jdbc;
            this.shopWork = shopWork;
        }

        LineShop open(String name) {
            return new LineShop(shops.newShop(name), accounts, jdbc, shopWork);
        }
    }

    long customer(String name) {
        return inShop(() -> jdbc.sql("""
                        insert into customer (tenant_id, name, email) values (app_current_tenant(), ?, ?) returning id""")
                .params(name, name.hashCode() + "@example.jp").query(Long.class).single());
    }

    <T> T inShop(Supplier<T> work) {
        return shopWork.inShop(shop.tenantId(), work);
    }
}
