package jp.joren.customers;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.CounterFixtures;
import jp.joren.support.CounterFixtures.Kitchen;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.ShopWork;
import jp.joren.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Saved segments: a filter of the customer list kept under a name, opened, exported, renamed and deleted. */
@JorenIntegrationTest
class SavedSegmentTest {

    private static final String LAPSED_TOP_IN_KONAN = "/customers?segment=LOYAL&standing=LAPSED&town=港南";

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
    Kitchen kitchen;
    WebSession owner;

    @BeforeEach
    void aShopWithLapsedTopCustomersInTwoTowns() {
        shop = shops.newShop("条件の店");
        kitchen = counter.kitchen(shop);
        owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        shopWork.inShop(shop.tenantId(), () -> {
            cell(customer("青木 一", "アオキ ハジメ", "港南一丁目"), "LOYAL", true);
            cell(customer("井上 二葉", "イノウエ フタバ", "港南二丁目"), "LOYAL", true);
            cell(customer("上田 三郎", "ウエダ サブロウ", "港南一丁目"), "LOYAL", false);
            cell(customer("江藤 四郎", "エトウ シロウ", "太子堂三丁目"), "LOYAL", true);
            customer("小野 五月", "オノ サツキ", "港南一丁目");
            return null;
        });
    }

    @Test
    void aSavedFilterOpensAgainWithTheSameCustomersAndExportsThem() {
        WebSession.Page filtered = owner.get(LAPSED_TOP_IN_KONAN + "&sort=LAST_VISIT");
        List<String> shown = names(filtered);
        assertThat(shown).containsExactlyInAnyOrder("青木 一", "井上 二葉");

        WebSession.Page saved = owner.submit(LAPSED_TOP_IN_KONAN + "&sort=LAST_VISIT", "#save-segment",
                Map.of("name", "港南の優良離脱"));
        assertThat(saved.status()).isEqualTo(302);
        WebSession.Page back = owner.open(path(saved.location()));
        assertThat(back.document().select("div.notice").text()).isEqualTo("条件を保存しました。");
        assertThat(back.document().select("#saved-segments a.chip.current").text()).isEqualTo("港南の優良離脱");

        // another day, from the plain list: the chip opens the same customers, in the same order
        WebSession.Page all = owner.get("/customers");
        assertThat(names(all)).hasSize(5);
        assertThat(all.document().select("#saved-segments a.chip.current")).isEmpty();
        String chip = all.document().selectFirst("#saved-segments a.chip:contains(港南の優良離脱)").attr("href");
        WebSession.Page reopened = owner.get(chip);
        assertThat(names(reopened)).isEqualTo(shown);
        assertThat(reopened.document().select("#customer-count").text()).isEqualTo("2人");
        assertThat(reopened.document().select("#sort option[selected]").val()).isEqualTo("LAST_VISIT");

        // a saved segment is an export: the list's CSV link with the segment's filter
        String export = reopened.document().selectFirst("#export-customers").attr("href");
        String csv = owner.get(export).body();
        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv).contains("青木 一", "井上 二葉").doesNotContain("上田 三郎", "江藤 四郎", "小野 五月");
    }

    @Test
    void aNameIsTakenHoweverItIsTyped() {
        owner.submit(LAPSED_TOP_IN_KONAN, "#save-segment", Map.of("name", "ＶＩＰ 離脱"));
        WebSession.Page again = owner.submit("/customers?town=太子堂", "#save-segment", Map.of("name", "vip離脱"));
        WebSession.Page shown = owner.open(path(again.location()));
        assertThat(shown.document().select("#segment-error").text())
                .startsWith("同じ名前の保存した条件がすでにあります");
        assertThat(shown.document().select("#segment-name").val()).isEqualTo("vip離脱");
        assertThat(segments()).isEqualTo(1);

        WebSession.Page empty = owner.submit("/customers?town=太子堂", "#save-segment", Map.of("name", "  "));
        assertThat(owner.open(path(empty.location())).document().select("#segment-error").text())
                .isEqualTo("名前を入力してください。");
        assertThat(segments()).isEqualTo(1);
    }

    @Test
    void theOwnerRenamesASegmentUnlessSomeoneElseDidMeanwhileAndDeletesIt() {
        owner.submit(LAPSED_TOP_IN_KONAN, "#save-segment", Map.of("name", "港南の優良離脱"));
        WebSession.Page renamed = owner.submit(LAPSED_TOP_IN_KONAN, "#rename-segment", Map.of("name", "港南の離脱した優良"));
        assertThat(owner.open(path(renamed.location())).document().select("a.chip.current").text())
                .isEqualTo("港南の離脱した優良");

        // a page opened before that rename says so instead of renaming again
        long id = shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select id from saved_segment").query(Long.class).single());
        WebSession.Page stale = owner.post("/customers/segments/" + id + "/rename",
                Map.of("_csrf", owner.csrfToken("/customers"), "name", "古いページから", "version", "0"));
        assertThat(owner.open(path(stale.location())).document().select("#segment-error").text())
                .startsWith("この条件は、開いた後にほかの方が名前を変えたか削除しました");

        WebSession.Page deleted = owner.submit(LAPSED_TOP_IN_KONAN, "#delete-segment", Map.of());
        WebSession.Page after = owner.open(path(deleted.location()));
        assertThat(after.document().select("div.notice").text()).startsWith("保存した条件を削除しました");
        assertThat(after.document().select("a.chip")).isEmpty();
        assertThat(names(after)).containsExactlyInAnyOrder("青木 一", "井上 二葉");
    }

    @Test
    void staffSeeNoSavedSegmentsAndCannotSaveOne() {
        owner.submit(LAPSED_TOP_IN_KONAN, "#save-segment", Map.of("name", "港南の優良離脱"));
        WebSession clerk = owner.newClerk("店員");
        assertThat(clerk.get("/customers").document().select("#saved-segments")).isEmpty();
        assertThat(clerk.post("/customers/segments", Map.of("_csrf", clerk.csrfToken("/customers"),
                "name", "店員の条件", "filter", "town=港南")).status()).isEqualTo(403);
        assertThat(segments()).isEqualTo(1);
    }

    @Test
    void anotherShopCannotSeeOpenRenameOrDeleteASegment() {
        owner.submit(LAPSED_TOP_IN_KONAN, "#save-segment", Map.of("name", "港南の優良離脱"));
        long id = shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select id from saved_segment").query(Long.class).single());
        TestShop other = shops.newShop("となりの店");
        WebSession ownerB = new WebSession(port);
        ownerB.logIn(other.ownerEmail(), other.password());

        assertThat(ownerB.get("/customers").document().select("a.chip")).isEmpty();
        assertThat(ownerB.get("/customers/segments/" + id).status()).isEqualTo(404);
        String csrf = ownerB.csrfToken("/customers");
        assertThat(ownerB.post("/customers/segments/" + id + "/rename",
                Map.of("_csrf", csrf, "name", "乗っ取り", "version", "0")).status()).isEqualTo(404);
        assertThat(ownerB.post("/customers/segments/" + id + "/delete", Map.of("_csrf", csrf)).status()).isEqualTo(404);
        // the same name is free in another shop
        assertThat(ownerB.submit("/customers", "#save-segment", Map.of("name", "港南の優良離脱")).status()).isEqualTo(302);
        assertThat(shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select name from saved_segment").query(String.class).list()))
                .containsExactly("港南の優良離脱");
        assertThat(owner.get("/customers/segments/" + id).status()).isEqualTo(302);
    }

    private List<String> names(WebSession.Page page) {
        return page.document().select("tr.customer-row td:first-child a").eachText();
    }

    private int segments() {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select count(*) from saved_segment").query(Integer.class).single());
    }

    private static String path(String location) {
        URI uri = URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private long customer(String name, String kana, String town) {
        return jdbc.sql("""
                        insert into customer (tenant_id, name, name_kana, town, acquisition_channel)
                        values (app_current_tenant(), ?, ?, ?, 'WALK_IN') returning id
                        """).params(name, kana, town).query(Long.class).single();
    }

    private void cell(long customer, String segment, boolean lapsed) {
        jdbc.sql("""
                insert into customer_portfolio (tenant_id, customer_id, visits, first_visit, last_visit, tenure_days, amount,
                                                expected_interval_days, segment, lapsed)
                values (app_current_tenant(), ?, 2, '2025-01-05', '2026-01-05', 365, 80000, 60, ?, ?)
                """).params(customer, segment, lapsed).update();
        jdbc.sql("""
                insert into purchase (tenant_id, customer_id, store_id, purchased_at, business_date, total)
                values (app_current_tenant(), ?, ?, ?::date + time '12:00', ?, 5000)
                """).params(customer, kitchen.storeId(), LocalDate.of(2026, 1, 5).minusDays(customer % 7),
                LocalDate.of(2026, 1, 5).minusDays(customer % 7)).update();
    }
}
