package jp.joren.system;

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

@JorenIntegrationTest
class HomeTest {

    @LocalServerPort
    int port;

    @Autowired
    ShopFixtures shops;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void theHomePageGreetsTheShopWithItsOwnFiguresInYen() {
        TestShop shop = shops.newShop("ホーム検査店");
        shops.newShop("よその店");
        CurrentTenant.runAs(shop.tenantId(), () -> transaction.executeWithoutResult(status -> {
            long customer = jdbc.sql("insert into customer (tenant_id, name) values (app_current_tenant(), '客') returning id")
                    .query(Long.class).single();
            jdbc.sql("insert into customer (tenant_id, name) values (app_current_tenant(), '客二')").update();
            jdbc.sql("""
                            insert into purchase (tenant_id, customer_id, store_id, purchased_at, business_date, total)
                            select app_current_tenant(), ?, min(id), now(), current_date, 12800 from store
                            """).param(customer).update();
        }));
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());

        WebSession.Page home = owner.get("/home");

        assertThat(home.document().select("#customer-count").text()).isEqualTo("2");
        assertThat(home.text()).contains("¥12,800", "夜間処理はまだ実行されていません。");
    }

    @Test
    void theStylesheetAndScriptsThePagesLinkAreServedToEveryoneFromTheApplicationItself() {
        WebSession visitor = new WebSession(port);
        var page = visitor.get("/login").document();
        for (String link : java.util.List.of(page.selectFirst("link[rel=stylesheet]").attr("href"),
                page.selectFirst("script[src*=htmx]").attr("src"), "/static/js/counter.js")) {
            WebSession.Page asset = visitor.withHeader("Accept", "*/*").get(link);
            assertThat(asset.status()).as(link).isEqualTo(200);
            assertThat(asset.body()).as(link).isNotBlank();
        }
    }

    @Test
    void aVisitorWhoIsNotLoggedInSeesTheWelcomePageAndIsSentToLoginForTheRest() {
        WebSession visitor = new WebSession(port);

        assertThat(visitor.get("/").document().select("#signup-link").attr("href")).isEqualTo("/signup");
        assertThat(visitor.get("/home").location()).endsWith("/login");
    }
}
