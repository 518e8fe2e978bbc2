package jp.joren.system;

import java.util.Map;

import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.CounterFixtures;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.WebSession;
import jp.joren.tenancy.CurrentTenant;
import org.jsoup.nodes.Document;
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
    CounterFixtures counter;

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
    void theCounterHomeShowsTodaysListAndReceiptsWhileTheShopsFiguresAndCustomerValuesStayTheOwners() {
        TestShop shop = shops.newShop("ホーム帳場店");
        counter.kitchen(shop);
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        String customerPage = owner.submit("/customers/new", "form.customer-form", Map.of("name", "松本 美咲",
                "nameKana", "マツモト ミサキ", "phone", "090-2468-1357", "emailConsent", "false",
                "postalConsent", "true")).location();
        String customer = customerPage.replaceAll("\\D", "");
        WebSession.Page counterForm = owner.get("/purchases/new");
        assertThat(owner.submit("/purchases/new", "#purchase-form", Map.of("customerId", customer,
                "storeId", counterForm.document().select("#storeId option[selected]").val(),
                "purchasedAt", counterForm.document().select("#purchasedAt").val(), "channel", "STORE",
                "lines[0].code", "TW-01")).status()).isEqualTo(302);
        CurrentTenant.runAs(shop.tenantId(), () -> transaction.executeWithoutResult(status -> jdbc.sql("""
                        insert into contact_item (tenant_id, customer_id, reason, occasion, listed_on, priority, rank_days, days)
                        values (app_current_tenant(), ?, 'BIRTHDAY', 'test', current_date, 5, 0, 0)""")
                .param(Long.parseLong(customer)).update()));
        WebSession clerk = owner.newClerk("店員 ゆい");

        Document home = clerk.get("/home").document();
        assertThat(home.selectFirst("#home-q").hasAttr("autofocus")).isTrue();
        assertThat(home.select("#open-contacts").text()).isEqualTo("連絡するお客さまが 1 人います");
        assertThat(home.select("tr.home-receipt").text()).contains("松本 美咲").contains("¥300").contains("No.1");
        assertThat(home.select("#owner-figures")).isEmpty();
        Document list = clerk.get("/customers").document();
        assertThat(list.select("tr.customer-row").text()).contains("松本 美咲");
        assertThat(list.select(".total-amount, .forecast-active, .forecast-value")).isEmpty();
        Document page = clerk.get(customerPage).document();
        assertThat(page.select("#visit-count").text()).isEqualTo("1");
        assertThat(page.select("#total-amount, #forecast")).isEmpty();

        assertThat(owner.get("/home").document().select("#owner-figures .value").eachText()).contains("¥300");
        assertThat(owner.get("/customers").document().select(".total-amount").text()).isEqualTo("¥300");
        assertThat(owner.get(customerPage).document().select("#total-amount, #forecast")).hasSize(2);
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
