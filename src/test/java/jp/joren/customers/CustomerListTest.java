package jp.joren.customers;

import java.time.LocalDate;
import java.util.List;

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

/** The owner's customer list: each filter, the sort, paging. */
@JorenIntegrationTest
class CustomerListTest {

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
    void aShopWithCustomers() {
        shop = shops.newShop("一覧の店");
        kitchen = counter.kitchen(shop);
        owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        shopWork.inShop(shop.tenantId(), () -> {
            long aoki = customer("青木 一", "アオキ ハジメ", "港南一丁目", "{常連}", "WALK_IN");
            long inoue = customer("井上 二葉", "イノウエ フタバ", "港南二丁目", "{}", "SNS");
            long ueda = customer("上田 三郎", "ウエダ サブロウ", "港南一丁目", "{常連,贈答}", "REFERRAL");
            consent(aoki, "EMAIL", true);
            consent(inoue, "EMAIL", true);
            consent(inoue, "EMAIL", false);
            consent(ueda, "POSTAL", true);
            visit(aoki, LocalDate.of(2026, 1, 5), 3_000);
            visit(aoki, LocalDate.of(2026, 9, 1), 5_000);
            visit(inoue, LocalDate.of(2026, 6, 1), 20_000);
            jdbc.sql("""
                    insert into owned_product (tenant_id, customer_id, product_model_id, purchased_on)
                    values (app_current_tenant(), ?, ?, '2025-12-01')
                    """).params(ueda, kitchen.cookerModelId()).update();
            return null;
        });
    }

    @Test
    void eachFilterNarrowsTheList() {
        assertThat(names("")).containsExactly("青木 一", "井上 二葉", "上田 三郎");
        assertThat(names("tag=常連")).containsExactly("青木 一", "上田 三郎");
        assertThat(names("town=港南一丁目")).containsExactly("青木 一", "上田 三郎");
        assertThat(names("channel=SNS")).containsExactly("井上 二葉");
        assertThat(names("consent=EMAIL")).containsExactly("青木 一");
        assertThat(names("consent=POSTAL")).containsExactly("上田 三郎");
        assertThat(names("consent=NONE")).containsExactly("井上 二葉");
        assertThat(names("modelId=" + kitchen.cookerModelId())).containsExactly("上田 三郎");
        assertThat(names("lastVisitFrom=2026-05-01&lastVisitTo=2026-08-31")).containsExactly("井上 二葉");
        assertThat(names("text=うえだ")).containsExactly("上田 三郎");
        assertThat(names("tag=常連&town=港南一丁目&consent=EMAIL")).containsExactly("青木 一");
    }

    @Test
    void theSegmentIsAColumnAndAFilterThatCombinesWithTheTownByItsFirstCharacters() {
        shopWork.inShop(shop.tenantId(), () -> {
            cell(customerNamed("青木 一"), "LOYAL", true);
            cell(customerNamed("井上 二葉"), "FIRST", false);
            return null;
        });
        assertThat(names("segment=LOYAL")).containsExactly("青木 一");
        assertThat(names("standing=ACTIVE")).containsExactly("井上 二葉");
        // "優良離脱 in 港南": a cell and a town without its 丁目
        assertThat(names("segment=LOYAL&standing=LAPSED&town=港南")).containsExactly("青木 一");
        assertThat(names("segment=LOYAL&standing=ACTIVE&town=港南")).isEmpty();
        assertThat(names("town=港南")).containsExactly("青木 一", "井上 二葉", "上田 三郎");
        assertThat(names("town=港南二")).containsExactly("井上 二葉");
        // the trade area, as the dashboard counts it: SNS is the fourth, the shop's own customers the second
        assertThat(names("tier=4")).containsExactly("井上 二葉");
        assertThat(names("tier=2&town=港南")).containsExactly("青木 一", "上田 三郎");
        assertThat(names("tier=2&segment=LOYAL&standing=LAPSED")).containsExactly("青木 一");
        assertThat(owner.get("/customers").document().select("tr.customer-row td.cell").stream().map(td -> td.text()))
                .containsExactly("優良離脱", "初回現役", "");
        assertThat(owner.get("/customers/export?segment=LOYAL").body()).contains("区分").contains("優良離脱");
    }

    @Test
    void aColumnFilterCombinesWithAnOwnedModelInTheListAndItsExport() {
        String model = "modelId=" + kitchen.cookerModelId();
        assertThat(names("town=港南一丁目&" + model)).containsExactly("上田 三郎");
        assertThat(names("channel=REFERRAL&" + model)).containsExactly("上田 三郎");
        WebSession.Page byStore = owner.get("/customers?storeId=" + kitchen.storeId() + "&" + model);
        assertThat(byStore.status()).isEqualTo(200);
        assertThat(byStore.document().select("#customer-count").text()).isEqualTo("0人");
        assertThat(names("text=上田&channel=REFERRAL&" + model)).containsExactly("上田 三郎");

        WebSession.Page export = owner.get("/customers/export?town=港南一丁目&channel=REFERRAL&" + model);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body().split("\r\n")).hasSize(2);
        assertThat(export.body()).contains("上田 三郎");
    }

    @Test
    void theListSortsByRecencyVisitsOrAmount() {
        assertThat(names("sort=LAST_VISIT")).containsExactly("青木 一", "井上 二葉", "上田 三郎");
        assertThat(names("sort=AMOUNT")).containsExactly("井上 二葉", "青木 一", "上田 三郎");
        WebSession.Page page = owner.get("/customers?sort=VISITS");
        assertThat(page.document().select("tr.customer-row").first().text()).contains("青木 一").contains("¥8,000");
    }

    @Test
    void aLongListIsPagedAndThePagerKeepsTheFilters() {
        shopWork.inShop(shop.tenantId(), () -> {
            for (int i = 0; i < 60; i++) {
                customer("大勢 " + i, "オオゼイ " + String.format("%02d", i), "港南九丁目", "{}", "EVENT");
            }
            return null;
        });
        WebSession.Page first = owner.get("/customers?channel=EVENT");
        assertThat(first.document().select("#customer-count").text()).isEqualTo("60人");
        assertThat(first.document().select("tr.customer-row")).hasSize(50);
        String next = first.document().selectFirst("a[rel=next]").attr("href");
        assertThat(next).contains("channel=EVENT").contains("page=1");
        WebSession.Page second = owner.get(next.replaceFirst("^https?://[^/]+", ""));
        assertThat(second.document().select("tr.customer-row")).hasSize(10);
        assertThat(second.document().select("a[rel=next]")).isEmpty();
    }

    @Test
    void theFilteredListExportsAsCsvForExcelWithFormulasNeutralised() {
        shopWork.inShop(shop.tenantId(), () -> customer("=HYPERLINK(\"http://evil\")", "イービル", "港南一丁目", "{常連}", "WALK_IN"));
        WebSession.Page export = owner.get("/customers/export?tag=常連&sort=KANA");

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.response().headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(export.body()).startsWith("\uFEFF会員番号,お名前,フリガナ,電話番号");
        String[] lines = export.body().split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).contains("青木 一").contains("同意あり").contains(",2,2026-01-05,2026-09-01,8000");
        // no member code: an empty first cell, quoted (ExcelCsvWriter)
        assertThat(lines[2]).startsWith("\"\",\"'=HYPERLINK(\"\"http://evil\"\")\",イービル");
        long audited = shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select count(*) from audit_event where action = 'DATA_EXPORTED'")
                .query(Long.class).single());
        assertThat(audited).isEqualTo(1);
    }

    @Test
    void staffCannotExportTheList() {
        WebSession clerk = owner.newClerk("店員");
        assertThat(clerk.get("/customers/export").status()).isEqualTo(403);
        assertThat(clerk.get("/customers").document().select("#export-customers")).isEmpty();
    }

    private List<String> names(String query) {
        return owner.get("/customers?" + query).document().select("tr.customer-row td:first-child a").eachText();
    }

    private long customer(String name, String kana, String town, String tags, String channel) {
        return jdbc.sql("""
                        insert into customer (tenant_id, name, name_kana, town, tags, acquisition_channel)
                        values (app_current_tenant(), ?, ?, ?, ?::text[], ?) returning id
                        """).params(name, kana, town, tags, channel).query(Long.class).single();
    }

    private long customerNamed(String name) {
        return jdbc.sql("select id from customer where name = ?").param(name).query(Long.class).single();
    }

    private void cell(long customer, String segment, boolean lapsed) {
        jdbc.sql("""
                insert into customer_portfolio (tenant_id, customer_id, visits, first_visit, last_visit, tenure_days, amount,
                                                expected_interval_days, segment, lapsed)
                values (app_current_tenant(), ?, 2, '2025-01-05', '2026-01-05', 365, 80000, 60, ?, ?)
                """).params(customer, segment, lapsed).update();
    }

    private void consent(long customer, String channel, boolean granted) {
        jdbc.sql("""
                insert into consent (tenant_id, customer_id, channel, purpose, granted, method, recorded_at)
                values (app_current_tenant(), ?, ?, 'ADVERTISING', ?, 'COUNTER', clock_timestamp())
                """).params(customer, channel, granted).update();
    }

    private void visit(long customer, LocalDate day, long total) {
        jdbc.sql("""
                insert into purchase (tenant_id, customer_id, store_id, purchased_at, business_date, total)
                values (app_current_tenant(), ?, ?, ?::date + time '12:00', ?, ?)
                """).params(customer, kitchen.storeId(), day, day, total).update();
    }
}
