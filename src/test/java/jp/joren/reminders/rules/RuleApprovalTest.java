package jp.joren.reminders.rules;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jp.joren.reminders.Offer;
import jp.joren.reminders.ReminderShop;
import jp.joren.reminders.outbox.OutboxSender;
import jp.joren.reminders.outbox.OutboxSenderTest;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.TestMailbox;
import jp.joren.support.WebSession;
import jp.joren.tenancy.CurrentTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A rule's first batch waits for the owner: nothing leaves before it is approved, "やめる" drops it. */
@JorenIntegrationTest
class RuleApprovalTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutboxSender sender;
    @Autowired
    ReminderShop.Opener opener;
    @Value("${joren.public-url}")
    String publicUrl;

    private ReminderShop shop;
    private LocalDate today;
    private WebSession owner;

    @BeforeEach
    void kitchenShop() {
        today = LocalDate.now(Clock.system(ZoneId.of("Asia/Tokyo")));
        shop = opener.open("承認の店", today);
        owner = new WebSession(port);
        owner.logIn(shop.shop.ownerEmail(), shop.shop.password());
    }

    @Test
    void theFirstBatchWaitsUntilTheOwnerSendsItAndThenTheRuleRunsByItself() throws Exception {
        String address = address("first");
        long first = awayNinetyDays("初回 待ち", address, 0);
        turnOnWinBack(false);

        shop.night(today);

        assertThat(shop.messages(first)).endsWith("AWAITING_APPROVAL EMAIL");
        assertThat(send().sent()).isZero();
        WebSession.Page rulePage = owner.open("/reminders/rules/WIN_BACK");
        assertThat(rulePage.document().select("#awaiting-approval").text()).contains("承認待ちのお知らせが 1 件あります");
        WebSession.Page approval = owner.open("/reminders/rules/WIN_BACK/approval");
        assertThat(approval.document().select("#waiting-count").text()).contains("1 件", "メール 1 件");
        assertThat(approval.document().select("#approval-preview-0").text())
                .contains("初回 待ち 様", "50%引き");

        WebSession.Page approved = owner.open(owner.submit("/reminders/rules/WIN_BACK/approval",
                "form:has(#approve-batch)", Map.of()).path());
        assertThat(approved.document().select("#approved").text()).contains("1 件を送信待ちにしました");
        assertThat(shop.messages(first)).endsWith(" QUEUED EMAIL");
        assertThat(send().sent()).isEqualTo(1);
        assertThat(TestMailbox.get().to(address)).hasSize(1);

        // approved once: the next night's win-back goes out without asking
        long next = awayNinetyDays("翌日の人", address("next"), 1);
        shop.night(today.plusDays(1));
        assertThat(shop.messages(next)).endsWith(" QUEUED EMAIL");
    }

    @Test
    void aTestSendReachesOnlyTheOwnerAndChangesNothingTheShopCounts() throws Exception {
        // the rule is off: the test is the letter of a customer the rule would choose
        String address = address("tested");
        long customer = awayNinetyDays("試し 送子", address, 0);
        // no hold-out, so the one customer away 90 days is the one the rule would choose
        shop.save(new RuleSettings(ReminderRule.WIN_BACK, false, 90, 0, Offer.HALF_PRICE, null, null), today);
        shop.night(today);
        WebSession.Page sent = owner.open(owner.submit("/reminders/rules/WIN_BACK/approval",
                "form:has(#test-send)", Map.of()).path());
        assertThat(sent.document().select("#test-sent").text()).contains(shop.shop.ownerEmail());
        assertThat(shop.inShop(() -> jdbc.sql("select count(*) from outbox_message").query(Integer.class).single())).isZero();

        turnOnWinBack(false);
        shop.night(today);
        String before = shop.messages(customer);
        owner.submit("/reminders/rules/WIN_BACK/approval", "form:has(#test-send)", Map.of());

        List<Message> tests = TestMailbox.get().to(shop.shop.ownerEmail());
        assertThat(tests).hasSize(2);
        String customersToken = shop.inShop(() -> jdbc.sql("select unsubscribe_token from outbox_message")
                .query(String.class).single());
        for (Message test : tests) {
            assertThat(test.getSubject()).startsWith("［テスト送信］試し 送子 様へ");
            assertThat(((InternetAddress) test.getFrom()[0]).getPersonal()).isEqualTo("台所道具 みなと");
            // the owner's copy never carries a customer's unsubscribe link, nor a broken one
            assertThat(OutboxSenderTest.part(test, "text/plain")).contains(publicUrl + "/u/test")
                    .doesNotContain("/u/null").doesNotContain(customersToken);
            assertThat(OutboxSenderTest.part(test, "text/html")).contains(publicUrl + "/u/test")
                    .doesNotContain(customersToken);
        }
        assertThat(new WebSession(port).open("/u/test").document().select("#unsubscribe-test").text())
                .contains("テスト送信", "どなたの配信も止まりません");
        assertThat(shop.messages(customer)).isEqualTo(before).endsWith("AWAITING_APPROVAL EMAIL");
        assertThat(shop.inShop(() -> jdbc.sql("select count(*) from outbox_message").query(Integer.class).single()))
                .isEqualTo(1);
        assertThat(TestMailbox.get().to(address)).isEmpty();
    }

    @Test
    void doNotSendDropsTheBatchAndItsCouponsAndTheNextNightWaitsAgain() {
        long dropped = awayNinetyDays("取りやめ", address("drop"), 0);
        turnOnWinBack(false);
        shop.night(today);
        assertThat(coupons()).isEqualTo(1);

        owner.submit("/reminders/rules/WIN_BACK/approval", "form:has(#discard-batch)", Map.of());

        assertThat(shop.messages(dropped)).endsWith("WITHDRAWN DISCARDED EMAIL");
        assertThat(coupons()).isZero();
        assertThat(send().sent()).isZero();
        // the occasion is over for good, and the next night's batch waits for the owner again
        shop.night(today);
        assertThat(shop.messages(dropped)).endsWith("WITHDRAWN DISCARDED EMAIL");
        long next = awayNinetyDays("次の夜", address("again"), 1);
        shop.night(today.plusDays(1));
        assertThat(shop.messages(next)).endsWith("AWAITING_APPROVAL EMAIL");
    }

    @Test
    void anOwnerWhoAsksForItApprovesEveryNight() {
        long first = awayNinetyDays("毎晩 1", address("each1"), 0);
        turnOnWinBack(true);
        shop.night(today);
        owner.submit("/reminders/rules/WIN_BACK/approval", "form:has(#approve-batch)", Map.of());
        assertThat(shop.messages(first)).endsWith(" QUEUED EMAIL");

        long next = awayNinetyDays("毎晩 2", address("each2"), 1);
        shop.night(today.plusDays(1));

        assertThat(shop.messages(next)).endsWith("AWAITING_APPROVAL EMAIL");
    }

    private void turnOnWinBack(boolean approveEachNight) {
        String defaultBody = owner.open("/reminders/rules/WIN_BACK").document().select("#body").val();
        String defaultSubject = owner.open("/reminders/rules/WIN_BACK").document().select("#subject").val();
        Map<String, String> fields = new java.util.HashMap<>(Map.of("enabled", "true", "subject", defaultSubject,
                "body", defaultBody, "timingDays", "90", "holdoutPercent", "0", "offer", "true",
                "couponKind", "PERCENT", "couponValue", "50", "couponCap", "3000", "couponValidDays", "30"));
        if (approveEachNight) {
            fields.put("approveEachNight", "true");
        }
        WebSession.Page saved = owner.submit("/reminders/rules/WIN_BACK", "form.form", fields);
        assertThat(saved.status()).as(saved.document().select(".error").text()).isEqualTo(302);
    }

    /** A customer every 20 days whose 90th day away is {@code inDays} days after today. */
    private long awayNinetyDays(String name, String address, int inDays) {
        long customer = shop.customer(name, address, true, false);
        for (int away = 150; away >= 90; away -= 20) {
            shop.buy(customer, away - inDays);
        }
        return customer;
    }

    private long coupons() {
        return shop.inShop(() -> jdbc.sql("select count(*) from coupon").query(Long.class).single());
    }

    private OutboxSender.Delivery send() {
        return CurrentTenant.callAs(shop.shop.tenantId(), sender::sendDue);
    }

    private static String address(String who) {
        return who + "-" + System.nanoTime() + "@customer.example";
    }
}
