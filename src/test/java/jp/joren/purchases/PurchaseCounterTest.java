package jp.joren.purchases;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.CounterFixtures;
import jp.joren.support.CounterFixtures.Kitchen;
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

/** Registering and correcting purchases at the counter, over real HTTP. */
@JorenIntegrationTest
class PurchaseCounterTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

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

    TestShop shop;
    Kitchen kitchen;
    WebSession clerk;
    long customer;

    @BeforeEach
    void aShopWithACatalogAndACustomer() {
        shop = shops.newShop("台所道具 さかえ");
        kitchen = counter.kitchen(shop);
        clerk = new WebSession(port);
        clerk.logIn(shop.ownerEmail(), shop.password());
        WebSession.Page saved = clerk.submit("/customers/new", "form.customer-form", Map.of("name", "加藤 桜",
                "nameKana", "カトウ サクラ", "phone", "090-3333-4444", "emailConsent", "false", "postalConsent", "true"));
        customer = Long.parseLong(path(saved).replaceAll("\\D", ""));
    }

    @Test
    void aPurchaseWithAPressureCookerRegistersTheModelAndItsGasketsDueDateOnTheCustomerPage() {
        LocalDateTime at = LocalDateTime.of(2026, 3, 14, 11, 30);
        WebSession.Page saved = purchase(customer, at, line("PC-100", "1", "", ""), line("FL-01", "2", "", ""),
                line("TW-01", "3", "280", "40"));
        assertThat(saved.status()).isEqualTo(302);

        assertThat(saved.location()).endsWith("?registered");
        WebSession.Page receipt = clerk.open(path(saved) + "?registered");
        assertThat(receipt.text()).contains("お買い上げを登録しました。").contains("加藤 桜");
        // 19,800 + 2 × 500 + 3 × 280 − 40
        assertThat(receipt.document().select("#purchase-total").text()).isEqualTo("¥21,600");

        WebSession.Page page = clerk.open("/customers/" + customer);
        Element owned = page.document().selectFirst(".owned-product");
        assertThat(owned.text()).contains("圧力鍋 はやわざ 4L").contains("型番 PC-100").contains("2026年3月14日 ご購入");
        Element gasket = owned.selectFirst("tr.part");
        assertThat(gasket.select(".part-number").text()).isEqualTo("GK-100");
        assertThat(gasket.text()).contains("圧力鍋パッキン").contains("¥1,200");
        assertThat(gasket.select(".due").text()).contains(date(LocalDate.of(2026, 3, 14).plusDays(730)));
        assertThat(page.document().select("#visit-count").text()).isEqualTo("1");
        assertThat(page.document().select("#last-visit").text()).isEqualTo("2026年3月14日");
    }

    @Test
    void aDepartmentLineIsSoldAtTheTypedPriceWithItsNoteAndCountsAsAVisit() {
        counter.department(shop, "B1", "研ぎ・修理", 0);
        Map<String, String> sale = fields(customer, LocalDateTime.of(2026, 5, 2, 10, 0), line("b1", "", "", ""));
        sale.put("lines[0].note", "包丁研ぎ 2本");

        WebSession.Page refused = clerk.post("/purchases", withCsrf(sale));
        assertThat(lineError(refused, 0, "unitPrice")).isEqualTo("部門の金額を入力してください。");
        assertThat(refused.document().selectFirst("[name=lines[0].note]").attr("value")).isEqualTo("包丁研ぎ 2本");
        assertThat(count("select count(*) from purchase")).isZero();

        sale.put("lines[0].unitPrice", "１,５００");
        WebSession.Page saved = clerk.post("/purchases", withCsrf(sale));
        assertThat(saved.status()).isEqualTo(302);
        WebSession.Page receipt = clerk.open(path(saved));
        assertThat(receipt.document().select("main.receipt tbody tr.line").text())
                .contains("B1").contains("研ぎ・修理").contains("包丁研ぎ 2本").contains("¥1,500");
        assertThat(receipt.document().select("#purchase-total").text()).isEqualTo("¥1,500");
        assertThat(clerk.open("/customers/" + customer).document().select("#visit-count").text()).isEqualTo("1");
    }

    @Test
    void buyingTheGasketLaterMovesItsNextDueDate() {
        purchase(customer, LocalDateTime.of(2025, 1, 10, 10, 0), line("PC-100", "", "", ""));
        purchase(customer, LocalDateTime.of(2026, 2, 1, 10, 0), line("GK-100", "", "", ""));

        Element gasket = clerk.open("/customers/" + customer).document().selectFirst("tr.part");
        assertThat(gasket.select(".due").text()).contains(date(LocalDate.of(2026, 2, 1).plusDays(730)));
    }

    @Test
    void twoReceiptsOnOneDayAreOneVisit() {
        purchase(customer, LocalDateTime.of(2026, 5, 1, 10, 0), line("TW-01", "", "", ""));
        purchase(customer, LocalDateTime.of(2026, 5, 1, 16, 0), line("FL-01", "", "", ""));
        purchase(customer, LocalDateTime.of(2026, 6, 1, 10, 0), line("FL-01", "", "", ""));

        WebSession.Page page = clerk.open("/customers/" + customer);
        assertThat(page.document().select("#visit-count").text()).isEqualTo("2");
        assertThat(page.text()).contains("31日");
        assertThat(page.document().select("#purchases tbody tr")).hasSize(3);
    }

    @Test
    void aMistakeOnOneLineIsShownOnThatLineAndEveryLineTypedIsKept() {
        WebSession.Page page = purchase(customer, LocalDateTime.of(2026, 5, 1, 10, 0), line("TW-01", "2", "", ""),
                line("XX-999", "1", "", ""), line("FL-01", "0", "", ""), line("GK-100", "1", "1000", "2000"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(lineError(page, 1, "code")).isEqualTo("この商品コードは登録されていません。");
        assertThat(lineError(page, 2, "quantity")).isEqualTo("数量は1〜9999の整数で入力してください。");
        assertThat(lineError(page, 3, "discount")).isEqualTo("値引きが金額を超えています。");
        assertThat(page.document().select("input.line-code").eachAttr("value")).startsWith("TW-01", "XX-999", "FL-01", "GK-100");
        assertThat(page.document().select(".chosen-name").text()).isEqualTo("加藤 桜");
        assertThat(count("select count(*) from purchase")).isZero();
    }

    @Test
    void numbersAreReadAsTypedAtATillAndTextThatIsNoNumberStaysBesideItsMessage() {
        WebSession.Page refused = purchase(customer, LocalDateTime.of(2026, 5, 1, 10, 0),
                line("TW-01", "２個", "￥１，２００", ""), line("FL-01", "", "", ""), line("", "two", "", ""),
                line("GK-100", "1", "twelve", ""));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(lineError(refused, 2, "quantity")).isEqualTo("数量は1〜9999の整数で入力してください。");
        assertThat(lineError(refused, 3, "unitPrice")).isEqualTo("単価は0〜99,999,999円の整数で入力してください。");
        // the third line holds nothing readable, yet it is kept with what was typed, and the lines stay in place
        assertThat(refused.document().select("input.line-qty").eachAttr("value")).startsWith("2", "", "two", "1");
        assertThat(refused.document().select("input.line-price").eachAttr("value")).startsWith("1200", "", "", "twelve");
        assertThat(count("select count(*) from purchase")).isZero();

        WebSession.Page saved = purchase(customer, LocalDateTime.of(2026, 5, 1, 10, 0),
                line("TW-01", "２個", "￥１，２００", "１００円"), line("FL-01", "", "", ""));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(count("select count(*) from purchase_line where quantity = 2 and unit_price = 1200 and discount = 100"))
                .isEqualTo(1);
    }

    @Test
    void aPurchaseWithoutLinesOrInTheFutureIsRefused() {
        WebSession.Page empty = purchase(customer, LocalDateTime.of(2026, 5, 1, 10, 0));
        assertThat(empty.text()).contains("商品を1行以上入力してください。");
        WebSession.Page future = purchase(customer, LocalDateTime.now(TOKYO).plusDays(2), line("TW-01", "", "", ""));
        assertThat(future.text()).contains("未来の日時は登録できません。");
    }

    @Test
    void aWalkInPurchaseHasNoCustomer() {
        WebSession.Page saved = purchase(null, LocalDateTime.of(2026, 5, 1, 10, 0), line("TW-01", "", "", ""));
        assertThat(saved.status()).as(saved.document().select(".error, .error-box").text()).isEqualTo(302);
        assertThat(clerk.open(path(saved)).text()).contains("未登録のお客さま（ウォークイン）").contains("¥300");
    }

    @Test
    void theSameFormSubmittedTwiceIsOnePurchase() {
        Map<String, String> fields = fields(customer, LocalDateTime.of(2026, 5, 1, 10, 0), line("TW-01", "", "", ""));
        fields.put("clientKey", "6f1c1c1e-7d0b-4c53-9a39-1a2b3c4d5e6f");
        WebSession.Page first = clerk.post("/purchases", withCsrf(fields));
        WebSession.Page second = clerk.post("/purchases", withCsrf(fields));

        assertThat(second.location()).isEqualTo(first.location());
        assertThat(count("select count(*) from purchase")).isEqualTo(1);
    }

    @Test
    void anAmountNoTillTakesIsRefusedWithAMessageAndTheShopsFiguresStayReadable() {
        WebSession.Page huge = purchase(customer, LocalDateTime.of(2026, 5, 1, 10, 0),
                line("TW-01", "9999", "999999999999", ""));
        assertThat(huge.status()).isEqualTo(200);
        assertThat(lineError(huge, 0, "unitPrice")).isEqualTo("単価は0〜99,999,999円の整数で入力してください。");

        WebSession.Page tooMuch = purchase(customer, LocalDateTime.of(2026, 5, 1, 10, 0),
                line("TW-01", "9999", "99999999", ""));
        assertThat(tooMuch.text()).contains("1回のお会計は 99,999,999円 までです。");

        // a day of the largest sales, over a billion yen: every figure that sums them still reads
        for (int i = 0; i < 25; i++) {
            WebSession.Page big = purchase(customer, LocalDateTime.of(2026, 5, 2, 10, i), line("TW-01", "1", "99999999", ""));
            assertThat(big.status()).as("sale %d", i).isEqualTo(302);
        }
        assertThat(count("select count(*) from purchase")).isEqualTo(25);

        assertThat(clerk.get("/customers/" + customer).text()).contains("2,499,999,975");
        assertThat(clerk.open("/").status()).isEqualTo(200);
        assertThat(clerk.get("/purchases?day=2026-05-02").text()).contains("2,499,999,975");
    }

    @Test
    void twoHundredSalesAtOnceInOneStoreGetTwoHundredConsecutiveReceiptNumbers() throws Exception {
        java.util.concurrent.ExecutorService tills = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> sales = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                LocalDateTime at = LocalDateTime.of(2026, 6, 1, 9, 0).plusMinutes(i);
                sales.add(tills.submit(() -> purchase(null, at, line("TW-01", "1", "", "")).status()));
            }
            for (java.util.concurrent.Future<Integer> sale : sales) {
                assertThat(sale.get()).isEqualTo(302);
            }
        } finally {
            tills.shutdown();
        }
        List<Long> numbers = CurrentTenant.callAs(shop.tenantId(), () -> transaction.execute(status -> jdbc.sql(
                "select receipt_number from purchase where store_id = ? order by receipt_number")
                .param(kitchen.storeId()).query(Long.class).list()));
        assertThat(numbers).hasSize(200).isEqualTo(java.util.stream.LongStream.rangeClosed(1, 200).boxed().toList());

        WebSession.Page saved = purchase(customer, LocalDateTime.of(2026, 6, 2, 10, 0), line("TW-01", "", "", ""));
        assertThat(clerk.open(path(saved)).document().select("h1").text()).isEqualTo("お買い上げ No.201");
    }

    @Test
    void aCancelledPurchaseStopsCountingAndEndsTheModelItRegistered() {
        String receipt = path(purchase(customer, LocalDateTime.of(2026, 4, 2, 10, 0), line("PC-100", "", "", "")));
        long id = Long.parseLong(receipt.replaceAll("\\D", ""));

        WebSession.Page refused = clerk.submit(receipt, "form[action$=/cancel]", Map.of("reason", ""));
        assertThat(clerk.open(refused.path()).text())
                .contains("理由を入力してください");
        clerk.submit(receipt, "form[action$=/cancel]", Map.of("reason", "打ち間違い"));

        WebSession.Page shown = clerk.open(receipt);
        assertThat(shown.document().select("#purchase-status").text()).isEqualTo("取消");
        assertThat(shown.text()).contains("打ち間違い").contains("お買い上げの取消");
        WebSession.Page page = clerk.open("/customers/" + customer);
        assertThat(page.document().select("#visit-count").text()).isEqualTo("0");
        assertThat(page.document().select(".owned-product")).isEmpty();
        assertThat(page.document().select("#purchases tr.void")).hasSize(1);
        assertThat(count("select count(*) from audit_event where action = 'PURCHASE_CANCELLED' and subject_id = " + id))
                .isEqualTo(1);
        assertThat(clerk.get(receipt + "/edit").status()).isEqualTo(302);
    }

    @Test
    void aReturnIsRecordedWithItsReason() {
        String receipt = path(purchase(customer, LocalDateTime.of(2026, 4, 2, 10, 0), line("TW-01", "", "", "")));
        clerk.submit(receipt, "form[action$=/cancel]", Map.of("reason", "色違い"));
        // the second button of the same form posts to /return
        WebSession.Page shown = clerk.open(receipt);
        assertThat(shown.document().select("#purchase-status").text()).isEqualTo("取消");

        String other = path(purchase(customer, LocalDateTime.of(2026, 4, 3, 10, 0), line("TW-01", "", "", "")));
        clerk.post(other + "/return", Map.of("_csrf", clerk.csrfToken(other), "reason", "不良品"));
        assertThat(clerk.open(other).document().select("#purchase-status").text()).isEqualTo("返品");
        assertThat(clerk.open(other).text()).contains("不良品");
    }

    @Test
    void aCorrectionReplacesTheLinesAndKeepsBeforeAndAfterInTheAuditTrail() {
        String receipt = path(purchase(customer, LocalDateTime.of(2026, 4, 2, 10, 0), line("TW-01", "1", "", "")));
        Map<String, String> corrected = fields(customer, LocalDateTime.of(2026, 4, 2, 10, 0), line("PC-100", "1", "", ""));
        corrected.put("_csrf", clerk.csrfToken(receipt + "/edit"));
        WebSession.Page saved = clerk.post(receipt, corrected);
        assertThat(saved.status()).isEqualTo(302);

        WebSession.Page shown = clerk.open(receipt);
        assertThat(shown.document().select("#purchase-total").text()).isEqualTo("¥19,800");
        Element correction = shown.document().selectFirst("tr.correction");
        assertThat(correction.text()).contains("お買い上げの修正");
        // the correction reads as a sentence naming the clerk and the receipt, never as the stored JSON
        assertThat(correction.select(".audit-sentence").eachText()).anySatisfy(sentence -> assertThat(sentence)
                .matches(".+ が お買い上げ No\\.\\d+ の明細を TW-01 × 1 ¥[0-9,]+ から PC-100 × 1 ¥19,800 に変更"));
        assertThat(correction.text()).doesNotContain("{", "lines", "unitPrice");
        assertThat(clerk.open("/customers/" + customer).document().select(".owned-product").text()).contains("PC-100");
    }

    @Test
    void theProductLookupFillsALineAndOffersSuggestions() {
        WebSession json = new WebSession(port).withHeader("Accept", "application/json");
        json.logIn(shop.ownerEmail(), shop.password());
        assertThat(json.get("/purchases/scan?code=pc-100").body()).contains("\"code\":\"PC-100\"")
                .contains("\"price\":19800").contains("\"modelId\":" + kitchen.cookerModelId());
        assertThat(json.get("/purchases/scan?code=NOPE").status()).isEqualTo(404);
        assertThat(json.get("/purchases/products?q=ふきん").body()).contains("TW-01");
    }

    @Test
    void aStaffMemberRegistersPurchasesToo() {
        clerk = clerk.newClerk("店員 すみれ");
        WebSession.Page saved = purchase(customer, LocalDateTime.of(2026, 4, 2, 10, 0), line("TW-01", "", "", ""));
        assertThat(clerk.open(path(saved)).text()).contains("店員 すみれ");
    }

    @Test
    void anotherShopCannotSeeOrUseThisShopsPurchasesCustomersOrStores() {
        String receipt = path(purchase(customer, LocalDateTime.of(2026, 4, 2, 10, 0), line("TW-01", "", "", "")));
        TestShop other = shops.newShop("よその台所");
        counter.kitchen(other);
        WebSession stranger = new WebSession(port);
        stranger.logIn(other.ownerEmail(), other.password());

        assertThat(stranger.get(receipt).status()).isEqualTo(404);
        assertThat(stranger.get(receipt + "/edit").status()).isEqualTo(404);
        assertThat(stranger.get("/purchases/new?customer=" + customer).status()).isEqualTo(404);
        Map<String, String> smuggled = fields(customer, LocalDateTime.of(2026, 4, 2, 10, 0), line("TW-01", "", "", ""));
        smuggled.put("_csrf", stranger.csrfToken("/purchases/new"));
        WebSession.Page refused = stranger.post("/purchases", smuggled);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text()).contains("このお客さまは選べません").contains("営業中の店舗を選んでください");
    }

    private WebSession.Page purchase(Long customerId, LocalDateTime at, String[]... lines) {
        return clerk.post("/purchases", withCsrf(fields(customerId, at, lines)));
    }

    private Map<String, String> withCsrf(Map<String, String> fields) {
        Map<String, String> all = new HashMap<>(fields);
        all.put("_csrf", clerk.csrfToken("/purchases/new"));
        return all;
    }

    private Map<String, String> fields(Long customerId, LocalDateTime at, String[]... lines) {
        Map<String, String> fields = new HashMap<>();
        fields.put("customerId", customerId == null ? "" : customerId.toString());
        fields.put("storeId", Long.toString(kitchen.storeId()));
        fields.put("purchasedAt", LOCAL.format(at));
        fields.put("channel", "STORE");
        for (int i = 0; i < lines.length; i++) {
            fields.put("lines[" + i + "].code", lines[i][0]);
            fields.put("lines[" + i + "].quantity", lines[i][1]);
            fields.put("lines[" + i + "].unitPrice", lines[i][2]);
            fields.put("lines[" + i + "].discount", lines[i][3]);
        }
        return fields;
    }

    private static String[] line(String code, String quantity, String unitPrice, String discount) {
        return new String[] {code, quantity, unitPrice, discount};
    }

    private static String lineError(WebSession.Page page, int line, String field) {
        Element error = page.document().selectFirst("td:has([name=lines[" + line + "]." + field + "]) .error");
        return error == null ? null : error.text();
    }

    private long count(String sql) {
        return CurrentTenant.callAs(shop.tenantId(), () -> transaction.execute(status ->
                jdbc.sql(sql).query(Long.class).single()));
    }

    private static String date(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** The page a redirect leads to, without its one-time query (e.g. ?registered). */
    private static String path(WebSession.Page redirect) {
        return redirect.path().replaceFirst("\\?.*$", "");
    }
}
