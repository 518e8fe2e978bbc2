package jp.joren.customers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.WebSession;
import jp.joren.tenancy.CurrentTenant;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Registering, finding and correcting customers at the counter, over real HTTP. */
@JorenIntegrationTest
class CustomerCounterTest {

    @LocalServerPort
    int port;

    @Autowired
    ShopFixtures shops;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    TestShop shop;
    WebSession clerk;

    @BeforeEach
    void aShopAtTheCounter() {
        shop = shops.newShop("台所道具 みなと");
        clerk = new WebSession(port);
        clerk.logIn(shop.ownerEmail(), shop.password());
    }

    @Test
    void aCustomerRegisteredAtTheCounterHasAMemberCodeAndTheConsentsTheClerkAskedFor() {
        WebSession.Page saved = register(Map.of("name", "山田 花子", "nameKana", "やまだ はなこ", "phone", "090-1234-5678",
                "email", "hanako@example.jp", "emailConsent", "true", "postalConsent", "false"));
        assertThat(saved.status()).isEqualTo(302);

        WebSession.Page page = clerk.open(path(saved));
        assertThat(page.document().select("h1").text()).as("readings are kept in katakana, however typed")
                .contains("山田 花子").contains("ヤマダ ハナコ");
        assertThat(page.text()).containsPattern("会員番号 C\\d{6}");
        assertThat(page.document().select("#consent-EMAIL").text()).isEqualTo("同意あり");
        assertThat(page.document().select("#consent-POSTAL").text()).isEqualTo("同意なし");
        assertThat(page.document().select("#consent details").text()).contains("店頭で確認").contains("店主 台所道具 みなと");
        assertThat(page.document().select("#visit-count").text()).isEqualTo("0");
    }

    @Test
    void aFormWithMistakesSaysWhatIsWrongNextToEachFieldAndKeepsWhatWasTyped() {
        WebSession.Page page = register(Map.of("name", "", "nameKana", "Yamada", "phone", "", "email", "",
                "postalCode", "12-345", "birthday", "2999-01-01"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(errorOf(page, "name")).isEqualTo("入力してください。");
        assertThat(errorOf(page, "nameKana")).isEqualTo("フリガナはカタカナかひらがなで入力してください。");
        assertThat(errorOf(page, "phone")).isEqualTo("電話番号かメールアドレスのどちらかを入力してください。");
        assertThat(errorOf(page, "postalCode")).contains("7桁");
        assertThat(errorOf(page, "birthday")).isEqualTo("誕生日が未来の日付になっています。");
        assertThat(page.text()).contains("お客さまに確認して、どちらかを選んでください。");
        assertThat(page.document().select("input[name=nameKana]").val()).isEqualTo("Yamada");
        assertThat(page.document().select("input[name=postalCode]").val()).isEqualTo("12-345");
        assertThat(count("select count(*) from customer")).isZero();
    }

    @Test
    void emailConsentWithoutAnEmailAddressIsRefused() {
        WebSession.Page page = register(Map.of("name", "佐藤 一郎", "nameKana", "サトウ イチロウ", "phone", "03-1111-2222",
                "emailConsent", "true", "postalConsent", "true"));
        assertThat(errorOf(page, "emailConsent")).isEqualTo("メールでのご案内にはメールアドレスが必要です。");
    }

    @Test
    void aLikelyDuplicateIsShownAndRegisteringAnywayNeedsTheClerksWord() {
        register(Map.of("name", "鈴木 次郎", "nameKana", "スズキ ジロウ", "phone", "090-1111-2222",
                "emailConsent", "false", "postalConsent", "false"));

        Map<String, String> samePhone = Map.of("name", "鈴木 二郎", "nameKana", "すずき じろう", "phone", "０９０ １１１１ ２２２２",
                "emailConsent", "false", "postalConsent", "false");
        WebSession.Page warned = register(samePhone);
        assertThat(warned.status()).isEqualTo(200);
        assertThat(warned.text()).contains("同じ方がすでに登録されているかもしれません");
        Element duplicate = warned.document().selectFirst("#duplicates li");
        assertThat(duplicate.text()).contains("鈴木 次郎").contains("電話番号が同じ");
        assertThat(duplicate.selectFirst("a.same-person").attr("href")).startsWith("/customers/");
        assertThat(count("select count(*) from customer")).isEqualTo(1);

        Map<String, String> anyway = new HashMap<>(samePhone);
        anyway.put("notADuplicate", "true");
        assertThat(register(anyway).status()).isEqualTo(302);
        assertThat(count("select count(*) from customer")).isEqualTo(2);
        assertThat(count("select count(*) from customer where name = '鈴木 二郎' and phone = '090 1111 2222' "
                + "and name_kana = 'スズキ ジロウ'")).as("stored as an import stores it: NFKC phone, katakana reading").isEqualTo(1);
    }

    @Test
    void whileTypingTheDuplicateCheckFindsTheSameEmailOrTheSameKanaAndBirthday() {
        register(Map.of("name", "高橋 三奈", "nameKana", "タカハシ ミナ", "email", "Mina@Example.jp", "birthday", "1980-05-05",
                "emailConsent", "true", "postalConsent", "false"));

        assertThat(clerk.get("/customers/duplicates?email=mina@example.jp").text()).contains("高橋 三奈").contains("メールアドレスが同じ");
        assertThat(clerk.get("/customers/duplicates?nameKana=たかはしみな&birthday=1980-05-05").text())
                .contains("高橋 三奈").contains("フリガナと誕生日が同じ");
        assertThat(clerk.get("/customers/duplicates?nameKana=たかはしみな&birthday=1981-05-05").text()).doesNotContain("高橋");
    }

    @Test
    void oneSearchBoxFindsByPhoneInAnyFormatLastFourDigitsKanaNameEmailAndCode() {
        long hanako = idOf(register(Map.of("name", "田中 花子", "nameKana", "タナカ ハナコ", "phone", "090-2345-6789",
                "email", "hanako.tanaka@example.jp", "emailConsent", "true", "postalConsent", "true")));
        register(Map.of("name", "田中 太郎", "nameKana", "タナカ タロウ", "phone", "080-9999-0000",
                "emailConsent", "false", "postalConsent", "false"));

        assertThat(hits("6789")).containsExactly("田中 花子");
        assertThat(hits("09023456789")).containsExactly("田中 花子");
        assertThat(hits("０９０－２３４５－６７８９")).containsExactly("田中 花子");
        assertThat(hits("+81 90 2345 6789")).containsExactly("田中 花子");
        assertThat(hits("たなか")).containsExactlyInAnyOrder("田中 花子", "田中 太郎");
        assertThat(hits("ﾀﾅｶﾊ")).containsExactly("田中 花子");
        assertThat(hits("田中太")).containsExactly("田中 太郎");
        assertThat(hits("hanako.tanaka@")).containsExactly("田中 花子");
        String code = CurrentTenant.callAs(shop.tenantId(), () -> transaction.execute(status ->
                jdbc.sql("select code from customer where id = ?").param(hanako).query(String.class).single()));
        assertThat(hits(code.toLowerCase())).containsExactly("田中 花子");
        assertThat(hits("12")).isEmpty();
    }

    @Test
    void anExactMatchComesBeforeLongerNames() {
        register(Map.of("name", "木村 一", "nameKana", "キムラ ハジメ", "phone", "090-1000-1111",
                "emailConsent", "false", "postalConsent", "false"));
        register(Map.of("name", "木村", "nameKana", "キムラ", "phone", "090-1000-2222",
                "emailConsent", "false", "postalConsent", "false"));

        assertThat(hits("キムラ")).first().isEqualTo("木村");
    }

    @Test
    void anHtmxSearchAnswersWithTheResultRowsOnly() {
        register(Map.of("name", "伊藤 光", "nameKana", "イトウ ヒカル", "phone", "070-1234-0001",
                "emailConsent", "false", "postalConsent", "false"));
        WebSession.Page fragment = clerk.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(clerk.url("/customers/search?q=0001"))).header("HX-Request", "true"));
        assertThat(fragment.body()).doesNotContain("<html").contains("伊藤 光");
    }

    @Test
    void anEditIsSavedAndItsBeforeAndAfterAreInTheAuditLog() {
        long id = idOf(register(Map.of("name", "中村 空", "nameKana", "ナカムラ ソラ", "phone", "090-5555-6666",
                "emailConsent", "false", "postalConsent", "false")));
        Map<String, String> edited = new HashMap<>(formValues("/customers/" + id + "/edit"));
        edited.put("town", "港南三丁目");
        edited.put("tags", "圧力鍋、常連");
        WebSession.Page saved = clerk.post("/customers/" + id, edited);
        assertThat(saved.status()).isEqualTo(302);

        WebSession.Page page = clerk.open("/customers/" + id);
        assertThat(page.text()).contains("港南三丁目").contains("お客さま情報を保存しました。");
        assertThat(page.document().select(".tag").eachText()).containsExactly("圧力鍋", "常連");
        String details = CurrentTenant.callAs(shop.tenantId(), () -> transaction.execute(status ->
                jdbc.sql("select details::text from audit_event where action = 'CUSTOMER_EDITED' and subject_id = ?")
                        .param(id).query(String.class).single()));
        assertThat(details).contains("\"town\": [null, \"港南三丁目\"]");
    }

    @Test
    void theMemberCodeCanBeCorrectedAndATakenCodeIsRefusedKeepingWhatWasTyped() {
        long sora = idOf(register(Map.of("name", "中村 空", "nameKana", "ナカムラ ソラ", "phone", "090-5555-6666",
                "emailConsent", "false", "postalConsent", "false")));
        long umi = idOf(register(Map.of("name", "中村 海", "nameKana", "ナカムラ ウミ", "phone", "090-5555-7777",
                "emailConsent", "false", "postalConsent", "false")));
        Map<String, String> edited = new HashMap<>(formValues("/customers/" + sora + "/edit"));
        assertThat(edited.get("code")).matches("C\\d{6}");
        edited.put("code", "Ｋ－０００３");
        assertThat(clerk.post("/customers/" + sora, edited).status()).isEqualTo(302);
        assertThat(clerk.open("/customers/" + sora).text()).contains("会員番号 K-0003");
        assertThat(count("select count(*) from audit_event where action = 'CUSTOMER_EDITED' and details -> 'code' is not null"))
                .isEqualTo(1);

        Map<String, String> taken = new HashMap<>(formValues("/customers/" + umi + "/edit"));
        taken.put("code", "k-0003");
        taken.put("notes", "ご主人と同じ番号？");
        WebSession.Page refused = clerk.post("/customers/" + umi, taken);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(errorOf(refused, "code")).isEqualTo("この会員番号は別のお客さまが使っています。別の番号にするか、空欄にすると新しい番号を付けます。");
        assertThat(refused.document().select("[name=code]").val()).isEqualTo("k-0003");
        assertThat(refused.document().select("[name=notes]").text()).isEqualTo("ご主人と同じ番号？");
        assertThat(count("select count(*) from customer where code_key = 'k-0003'")).isEqualTo(1);
    }

    @Test
    void twoClerksEditingOneCustomerNeverOverwriteEachOtherSilently() {
        long id = idOf(register(Map.of("name", "中村 空", "nameKana", "ナカムラ ソラ", "phone", "090-5555-6666",
                "emailConsent", "false", "postalConsent", "false")));
        WebSession second = clerk.newClerk("二人目 店員");
        Map<String, String> first = new HashMap<>(formValues("/customers/" + id + "/edit"));
        Map<String, String> stale = formValues(second.get("/customers/" + id + "/edit"));

        first.put("phone", "03-1111-2222");
        assertThat(clerk.post("/customers/" + id, first).status()).isEqualTo(302);

        stale.put("notes", "ニッケルアレルギー");
        WebSession.Page conflict = second.post("/customers/" + id, stale);
        assertThat(conflict.status()).isEqualTo(200);
        assertThat(conflict.document().select("#edit-conflict").text()).contains("ほかの人がこの記録を保存しました");
        assertThat(conflict.document().select("tr.conflict-row").eachText())
                .anySatisfy(row -> assertThat(row).contains("電話番号").contains("03-1111-2222").contains("090-5555-6666"))
                .anySatisfy(row -> assertThat(row).contains("メモ").contains("ニッケルアレルギー"));
        assertThat(conflict.document().select("[name=notes]").text()).isEqualTo("ニッケルアレルギー");
        assertThat(clerk.open("/customers/" + id).text()).contains("03-1111-2222").doesNotContain("ニッケルアレルギー");

        assertThat(second.post("/customers/" + id, formValues(conflict)).status()).isEqualTo(302);
        assertThat(clerk.open("/customers/" + id).text()).contains("ニッケルアレルギー");
    }

    @Test
    void aConsentChangeIsAppendedToTheLedger() {
        long id = idOf(register(Map.of("name", "小林 雪", "nameKana", "コバヤシ ユキ", "email", "yuki@example.jp",
                "emailConsent", "true", "postalConsent", "false")));
        clerk.submit("/customers/" + id, "#consent form:has(input[value=EMAIL])",
                Map.of("channel", "EMAIL", "granted", "false"));

        WebSession.Page page = clerk.open("/customers/" + id);
        assertThat(page.document().select("#consent-EMAIL").text()).isEqualTo("同意なし");
        assertThat(page.document().select("#consent details tr")).hasSize(3);
    }

    @Test
    void anotherShopsCustomerIsNotFoundAndNeverInItsSearch() {
        long id = idOf(register(Map.of("name", "森 海", "nameKana", "モリ ウミ", "phone", "090-7777-8888",
                "emailConsent", "false", "postalConsent", "false")));
        TestShop other = shops.newShop("よその店");
        WebSession stranger = new WebSession(port);
        stranger.logIn(other.ownerEmail(), other.password());

        assertThat(stranger.get("/customers/" + id).status()).isEqualTo(404);
        assertThat(stranger.get("/customers/" + id + "/edit").status()).isEqualTo(404);
        assertThat(stranger.post("/customers/" + id + "/consents", Map.of("_csrf", stranger.csrfToken("/customers/search"),
                "channel", "EMAIL", "granted", "true")).status()).isEqualTo(404);
        assertThat(stranger.get("/customers/search?q=8888").document().select("tr.hit")).isEmpty();
        assertThat(stranger.get("/customers/duplicates?phone=090-7777-8888").text()).doesNotContain("森");
    }

    private WebSession.Page register(Map<String, String> fields) {
        return clerk.submit("/customers/new", "form.customer-form", fields);
    }

    private Map<String, String> formValues(String pagePath) {
        return formValues(clerk.get(pagePath));
    }

    /** The customer form's fields as the page shows them, csrf token included. */
    private static Map<String, String> formValues(WebSession.Page page) {
        Map<String, String> values = new HashMap<>();
        Element form = page.document().selectFirst("form.customer-form");
        form.select("input[name]").forEach(input -> {
            if (!input.attr("type").equals("checkbox") && !input.attr("type").equals("radio")) {
                values.put(input.attr("name"), input.val());
            }
        });
        form.select("select[name]").forEach(select -> values.put(select.attr("name"),
                select.select("option[selected]").isEmpty() ? "" : select.selectFirst("option[selected]").val()));
        form.select("textarea[name]").forEach(area -> values.put(area.attr("name"), area.val()));
        return values;
    }

    private List<String> hits(String term) {
        return clerk.get("/customers/search?q=" + java.net.URLEncoder.encode(term, java.nio.charset.StandardCharsets.UTF_8))
                .document().select("tr.hit td:first-child a span:first-child").eachText();
    }

    private String errorOf(WebSession.Page page, String field) {
        Element error = page.document().selectFirst(".has-error:has([name=" + field + "]) .error");
        return error == null ? null : error.text();
    }

    private long count(String sql) {
        return CurrentTenant.callAs(shop.tenantId(), () -> transaction.execute(status ->
                jdbc.sql(sql).query(Long.class).single()));
    }

    private static String path(WebSession.Page redirect) {
        return redirect.path();
    }

    private static long idOf(WebSession.Page redirect) {
        return Long.parseLong(path(redirect).replaceAll("\\D", ""));
    }
}
