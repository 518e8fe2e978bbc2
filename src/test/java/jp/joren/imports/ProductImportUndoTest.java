package jp.joren.imports;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.CounterFixtures;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.ShopWork;
import jp.joren.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A product import can be undone like the others: what it changed goes back, what it created goes if unused. */
@JorenIntegrationTest
class ProductImportUndoTest {

    @LocalServerPort
    int port;

    @Autowired
    ShopFixtures shops;

    @Autowired
    CounterFixtures counter;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ShopWork shopWork;

    TestShop shop;
    ImportSteps steps;

    @BeforeEach
    void aKitchenShop() {
        shop = shops.newShop("商品を戻す店");
        counter.kitchen(shop);
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        steps = new ImportSteps(owner);
    }

    @Test
    void undoRestoresTheProductsItChangedAndRemovesThoseItCreatedUnlessUsedOrEditedSince() {
        String job = steps.upload("PRODUCTS", "商品.csv", """
                商品コード,商品名,価格
                TW-01,かや織りふきん（新）,350
                FL-01,浄水フィルター,550
                NEW-1,土鍋 8号,4800
                NEW-2,土鍋 9号,5800
                """.getBytes(StandardCharsets.UTF_8));
        steps.check(job);
        assertThat(steps.run(job, Map.of())).contains("新規 2件、更新 2件");
        // since: FL-01's price is changed again by hand, and NEW-2 is sold at the counter
        shopWork.inShop(shop.tenantId(), () -> jdbc.sql("update product set price = 600 where code = 'FL-01'").update());
        shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                with p as (insert into purchase (tenant_id, store_id, purchased_at, business_date, total)
                           select tenant_id, min(id), timestamptz '2026-03-01 12:00+09', '2026-03-01', 5800
                             from store where tenant_id = app_current_tenant() group by tenant_id
                           returning tenant_id, id)
                insert into purchase_line (tenant_id, purchase_id, product_id, quantity, unit_price, amount)
                select p.tenant_id, p.id, pr.id, 1, 5800, 5800
                  from p join product pr on pr.tenant_id = p.tenant_id and pr.code = 'NEW-2'
                """).update());

        WebSession.Page undone = steps.undo(job);

        assertThat(undone.document().select("#undo-done").text())
                .isEqualTo("取り込みを取り消しました。元に戻した商品 1件、削除した商品 1件。");
        assertThat(undone.document().select("#undo-kept").text()).contains("編集された商品 1件");
        assertThat(undone.document().select("li.kept-product").eachText())
                .containsExactly("土鍋 9号 NEW-2：ほかのお買い上げがあります");
        assertThat(text("select name || ' ' || price from product where code = 'TW-01'")).isEqualTo("かや織りふきん 300");
        assertThat(text("select price::text from product where code = 'FL-01'")).as("edited since").isEqualTo("600");
        assertThat(text("select count(*)::text from product where code in ('NEW-1', 'NEW-2')")).isEqualTo("1");
    }

    private String text(String sql) {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql(sql).query(String.class).single());
    }
}
