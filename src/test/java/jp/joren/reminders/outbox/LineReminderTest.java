package jp.joren.reminders.outbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jp.joren.line.LineAccounts;
import jp.joren.line.LineConnection;
import jp.joren.line.LineFriends;
import jp.joren.line.LineMessaging;
import jp.joren.reminders.ReminderPolicies;
import jp.joren.reminders.ReminderShop;
import jp.joren.reminders.letters.LetterWriter;
import jp.joren.reminders.letters.Letters;
import jp.joren.reminders.letters.Wordings;
import jp.joren.reminders.rules.ChannelOrder;
import jp.joren.reminders.rules.ReminderRule;
import jp.joren.reminders.rules.ReminderRules;
import jp.joren.reminders.rules.RuleSettings;
import jp.joren.support.FakeLine;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.TestMailbox;
import jp.joren.support.WebSession;
import jp.joren.tenancy.CurrentTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/** Reminders on LINE (issue 17) through the outbox, against the fake LINE Messaging API in this JVM. */
@JorenIntegrationTest
class LineReminderTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final String SECRET = "line-secret-0123456789abcdef";
    private static final String TOKEN = "line-token-0123456789-ABCDEFGHIJ";

    @LocalServerPort
    int port;
    @Autowired
    jp.joren.line.CouponQrImages couponQr;
    @Autowired
    ReminderShop.Opener opener;
    @Autowired
    ReminderRules rules;
    @Autowired
    LineAccounts accounts;
    @Autowired
    LineFriends friends;
    @Autowired
    LineMessaging messaging;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutboxClaims claims;
    @Autowired
    Letters letters;
    @Autowired
    LetterWriter writer;
    @Autowired
    Wordings wordings;
    @Autowired
    ReminderPolicies policies;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    OutboxSender emailSender;

    private ReminderShop shop;
    private LocalDate today;
    /** Noon at the shop: within its LINE send hours. */
    private Instant noon;

    @BeforeEach
    void shopOnLine() {
        today = LocalDate.now(TOKYO);
        noon = today.atTime(12, 0).atZone(TOKYO).toInstant();
        shop = opener.open("LINEで届く店", today);
        CurrentTenant.callAs(shop.shop.tenantId(), () -> accounts.connect(
                new LineConnection("1657000001", SECRET, TOKEN, LocalTime.of(10, 0), LocalTime.of(20, 0))));
        shop.enable(ReminderRule.PART_REPLACEMENT, 0);
        shop.inShop(() -> {
            rules.saveChannelOrder(ReminderRule.PART_REPLACEMENT, ChannelOrder.LINE_EMAIL_POSTAL);
            return null;
        });
    }

    @Test
    void thePartReminderGoesOnLineFirstNamingThePartWithTheTokenAndARetryKey() {
        String user = lineUser();
        String address = address("line-first");
        long customer = lineCustomer("山田 花子", address, user);
        shop.owns(customer, shop.kitchen.cookerModelId(), 700);
        shop.night(today);
        assertThat(shop.messages(customer)).isEqualTo("PART_REPLACEMENT " + today.plusDays(30) + " QUEUED LINE");

        OutboxSender.Delivery delivery = send(at(noon));

        assertThat(delivery.sent()).isEqualTo(1);
        List<FakeLine.Push> pushes = FakeLine.get().pushesTo(user);
        assertThat(pushes).hasSize(1);
        FakeLine.Push push = pushes.get(0);
        assertThat(push.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(push.contentType()).startsWith("application/json");
        assertThat(UUID.fromString(push.retryKey()))
                .isEqualTo(LineMessaging.retryKey(shop.shop.tenantId(), messageId(customer)));
        assertThat(push.text()).contains("山田 花子 様", "GK-100", "1,200円", "台所道具 みなと", "/join/",
                "ブロック");
        assertThat(shop.messages(customer)).isEqualTo("PART_REPLACEMENT " + today.plusDays(30) + " SENT LINE");
        // nothing by email, and a second pass pushes nothing more
        assertThat(CurrentTenant.callAs(shop.shop.tenantId(), emailSender::sendDue).sent()).isZero();
        assertThat(TestMailbox.get().to(address, 0)).isEmpty();
        assertThat(send(at(noon.plusSeconds(60))).sent()).isZero();
        assertThat(FakeLine.get().pushesTo(user)).hasSize(1);
    }

    @Test
    void aCouponGoesOnLineWithItsQrCodeAsAnImageTheClerksScannerReads() throws Exception {
        shop.enable(ReminderRule.WIN_BACK, 0);
        shop.inShop(() -> {
            rules.saveChannelOrder(ReminderRule.WIN_BACK, ChannelOrder.LINE_EMAIL_POSTAL);
            return null;
        });
        String user = lineUser();
        long away = lineCustomer("お戻り 花子", address("line-coupon"), user);
        for (int days : new int[] {150, 130, 110, 90}) {
            shop.buy(away, days);
        }
        shop.night(today);

        assertThat(send(at(noon)).sent()).isEqualTo(1);
        String code = shop.inShop(() -> jdbc.sql("""
                        select c.code from outbox_message m join coupon c on c.tenant_id = m.tenant_id and c.id = m.coupon_id
                         where m.customer_id = ?""").param(away).query(String.class).single());
        String printed = code.substring(0, 5) + "-" + code.substring(5);
        FakeLine.Push push = FakeLine.get().pushesTo(user).get(0);
        assertThat(push.text()).contains("クーポン番号：" + printed);
        String path = URI.create(push.imageUrl()).getPath();
        assertThat(path).startsWith("/line/coupon-qr/" + printed + ".");

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> image = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(image.body()));
        int[] pixels = png.getRGB(0, 0, png.getWidth(), png.getHeight(), null, 0, png.getWidth());
        // the code and its quiet zone, as drawn (OutboxSenderTest says why)
        assertThat(new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                new com.google.zxing.common.HybridBinarizer(new com.google.zxing.RGBLuminanceSource(png.getWidth(),
                        png.getHeight(), pixels))), java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, true))
                .getText()).isEqualTo(printed);
        // without Joren's signature the address draws nothing
        String forged = path.replace(printed, "AAAAA-AAAAA");
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + forged)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
    }

    @Test
    void aCustomerWithoutLineGetsTheReminderByEmailAndTheFrequencyCapCountsEveryChannel() {
        String address = address("no-line");
        long emailOnly = shop.customer("佐藤 一郎", address, true, false);
        shop.owns(emailOnly, shop.kitchen.cookerModelId(), 700);
        String user = lineUser();
        long capped = lineCustomer("鈴木 次郎", address("capped"), user);
        shop.owns(capped, shop.kitchen.cookerModelId(), 700);
        // an email promotion reached this customer three days ago
        shop.inShop(() -> jdbc.sql("""
                        insert into outbox_message (tenant_id, customer_id, rule, occasion, channel, status, due_on,
                                                    sent_at, claimed_at)
                        values (app_current_tenant(), ?, 'WIN_BACK', 'DAY_90', 'EMAIL', 'SENT', ?, ?, ?)""")
                .params(capped, today.minusDays(3), OffsetDateTime.ofInstant(noon.minus(Duration.ofDays(3)), ZoneOffset.UTC),
                        OffsetDateTime.ofInstant(noon.minus(Duration.ofDays(3)), ZoneOffset.UTC))
                .update());

        shop.night(today);

        assertThat(shop.messages(emailOnly)).isEqualTo("PART_REPLACEMENT " + today.plusDays(30) + " QUEUED EMAIL");
        OutboxSender.Delivery delivery = send(at(noon));
        assertThat(delivery.sent()).isZero();
        assertThat(shop.messages(capped)).contains("PART_REPLACEMENT " + today.plusDays(30) + " HELD FREQUENCY_CAP LINE");
        assertThat(FakeLine.get().pushesTo(user)).isEmpty();
    }

    @Test
    void anUnfollowOnTheWebhookHoldsTheQueuedLineMessageAndTheNextNightGoesByEmail() throws Exception {
        String user = lineUser();
        long customer = lineCustomer("高橋 三郎", address("unfollow"), user);
        shop.owns(customer, shop.kitchen.cookerModelId(), 700);
        shop.night(today);
        assertThat(shop.messages(customer)).endsWith("QUEUED LINE");

        assertThat(webhook("{\"destination\":\"U0\",\"events\":[{\"type\":\"unfollow\",\"mode\":\"active\",\"timestamp\":"
                + System.currentTimeMillis() + ",\"source\":{\"type\":\"user\",\"userId\":\"" + user + "\"},"
                + "\"webhookEventId\":\"01H\",\"deliveryContext\":{\"isRedelivery\":false}}]}")).isEqualTo(200);

        assertThat(send(at(noon)).held()).isEqualTo(1);
        assertThat(shop.messages(customer)).endsWith("HELD NO_CONSENT LINE");
        assertThat(FakeLine.get().pushesTo(user)).isEmpty();
        // the next reminder (another occasion) goes by email: LINE is no longer a way to reach them
        shop.inShop(() -> jdbc.sql("delete from outbox_message where customer_id = ?").param(customer).update());
        shop.night(today);
        assertThat(shop.messages(customer)).endsWith("QUEUED EMAIL");
    }

    @Test
    void a429IsTriedAgainNoSoonerThanItsRetryAfterWithTheSameRetryKeyAndA500AlsoWaits() {
        String user = lineUser();
        long customer = lineCustomer("伊藤 五郎", address("busy"), user);
        shop.owns(customer, shop.kitchen.cookerModelId(), 700);
        shop.night(today);
        FakeLine.get().answerNext(user, 429, "600");

        OutboxSender.Delivery first = send(at(noon));

        assertThat(first.retrying()).isEqualTo(1);
        assertThat(shop.messages(customer)).endsWith("QUEUED LINE");
        assertThat(nextAttempt(customer)).isAfterOrEqualTo(noon.plusSeconds(600));
        // before Retry-After nothing is pushed (the back-off alone would have allowed it after 2 minutes)
        assertThat(send(at(noon.plusSeconds(300))).retrying()).isZero();
        assertThat(FakeLine.get().pushesTo(user)).hasSize(1);
        FakeLine.get().answerNext(user, 500, null);
        assertThat(send(at(noon.plusSeconds(601))).retrying()).isEqualTo(1);
        assertThat(send(at(noon.plusSeconds(601 + 4 * 60 + 1))).sent()).isEqualTo(1);

        List<FakeLine.Push> pushes = FakeLine.get().pushesTo(user);
        assertThat(pushes).extracting(FakeLine.Push::answered).containsExactly(429, 500, 200);
        assertThat(pushes).extracting(FakeLine.Push::retryKey).containsOnly(pushes.get(0).retryKey());
        assertThat(shop.messages(customer)).endsWith("SENT LINE");
    }

    @Test
    void a400FailsForGoodAndIsNeverPushedAgain() {
        String user = lineUser();
        long customer = lineCustomer("渡辺 六郎", address("refused"), user);
        shop.owns(customer, shop.kitchen.cookerModelId(), 700);
        shop.night(today);
        FakeLine.get().answerNext(user, 400, null);

        assertThat(send(at(noon)).failed()).isEqualTo(1);
        assertThat(send(at(noon.plus(Duration.ofHours(1)))).sent()).isZero();

        assertThat(shop.messages(customer)).endsWith("FAILED DELIVERY_FAILED LINE");
        assertThat(FakeLine.get().pushesTo(user)).hasSize(1);
        assertThat(shop.inShop(() -> jdbc.sql("select last_error from outbox_message where customer_id = ?")
                .param(customer).query(String.class).single())).contains("400");
    }

    @Test
    void lineMessagesWaitOutsideTheShopsSendHours() {
        String user = lineUser();
        long customer = lineCustomer("小林 七子", address("quiet"), user);
        shop.owns(customer, shop.kitchen.cookerModelId(), 700);
        shop.night(today);

        assertThat(send(at(today.atTime(9, 59).atZone(TOKYO).toInstant())).sent()).isZero();
        assertThat(send(at(today.atTime(20, 0).atZone(TOKYO).toInstant())).sent()).isZero();
        assertThat(send(at(today.atTime(23, 30).atZone(TOKYO).toInstant())).sent()).isZero();
        assertThat(FakeLine.get().pushesTo(user)).isEmpty();
        assertThat(shop.messages(customer)).endsWith("QUEUED LINE");

        assertThat(send(at(today.atTime(10, 0).atZone(TOKYO).toInstant())).sent()).isEqualTo(1);
        assertThat(FakeLine.get().deliveredTo(user)).hasSize(1);
    }

    @Test
    void aSenderKilledBetweenPushingAndMarkingNeverPushesAgain() {
        String user = lineUser();
        long customer = lineCustomer("加藤 八郎", address("crash"), user);
        shop.owns(customer, shop.kitchen.cookerModelId(), 700);
        shop.night(today);
        // a pass claims the message, records the hand-over, pushes... and dies before marking it sent
        OutboxClaims.Claim claim = shop.inShop(() -> {
            claims.holdBack("LINE", today, noon, 14);
            return claims.claim("LINE", today, noon, 10).get(0);
        });
        assertThat(shop.inShop(() -> claims.handingOver(claim, noon))).isTrue();
        CurrentTenant.callAs(shop.shop.tenantId(), () -> messaging.push(accounts.credentials().orElseThrow(), user,
                "交換のお知らせ", LineMessaging.retryKey(shop.shop.tenantId(), claim.id())));

        // later passes sweep the dead claim: it may have reached the customer, so it is never pushed again
        send(at(noon.plus(Duration.ofMinutes(30))));
        send(at(noon.plus(Duration.ofHours(2))));

        assertThat(FakeLine.get().pushesTo(user)).hasSize(1);
        assertThat(shop.messages(customer)).endsWith("UNCONFIRMED SENDER_STOPPED LINE");
    }

    @Test
    void theSameRetryKeyIsDeliveredOnce() {
        String user = lineUser();
        UUID key = UUID.randomUUID();
        CurrentTenant.callAs(shop.shop.tenantId(), () -> {
            var credentials = accounts.credentials().orElseThrow();
            assertThat(messaging.push(credentials, user, "一回目", key).outcome().name()).isEqualTo("ACCEPTED");
            assertThat(messaging.push(credentials, user, "一回目", key).outcome().name()).isEqualTo("ACCEPTED");
            return null;
        });
        assertThat(FakeLine.get().pushesTo(user)).extracting(FakeLine.Push::answered).containsExactly(200, 409);
        assertThat(FakeLine.get().deliveredTo(user)).hasSize(1);
    }

    @Test
    void theOwnerChoosesTheChannelsOnTheRulePageAndTheResultsSplitByChannel() {
        WebSession owner = new WebSession(port);
        owner.logIn(shop.shop.ownerEmail(), shop.shop.password());
        String rulePage = "/reminders/rules/" + ReminderRule.PART_REPLACEMENT.name();
        assertThat(owner.submit(rulePage, "#rule-channels", Map.of("channels", "EMAIL_LINE_POSTAL")).status())
                .isEqualTo(302);
        assertThat(owner.get(rulePage).document().select("#channel-order option[selected]").val())
                .isEqualTo("EMAIL_LINE_POSTAL");
        assertThat(shop.inShop(() -> rules.channelOrders().get(ReminderRule.PART_REPLACEMENT)))
                .isEqualTo(ChannelOrder.EMAIL_LINE_POSTAL);
        owner.submit(rulePage, "#rule-channels", Map.of("channels", "LINE_EMAIL_POSTAL"));

        String user = lineUser();
        long customer = lineCustomer("中村 九子", address("results"), user);
        shop.owns(customer, shop.kitchen.cookerModelId(), 700);
        shop.night(today);
        send(at(noon));

        WebSession.Page results = owner.get("/reminders/results");
        assertThat(results.document().select("#result-channel-LINE td").eachText()).startsWith("LINE", "1");
        assertThat(results.document().select("#result-channel-EMAIL")).isEmpty();
    }

    @Test
    void theFirstBatchOfARuleTurnedOnWithLineFirstWaitsForTheOwnerThenGoesOnLine() {
        RuleSettings defaults = ReminderRule.PART_REPLACEMENT.defaults();
        shop.save(new RuleSettings(ReminderRule.PART_REPLACEMENT, false, defaults.timingDays(), 0, null, null, null), today);
        shop.save(new RuleSettings(ReminderRule.PART_REPLACEMENT, true, defaults.timingDays(), 0, null, null, null), today);
        String user = lineUser();
        long customer = lineCustomer("松本 十子", address("approval"), user);
        shop.owns(customer, shop.kitchen.cookerModelId(), 700);
        shop.night(today);
        assertThat(shop.messages(customer)).endsWith("AWAITING_APPROVAL LINE");
        assertThat(send(at(noon)).sent()).isZero();

        WebSession owner = new WebSession(port);
        owner.logIn(shop.shop.ownerEmail(), shop.shop.password());
        String approval = "/reminders/rules/PART_REPLACEMENT/approval";
        WebSession.Page page = owner.open(approval);
        assertThat(page.document().select("#waiting-count").text()).contains("1 件");
        assertThat(page.document().select("#waiting-on-line").text()).contains("LINE 1 件");
        // the owner reads the LINE text the customer's phone will show
        assertThat(page.document().select("#approval-preview-0").text()).contains("松本 十子 様", "GK-100", "ブロック");
        owner.submit(approval, "form:has(#approve-batch)", Map.of());

        assertThat(send(at(noon)).sent()).isEqualTo(1);
        assertThat(FakeLine.get().deliveredTo(user)).singleElement()
                .satisfies(push -> assertThat(push.text()).contains("松本 十子 様", "GK-100"));
    }

    @Test
    void aCampaignWithLineFirstCountsAndQueuesItsLineCustomersOnLine() {
        String user = lineUser();
        long onLine = lineCustomer("林 十一", address("campaign-line"), user);
        long byEmail = shop.customer("森 十二", address("campaign-email"), true, false);
        WebSession owner = new WebSession(port);
        owner.logIn(shop.shop.ownerEmail(), shop.shop.password());
        WebSession.Page saved = owner.submit("/reminders/campaigns/new", "form.campaign-form", Map.of(
                "name", "夏のお手入れ", "kind", "EVERYONE", "scheduledOn", today.plusDays(3).toString(),
                "subject", "{customer}様へ", "body", "{customer}様\nお手入れの季節です。", "holdoutPercent", "0",
                "couponKind", "PERCENT", "couponValidDays", "30"));
        assertThat(saved.status()).as(saved.document().select(".error").text()).isEqualTo(302);
        String page = URI.create(saved.location()).getPath();
        assertThat(owner.open(page).document().select("#eligible-on-line")).isEmpty();

        owner.submit(page, "#campaign-channels", Map.of("channels", "LINE_EMAIL_POSTAL"));

        WebSession.Page planned = owner.open(page);
        assertThat(planned.document().select("#campaign-channel-order option[selected]").val()).isEqualTo("LINE_EMAIL_POSTAL");
        assertThat(planned.document().select("#eligible").text()).startsWith("今日送ると 2 人に届きます");
        assertThat(planned.document().select("#eligible-on-line").text()).contains("LINE 1 人");
        owner.submit(page, "form:has(#queue-campaign)", Map.of());
        assertThat(shop.messages(onLine)).endsWith(" LINE");
        assertThat(shop.messages(byEmail)).endsWith(" EMAIL");
    }

    /** A customer with email consent and an address who linked LINE (consent recorded as the webhook does). */
    private long lineCustomer(String name, String address, String user) {
        long customer = shop.customer(name, address, true, false);
        shop.inShop(() -> jdbc.sql("""
                        insert into line_friend (tenant_id, customer_id, line_user_id, linked_at)
                        values (app_current_tenant(), ?, ?, now())""")
                .params(customer, user).update());
        shop.consent(customer, "LINE", true, false);
        return customer;
    }

    private long messageId(long customer) {
        return shop.inShop(() -> jdbc.sql("select id from outbox_message where customer_id = ?").param(customer)
                .query(Long.class).single());
    }

    private Instant nextAttempt(long customer) {
        return shop.inShop(() -> jdbc.sql("select next_attempt_at from outbox_message where customer_id = ?")
                .param(customer).query(OffsetDateTime.class).single()).toInstant();
    }

    private LineOutboxSender at(Instant instant) {
        return new LineOutboxSender(jdbc, claims, letters, writer, wordings, policies, accounts, friends, messaging,
                couponQr, transactions, Clock.fixed(instant, ZoneOffset.UTC), 600_000);
    }

    private OutboxSender.Delivery send(LineOutboxSender sender) {
        return CurrentTenant.callAs(shop.shop.tenantId(), sender::sendDue);
    }

    private int webhook(String body) throws Exception {
        String key = CurrentTenant.callAs(shop.shop.tenantId(), () -> accounts.view().orElseThrow().webhookKey());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                + "/line/webhook/" + key))
                        .header("Content-Type", "application/json").header("X-Line-Signature", signature)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String lineUser() {
        return "U" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String address(String who) {
        return who + "-" + System.nanoTime() + "@customer.example";
    }
}
