package jp.joren.reminders.outbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jp.joren.reminders.ReminderPolicies;
import jp.joren.reminders.ReminderPolicy;
import jp.joren.reminders.ReminderShop;
import jp.joren.reminders.letters.LetterWriter;
import jp.joren.reminders.letters.Letters;
import jp.joren.reminders.letters.Wordings;
import jp.joren.reminders.rules.ReminderRule;
import jp.joren.reminders.rules.ReminderRules;
import jp.joren.reminders.rules.RuleSettings;
import jp.joren.shared.MailProperties;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.TestMailbox;
import jp.joren.support.TroubledSmtpServer;
import jp.joren.support.WebSession;
import jp.joren.tenancy.CurrentTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/** Email delivery through the outbox (DESIGN.md §7) against the in-process SMTP server. */
@JorenIntegrationTest
public class OutboxSenderTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ReminderRules rules;
    @Autowired
    ReminderPolicies policies;
    @Autowired
    OutboxSender sender;
    @Autowired
    OutboxQueries queries;
    @Autowired
    OutboxClaims claims;
    @Autowired
    Letters letters;
    @Autowired
    LetterWriter writer;
    @Autowired
    Wordings wordings;
    @Autowired
    JavaMailSender mail;
    @Value("${joren.mail.from}")
    String defaultFrom;
    @LocalServerPort
    int port;

    @Autowired
    ReminderShop.Opener opener;

    private ReminderShop shop;
    private LocalDate today;

    @BeforeEach
    void kitchenShop() {
        today = LocalDate.now(Clock.systemUTC().withZone(java.time.ZoneId.of("Asia/Tokyo")));
        shop = opener.open("メールの店", today);
    }

    @Test
    void thePartReminderNamesTheCustomersPartAndCarriesWhatAPromotionalEmailMust() throws Exception {
        shop.enable(ReminderRule.PART_REPLACEMENT, 0);
        String address = address("gasket");
        long customer = shop.customer("山田 花子", address, true, false);
        shop.owns(customer, shop.kitchen.cookerModelId(), 700);
        shop.night(today);

        OutboxSender.Delivery delivery = send(sender);

        assertThat(delivery.sent()).isEqualTo(1);
        MimeMessage email = only(address);
        assertThat(email.getSubject()).isEqualTo("圧力鍋パッキンの交換時期が近づいています");
        assertThat(email.getFrom()[0].toString()).contains("shop@minato.example");
        String text = part(email, "text/plain");
        assertThat(text).contains("山田 花子 様", "圧力鍋 はやわざ 4L（型番 PC-100）", "圧力鍋パッキン（品番 GK-100、1,200円）")
                // 特定電子メール法: the sender, a postal address, a contact, and how to refuse
                .contains("台所道具 みなと", "東京都港区芝1-2-3", "03-1234-5678", "今後の受信を希望されない場合");
        String link = unsubscribeLink(email);
        assertThat(text).contains(link);
        assertThat(part(email, "text/html")).contains("href=\"" + link + "\"")
                .contains("台所道具 みなと", "東京都港区芝1-2-3", "03-1234-5678", "今後の受信を希望されない場合");
        assertThat(email.getHeader("List-Unsubscribe")).containsExactly("<" + link + ">");
        assertThat(email.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(shop.messages(customer)).isEqualTo("PART_REPLACEMENT " + today.plusDays(30) + " SENT EMAIL");
        // sending again sends nothing more
        assertThat(send(sender).sent()).isZero();
        assertThat(TestMailbox.get().to(address)).hasSize(1);
    }

    @Test
    void aCouponEmailCarriesTheCouponAsAQrCodeTheCountersScannerReads() throws Exception {
        shop.enable(ReminderRule.WIN_BACK, 0);
        String address = address("qr");
        long away = shop.customer("お戻り 花子", address, true, false);
        for (int days : new int[] {150, 130, 110, 90}) {
            shop.buy(away, days);
        }
        shop.night(today);

        assertThat(send(sender).sent()).isEqualTo(1);
        MimeMessage email = only(address);
        String code = shop.inShop(() -> jdbc.sql("""
                        select c.code from outbox_message m join coupon c on c.tenant_id = m.tenant_id and c.id = m.coupon_id
                         where m.customer_id = ?""").param(away).query(String.class).single());
        String printed = code.substring(0, 5) + "-" + code.substring(5);
        assertThat(part(email, "text/plain")).contains("クーポン番号：" + printed);
        assertThat(part(email, "text/html")).contains("src=\"cid:coupon-qr\"").contains("クーポン番号 " + printed);
        BodyPart qr = inlinePart(email, "<coupon-qr>");
        assertThat(qr.isMimeType("image/png")).isTrue();
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(qr.getInputStream());
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        // read as the image it is, the code and its quiet zone: searched for as in a photo, about 1 random
        // code in 400 was not found, which a test of a random coupon must not depend on
        com.google.zxing.Result read = new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                new com.google.zxing.common.HybridBinarizer(new com.google.zxing.RGBLuminanceSource(image.getWidth(),
                        image.getHeight(), pixels))), java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, true));
        assertThat(read.getText()).isEqualTo(printed);
    }

    private static BodyPart inlinePart(Part part, String contentId) throws MessagingException, IOException {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart child = multipart.getBodyPart(i);
            String[] ids = child.getHeader("Content-ID");
            if (ids != null && ids[0].equals(contentId)) {
                return child;
            }
            if (child.isMimeType("multipart/*")) {
                BodyPart found = inlinePart(child, contentId);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Test
    void theOwnersBodyIsTextTheHtmlPartEscapesItAndKeepsItsLineBreaks() throws Exception {
        RuleSettings defaults = ReminderRule.SECOND_VISIT.defaults();
        shop.enableLongAgo(new RuleSettings(ReminderRule.SECOND_VISIT, true, defaults.timingDays(), 0, null,
                "{customer} 様へ <b>お知らせ</b>", "{customer} 様\r\n<script>alert('x')</script>\r\n\r\n& またどうぞ"));
        String address = address("script");
        long customer = shop.customer("山田 <i>太郎</i>", address, true, false);
        shop.buy(customer, 7);
        shop.night(today);

        assertThat(send(sender).sent()).isEqualTo(1);

        MimeMessage email = only(address);
        assertThat(email.getSubject()).isEqualTo("山田 <i>太郎</i> 様へ <b>お知らせ</b>");
        String html = part(email, "text/html");
        assertThat(html).doesNotContain("<script", "<i>", "<b>")
                .contains("<title>山田 &lt;i&gt;太郎&lt;/i&gt; 様へ &lt;b&gt;お知らせ&lt;/b&gt;</title>")
                .contains("山田 &lt;i&gt;太郎&lt;/i&gt; 様<br>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<br><br>&amp; またどうぞ");
        // the text part is the owner's text as it was typed
        assertThat(part(email, "text/plain")).contains("<script>alert('x')</script>", "& またどうぞ");
    }

    @Test
    void theUnsubscribeLinkStopsEveryEmailAtOnceAndOutlivesTheCustomer() throws Exception {
        shop.enable(ReminderRule.SECOND_VISIT, 0);
        shop.enable(ReminderRule.CONSUMABLE_REPURCHASE, 0);
        String address = address("stop");
        long customer = shop.customer("配信 停止子", address, true, false);
        shop.buy(customer, 7);
        shop.night(today);
        send(sender);
        String path = URI.create(unsubscribeLink(only(address))).getPath();
        WebSession visitor = new WebSession(port);

        // opening the link changes nothing (mail scanners open links); the button unsubscribes
        WebSession.Page page = visitor.get(path);
        assertThat(page.document().select("#unsubscribe").text()).isEqualTo("配信を停止する");
        assertThat(emailConsent(customer)).isTrue();
        page = visitor.submit(path, "form:has(#unsubscribe)", Map.of());
        assertThat(page.document().select("#unsubscribe-result").text()).contains("メールの店", "停止しました");

        assertThat(emailConsent(customer)).isFalse();
        assertThat(shop.inShop(() -> jdbc.sql("""
                        select method from consent where customer_id = ? order by id desc limit 1""")
                .param(customer).query(String.class).single())).isEqualTo("UNSUBSCRIBE_LINK");
        // the next rule's reminder is not sent: no consent now, and the address is suppressed
        shop.buy(customer, 0, shop.kitchen.filterId());
        shop.night(today.plusDays(86));
        assertThat(shop.messages(customer)).contains("CONSUMABLE_REPURCHASE " + today + " HELD NO_CONSENT POSTAL");

        // retired, then registered again with the same address and a new consent: still unsubscribed
        shop.inShop(() -> jdbc.sql("update customer set status = 'RETIRED', email = null, name = '—' where id = ?")
                .param(customer).update());
        long again = shop.customer("配信 停止子", address.toUpperCase(), true, false);
        shop.buy(again, 7);
        shop.night(today);
        assertThat(shop.messages(again)).isEqualTo("SECOND_VISIT DAY_7 HELD UNSUBSCRIBED POSTAL");
    }

    @Test
    void anUnsubscribeByMistakeIsUndoneOnlyThroughTheConfirmationLinkAndTheLedgerKeepsBoth() throws Exception {
        shop.enable(ReminderRule.SECOND_VISIT, 0);
        String address = address("mistake");
        long customer = shop.customer("間違え 太郎", address, true, false);
        shop.buy(customer, 7);
        shop.night(today);
        send(sender);
        String path = URI.create(unsubscribeLink(only(address))).getPath();
        WebSession visitor = new WebSession(port);
        WebSession.Page unsubscribed = visitor.submit(path, "form:has(#unsubscribe)", Map.of());
        assertThat(unsubscribed.document().select("#way-back h2").text()).isEqualTo("間違えた場合");

        WebSession.Page asked = visitor.submit(path, "form:has(#resubscribe)", Map.of());

        assertThat(asked.document().select("#resubscribe-result").text()).startsWith("確認のメールをお送りしました");
        assertThat(emailConsent(customer)).as("a pending double opt-in is no consent").isFalse();
        assertThat(suppressed()).isEqualTo(1);
        Message confirmation = TestMailbox.get().first(address, "/confirm?token=");
        assertThat(((InternetAddress) confirmation.getFrom()[0]).getPersonal()).isEqualTo("メールの店");
        Matcher link = Pattern.compile("/join/\\S+/confirm\\?token=[A-Za-z0-9_-]+").matcher(TestMailbox.body(confirmation));
        assertThat(link.find()).isTrue();
        WebSession.Page confirmed = visitor.submit(link.group(), "form[action$=/confirm]", Map.of());

        assertThat(confirmed.document().select("#confirm-result").text()).contains("確認できました");
        assertThat(emailConsent(customer)).isTrue();
        assertThat(suppressed()).isZero();
        assertThat(shop.inShop(() -> jdbc.sql("""
                        select method || ' ' || granted || ' ' || pending from consent
                         where customer_id = ? and channel = 'EMAIL' order by recorded_at, id""")
                .param(customer).query(String.class).list())).containsExactly("COUNTER true false",
                "UNSUBSCRIBE_LINK false false", "UNSUBSCRIBE_UNDONE true true", "PUBLIC_PAGE_CONFIRMED true false");
    }

    @Test
    void aLinkCarriesItsShopAndALinkSentBeforeTokensDidStillUnsubscribes() throws Exception {
        shop.enable(ReminderRule.SECOND_VISIT, 0);
        String address = address("legacy");
        long customer = shop.customer("古い リンク", address, true, false);
        shop.buy(customer, 7);
        shop.night(today);
        send(sender);
        String path = URI.create(unsubscribeLink(only(address))).getPath();
        assertThat(path).startsWith("/u/" + shop.shop.tenantId() + "-");
        // as the links emailed before the token named its shop: 64 hex digits and nothing else
        String before = "0123456789abcdef".repeat(4);
        shop.inShop(() -> jdbc.sql("update outbox_message set unsubscribe_token = ? where tenant_id = ? and customer_id = ?")
                .param(before).param(shop.shop.tenantId()).param(customer).update());
        assertThat(new WebSession(port).get(path).document().select("#unsubscribe-result").text())
                .isEqualTo("このリンクは無効です。");

        WebSession.Page page = new WebSession(port).submit("/u/" + before, "form:has(#unsubscribe)", Map.of());

        assertThat(page.document().select("#unsubscribe-result").text()).contains("停止しました");
        assertThat(emailConsent(customer)).isFalse();
    }

    private int suppressed() {
        return shop.inShop(() -> jdbc.sql("select count(*) from email_suppression").query(Integer.class).single());
    }

    @Test
    void aMailClientsOneClickUnsubscribeNeedsNoPage() throws Exception {
        shop.enable(ReminderRule.SECOND_VISIT, 0);
        String address = address("oneclick");
        long customer = shop.customer("ワンクリック", address, true, false);
        shop.buy(customer, 7);
        shop.night(today);
        send(sender);
        String link = unsubscribeLink(only(address)).replaceFirst("^https?://[^/]+", "http://localhost:" + port);

        WebSession.Page answer = new WebSession(port).send(HttpRequest.newBuilder(URI.create(link))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(emailConsent(customer)).isFalse();
        assertThat(new WebSession(port).get("/u/not-a-token").document().select("#unsubscribe-result").text())
                .isEqualTo("このリンクは無効です。");
    }

    @Test
    void theFrequencyCapLetsOnePromotionThroughAndHoldsTheRestWithTheReason() throws Exception {
        shop.enable(ReminderRule.SECOND_VISIT, 0);
        shop.enable(ReminderRule.CONSUMABLE_REPURCHASE, 0);
        String address = address("cap");
        long customer = shop.customer("上限 太郎", address, true, false);
        shop.buy(customer, 85, shop.kitchen.filterId());
        shop.night(today);

        send(sender);
        send(sender);

        assertThat(shop.messages(customer)).isEqualTo("CONSUMABLE_REPURCHASE " + today.minusDays(85)
                + " SENT EMAIL; SECOND_VISIT DAY_30 HELD FREQUENCY_CAP EMAIL");
        assertThat(TestMailbox.get().to(address)).hasSize(1);
    }

    @Test
    void consentWithdrawnAfterTheNightStopsTheEmail() {
        shop.enable(ReminderRule.SECOND_VISIT, 0);
        String address = address("changed-mind");
        long customer = shop.customer("気が変わった", address, true, false);
        shop.buy(customer, 7);
        shop.night(today);
        shop.consent(customer, "EMAIL", false, false);

        send(sender);

        assertThat(shop.messages(customer)).isEqualTo("SECOND_VISIT DAY_7 HELD NO_CONSENT EMAIL");
    }

    @Test
    void theApplicationWaitsForTheServersAnswerAsLongAsRfc5321Allows() {
        // §4.5.3.2: up to 10 minutes for the answer to the end of a message; giving up sooner leaves it unknown
        Properties smtp = ((JavaMailSenderImpl) mail).getJavaMailProperties();
        assertThat(Long.parseLong(smtp.getProperty("mail.smtp.timeout"))).isGreaterThanOrEqualTo(Duration.ofMinutes(10).toMillis());
        assertThat(Long.parseLong(smtp.getProperty("mail.smtp.connectiontimeout"))).isGreaterThanOrEqualTo(Duration.ofSeconds(30).toMillis());
    }

    @Test
    void aServerThatAnswersTheEndOfAMessageLateGetsOneCopyAndTheFrequencyCapCountsIt() throws Exception {
        shop.enable(ReminderRule.SECOND_VISIT, 0);
        shop.enable(ReminderRule.CONSUMABLE_REPURCHASE, 0);
        String address = address("slow");
        long customer = shop.customer("遅い サーバー", address, true, false);
        shop.buy(customer, 85, shop.kitchen.filterId());
        shop.night(today);

        try (TroubledSmtpServer slow = new TroubledSmtpServer(TroubledSmtpServer.Answer.LATE, Duration.ofSeconds(2))) {
            // the server answers 250 after 2 s; this client waits 1 s (the old 10 s against a 15 s server)
            OutboxSender.Delivery first = send(senderWith(smtp(slow.port(), Duration.ofSeconds(1)), Clock.systemUTC()));
            assertThat(first.unconfirmed()).isEqualTo(1);
            // later passes, past any retry pause: no second copy, and no other promotion within the cap
            for (Duration later : List.of(Duration.ofMinutes(3), Duration.ofMinutes(40), Duration.ofDays(13))) {
                assertThat(send(senderWith(smtp(slow.port(), Duration.ofSeconds(5)),
                        Clock.offset(Clock.systemUTC(), later))).sent()).isZero();
            }

            assertThat(slow.received()).containsExactly(address);
        }
        assertThat(shop.messages(customer)).isEqualTo("CONSUMABLE_REPURCHASE " + today.minusDays(85)
                + " UNCONFIRMED NO_ANSWER EMAIL; SECOND_VISIT DAY_30 HELD FREQUENCY_CAP EMAIL");
    }

    @Test
    void aServerThatHangsUpAfterTheMessageIsNotSentItAgain() throws Exception {
        shop.enable(ReminderRule.SECOND_VISIT, 0);
        String address = address("hangup");
        long customer = shop.customer("切断", address, true, false);
        shop.buy(customer, 7);
        shop.night(today);

        try (TroubledSmtpServer hangsUp = new TroubledSmtpServer(TroubledSmtpServer.Answer.HANG_UP, Duration.ZERO)) {
            assertThat(send(senderWith(smtp(hangsUp.port(), Duration.ofSeconds(5)), Clock.systemUTC())).unconfirmed())
                    .isEqualTo(1);
            send(senderWith(smtp(hangsUp.port(), Duration.ofSeconds(5)), Clock.offset(Clock.systemUTC(), Duration.ofMinutes(3))));
            send(sender);

            assertThat(hangsUp.received()).containsExactly(address);
        }
        assertThat(TestMailbox.get().to(address)).isEmpty();
        assertThat(shop.messages(customer)).isEqualTo("SECOND_VISIT DAY_7 UNCONFIRMED NO_ANSWER EMAIL");
        assertThat(shop.inShop(() -> jdbc.sql("select last_error from outbox_message where customer_id = ?")
                .param(customer).query(String.class).single())).isNotBlank();
    }

    @Test
    void aSenderThatDiedMidBatchLeavesItsUnsentMessagesToTheNextOneAndTheInFlightOneUnconfirmed() {
        shop.enable(ReminderRule.SECOND_VISIT, 0);
        List<String> addresses = new ArrayList<>();
        List<Long> customers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            addresses.add(address("killed" + i));
            customers.add(shop.customer("停止 " + i, addresses.get(i), true, false));
            shop.buy(customers.get(i), 7);
        }
        shop.night(today);
        // the dead sender had claimed all five 20 minutes ago and was handing the first to the server
        Instant claimedAt = Instant.now().minus(Duration.ofMinutes(20));
        shop.inShop(() -> jdbc.sql("""
                        update outbox_message set status = 'SENDING', attempts = 1, claimed_at = :claimed,
                               handed_over_at = case when customer_id = :first then cast(:claimed as timestamptz) end
                         where customer_id = any(:customers)""")
                .param("claimed", claimedAt.atOffset(ZoneOffset.UTC)).param("first", customers.get(0))
                .param("customers", customers.toArray(Long[]::new)).update());
        // nothing is QUEUED there any more; the dispatch still visits the shop
        assertThat(jdbc.sql("select shop from shops_with_email_due(:now) shop")
                .param("now", Instant.now().atOffset(ZoneOffset.UTC)).query(Long.class).list())
                .contains(shop.shop.tenantId());

        OutboxSender.Delivery delivery = send(sender);

        assertThat(delivery.sent()).isEqualTo(4);
        for (int i = 1; i < 5; i++) {
            assertThat(TestMailbox.get().to(addresses.get(i))).hasSize(1);
            assertThat(shop.messages(customers.get(i))).isEqualTo("SECOND_VISIT DAY_7 SENT EMAIL");
        }
        assertThat(TestMailbox.get().to(addresses.get(0))).isEmpty();
        assertThat(shop.messages(customers.get(0))).isEqualTo("SECOND_VISIT DAY_7 UNCONFIRMED SENDER_STOPPED EMAIL");
    }

    @Test
    void aClaimThatIsStillFreshIsLeftToItsSender() {
        shop.enable(ReminderRule.SECOND_VISIT, 0);
        String address = address("fresh");
        long customer = shop.customer("作業中", address, true, false);
        shop.buy(customer, 7);
        shop.night(today);
        shop.inShop(() -> jdbc.sql("update outbox_message set status = 'SENDING', attempts = 1, claimed_at = :now where customer_id = :c")
                .param("now", Instant.now().atOffset(ZoneOffset.UTC)).param("c", customer).update());

        assertThat(send(sender).sent()).isZero();

        assertThat(shop.messages(customer)).isEqualTo("SECOND_VISIT DAY_7 SENDING EMAIL");
    }

    @Test
    void aMailServerThatIsDownIsTriedAgainWithGrowingPausesThenTheMessageFails() {
        shop.enable(ReminderRule.SECOND_VISIT, 0);
        long customer = shop.customer("サーバー停止", address("down"), true, false);
        shop.buy(customer, 7);
        shop.night(today);
        JavaMailSenderImpl down = smtp(1, Duration.ofSeconds(5));

        Clock clock = Clock.systemUTC();
        for (int attempt = 1; attempt < OutboxSender.MAX_ATTEMPTS; attempt++) {
            assertThat(send(senderWith(down, clock)).retrying()).isEqualTo(1);
            assertThat(shop.messages(customer)).isEqualTo("SECOND_VISIT DAY_7 QUEUED EMAIL");
            // not before its pause is over
            assertThat(send(senderWith(down, clock)).retrying()).isZero();
            clock = Clock.offset(clock, Duration.ofMinutes(1L << attempt).plusSeconds(1));
        }
        send(senderWith(down, clock));

        assertThat(shop.messages(customer)).isEqualTo("SECOND_VISIT DAY_7 FAILED DELIVERY_FAILED EMAIL");
        assertThat(shop.inShop(() -> jdbc.sql("select attempts || ' ' || (last_error is not null) from outbox_message where customer_id = ?")
                .param(customer).query(String.class).single())).isEqualTo(OutboxSender.MAX_ATTEMPTS + " true");
    }

    @Test
    void theShopsSendingRateLimitsOnePass() {
        shop.enable(ReminderRule.SECOND_VISIT, 0);
        shop.inShop(() -> {
            policies.save(new ReminderPolicy(14, 2));
            return null;
        });
        for (int i = 0; i < 3; i++) {
            shop.buy(shop.customer("速度" + i, address("rate" + i), true, false), 7);
        }
        shop.night(today);

        assertThat(send(sender).sent()).isEqualTo(2);
        assertThat(send(sender).sent()).isZero();
        assertThat(send(senderWith((JavaMailSenderImpl) mail, Clock.offset(Clock.systemUTC(), Duration.ofSeconds(61)))).sent()).isEqualTo(1);
    }

    @Test
    void nothingIsSentWhileTheShopLacksASenderAddressOrContact() {
        shop.enable(ReminderRule.SECOND_VISIT, 0);
        long customer = shop.customer("送信者なし", address("nosender"), true, false);
        shop.buy(customer, 7);
        shop.night(today);
        shop.inShop(() -> jdbc.sql("update shop set sender_postal_address = null").update());

        assertThat(send(sender).sent()).isZero();

        assertThat(shop.messages(customer)).isEqualTo("SECOND_VISIT DAY_7 QUEUED EMAIL");
    }

    private OutboxSender senderWith(JavaMailSenderImpl mailSender, Clock clock) {
        OutboxEmails emails = new OutboxEmails(claims, letters, writer, wordings, transactions, clock,
                new MailProperties(defaultFrom));
        return new OutboxSender(jdbc, queries, claims, mailSender, emails, policies, transactions, clock, Long.parseLong(mailSender.getJavaMailProperties().getProperty("mail.smtp.timeout", "600000")));
    }

    /** A client of the given server that waits {@code readTimeout} for each answer. */
    private static JavaMailSenderImpl smtp(int port, Duration readTimeout) {
        JavaMailSenderImpl client = new JavaMailSenderImpl();
        client.setHost("127.0.0.1");
        client.setPort(port);
        client.getJavaMailProperties().setProperty("mail.smtp.timeout", String.valueOf(readTimeout.toMillis()));
        client.getJavaMailProperties().setProperty("mail.smtp.connectiontimeout", "5000");
        return client;
    }

    private OutboxSender.Delivery send(OutboxSender outbox) {
        return CurrentTenant.callAs(shop.shop.tenantId(), outbox::sendDue);
    }

    private boolean emailConsent(long customer) {
        return shop.inShop(() -> jdbc.sql("""
                        select granted and not pending from consent where customer_id = ? and channel = 'EMAIL'
                         order by recorded_at desc, id desc limit 1""")
                .param(customer).query(Boolean.class).single());
    }

    private static String address(String who) {
        return who + "-" + System.nanoTime() + "@customer.example";
    }

    private static MimeMessage only(String address) {
        List<Message> received = TestMailbox.get().to(address);
        assertThat(received).hasSize(1);
        return (MimeMessage) received.get(0);
    }

    private static String unsubscribeLink(MimeMessage email) throws MessagingException {
        return email.getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");
    }

    /** The decoded text of the first part of the given type, searched through the multipart tree. */
    public static String part(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = part(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
