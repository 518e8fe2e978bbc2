package jp.joren.imports;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jp.joren.shared.Heartbeats;
import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.CounterFixtures;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.ShopWork;
import jp.joren.support.TestDatabase;
import jp.joren.support.WebSession;
import jp.joren.tenancy.CurrentTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** CSV imports as an owner does them: upload, check every row, import, and import the same file again. */
@JorenIntegrationTest
class ImportTest {

    private static final String CUSTOMERS = """
            会員番号,氏名,フリガナ,電話番号,メールアドレス,誕生日,メール配信,DM可否,町名
            K-001,青山 一郎,アオヤマ イチロウ,090-1000-0001,ichiro@example.jp,1970/4/1,可,不可,港南一丁目
            K-002,石川 二葉,いしかわ ふたば,090-1000-0002,,1980/13/1,,,
            K-003,上野 三郎,ウエノ サブロウ,090-1000-0003,not-an-email,,,,
            K-004,江口 四葉,エグチ ヨツバ,090-1000-0001,,,,,
            K-005,大野 五月,オオノ サツキ,03-5000-0005,satsuki@example.jp,1990-05-05,○,○,港南二丁目
            """;

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
    WebSession owner;

    @BeforeEach
    void anOwner() {
        shop = shops.newShop("取り込みの店");
        counter.kitchen(shop);
        owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
    }

    @Test
    void aShiftJisFileIsCheckedRowByRowAndItsGoodRowsImportedOnceHoweverOftenItIsImported() {
        String job = upload("CUSTOMERS", "顧客.csv", CUSTOMERS.getBytes(Charset.forName("windows-31j")));
        WebSession.Page page = owner.get(job);
        assertThat(page.text()).contains("Shift_JIS (CP932)").contains("青山 一郎");
        assertThat(page.document().select("#map-name option[selected]").text()).isEqualTo("氏名");
        assertThat(page.document().select("#map-emailConsent option[selected]").text()).isEqualTo("メール配信");

        WebSession.Page report = check(job);
        assertThat(report.document().select("#report-summary").text()).isEqualTo("5行のうち、取り込める行 2、問題のある行 3");
        assertThat(report.document().select("tr.problem").eachText()).containsExactly(
                "3 誕生日 日付として読めません（例: 2026/1/5、2026-01-05、2026年1月5日）。 1980/13/1",
                "4 メールアドレス メールアドレスの形式ではありません。 not-an-email",
                "5 電話番号 2行目と同じお客さま・商品です。 2");
        assertThat(report.document().select("#import-all")).isEmpty();
        assertThat(count("select count(*) from customer")).isZero();

        assertThat(runGoodRows(job)).contains("新規 2件、更新 0件、取り込まなかった行 3");
        assertThat(count("select count(*) from customer")).isEqualTo(2);
        assertThat(count("select count(*) from consent where method = 'IMPORT' and granted")).isEqualTo(3);
        assertThat(count("select count(*) from customer where code = 'K-001' and birthday = '1970-04-01' and town = '港南一丁目'"))
                .isEqualTo(1);

        String again = upload("CUSTOMERS", "顧客.csv", CUSTOMERS.getBytes(Charset.forName("windows-31j")));
        check(again);
        assertThat(runGoodRows(again)).contains("新規 0件、更新 2件");
        assertThat(count("select count(*) from customer")).isEqualTo(2);
        assertThat(count("select count(*) from consent where method = 'IMPORT'")).as("no new consent entries").isEqualTo(4);
    }

    @Test
    void allOrNothingImportsNothingFromAFileWithProblemsAndEverythingFromAGoodOne() {
        String bad = upload("CUSTOMERS", "bad.csv", CUSTOMERS.getBytes(StandardCharsets.UTF_8));
        check(bad);
        WebSession.Page refused = owner.post(bad + "/run", Map.of("_csrf", owner.csrfToken(bad), "goodRowsOnly", "false"));
        assertThat(owner.open(refused.path()).text()).contains("この取り込みは開始できません");
        assertThat(count("select count(*) from customer")).isZero();

        String good = upload("CUSTOMERS", "good.csv", """
                name,kana,phone,email
                Alice Tanaka,タナカ アリス,090-2000-0001,alice@example.jp
                Bob Suzuki,スズキ ボブ,090-2000-0002,
                """.getBytes(StandardCharsets.UTF_8));
        WebSession.Page report = check(good);
        assertThat(report.document().select("#import-all").text()).isEqualTo("2行をすべて取り込む");
        owner.submit(good, "form[action$=/run]", Map.of());
        assertThat(waitUntilFinished(good)).contains("新規 2件");
        assertThat(count("select count(*) from customer")).isEqualTo(2);
    }

    @Test
    void aQuoteLeftOpenIsReportedAtItsLineAndTheRowsAfterItAreReadAsThemselves() {
        String job = upload("CUSTOMERS", "quote.csv", """
                氏名,フリガナ,電話番号,メモ
                青山 一郎,アオヤマ イチロウ,090-1000-0001,
                "石川 二葉,イシカワ フタバ,090-1000-0002,
                上野 三郎,ウエノ サブロウ,090-1000-0003,"ニッケル
                アレルギー"
                江口 四葉,エグチ ヨツバ,090-1000-0004,"よく来る"
                大野 五月,オオノ サツキ,090-1000-0005,
                """.getBytes(StandardCharsets.UTF_8));

        WebSession.Page report = check(job);
        assertThat(report.document().select("#report-summary").text()).isEqualTo("5行のうち、取り込める行 4、問題のある行 1");
        assertThat(report.document().select("tr.problem").eachText()).singleElement().asString()
                .startsWith("3 引用符（\"）が閉じられていないため").contains("\"石川 二葉,イシカワ フタバ");

        assertThat(runGoodRows(job)).contains("新規 4件");
        assertThat(shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select name from customer order by name_kana").query(String.class).list()))
                .containsExactly("青山 一郎", "上野 三郎", "江口 四葉", "大野 五月");
        assertThat(count("select count(*) from customer where notes = E'ニッケル\\nアレルギー'")).isEqualTo(1);
    }

    @Test
    void aFieldLongerThanTheCounterFormTakesIsAProblemOfItsRow() {
        String job = upload("CUSTOMERS", "long.csv", ("氏名,電話番号\n" + "長".repeat(101) + ",090-1000-0001\n"
                + "短い 名前,090-1000-0002\n").getBytes(StandardCharsets.UTF_8));

        WebSession.Page report = check(job);
        assertThat(report.document().select("tr.problem").eachText()).singleElement().asString()
                .startsWith("2 名前 長すぎます（100文字まで）。");
        assertThat(runGoodRows(job)).contains("新規 1件");
    }

    @Test
    void customersImportedAfterIdsPassAMillionGetCodesOfTheirOwnShop() {
        TestDatabase.get().asOwner("select setval(pg_get_serial_sequence('customer', 'id'), 2000000)");
        String job = upload("CUSTOMERS", "many.csv", ("氏名,電話番号\n" + java.util.stream.IntStream.rangeClosed(1, 12)
                .mapToObj(i -> "客 " + i + ",090-3000-" + String.format("%04d", i)).collect(java.util.stream.Collectors
                        .joining("\n")) + "\n").getBytes(StandardCharsets.UTF_8));
        check(job);

        assertThat(runGoodRows(job)).contains("新規 12件");
        assertThat(shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select code from customer order by code").query(String.class).list()))
                .hasSize(12).doesNotHaveDuplicates().startsWith("C000001", "C000002");
    }

    @Test
    void productsWithABomAndEnglishHeadersAreCreatedThenUpdatedByCode() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String csv = "code,name,category,price,cycle days\r\nNEW-1,土鍋 8号,土鍋,\"4,800\",\r\ntw-01,かや織りふきん(新),ふきん,350,\r\n";
        String job = upload("PRODUCTS", "products.csv", concat(bom, csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(owner.get(job).text()).contains("UTF-8 (BOM)");
        check(job);
        owner.submit(job, "form[action$=/run]", Map.of());
        assertThat(waitUntilFinished(job)).contains("新規 1件、更新 1件");
        assertThat(count("select price from product where code = 'NEW-1'")).isEqualTo(4800);
        assertThat(count("select price from product where code = 'TW-01'")).as("matched ignoring case").isEqualTo(350);
        assertThat(count("select count(*) from product where lower(code) = 'tw-01'")).isEqualTo(1);
        assertThat(count("select count(*) from category where name in ('土鍋', 'ふきん')")).isEqualTo(2);
    }

    @Test
    void purchasesAreGroupedIntoReceiptsRegisterOwnedModelsAndAreNotImportedTwice() {
        String customers = upload("CUSTOMERS", "c.csv", CUSTOMERS.getBytes(StandardCharsets.UTF_8));
        check(customers);
        runGoodRows(customers);
        String csv = """
                レシート番号,日付,顧客番号,商品コード,数量,金額
                R-1,2026/3/1,K-001,PC-100,1,19800
                R-1,2026/3/1,K-001,FL-01,2,900
                R-2,2026/3/2,,TW-01,1,
                R-3,2026/3/3,K-999,TW-01,1,
                R-4,2026/3/4,K-005,NOPE,1,
                """;
        String job = upload("PURCHASES", "sales.csv", csv.getBytes(StandardCharsets.UTF_8));
        WebSession.Page report = check(job);
        assertThat(report.document().select("tr.problem").eachText()).containsExactly(
                "5 顧客番号 このお客さまが見つかりません。 K-999", "6 商品コード この商品コードは登録されていません。 NOPE");
        assertThat(runGoodRows(job)).contains("新規 2件");
        assertThat(count("select total from purchase where external_ref = 'R-1'")).isEqualTo(20_700);
        assertThat(count("select discount from purchase_line l join product p on p.tenant_id = l.tenant_id and p.id = l.product_id where p.code = 'FL-01'"))
                .isEqualTo(100);
        assertThat(count("select count(*) from purchase where external_ref = 'R-2' and customer_id is null")).isEqualTo(1);
        assertThat(count("select count(*) from owned_product")).isEqualTo(1);

        String again = upload("PURCHASES", "sales.csv", csv.getBytes(StandardCharsets.UTF_8));
        check(again);
        assertThat(runGoodRows(again)).contains("新規 0件");
        assertThat(count("select count(*) from purchase")).isEqualTo(2);
    }

    @Test
    void aFileWithoutARequiredColumnOrWithoutRowsImportsNothing() {
        String noName = upload("CUSTOMERS", "phones.csv", "電話番号\n090-3000-0001\n".getBytes(StandardCharsets.UTF_8));
        WebSession.Page report = check(noName);
        assertThat(report.document().select("tr.problem").text()).contains("必須の列が選ばれていません").contains("名前");
        assertThat(report.document().select("#import-all, #import-good")).isEmpty();

        String empty = upload("CUSTOMERS", "empty.csv", "氏名,電話番号\r\n".getBytes(StandardCharsets.UTF_8));
        WebSession.Page emptyReport = check(empty);
        assertThat(emptyReport.document().select("#report-summary").text()).startsWith("0行のうち");
        assertThat(emptyReport.document().select("#import-all, #import-good")).isEmpty();
    }

    @Test
    void aFileInAnEncodingExcelDoesNotWriteIsRefusedWithAClearMessage() {
        WebSession.Page refused = owner.upload("/imports", Map.of("_csrf", owner.csrfToken("/imports"), "kind", "CUSTOMERS"),
                "file", "utf16.csv", "氏名\n山田\n".getBytes(StandardCharsets.UTF_16));
        assertThat(owner.open(refused.path()).text())
                .contains("このファイルは読めません");
    }

    @Test
    void exportsOpenInExcelAndNeutraliseFormulas() {
        CurrentTenant.runAs(shop.tenantId(), () -> transaction.executeWithoutResult(status -> jdbc.sql(
                "insert into product (tenant_id, code, name, price) values (app_current_tenant(), 'EVIL', '=cmd|calc', 1)")
                .update()));
        WebSession.Page products = owner.get("/exports/products.csv");
        assertThat(products.body()).startsWith("\uFEFF商品コード,商品名").contains("EVIL,'=cmd|calc,,1,0,,1,");
        assertThat(owner.get("/exports/purchases.csv").body()).startsWith("\uFEFFレシート番号,日時");
        assertThat(count("select count(*) from audit_event where action = 'DATA_EXPORTED'")).isEqualTo(2);
    }

    @Test
    void anImportWhoseServerDiedIsShownInterruptedStopsPollingAndCanBeRunAgain() {
        String job = upload("CUSTOMERS", "good.csv", """
                name,kana,phone,email
                Alice Tanaka,タナカ アリス,090-2000-0001,alice@example.jp
                """.getBytes(StandardCharsets.UTF_8));
        check(job);
        long id = Long.parseLong(job.substring(job.lastIndexOf('/') + 1));
        // its node died mid-run: the import's transaction rolled back, the job row stayed RUNNING
        shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                        update import_job set status = 'RUNNING', mode = 'ALL_OR_NOTHING', processed_rows = 0,
                                              heartbeat_at = :beat where id = :id""")
                .param("beat", Timestamp.from(Instant.now().minus(Heartbeats.STALE).minusSeconds(30)))
                .param("id", id).update());

        WebSession.Page page = owner.get(job);
        assertThat(page.document().select("#import-interrupted").text()).contains("中断しました");
        assertThat(page.document().select("#progress[hx-trigger]")).isEmpty();
        assertThat(owner.get(job + "/progress").document().select("[hx-trigger]")).isEmpty();
        assertThat(owner.get("/imports").text()).contains("中断");

        owner.submit(job, "form[action$=/run]", Map.of());

        assertThat(waitUntilFinished(job)).contains("新規 1件");
        assertThat(count("select count(*) from customer")).isEqualTo(1);
    }

    @Test
    void anImportThatIsStillBeatingCannotBeStartedTwice() {
        String job = upload("CUSTOMERS", "good.csv", """
                name,kana,phone,email
                Alice Tanaka,タナカ アリス,090-2000-0001,alice@example.jp
                """.getBytes(StandardCharsets.UTF_8));
        check(job);
        String csrf = owner.csrfToken(job);
        long id = Long.parseLong(job.substring(job.lastIndexOf('/') + 1));
        shopWork.inShop(shop.tenantId(), () -> jdbc.sql("update import_job set status = 'RUNNING', heartbeat_at = :beat where id = :id")
                .param("beat", Timestamp.from(Instant.now())).param("id", id).update());

        WebSession.Page refused = owner.post(job + "/run", Map.of("_csrf", csrf, "goodRowsOnly", "false"));

        assertThat(owner.open(refused.path()).document().select("#progress[hx-trigger]")).hasSize(1);
        assertThat(count("select count(*) from customer")).isZero();
    }

    @Test
    void staffCannotImportAndOtherShopsCannotSeeTheJob() {
        String job = upload("CUSTOMERS", "c.csv", CUSTOMERS.getBytes(StandardCharsets.UTF_8));
        WebSession clerk = owner.newClerk("店員");
        assertThat(clerk.get("/imports").status()).isEqualTo(403);
        assertThat(clerk.get("/exports/products.csv").status()).isEqualTo(403);

        TestShop other = shops.newShop("よその取り込みの店");
        WebSession stranger = new WebSession(port);
        stranger.logIn(other.ownerEmail(), other.password());
        assertThat(stranger.get(job).status()).isEqualTo(404);
    }

    @Test
    void aLedgerRowBreaksTheCountersRulesAllAtOnceAndAGoodOneIsStoredAsTheCounterStoresIt() {
        String ledger = """
                氏名,フリガナ,電話番号,郵便番号,住所
                北村 一,キタムラ ハジメ,090-0000-0000,12-345,
                南 二葉,Minami,090-1111-2222,,
                西田 三郎,にしだ さぶろう,０３－５０００－０００７,〒１５４－０００４,東京都世田谷区太子堂三丁目1-2
                東 四季,ヒガシ シキ,,,東京都世田谷区太子堂三丁目3-4
                """;
        String job = upload("CUSTOMERS", "台帳.csv", ledger.getBytes(StandardCharsets.UTF_8));

        WebSession.Page report = check(job);
        assertThat(report.document().select("tr.problem").eachText()).containsExactly(
                "2 電話番号 電話番号として正しくありません（市外局番と桁数をご確認ください。例: 03-1234-5678、090-1234-5678）。 090-0000-0000",
                "2 郵便番号 郵便番号は7桁の数字にしてください（例: 150-0001）。 12-345",
                "3 フリガナ フリガナはカタカナかひらがなにしてください。 Minami");
        assertThat(runGoodRows(job)).as("a customer known only by an address is a postcard customer, not a problem")
                .contains("新規 2件");
        assertThat(count("select count(*) from customer where name = '西田 三郎' and name_kana = 'ニシダ サブロウ'"
                + " and phone = '03-5000-0007' and postal_code = '154-0004'")).isEqualTo(1);
    }

    private String upload(String kind, String filename, byte[] content) {
        WebSession.Page uploaded = owner.upload("/imports", Map.of("_csrf", owner.csrfToken("/imports"), "kind", kind),
                "file", filename, content);
        assertThat(uploaded.status()).isEqualTo(302);
        String path = uploaded.path();
        assertThat(path).matches("/imports/\\d+");
        return path;
    }

    /** Presses "check every row" with the column mapping the page guessed (its selected options). */
    private WebSession.Page check(String job) {
        Map<String, String> mapping = new java.util.HashMap<>();
        owner.get(job).document().select("form.mapping select").forEach(select -> {
            var chosen = select.selectFirst("option[selected]");
            mapping.put(select.attr("name"), chosen == null ? "" : chosen.val());
        });
        WebSession.Page checked = owner.submit(job, "form.mapping", mapping);
        return owner.open(checked.path().replaceFirst("#.*", ""));
    }

    private String runGoodRows(String job) {
        WebSession.Page page = owner.get(job);
        String button = page.document().select("#import-all").isEmpty() ? "true" : "false";
        owner.post(job + "/run", Map.of("_csrf", owner.csrfToken(job), "goodRowsOnly", button));
        return waitUntilFinished(job);
    }

    private String waitUntilFinished(String job) {
        return await("the import to finish").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> owner.get(job).document().select("#import-done, #import-failed").text(), done -> !done.isEmpty());
    }

    private long count(String sql) {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql(sql).query(Long.class).single());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
