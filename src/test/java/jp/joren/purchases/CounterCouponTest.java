package jp.joren.purchases;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

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

/** The counter redeems a reminder's coupon, once, and a purchase withdraws the reminders it answers. */
@JorenIntegrationTest
class CounterCouponTest {

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
    ShopWork shopWork;

    TestShop shop;
    Kitchen kitchen;
    WebSession clerk;
    long customer;
    long otherCustomer;
    LocalDateTime now;

    @BeforeEach
    void aShopWithTwoCustomers() {
        shop = shops.newShop("クーポンの店");
        kitchen = counter.kitchen(shop);
        clerk = new WebSession(port);
        clerk.logIn(shop.ownerEmail(), shop.password());
        customer = shopWork.inShop(shop.tenantId(), () -> jdbc.sql("insert into customer (tenant_id, name) values (app_current_tenant(), '戻り 客') returning id")
                .query(Long.class).single());
        otherCustomer = shopWork.inShop(shop.tenantId(), () -> jdbc.sql("insert into customer (tenant_id, name) values (app_current_tenant(), '別の 客') returning id")
                .query(Long.class).single());
        now = LocalDateTime.now(ZoneId.of("Asia/Tokyo")).withSecond(0).withNano(0);
    }

    @Test
    void aHalfPriceCouponTakesHalfOfTheDearestItemUpToItsCapAndIsThenUsed() {
        coupon("ABCD1234EF567890", customer, "PERCENT", 50, 3_000L, 0, 30);

        // typed in lower case with dashes and full-width digits: still the code
        WebSession.Page saved = purchase(customer, "abcd-１２３４-ef56-7890", line("PC-100", "1"), line("TW-01", "2"));

        assertThat(saved.status()).isEqualTo(302);
        WebSession.Page receipt = clerk.open(saved.path().replaceFirst("\\?.*$", ""));
        // 19,800 − 3,000 (half of 19,800, capped at 3,000) + 2 × 300
        assertThat(receipt.document().select("#purchase-total").text()).isEqualTo("¥17,400");
        assertThat(receipt.document().select("#purchase-coupon").text()).isEqualTo("ABCD1234EF567890");
        assertThat(shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select redeemed_purchase_id is not null from coupon where code = 'ABCD1234EF567890'")
                .query(Boolean.class).single())).isTrue();

        WebSession.Page again = purchase(customer, "ABCD1234EF567890", line("TW-01", "1"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.document().select("p.error").text()).contains("このクーポンはすでに使われています。");
        assertThat(purchases()).isEqualTo(1);
    }

    @Test
    void aSaleWithACouponSubmittedTwiceShowsTheSavedReceiptBothTimes() {
        coupon("9999888877776666", customer, "YEN", 500, null, 0, 30);
        Map<String, String> sale = fields(customer, "9999888877776666", line("TW-01", "2"));
        sale.put("clientKey", "0b8e2a4c-1d2e-4f3a-9b5c-6d7e8f9a0b1c");

        WebSession.Page first = clerk.post("/purchases", withCsrf(clerk, sale));
        WebSession.Page second = clerk.post("/purchases", withCsrf(clerk, sale));

        assertThat(first.status()).isEqualTo(302);
        assertThat(second.status()).isEqualTo(302);
        assertThat(second.location()).isEqualTo(first.location());
        assertThat(clerk.open(second.path().replaceFirst("\\?.*$", "")).document().select("#purchase-coupon").text())
                .isEqualTo("9999888877776666");
        assertThat(purchases()).isEqualTo(1);
    }

    @Test
    void aCouponOfAnotherCustomerOrOutOfItsDaysOrUnknownIsRefusedAndNothingIsSaved() {
        coupon("1111222233334444", customer, "YEN", 500, null, 0, 30);
        coupon("5555666677778888", customer, "YEN", 500, null, -40, -10);

        assertThat(error(purchase(otherCustomer, "1111222233334444", line("TW-01", "1")))).contains("別のお客さまのもの");
        assertThat(error(purchase(customer, "5555666677778888", line("TW-01", "1")))).contains("有効期間外");
        assertThat(error(purchase(customer, "0000000000000000", line("TW-01", "1")))).contains("見つかりません");
        assertThat(purchases()).isZero();
        // the clerk's lines are kept for the next try
        assertThat(purchase(customer, "0000000000000000", line("TW-01", "3")).document()
                .select("[name=lines[0].quantity]").val()).isEqualTo("3");
    }

    @Test
    void twoClerksRedeemingTheSameCouponAtTheSameMomentUseItOnce() throws Exception {
        WebSession secondClerk = clerk.newClerk("二人目");
        for (int round = 0; round < 5; round++) {
            String code = "RACE00000000000" + round;
            coupon(code, customer, "YEN", 1_000, null, 0, 30);
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> tries = new ArrayList<>();
            for (WebSession who : List.of(clerk, secondClerk)) {
                Map<String, String> form = withCsrf(who, fields(customer, code, line("PC-100", "1")));
                tries.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return who.post("/purchases", form).status();
                }));
            }
            start.countDown();

            assertThat(tries.stream().map(CompletableFuture::join).toList()).containsExactlyInAnyOrder(302, 200);
            assertThat(shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                            select count(*) from purchase p join coupon c on c.tenant_id = p.tenant_id and c.redeemed_purchase_id = p.id where c.code = ?""")
                    .param(code).query(Long.class).single())).isEqualTo(1);
        }
        assertThat(purchases()).isEqualTo(5);
    }

    @Test
    void aPurchaseAtTheCounterWithdrawsTheCustomersWaitingRemindersItAnswers() {
        long partReminder = message("PART_REPLACEMENT", kitchen.gasketId());
        long winBack = message("WIN_BACK", null);

        purchase(customer, "", line("TW-01", "1"));
        assertThat(status(partReminder)).isEqualTo("QUEUED");
        assertThat(status(winBack)).isEqualTo("WITHDRAWN BOUGHT");

        purchase(customer, "", line("GK-100", "1"));
        assertThat(status(partReminder)).isEqualTo("WITHDRAWN BOUGHT");
    }

    private long message(String rule, Long product) {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                        insert into outbox_message (tenant_id, customer_id, rule, occasion, channel, due_on, product_id)
                        values (app_current_tenant(), ?, ?, 'TEST', 'EMAIL', current_date, ?) returning id""")
                .params(customer, rule, product).query(Long.class).single());
    }

    private String status(long message) {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select status || coalesce(' ' || reason, '') from outbox_message where id = ?")
                .param(message).query(String.class).single());
    }

    private void coupon(String code, long owner, String kind, int value, Long cap, int fromDays, int untilDays) {
        LocalDate today = now.toLocalDate();
        shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                        insert into coupon (tenant_id, code, customer_id, kind, value, cap, valid_from, valid_until, issued_for)
                        values (app_current_tenant(), ?, ?, ?, ?, ?, ?, ?, 'TEST')""")
                .params(code, owner, kind, value, cap, today.plusDays(fromDays), today.plusDays(untilDays)).update());
    }

    private WebSession.Page purchase(long buyer, String couponCode, String[]... lines) {
        return clerk.post("/purchases", withCsrf(clerk, fields(buyer, couponCode, lines)));
    }

    private static String error(WebSession.Page page) {
        assertThat(page.status()).isEqualTo(200);
        return page.document().select("p.error").text();
    }

    private Map<String, String> fields(long buyer, String couponCode, String[]... lines) {
        Map<String, String> fields = new HashMap<>();
        fields.put("customerId", Long.toString(buyer));
        fields.put("storeId", Long.toString(kitchen.storeId()));
        fields.put("purchasedAt", LOCAL.format(now));
        fields.put("channel", "STORE");
        fields.put("couponCode", couponCode);
        for (int i = 0; i < lines.length; i++) {
            fields.put("lines[" + i + "].code", lines[i][0]);
            fields.put("lines[" + i + "].quantity", lines[i][1]);
            fields.put("lines[" + i + "].unitPrice", "");
            fields.put("lines[" + i + "].discount", "");
        }
        return fields;
    }

    private static Map<String, String> withCsrf(WebSession who, Map<String, String> fields) {
        Map<String, String> all = new HashMap<>(fields);
        all.put("_csrf", who.csrfToken("/purchases/new"));
        return all;
    }

    private static String[] line(String code, String quantity) {
        return new String[] {code, quantity};
    }

    private long purchases() {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select count(*) from purchase").query(Long.class).single());
    }
}
