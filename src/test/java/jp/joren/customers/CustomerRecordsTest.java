package jp.joren.customers;

import java.util.List;
import java.util.Map;

import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.CounterFixtures;
import jp.joren.support.CounterFixtures.Kitchen;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.ShopWork;
import jp.joren.support.WebSession;
import jp.joren.tenancy.CurrentTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Merging duplicates and undoing it, archiving, retirement and the customer's data export. */
@JorenIntegrationTest
class CustomerRecordsTest {

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

    @Autowired
    ShopWork shopWork;

    TestShop shop;
    Kitchen kitchen;
    WebSession owner;
    long survivor;
    long duplicate;

    @BeforeEach
    void twoRegistrationsOfOnePerson() {
        shop = shops.newShop("記録の店");
        kitchen = counter.kitchen(shop);
        owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        survivor = register("岡田 涼", "オカダ リョウ", "090-1212-3434", "", "昔からのお客さま");
        duplicate = register("岡田 涼", "オカダ リョウ", "", "ryo@example.jp", "ネットで注文あり");
        purchase(survivor, "2026-01-10", "TW-01");
        purchase(duplicate, "2026-03-01", "PC-100");
    }

    @Test
    void aMergeMovesEverythingToTheSurvivorAndFillsItsBlanks() {
        WebSession.Page preview = owner.get("/customers/merges/new?survivor=" + survivor + "&merged=" + duplicate);
        assertThat(preview.text()).contains("残す登録").contains("統合される登録").contains("ryo@example.jp");
        merge();

        WebSession.Page page = owner.open("/customers/" + survivor);
        assertThat(page.text()).contains("統合しました。").contains("ryo@example.jp").contains("090-1212-3434");
        assertThat(page.document().select("#visit-count").text()).isEqualTo("2");
        assertThat(page.document().select(".owned-product").text()).contains("PC-100");
        assertThat(page.document().select(".notes").text()).contains("昔からのお客さま").contains("ネットで注文あり");
        assertThat(page.document().select("#consent-EMAIL").text()).isEqualTo("同意あり");
        assertThat(owner.open("/customers/" + duplicate).document().select(".badge").text()).contains("統合済み");
        assertThat(owner.get("/customers/search?q=ryo@").document().select("tr.hit")).hasSize(1);
        assertThat(count("select count(*) from audit_event where action = 'CUSTOMERS_MERGED'")).isEqualTo(1);
    }

    @Test
    void undoingAMergePutsBackWhatItMovedAndKeepsWhatCameAfter() {
        merge();
        purchase(survivor, "2026-06-01", "FL-01");

        WebSession.Page history = owner.get("/customers/merges");
        assertThat(history.document().select("tr.merge-row").text()).contains("お買い上げ 1・製品 1・同意 2");
        owner.submit("/customers/merges", "form:has(button.undo-merge)", Map.of());

        WebSession.Page survivorPage = owner.open("/customers/" + survivor);
        assertThat(survivorPage.document().select("#visit-count").text()).isEqualTo("2");
        assertThat(survivorPage.text()).doesNotContain("ryo@example.jp").doesNotContain("ネットで注文あり");
        assertThat(survivorPage.document().select(".owned-product")).isEmpty();
        WebSession.Page duplicatePage = owner.open("/customers/" + duplicate);
        assertThat(duplicatePage.document().select("#visit-count").text()).isEqualTo("1");
        assertThat(duplicatePage.document().select(".owned-product").text()).contains("PC-100");
        assertThat(duplicatePage.document().select("#consent-EMAIL").text()).isEqualTo("同意あり");
        assertThat(owner.get("/customers/merges").document().select("button.undo-merge")).isEmpty();
    }

    @Test
    void theAuditLogTellsAnEditAndAMergeAsSentencesThatNameTheCustomer() {
        merge();
        WebSession clerk = owner.newClerk("店員");
        WebSession.Page edited = clerk.submit("/customers/" + survivor + "/edit", "form.customer-form",
                Map.of("name", "岡田 涼", "nameKana", "オカダ リョウ", "acquisitionChannel", "WALK_IN",
                        "email", "ryo@example.jp", "phone", "090-5656-7878", "notes", "ニッケルアレルギー"));
        assertThat(edited.status()).as(edited.document().select(".error, .error-box").text()).isEqualTo(302);

        List<String> sentences = owner.open("/audit").document().select(".audit-sentence").eachText();
        assertThat(sentences).contains("店員 が 岡田 涼 の電話番号を 090-1212-3434 から 090-5656-7878 に変更");
        assertThat(sentences).anySatisfy(sentence -> assertThat(sentence)
                .endsWith("が 岡田 涼 を 岡田 涼 に統合（お買い上げ 1件・製品 1件・同意 2件を移動）"));
        assertThat(String.join(" ", sentences)).doesNotContain("phone", "mergedCustomer", "{", "WALK_IN");
    }

    @Test
    void undoingAMergeKeepsWhatAClerkChangedAfterIt() {
        merge();
        WebSession clerk = owner.newClerk("店員");
        WebSession.Page edited = clerk.submit("/customers/" + survivor + "/edit", "form.customer-form",
                Map.of("name", "岡田 涼", "nameKana", "オカダ リョウ", "acquisitionChannel", "WALK_IN",
                        "email", "ryo.okada@example.jp", "phone", "090-5656-7878", "notes", "ニッケルアレルギー"));
        assertThat(edited.status()).as(edited.document().select(".error, .error-box").text()).isEqualTo(302);

        WebSession.Page undone = owner.submit("/customers/merges", "form:has(button.undo-merge)", Map.of());
        assertThat(owner.open(undone.path()).text()).contains("統合の後に変更された項目は、いまの内容のまま残しています。");

        WebSession.Page page = owner.open("/customers/" + survivor);
        assertThat(page.text()).contains("ryo.okada@example.jp").contains("090-5656-7878");
        assertThat(page.document().select(".notes").text()).isEqualTo("ニッケルアレルギー");
        assertThat(owner.open("/customers/" + duplicate).document().select("#visit-count").text()).isEqualTo("1");
    }

    @Test
    void retiringTheSurvivorErasesTheMergedRegistrationAndTheMergeCanNoLongerBeUndone() {
        merge();
        long mergeId = shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select id from customer_merge").query(Long.class).single());
        owner.submit("/customers/" + survivor + "/retire", "form[action$=/retire]",
                Map.of("reason", "ご本人のご依頼", "confirmed", "true"));

        owner.post("/customers/merges/" + mergeId + "/undo",
                Map.of("_csrf", owner.csrfToken("/customers/merges/new?survivor=" + duplicate)));
        assertThat(owner.open("/customers/merges").text()).contains("この統合は取り消せません");
        assertThat(count("select count(*) from customer where status = 'MERGED'")).isEqualTo(1);
        assertThat(count("""
                select count(*) from customer
                 where name like '%岡田%' or email is not null or phone is not null or notes is not null
                """)).as("no personal data left on either registration").isZero();
        assertThat(count("select count(*) from customer_merge where survivor_before is not null or survivor_after is not null"))
                .isZero();
        assertThat(owner.get("/customers/search?q=ryo@").document().select("tr.hit")).isEmpty();
    }

    @Test
    void aMergeOlderThanThirtyDaysCannotBeUndone() {
        merge();
        shopWork.inShop(shop.tenantId(), () -> jdbc.sql("update customer_merge set merged_at = now() - interval '31 days'").update());
        assertThat(owner.get("/customers/merges").document().select("button.undo-merge")).isEmpty();
        long mergeId = shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select id from customer_merge").query(Long.class).single());
        owner.post("/customers/merges/" + mergeId + "/undo", Map.of("_csrf", owner.csrfToken("/customers/merges/new?survivor=" + survivor)));
        assertThat(owner.open("/customers/merges").text()).contains("この統合は取り消せません");
        assertThat(count("select count(*) from customer where status = 'MERGED'")).isEqualTo(1);
    }

    @Test
    void retirementErasesThePersonButKeepsTheAnonymousPurchases() {
        WebSession.Page refused = owner.submit("/customers/" + survivor + "/retire", "form[action$=/retire]",
                Map.of("reason", "ご本人のご依頼"));
        assertThat(refused.text()).contains("確認のチェックを入れてください。");

        owner.submit("/customers/" + survivor + "/retire", "form[action$=/retire]",
                Map.of("reason", "ご本人のご依頼", "confirmed", "true"));

        WebSession.Page page = owner.open("/customers/" + survivor);
        assertThat(page.text()).contains("個人情報を削除しました").doesNotContain("岡田").doesNotContain("090-1212-3434")
                .doesNotContain("昔からのお客さま");
        assertThat(count("select count(*) from purchase where customer_id = " + survivor)).isEqualTo(1);
        assertThat(owner.get("/customers/search?q=3434").document().select("tr.hit")).isEmpty();
        assertThat(owner.open("/audit").text()).contains("顧客の削除（匿名化）").contains("ご本人のご依頼");
    }

    @Test
    void theCustomersOwnDataIsExportedAsJsonAndTheExportIsAudited() {
        WebSession.Page export = owner.get("/customers/" + duplicate + "/data-export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.response().headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        assertThat(export.body()).contains("\"name\": \"岡田 涼\"").contains("\"email\": \"ryo@example.jp\"")
                .contains("\"productCode\": \"PC-100\"").contains("\"modelNumber\": \"PC-100\"");
        assertThat(owner.open("/audit").text()).contains("顧客データの書き出し");
    }

    @Test
    void anArchivedCustomerIsMarkedAndCanComeBack() {
        owner.submit("/customers/" + survivor, "form[action$=/archive]", Map.of());
        assertThat(owner.open("/customers/" + survivor).document().select(".badge").text()).contains("休止");
        assertThat(owner.get("/customers").document().select("tr.customer-row").text()).doesNotContain("090-1212-3434");
        assertThat(owner.get("/customers?includeArchived=true").document().select("tr.customer-row").text())
                .contains("090-1212-3434");
        owner.submit("/customers/" + survivor, "form[action$=/unarchive]", Map.of());
        assertThat(owner.open("/customers/" + survivor).document().select("h1 .badge")).isEmpty();
    }

    @Test
    void staffCannotMergeRetireArchiveOrExport() {
        WebSession clerk = owner.newClerk("店員");
        for (String path : new String[] {"/customers/merges", "/customers/merges/new?survivor=" + survivor,
                "/customers/" + survivor + "/retire", "/customers/" + survivor + "/data-export", "/audit"}) {
            assertThat(clerk.get(path).status()).as(path).isEqualTo(403);
        }
        assertThat(clerk.get("/customers/" + survivor).document().select("#records")).isEmpty();
    }

    @Test
    void anotherShopsCustomerCannotBeMergedIn() {
        TestShop other = shops.newShop("別の店");
        WebSession stranger = new WebSession(port);
        stranger.logIn(other.ownerEmail(), other.password());
        long theirs = CurrentTenant.callAs(other.tenantId(), () -> transaction.execute(status ->
                jdbc.sql("insert into customer (tenant_id, name) values (app_current_tenant(), '他店の客') returning id")
                        .query(Long.class).single()));

        assertThat(stranger.get("/customers/merges/new?survivor=" + theirs + "&merged=" + duplicate).status()).isEqualTo(404);
        stranger.post("/customers/merges", Map.of("_csrf", stranger.csrfToken("/customers/merges/new?survivor=" + theirs),
                "survivor", Long.toString(theirs), "merged", Long.toString(duplicate)));
        assertThat(count("select count(*) from customer where status = 'MERGED'")).isZero();
        assertThat(count("select count(*) from purchase where customer_id = " + duplicate)).isEqualTo(1);
        assertThat(stranger.get("/customers/" + duplicate + "/data-export").status()).isEqualTo(404);
    }

    private void merge() {
        WebSession.Page merged = owner.submit("/customers/merges/new?survivor=" + survivor + "&merged=" + duplicate,
                "form[action=/customers/merges]", Map.of());
        assertThat(merged.status()).isEqualTo(302);
    }

    private long register(String name, String kana, String phone, String email, String notes) {
        WebSession.Page saved = owner.submit("/customers/new", "form.customer-form", Map.of("name", name, "nameKana", kana,
                "phone", phone, "email", email, "notes", notes, "emailConsent", Boolean.toString(!email.isEmpty()),
                "postalConsent", "false", "notADuplicate", "true"));
        assertThat(saved.status()).as(saved.document().select(".error, .error-box").text()).isEqualTo(302);
        return Long.parseLong(saved.path().replaceAll("\\D", ""));
    }

    private void purchase(long customer, String day, String code) {
        WebSession.Page saved = owner.post("/purchases", Map.of("_csrf", owner.csrfToken("/purchases/new"),
                "customerId", Long.toString(customer), "storeId", Long.toString(kitchen.storeId()),
                "purchasedAt", day + "T10:00", "channel", "STORE", "lines[0].code", code));
        assertThat(saved.status()).isEqualTo(302);
    }

    private long count(String sql) {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql(sql).query(Long.class).single());
    }
}
