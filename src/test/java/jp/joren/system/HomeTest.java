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
                            select tenant_id, ?, min(id), now(), current_date, 12800 from store
                             where tenant_id = app_current_tenant() group by tenant_id
                            on conflict do nothing
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
    void aNewShopsOwnerIsGivenFirstStepsThatTickThemselvesOffAndThenWhatToActOn() {
        TestShop shop = shops.newShop("はじめての店");
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        Document home = owner.get("/home").document();
        assertThat(home.select("#first-steps li.todo a").eachText()).contains("商品を登録するか、取り込む",
                "スタッフを招く", "最初の案内（お知らせ）を有効にする");
        assertThat(home.select("#step-products a").attr("href")).isEqualTo("/catalog");

        counter.kitchen(shop);
        long customer = CurrentTenant.callAs(shop.tenantId(), () -> transaction.execute(status -> {
            long id = jdbc.sql("insert into customer (tenant_id, name) values (app_current_tenant(), '送れず 太郎') returning id")
                    .query(Long.class).single();
            jdbc.sql("""
                            insert into outbox_message (tenant_id, customer_id, rule, occasion, channel, status, due_on)
                            values (app_current_tenant(), ?, 'WIN_BACK', 'test', 'EMAIL', 'FAILED', current_date)""")
                    .param(id).update();
            return id;
        }));
        owner.newClerk("店員 はな");

        home = owner.get("/home").document();
        assertThat(home.select("#step-products, #step-customers, #step-staff").hasClass("done")).isTrue();
        assertThat(home.select("#first-steps li.done")).hasSize(3);
        assertThat(home.select("#first-steps h2").text()).isEqualTo("はじめの一歩（3 / 6 完了）");
        assertThat(home.select("#act-failed-sends").text()).isEqualTo("送れなかった案内 1 件");
        assertThat(home.select("#act-failed-sends").attr("href")).isEqualTo("/reminders/outbox?status=FAILED");
        assertThat(customer).isPositive();
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
