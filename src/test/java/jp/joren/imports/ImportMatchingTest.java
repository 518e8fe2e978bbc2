package jp.joren.imports;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

/**
 * Imports that never hurt existing customers: a shared landline with another name is a conflict the owner
 * decides, what would change is shown before anything is written, and an import can be undone.
 */
@JorenIntegrationTest
class ImportMatchingTest {

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
    WebSession owner;
    ImportSteps steps;
    long aoki;
    long sato;

    @BeforeEach
    void aShopWithTwoCustomers() {
        shop = shops.newShop("台帳の店");
        counter.kitchen(shop);
        owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        steps = new ImportSteps(owner);
        aoki = customer("C000001", "青木 浩", "アオキ ヒロシ", "03-5669-7991", "aoki@example.jp");
        sato = customer("C000002", "佐藤 花子", "サトウ ハナコ", "090-1111-0001", "hanako@example.jp");
        shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                        insert into purchase (tenant_id, customer_id, store_id, purchased_at, business_date, total)
                        select app_current_tenant(), :c, s.id, d::timestamptz + interval '3 hours', d::date, 5000
                          from generate_series(date '2026-01-05', date '2026-01-07', interval '1 day') d
                         cross join (select min(id) as id from store where tenant_id = app_current_tenant()) s
                        on conflict do nothing
                        """).param("c", aoki).update());
    }

    @Test
    void aRowSharingALandlineWithAnotherNameIsAConflictThatChangesNobodyAndCreatesANewCustomerByDefault() {
        String job = steps.upload("CUSTOMERS", "台帳.csv", """
                会員番号,氏名,フリガナ,電話番号,メールアドレス
                K-0003,鈴木 一郎,スズキ イチロウ,03-5669-7991,
                ,佐藤 花子,さとう はなこ,０９０－１１１１－０００１,hanako2@example.jp
                """.getBytes(Charset.forName("windows-31j")));

        WebSession.Page report = steps.check(job);

        assertThat(report.document().select("#conflict-summary").text()).contains("1行あります");
        assertThat(report.document().select("tr.conflict")).singleElement().satisfies(conflict -> {
            assertThat(conflict.id()).isEqualTo("conflict-2");
            assertThat(conflict.select(".incoming").text()).contains("鈴木 一郎").contains("スズキ イチロウ").contains("K-0003");
            assertThat(conflict.select(".existing").text()).contains("青木 浩").contains("アオキ ヒロシ").contains("C000001")
                    .contains("03-5669-7991").contains("来店 3回");
            assertThat(conflict.select("input[value=CREATE]").attr("checked")).isNotNull();
            assertThat(conflict.select("input[checked]")).singleElement().extracting(e -> e.val()).isEqualTo("CREATE");
        });
        assertThat(report.document().select("#update-3").text()).contains("佐藤 花子")
                .contains("メールアドレス：hanako@example.jp → hanako2@example.jp").doesNotContain("電話番号");
        assertThat(customerRow(aoki)).isEqualTo(List.of("青木 浩", "アオキ ヒロシ", "C000001", "03-5669-7991"));

        assertThat(steps.run(job, Map.of())).contains("新規 1件、更新 1件");

        assertThat(customerRow(aoki)).as("the shop's customer is untouched")
                .isEqualTo(List.of("青木 浩", "アオキ ヒロシ", "C000001", "03-5669-7991"));
        assertThat(count("select count(*) from customer where phone_normalized = '0356697991'")).isEqualTo(2);
        assertThat(count("select count(*) from customer where code = 'K-0003' and name = '鈴木 一郎' and phone = '03-5669-7991'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from purchase where customer_id = " + aoki)).isEqualTo(3);
        assertThat(shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select email from customer where id = :id").param("id", sato)
                .query(String.class).single())).isEqualTo("hanako2@example.jp");
    }

    @Test
    void theOwnerMaySkipAConflictRowOrUpdateTheCustomerWithIt() {
        String csv = "氏名,フリガナ,電話番号\n鈴木 一郎,スズキ イチロウ,03-5669-7991\n";
        String skipped = steps.upload("CUSTOMERS", "skip.csv", csv.getBytes(StandardCharsets.UTF_8));
        steps.check(skipped);
        assertThat(steps.run(skipped, Map.of("decision.2", "SKIP"))).contains("新規 0件、更新 0件");
        assertThat(count("select count(*) from customer")).isEqualTo(2);

        String updated = steps.upload("CUSTOMERS", "update.csv", csv.getBytes(StandardCharsets.UTF_8));
        steps.check(updated);
        assertThat(steps.run(updated, Map.of("decision.2", "UPDATE"))).contains("新規 0件、更新 1件");
        assertThat(customerRow(aoki)).isEqualTo(List.of("鈴木 一郎", "スズキ イチロウ", "C000001", "03-5669-7991"));
    }

    @Test
    void undoingAnImportRestoresEveryFieldItChangedAndRemovesTheCustomersItCreated() {
        shopWork.inShop(shop.tenantId(), () -> jdbc.sql("update customer set tags = '{常連}', notes = '辛口が好き' where id = :id")
                .param("id", sato).update());
        String before = fullRow(sato);
        String job = steps.upload("CUSTOMERS", "台帳.csv", """
                会員番号,氏名,フリガナ,電話番号,メールアドレス,誕生日,郵便番号,都道府県,市区町村,町名,住所,タグ,メモ,来店のきっかけ,DM送付
                S-9,佐藤 花子,サトウ ハナコ,090-1111-0001,hanako2@example.jp,昭和55年3月3日,108-0075,東京都,港区,港南二丁目,1-1,"VIP,常連",お得意様,紹介,可
                ,新井 一,アライ ハジメ,090-2222-0001,arai@example.jp,,,,,,,,,,不可
                ,井上 二,イノウエ ジ,090-2222-0002,,,,,,,,,,,可
                ,青木 浩,,090-9999-0000,AOKI@example.jp,,,,,,,,,,
                """.getBytes(StandardCharsets.UTF_8));
        String aokiBefore = fullRow(aoki);
        steps.check(job);
        assertThat(steps.run(job, Map.of())).contains("新規 2件、更新 2件");
        assertThat(fullRow(aoki)).as("matched by email").contains("090-9999-0000");
        assertThat(fullRow(sato)).isNotEqualTo(before).contains("S-9", "1980-03-03", "VIP,常連", "REFERRAL", "港南二丁目");
        assertThat(count("select count(*) from audit_event where action = 'CUSTOMER_IMPORTED' and subject_id = " + sato))
                .isEqualTo(1);
        assertThat(owner.open("/audit").document().select(".audit-sentence").eachText())
                .anyMatch(s -> s.contains("の取り込みで 佐藤 花子 のメールアドレスが hanako@example.jp から hanako2@example.jp に変更"))
                .anyMatch(s -> s.contains("佐藤 花子 の誕生日が （空欄） から 1980年3月3日 に変更"))
                .anyMatch(s -> s.contains("が「台帳.csv」（顧客）を取り込み：新規 2件、更新 2件、取り込まなかった行 0件"));

        WebSession.Page undone = steps.undo(job);

        assertThat(undone.document().select("#undo-done").text()).contains("元に戻したお客さま 2人、削除したお客さま 2人");
        assertThat(fullRow(sato)).isEqualTo(before);
        assertThat(fullRow(aoki)).isEqualTo(aokiBefore);
        assertThat(count("select count(*) from customer")).isEqualTo(2);
        assertThat(count("select count(*) from consent where method = 'IMPORT'"))
                .as("the created customers' consents, and the one it gave 佐藤 (ImportUndoConsentsTest)").isZero();
        assertThat(undone.document().select("#undo-import")).as("undone once").isEmpty();
        assertThat(owner.open("/audit").document().select(".audit-sentence").eachText())
                .anyMatch(s -> s.contains("取り込みを取り消し、佐藤 花子 のメールアドレスを hanako2@example.jp から hanako@example.jp に戻しました"))
                .anyMatch(s -> s.contains("が「台帳.csv」の取り込みを取り消し：お客さま 2人を削除、お客さま 2人を元に戻す"));
    }

    @Test
    void undoIsRefusedWithTheListWhenACustomerTheImportCreatedHasBoughtSince() {
        String job = steps.upload("CUSTOMERS", "new.csv", """
                氏名,フリガナ,電話番号,メールアドレス
                新井 一,アライ ハジメ,090-2222-0001,arai@example.jp
                井上 二,イノウエ ジ,090-2222-0002,
                佐藤 花子,サトウ ハナコ,090-1111-0001,hanako2@example.jp
                上田 三,ウエダ サン,090-2222-0003,
                """.getBytes(StandardCharsets.UTF_8));
        steps.check(job);
        steps.run(job, Map.of());
        shopWork.inShop(shop.tenantId(), () -> jdbc.sql("update customer set notes = '電話で住所を確認' where name = '上田 三'").update());
        String uedaCode = shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select code from customer where name = '上田 三'")
                .query(String.class).single());
        long arai = count("select id from customer where name = '新井 一'");
        shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                        insert into purchase (tenant_id, customer_id, store_id, purchased_at, business_date, total)
                        select tenant_id, :c, min(id), timestamptz '2026-02-01 12:00+09', date '2026-02-01', 3000
                          from store where tenant_id = app_current_tenant() group by tenant_id
                        on conflict do nothing
                        """).param("c", arai).update());
        String code = shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select code from customer where id = :id").param("id", arai)
                .query(String.class).single());
        long inoue = count("select id from customer where name = '井上 二'");
        shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                        insert into coupon (tenant_id, code, customer_id, kind, value, valid_from, valid_until, issued_for)
                        values (app_current_tenant(), 'WB-1', :c, 'PERCENT', 50, date '2026-02-01', date '2026-03-01',
                                'WIN_BACK')
                        """).param("c", inoue).update());
        String inoueCode = shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select code from customer where id = :id").param("id", inoue)
                .query(String.class).single());

        WebSession.Page refused = steps.undo(job);

        assertThat(refused.document().select("#undo-refused").text()).contains("取り消せません");
        assertThat(refused.document().select("li.blocker").eachText())
                .containsExactlyInAnyOrder("新井 一 " + code + "：お買い上げがあります",
                        "井上 二 " + inoueCode + "：メール・クーポン・対応の記録があります",
                        "上田 三 " + uedaCode + "：取り込みの後に、登録内容か同意が変更されています");
        assertThat(count("select count(*) from customer")).as("nothing undone").isEqualTo(5);
        assertThat(count("select count(*) from customer where email = 'hanako2@example.jp'")).isEqualTo(1);
        assertThat(refused.document().select("#undo-import")).as("still undoable once the purchase is dealt with")
                .hasSize(1);
    }

    @Test
    void undoingAPurchaseImportRemovesItsReceiptsUnlessOneWasReturnedSince() {
        String job = steps.upload("PURCHASES", "sales.csv", """
                レシート番号,日付,顧客番号,商品コード,数量,金額
                R-1,2026/3/1,C000001,PC-100,1,19800
                R-1,2026/3/1,C000001,FL-01,2,900
                R-2,2026/3/2,,TW-01,1,
                """.getBytes(StandardCharsets.UTF_8));
        steps.check(job);
        assertThat(steps.run(job, Map.of())).contains("新規 2件");
        assertThat(count("select count(*) from owned_product")).isEqualTo(1);
        shopWork.inShop(shop.tenantId(), () -> jdbc.sql("update purchase set status = 'RETURNED' where external_ref = 'R-2'").update());

        WebSession.Page refused = steps.undo(job);

        assertThat(refused.document().select("li.blocker").eachText())
                .containsExactly("R-2 2026-03-02：訂正・取消・返品されています");
        assertThat(count("select count(*) from purchase")).isEqualTo(5);

        shopWork.inShop(shop.tenantId(), () -> jdbc.sql("update purchase set status = 'COMPLETED' where external_ref = 'R-2'").update());
        WebSession.Page undone = steps.undo(job);

        assertThat(undone.document().select("#undo-done").text()).contains("削除したお買い上げ 2件");
        assertThat(count("select count(*) from purchase")).as("the receipts registered before stay").isEqualTo(3);
        assertThat(count("select count(*) from purchase_line")).isZero();
        assertThat(count("select count(*) from owned_product")).isZero();
        assertThat(steps.undo(job).text()).contains("この取り込みは取り消せません");
    }

    private long customer(String code, String name, String kana, String phone, String email) {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                        insert into customer (tenant_id, code, name, name_kana, phone, email)
                        values (app_current_tenant(), :code, :name, :kana, :phone, :email) returning id
                        """)
                .param("code", code).param("name", name).param("kana", kana).param("phone", phone).param("email", email)
                .query(Long.class).single());
    }

    private List<String> customerRow(long id) {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select name, name_kana, code, phone from customer where id = :id").param("id", id)
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).single());
    }

    private String fullRow(long id) {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                        select (code, name, name_kana, phone, email, postal_code, prefecture, city, town, address_line,
                                birthday, acquisition_channel, tags, notes)::text
                          from customer where id = :id
                        """).param("id", id).query(String.class).single());
    }

    private long count(String sql) {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql(sql).query(Long.class).single());
    }
}
