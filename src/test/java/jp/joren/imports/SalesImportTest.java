package jp.joren.imports;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jp.joren.segments.Portfolio;
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
import static org.awaitility.Awaitility.await;

/**
 * A POS sales export in one file, as an owner imports it: customers, products and receipts at once, with the
 * customer import's check, conflicts and undo.
 */
@JorenIntegrationTest
class SalesImportTest {

    /** UCI Online Retail's columns and kinds of line: a code with a space, pounds, a cancellation, walk-ins. */
    private static final String ONLINE_RETAIL = """
            InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
            536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom
            536365,BANK CHARGES,Bank Charges,1,12/1/2010 8:26,15,17850,United Kingdom
            536366,22633,HAND WARMER UNION JACK,6,12/1/2010 8:28,1.85,17850,United Kingdom
            536367,84879,ASSORTED COLOUR BIRD ORNAMENT,32,12/1/2010 8:34,1.69,13047,United Kingdom
            C536379,D,Discount,-1,12/1/2010 9:41,27.5,14527,United Kingdom
            536414,22139,,56,12/1/2010 11:52,0,,United Kingdom
            536544,POST,POSTAGE,1,12/1/2010 14:32,18,,United Kingdom
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
    ShopWork shopWork;

    @Autowired
    Portfolio portfolio;

    TestShop shop;
    WebSession owner;
    ImportSteps steps;

    @BeforeEach
    void anOwner() {
        shop = shops.newShop("売上データの店");
        counter.kitchen(shop);
        owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        steps = new ImportSteps(owner);
    }

    @Test
    void anOnlineRetailExportInPoundsCreatesCustomersProductsAndReceiptsOnceAndIsUndoneWhole() {
        String job = steps.upload("SALES", "Online Retail.csv", ONLINE_RETAIL.getBytes(StandardCharsets.UTF_8),
                Map.of("currencyFactor", "１８０"));
        WebSession.Page page = owner.get(job);
        assertThat(page.document().select("#currency-factor").text()).isEqualTo("金額の換算：1単位＝180円");
        assertThat(page.document().select("#map-receipt option[selected]").text()).isEqualTo("InvoiceNo");
        assertThat(page.document().select("#map-productCode option[selected]").text()).isEqualTo("StockCode");
        assertThat(page.document().select("#map-productName option[selected]").text()).isEqualTo("Description");
        assertThat(page.document().select("#map-customerCode option[selected]").text()).isEqualTo("CustomerID");
        assertThat(page.document().select("#map-store option[selected]")).as("Country is no store").isEmpty();

        WebSession.Page report = steps.check(job);
        assertThat(report.document().select("#report-summary").text()).isEqualTo("7行のうち、取り込める行 7、問題のある行 0");
        assertThat(report.document().select("#sales-warnings li.warning").eachText()).containsExactly(
                "新しいお客さまを 2人 登録します（名前のない方は会員番号を名前にします）。",
                "新しい商品を 6件 登録します（最初の行の商品名と単価で）。",
                "取消・返品・調整（数量か金額がマイナス）の 1行 は取り込みません。元の売上と結び付けられないためです。",
                "1行 の金額に1円未満の端数があるため、円に四捨五入します。",
                "お客さまの分からないお買い上げ 2件 は、お客さまなしで登録します。売上の合計には入り、顧客の集計には入りません。",
                "商品名のない商品 1件 は、商品コードを名前にします。");
        assertThat(count("select count(*) from purchase")).as("the check writes nothing").isZero();

        assertThat(steps.run(job, Map.of())).contains("新規 5件");
        assertThat(owner.get(job).document().select("#import-outcome li").eachText()).containsExactly(
                "登録したお買い上げ 5件", "新しいお客さま 2人", "新しい商品 6件", "取消・返品・調整（数量か金額がマイナス）の 1行 は取り込みません。元の売上と結び付けられないためです。",
                "1行 の金額に1円未満の端数があるため、円に四捨五入します。");
        // £2.55 × 180 = ¥459 exactly; £1.69 × 180 = ¥304.2, rounded
        assertThat(count("select total from purchase where external_ref = '536365'")).isEqualTo(6 * 459 + 2_700);
        assertThat(count("select total from purchase where external_ref = '536367'")).isEqualTo(32 * 304);
        assertThat(count("""
                select sum(p.total) from purchase p join customer c on c.tenant_id = p.tenant_id and c.id = p.customer_id
                 where c.code = '17850'""")).isEqualTo(6 * 459 + 2_700 + 6 * 333);
        assertThat(count("select count(*) from purchase where customer_id is null")).as("walk-ins").isEqualTo(2);
        assertThat(count("select count(*) from purchase where external_ref like 'C%'")).isZero();
        assertThat(count("select price from product where code = 'BANK CHARGES' and name = 'Bank Charges'")).isEqualTo(2_700);
        assertThat(count("select count(*) from product where code = '22139' and name = '22139'")).isEqualTo(1);
        assertThat(count("select count(*) from customer where code in ('17850', '13047')")).isEqualTo(2);
        assertThat(count("select count(*) from customer where code = '14527'")).as("only in a cancellation").isZero();
        assertThat(count("select count(*) from purchase_line")).isEqualTo(6);
        assertThat(count("select item_count from purchase where external_ref = '536365'")).isEqualTo(7);
        assertThat(shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select since from portfolio_stale").query(LocalDate.class).single()))
                .as("the month ends after the oldest receipt are re-taken the next night")
                .isEqualTo(LocalDate.of(2010, 12, 1));

        // the same file again: its receipts are known by their number
        String again = steps.upload("SALES", "Online Retail.csv", ONLINE_RETAIL.getBytes(StandardCharsets.UTF_8),
                Map.of("currencyFactor", "180"));
        assertThat(steps.check(again).document().select("#sales-warnings li.warning").eachText())
                .contains("すでに登録されているレシート番号のお買い上げ 5件 は、もう一度は登録しません。");
        assertThat(steps.run(again, Map.of())).contains("新規 0件");
        assertThat(count("select count(*) from purchase")).isEqualTo(5);
        // a till that numbers again: the same number on another day is named apart, and not imported
        String renumbered = steps.upload("SALES", "next year.csv", ONLINE_RETAIL.replace("12/1/2010", "12/1/2011")
                .getBytes(StandardCharsets.UTF_8), Map.of("currencyFactor", "180"));
        assertThat(steps.check(renumbered).document().select("#sales-warnings li.warning").eachText()).contains(
                "登録済みのお買い上げと同じレシート番号で日付の違うもの 5件 は、取り込みません。レジが番号を振り直していないか確かめてください。");
        assertThat(count("select count(*) from customer")).isEqualTo(2);

        // someone sells the imported postage at the counter: that product stays when the import is undone
        shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                with p as (insert into purchase (tenant_id, store_id, purchased_at, business_date, total)
                           select tenant_id, min(id), timestamptz '2026-03-01 12:00+09', '2026-03-01', 3240
                             from store where tenant_id = app_current_tenant() group by tenant_id
                           returning tenant_id, id)
                insert into purchase_line (tenant_id, purchase_id, product_id, quantity, unit_price, amount)
                select p.tenant_id, p.id, pr.id, 1, 3240, 3240
                  from p join product pr on pr.tenant_id = p.tenant_id and pr.code = 'POST'
                """).update());

        WebSession.Page undone = steps.undo(job);
        assertThat(undone.document().select("#undo-done").text())
                .isEqualTo("取り込みを取り消しました。削除したお買い上げ 5件、お客さま 2人、商品 5件。元に戻したお客さま 0人。");
        assertThat(undone.document().select("li.kept-product").eachText())
                .containsExactly("POSTAGE POST：ほかのお買い上げがあります");
        assertThat(count("select count(*) from purchase where import_id is not null")).isZero();
        assertThat(count("select count(*) from customer")).isZero();
        assertThat(count("select count(*) from product where import_id is not null")).isEqualTo(1);
    }

    @Test
    void poundsWithoutAFactorAreRoundedToYenAndCounted() {
        String job = steps.upload("SALES", "retail.csv", ONLINE_RETAIL.getBytes(StandardCharsets.UTF_8));
        assertThat(owner.get(job).document().select("#currency-factor")).isEmpty();
        assertThat(steps.check(job).document().select("#sales-warnings li.warning").eachText())
                .contains("3行 の金額に1円未満の端数があるため、円に四捨五入します。");
        steps.run(job, Map.of());
        assertThat(count("select total from purchase where external_ref = '536365'")).isEqualTo(6 * 3 + 15);
        assertThat(count("select total from purchase where external_ref = '536367'")).isEqualTo(32 * 2);
    }

    @Test
    void aJapanesePosJournalMatchesKnownCustomersAndProductsAndLeavesABadReceiptOutWhole() {
        long aoyama = customer("K-001", "青山 一郎", null);
        String job = steps.upload("SALES", "取引明細.csv", """
                取引ID,取引日時,会員コード,会員名,商品コード,商品名,数量,販売単価,小計
                1001,2026/3/1 10:15,K-001,青山 一郎,PC-100,圧力鍋,1,"19,800","19,800"
                1001,2026/3/1 10:15,K-001,青山 一郎,ＦＬ－０１,浄水フィルター,2,500,900
                1002,2026-03-02 11:00,K-002,石川 二葉,NEW 1,新しい土鍋,1,"4,800",
                1003,2026/3/3 12:00,K-003,上野 三郎,TW-01,,0,300,
                1003,2026/3/3 12:00,K-003,上野 三郎,TW-01,,1,300,
                """.getBytes(Charset.forName("windows-31j")));
        assertThat(owner.get(job).document().select("#map-unitPrice option[selected]").text()).isEqualTo("販売単価");

        WebSession.Page report = steps.check(job);
        assertThat(report.document().select("#report-summary").text()).isEqualTo("5行のうち、取り込める行 4、問題のある行 1");
        assertThat(report.document().select("tr.problem").eachText())
                .containsExactly("5 数量 1〜9999の整数にしてください。 0");
        assertThat(report.document().select("#update-2").text()).contains("青山 一郎").contains("変更なし");
        assertThat(report.document().select("#sales-warnings li.warning").eachText()).contains(
                "新しいお客さまを 1人 登録します（名前のない方は会員番号を名前にします）。",
                "問題のある行と同じレシートの 1行 も、レシートごと取り込みません。");

        assertThat(steps.run(job, Map.of())).contains("新規 2件");
        assertThat(count("select total from purchase where external_ref = '1001'")).isEqualTo(20_700);
        assertThat(count("select customer_id from purchase where external_ref = '1001'")).isEqualTo(aoyama);
        assertThat(count("select discount from purchase_line l join product p on p.tenant_id = l.tenant_id and p.id = l.product_id where p.code = 'FL-01'"))
                .isEqualTo(100);
        assertThat(count("select price from product where code = 'NEW 1' and name = '新しい土鍋'")).isEqualTo(4_800);
        assertThat(count("select count(*) from customer where code = 'K-002' and name = '石川 二葉'")).isEqualTo(1);
        assertThat(count("select count(*) from customer where code = 'K-003'")).as("no receipt of theirs was imported")
                .isZero();
        assertThat(count("select count(*) from purchase where external_ref = '1003'")).isZero();
        assertThat(count("select count(*) from owned_product where customer_id = " + aoyama)).isEqualTo(1);

        // 石川 comes back to the counter: the customer the import created stays, and so does everything else
        shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                insert into purchase (tenant_id, customer_id, store_id, purchased_at, business_date, total)
                select c.tenant_id, c.id, (select min(s.id) from store s where s.tenant_id = c.tenant_id),
                       timestamptz '2026-04-01 12:00+09', '2026-04-01', 1000
                  from customer c where c.tenant_id = app_current_tenant() and c.code = 'K-002'
                on conflict do nothing
                """).update());
        WebSession.Page refused = steps.undo(job);
        assertThat(refused.document().select("#undo-refused").text()).contains("取り消せません");
        assertThat(refused.document().select("#undo-blockers li").eachText())
                .containsExactly("石川 二葉 K-002：お買い上げがあります");
        assertThat(count("select count(*) from purchase where import_id is not null")).isEqualTo(2);
    }

    @Test
    void aCustomerSharingALandlineWithAnotherNameIsAConflictThatChangesNobodyUntilChosen() {
        long aoki = customer("C000001", "青木 浩", "03-5669-7991");
        String job = steps.upload("SALES", "sales.csv", """
                レシート番号,日付,会員番号,会員名,電話番号,商品コード,数量,単価
                R-1,2026/3/1,K-0003,鈴木 一郎,03-5669-7991,TW-01,1,300
                R-2,2026/3/2,K-0003,鈴木 一郎,03-5669-7991,TW-01,2,300
                """.getBytes(StandardCharsets.UTF_8));

        WebSession.Page report = steps.check(job);
        assertThat(report.document().select("#conflict-summary").text()).contains("1行あります");
        assertThat(report.document().select("tr.conflict")).singleElement().satisfies(conflict -> {
            assertThat(conflict.id()).isEqualTo("conflict-2");
            assertThat(conflict.select(".incoming").text()).contains("鈴木 一郎").contains("K-0003");
            assertThat(conflict.select(".existing").text()).contains("青木 浩").contains("C000001");
        });
        assertThat(count("select count(*) from customer")).isEqualTo(1);

        steps.run(job, Map.of());
        assertThat(shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select name || ' ' || code from customer where id = :id").param("id", aoki)
                .query(String.class).single())).isEqualTo("青木 浩 C000001");
        assertThat(count("select count(*) from customer where name = '鈴木 一郎' and phone = '03-5669-7991'")).isEqualTo(1);
        assertThat(count("""
                select count(*) from purchase p join customer c on c.tenant_id = p.tenant_id and c.id = p.customer_id
                 where c.code = 'K-0003'""")).isEqualTo(2);
        assertThat(count("select count(*) from purchase where customer_id = " + aoki)).isZero();
    }

    @Test
    void aConflictTheOwnerSkipsRegistersNoneOfThatCustomersReceipts() {
        customer("C000001", "青木 浩", "03-5669-7991");
        String job = steps.upload("SALES", "sales.csv", """
                レシート番号,日付,会員番号,会員名,電話番号,商品コード,数量,単価
                R-1,2026/3/1,K-0003,鈴木 一郎,03-5669-7991,TW-01,1,300
                R-2,2026/3/2,,,,TW-01,2,300
                """.getBytes(StandardCharsets.UTF_8));
        steps.check(job);
        steps.run(job, Map.of("decision.2", "SKIP"));
        assertThat(count("select count(*) from customer")).isEqualTo(1);
        assertThat(shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select external_ref from purchase").query(String.class).list()))
                .isEqualTo(List.of("R-2"));
    }

    /**
     * Issue 14: a shop whose whole history arrives after its first night (here: the night saw October only) ends,
     * after the next night, with the month ends of a shop that had the history before its first night.
     */
    @Test
    void historyImportedAfterTheFirstNightGivesTheMonthEndsOfAShopThatHadItBefore() {
        LocalDate today = LocalDate.of(2026, 11, 2);
        String full = generatedExport(40_000, 400);
        String october = full.lines().filter(line -> line.startsWith("レシート") || line.contains(",2026/10/"))
                .reduce("", (a, b) -> a + b + "\n");

        String job = steps.upload("SALES", "journal.csv", full.getBytes(StandardCharsets.UTF_8));
        steps.check(job);
        assertThat(run(job)).contains("新規 10,000件");
        shopWork.inShop(shop.tenantId(), () -> portfolio.classify(today, step -> { }));

        TestShop before = shop;
        WebSession beforeOwner = owner;
        shop = shops.newShop("履歴が後から来た店");
        owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        steps = new ImportSteps(owner);
        String first = steps.upload("SALES", "october.csv", october.getBytes(StandardCharsets.UTF_8));
        steps.check(first);
        run(first);
        shopWork.inShop(shop.tenantId(), () -> portfolio.classify(today, step -> { }));
        String history = steps.upload("SALES", "journal.csv", full.getBytes(StandardCharsets.UTF_8));
        steps.check(history);
        run(history);
        assertThat(count("select count(*) from portfolio_stale")).as("marked by the import's inserts").isEqualTo(1);
        shopWork.inShop(shop.tenantId(), () -> portfolio.classify(today, step -> { }));

        List<String> late = monthEnds();
        assertThat(count("select count(*) from purchase")).isEqualTo(10_000);
        shop = before;
        List<String> timely = monthEnds();
        assertThat(timely).hasSizeGreaterThan(40);
        assertThat(late).isEqualTo(timely);
        String dashboard = "/dashboard?period=MONTH&at=2026-10-01";
        assertThat(owner.get(dashboard).document().select("main strong").eachText())
                .isNotEmpty().isEqualTo(beforeOwner.get(dashboard).document().select("main strong").eachText());
    }

    /** Runs a big import, waiting as long as it takes (up to a minute). */
    private String run(String job) {
        owner.post(job + "/run", Map.of("_csrf", owner.csrfToken(job), "goodRowsOnly", "true"));
        return await("the import to finish").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
                .until(() -> owner.get(job).document().select("#import-done, #import-failed").text(), done -> !done.isEmpty());
    }

    /** Every month end's cells and movements, as the dashboard reads them. */
    private List<String> monthEnds() {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                        select c.month || ' ' || c.segment || ' ' || c.lapsed || ' ' || c.customers || ' ' || c.amount
                          from portfolio_month_cell c where c.tenant_id = :shop
                        union all
                        select m.month || ' ' || coalesce(m.from_segment, '-') || ' ' || coalesce(m.from_lapsed::text, '-')
                               || ' > ' || m.to_segment || ' ' || m.to_lapsed || ' ' || m.customers
                          from portfolio_movement m where m.tenant_id = :shop
                         order by 1
                        """).param("shop", shop.tenantId()).query(String.class).list());
    }

    /** A journal of 2025 and 2026 to October: four lines a receipt, one receipt in ten a walk-in's. */
    static String generatedExport(int lines, int customers) {
        java.util.Random random = new java.util.Random(14);
        StringBuilder csv = new StringBuilder("レシート番号,取引日時,会員番号,会員名,商品コード,商品名,数量,単価\n");
        LocalDate first = LocalDate.of(2025, 1, 1);
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(first, LocalDate.of(2026, 10, 31)) + 1;
        for (int receipt = 0; receipt < lines / 4; receipt++) {
            LocalDate day = first.plusDays((long) receipt * days / (lines / 4));
            int customer = random.nextInt(customers * 10 / 9 + 1);
            String who = customer >= customers ? ",,," : ",M" + customer + ",顧客 " + customer + ",";
            for (int line = 0; line < 4; line++) {
                int product = random.nextInt(400);
                csv.append('R').append(receipt).append(',').append(day.getYear()).append('/')
                        .append(String.format("%02d/%02d", day.getMonthValue(), day.getDayOfMonth())).append(" 11:")
                        .append(10 + line).append(who).append("P ").append(product).append(",品物 ").append(product)
                        .append(',').append(1 + random.nextInt(3)).append(',').append(100 + product * 10).append('\n');
            }
        }
        return csv.toString();
    }

    private long customer(String code, String name, String phone) {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                        insert into customer (tenant_id, code, name, phone) values (app_current_tenant(), :code, :name, :phone)
                        returning id
                        """)
                .param("code", code).param("name", name).param("phone", phone).query(Long.class).single());
    }

    private long count(String sql) {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql(sql).query(Long.class).single());
    }
}
