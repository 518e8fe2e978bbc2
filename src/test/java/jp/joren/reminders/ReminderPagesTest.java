package jp.joren.reminders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import jp.joren.reminders.outbox.OutboxSender;
import jp.joren.reminders.rules.ReminderRule;
import jp.joren.reminders.rules.ReminderRules;
import jp.joren.reminders.rules.RuleSettings;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.TestMailbox;
import jp.joren.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The owner's reminder pages over real HTTP: rule settings, the outbox and its reasons, the postal DM list. */
@JorenIntegrationTest
class ReminderPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReminderRules rules;
    @Autowired
    OutboxSender sender;
    @Autowired
    DataSource dataSource;

    @Autowired
    ReminderShop.Opener opener;

    private ReminderShop shop;
    private WebSession owner;
    private LocalDate today;

    @BeforeEach
    void ownerOfAKitchenShop() {
        today = LocalDate.now(Clock.system(ZoneId.of("Asia/Tokyo")));
        shop = opener.open("画面の店", today);
        owner = new WebSession(port);
        owner.logIn(shop.shop.ownerEmail(), shop.shop.password());
    }

    @Test
    void sendNowAnswersAtOnceSendsInTheBackgroundOnePassAtATimeAndTheOutboxFollowsIt() throws Exception {
        shop.enable(ReminderRule.SECOND_VISIT, 0);
        String address = "now-" + System.nanoTime() + "@customer.example";
        long customer = shop.customer("今すぐ 送る", address, true, false);
        shop.buy(customer, 7);
        shop.night(today);

        // the sender takes as long as this test holds the shop's sending lock: a slow mail server
        try (Connection held = dataSource.getConnection()) {
            advisoryLock(held, "pg_advisory_lock");
            WebSession.Page answered = owner.open(owner.submit("/reminders/outbox",
                    "form[action=/reminders/outbox/send]", Map.of()).path());
            assertThat(answered.document().select("[role=status]").text()).startsWith("送信を始めました");
            assertThat(answered.document().select("#send-now-status[hx-trigger] #sending").text()).endsWith("…");
            assertThat(shop.messages(customer)).isEqualTo("SECOND_VISIT DAY_7 QUEUED EMAIL");

            WebSession.Page again = owner.open(owner.submit("/reminders/outbox",
                    "form[action=/reminders/outbox/send]", Map.of()).path());
            assertThat(again.document().select("[role=status]").text()).startsWith("送信中か順番待ちの送信がすでにあります");
            advisoryLock(held, "pg_advisory_unlock");
        }

        WebSession.Page followed = await("the delivery's result").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).until(() -> owner.get("/reminders/outbox/sending"),
                        page -> !page.document().select("#delivery").isEmpty());
        assertThat(followed.document().select("#delivery").text()).startsWith("送信 1 件、保留 0 件");
        assertThat(followed.document().select("[hx-trigger]")).isEmpty();
        assertThat(TestMailbox.get().to(address)).hasSize(1);
        assertThat(shop.messages(customer)).isEqualTo("SECOND_VISIT DAY_7 SENT EMAIL");
    }

    private void advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select " + function + "(20261216, ?)")) {
            lock.setInt(1, (int) shop.shop.tenantId());
            lock.execute();
        }
    }

    @Test
    void aWordingWithAnUnknownVariableIsRefusedAndKeptAndAGoodOneTurnsTheRuleOn() {
        WebSession.Page page = owner.submit("/reminders/rules/WIN_BACK", "form.form", Map.of(
                "enabled", "true", "subject", "{name}様へ", "timingDays", "100"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("#subject").val()).isEqualTo("{name}様へ");
        assertThat(page.document().select("span.error").text()).contains("使えない差し込みがあります：name");

        // the variables are offered by what they mean
        assertThat(page.document().select(".variable").eachText())
                .contains("{customer} お客様のお名前", "{modelNumber} 型番", "{partNumber} 部品番号", "{coupon} クーポン番号");
        String defaultBody = owner.open("/reminders/rules/WIN_BACK").document().select("#body").val();
        page = owner.submit("/reminders/rules/WIN_BACK", "form.form", Map.of("enabled", "true",
                "subject", "{customer}様へ", "body", defaultBody, "timingDays", "100", "holdoutPercent", "10",
                "offer", "true", "couponKind", "PERCENT", "couponValue", "30", "couponValidDays", "30"));
        assertThat(page.status()).as(page.document().select(".error").text()).isEqualTo(302);
        WebSession.Page overview = owner.open("/reminders");
        assertThat(overview.document().select("#rule-WIN_BACK").text())
                .contains("お戻りクーポン", "最終来店から100日", "オン", "30%引きクーポン");
        RuleSettings saved = shop.inShop(() -> rules.get(ReminderRule.WIN_BACK));
        assertThat(saved.subject()).isEqualTo("{customer}様へ");
        // the body left as the default stays "the default"
        assertThat(saved.body()).isNull();
    }

    @Test
    void beforeAnyNightTheRulePagePreviewsACustomerItWouldChooseOrAMarkedSample() {
        WebSession.Page empty = owner.open("/reminders/rules/WIN_BACK");
        assertThat(empty.document().select("#rule-preview .sample").text()).startsWith("見本です");
        assertThat(empty.document().select("#rule-preview").text()).contains("見本 花子 様", "SAMPLE-0000-0000");

        long noConsent = shop.customer("同意 なし", "none-" + System.nanoTime() + "@customer.example", false, false);
        long chosen = shop.customer("選ばれる 人", "chosen-" + System.nanoTime() + "@customer.example", true, false);
        for (long customer : new long[] {noConsent, chosen}) {
            for (int away = 180; away >= 120; away -= 20) {
                shop.buy(customer, away);
            }
        }
        // no hold-out, so the customer who agreed is the one the rule would choose
        shop.save(new RuleSettings(ReminderRule.WIN_BACK, false, 90, 0, Offer.HALF_PRICE, null, null), today);
        shop.night(today);

        WebSession.Page page = owner.open("/reminders/rules/WIN_BACK");
        assertThat(page.document().select("#rule-preview .sample")).isEmpty();
        assertThat(page.document().select("#rule-preview").text())
                .contains("選ばれる 人 様の場合", "選ばれる 人 様", "50%引き", "台所道具 みなと")
                .doesNotContain("同意 なし");
        assertThat(shop.inShop(() -> jdbc.sql("select count(*) from outbox_message").query(Integer.class).single()))
                .isZero();
    }

    @Test
    void thePreviewFollowsTheWordingAsTheOwnerTypes() {
        WebSession.Page page = owner.open("/reminders/rules/WIN_BACK");
        assertThat(page.document().select("form.form").attr("hx-post")).isEqualTo("/reminders/rules/WIN_BACK/preview");

        WebSession.Page live = owner.post("/reminders/rules/WIN_BACK/preview", Map.of(
                "_csrf", owner.csrfToken("/reminders/rules/WIN_BACK"),
                "subject", "{customer}様、お久しぶりです", "body", "{shop}より、{couponValue}のクーポンです"));

        assertThat(live.status()).isEqualTo(200);
        assertThat(live.document().select("#live-preview #rule-preview").text())
                .contains("見本 花子様、お久しぶりです", "画面の店より、50%引き");
        // nothing was saved
        assertThat(shop.inShop(() -> rules.get(ReminderRule.WIN_BACK).subject())).isNull();
    }

    @Test
    void theCampaignPreviewFollowsTheWordingAndTheAudienceAsTheOwnerTypes() {
        WebSession.Page page = owner.open("/reminders/campaigns/new");
        assertThat(page.document().select("form.campaign-form").attr("hx-post")).isEqualTo("/reminders/campaigns/preview");
        // nobody to write to yet: the marked sample
        assertThat(page.document().select("#live-preview #campaign-live-preview .sample").text()).startsWith("見本です");
        long chosen = shop.customer("選ばれる 人", "chosen-" + System.nanoTime() + "@customer.example", true, false);
        shop.buy(chosen, 30);
        String csrf = owner.csrfToken("/reminders/campaigns/new");
        Map<String, String> typed = Map.of("_csrf", csrf, "name", "春のご案内", "kind", "EVERYONE",
                "scheduledOn", today.toString(), "holdoutPercent", "0",
                "subject", "{customer}様へ春のご案内", "body", "{shop}より<b>春</b>のお知らせ\r\n二行目です");

        WebSession.Page live = owner.post("/reminders/campaigns/preview", typed);

        assertThat(live.status()).isEqualTo(200);
        assertThat(live.document().select("#live-preview #campaign-live-preview .sample")).isEmpty();
        assertThat(live.document().select("#live-preview #campaign-live-preview").text())
                .contains("選ばれる 人 様の場合", "選ばれる 人様へ春のご案内", "画面の店より<b>春</b>のお知らせ", "二行目です");
        // the audience as typed: a town where nobody lives reaches nobody, so the sample shows the wording
        Map<String, String> segment = new java.util.HashMap<>(typed);
        segment.putAll(Map.of("kind", "SEGMENT", "town", "どこにもない町"));
        WebSession.Page nobody = owner.post("/reminders/campaigns/preview", segment);
        assertThat(nobody.document().select("#campaign-live-preview .sample").text()).startsWith("見本です");
        assertThat(nobody.document().select("#campaign-live-preview").text()).contains("見本 花子様へ春のご案内");
        // nothing was saved
        assertThat(shop.inShop(() -> jdbc.sql("select count(*) from campaign").query(Integer.class).single())).isZero();
    }

    @Test
    void aRuleCannotBeTurnedOnBeforeTheShopSaysWhoSendsAndFromWhere() {
        shop.inShop(() -> jdbc.sql("update shop set sender_postal_address = null").update());

        WebSession.Page page = owner.submit("/reminders/rules/SECOND_VISIT", "form.form", Map.of("enabled", "true"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("送信者名・住所・連絡先を設定するまで、お知らせをオンにできません。");
        assertThat(owner.open("/reminders").document().select("#sender-incomplete").text()).contains("送信されません");
        assertThat(shop.inShop(() -> rules.get(ReminderRule.SECOND_VISIT).enabled())).isFalse();
    }

    @Test
    void theOutboxSaysWhyAMessageIsNotSentAndPreviewsTheRealCustomersEmail() {
        shop.enable(ReminderRule.SECOND_VISIT, 0);
        shop.buy(shop.customer("同意 なし", "none@example.jp", false, false), 7);
        long reachable = shop.customer("届く 人", "reach@example.jp", true, false);
        shop.buy(reachable, 7);
        shop.night(today);

        WebSession.Page outbox = owner.open("/reminders/outbox");

        assertThat(outbox.document().select("tr.status-held").text())
                .contains("同意 なし", "2回目来店のお誘い", "送らない", "送信できません：メール・郵送の同意がありません");
        String preview = outbox.document().select("tr.status-queued a.preview-link").attr("href");
        WebSession.Page message = owner.open(preview);
        assertThat(message.document().select("#preview-subject").text()).isEqualTo("先日はご来店ありがとうございました");
        assertThat(message.document().select("#preview-text").text()).contains("届く 人 様", "画面の店", "配信を停止");
        assertThat(owner.open("/reminders/rules/SECOND_VISIT").document().select("#rule-preview").text())
                .contains("届く 人 様の場合");
        // the customer's page loads what they were sent, for every clerk
        WebSession clerk = owner.newClerk("店員 二郎");
        assertThat(clerk.open("/customers/" + reachable).document().select("#customer-messages").attr("hx-get"))
                .isEqualTo("/customers/" + reachable + "/messages");
        assertThat(clerk.open("/customers/" + reachable + "/messages").document().select("tr.customer-message").text())
                .contains("2回目来店のお誘い", "メール", "送信待ち");
    }

    @Test
    void thePostalListPrintsLabelsAndItsCsvAndTheOwnerMarksTheBatchPosted() {
        shop.enable(ReminderRule.WIN_BACK, 0);
        long byPost = shop.customer("郵便 好子", null, false, true);
        for (int days : new int[] {150, 130, 110, 90}) {
            shop.buy(byPost, days);
        }
        shop.night(today);

        WebSession.Page list = owner.open("/reminders/postal");
        assertThat(list.document().select("tr.postal-label").text())
                .contains("105-0014", "東京都 港区 芝2-3-4", "郵便 好子", "お戻りクーポン");
        String coupon = list.document().select("tr.postal-label code").text();
        assertThat(coupon).matches("[34679ACDEFGHJKMNPQRTUVWXY]{5}-[34679ACDEFGHJKMNPQRTUVWXY]{5}");
        assertThat(owner.open("/reminders/postal/labels").document().select(".label").text())
                .contains("〒105-0014", "郵便 好子 様", "クーポン番号 " + coupon);
        WebSession.Page csv = owner.get("/reminders/postal/labels.csv");
        assertThat(csv.body()).startsWith("\uFEFF郵便番号,住所,氏名,クーポン番号,クーポン有効期限")
                .contains("105-0014,東京都 港区 芝2-3-4,郵便 好子 様," + coupon + "," + today.plusDays(30));
        assertThat(csv.response().headers().firstValue("Content-Type").orElseThrow()).contains("text/csv");

        WebSession.Page posted = owner.submit("/reminders/postal", "form:has(#mark-posted)", Map.of());
        assertThat(owner.open(java.net.URI.create(posted.location()).getPath()).document().select("#posted").text()).isEqualTo("1 通を投函済みにしました。");
        assertThat(shop.messages(byPost)).isEqualTo("WIN_BACK AWAY_SINCE_" + today.minusDays(90) + " SENT POSTAL");
        assertThat(shop.inShop(() -> jdbc.sql("select count(*) from audit_event where subject_type = 'postal_list'")
                .query(Integer.class).single())).isEqualTo(1);
    }

    @Test
    void thePostcardsCarryEachWaitingLettersWordingCouponQrCodeAndAddressAndOnlyTheOwnerOpensThem() {
        shop.enable(ReminderRule.WIN_BACK, 0);
        long first = shop.customer("郵便 好子", null, false, true);
        long second = shop.customer("郵便 次郎", null, false, true);
        for (long customer : new long[] {first, second}) {
            for (int days : new int[] {150, 130, 110, 90}) {
                shop.buy(customer, days);
            }
        }
        shop.night(today);

        org.jsoup.nodes.Document cards = owner.open("/reminders/postal/postcards").document();

        assertThat(cards.select(".message-side")).hasSize(2);
        assertThat(cards.select(".address-side")).hasSize(2);
        org.jsoup.nodes.Element message = cards.selectFirst(".message-side:contains(郵便 好子 様)");
        String coupon = shop.inShop(() -> jdbc.sql("""
                        select c.code from outbox_message m join coupon c on c.tenant_id = m.tenant_id and c.id = m.coupon_id where m.customer_id = ?""")
                .param(first).query(String.class).single());
        // printed as a clerk reads it out: two groups of five
        String printed = coupon.substring(0, 5) + "-" + coupon.substring(5);
        assertThat(message.text()).contains("郵便 好子 様へ、クーポンをお送りします", "ご無沙汰しております。画面の店です。",
                "クーポン番号：" + printed, "クーポン番号 " + printed);
        String qr = message.selectFirst("img.coupon-qr").attr("src");
        assertThat(qr).startsWith("data:image/svg+xml;base64,");
        assertThat(new String(java.util.Base64.getDecoder().decode(qr.substring(qr.indexOf(',') + 1)),
                java.nio.charset.StandardCharsets.UTF_8)).startsWith("<svg").contains("<path d=\"M");
        org.jsoup.nodes.Element address = cards.selectFirst(".address-side:contains(郵便 次郎 様)");
        assertThat(address.select(".postal-boxes li").eachText()).containsExactly("1", "0", "5", "0", "0", "1", "4");
        assertThat(address.text()).contains("東京都 港区 芝2-3-4", "郵便 次郎 様", "差出人", "東京都港区芝1-2-3",
                "台所道具 みなと");
        assertThat(owner.open("/reminders/postal").document().select("#print-postcards").attr("href"))
                .isEqualTo("/reminders/postal/postcards");

        assertThat(owner.newClerk("店員 二郎").get("/reminders/postal/postcards").status()).isEqualTo(403);
    }

    @Test
    void theResultsCompareWhoCameBackAfterAMessageWithTheHoldOutGroup() {
        shop.enable(ReminderRule.SECOND_VISIT, 50);
        for (int i = 0; i < 30; i++) {
            shop.buy(shop.customer("新規" + i, "new" + i + "-" + System.nanoTime() + "@example.jp", true, false), 7);
        }
        shop.night(today);
        jp.joren.tenancy.CurrentTenant.callAs(shop.shop.tenantId(), sender::sendDue);
        List<Long> sent = customers("status = 'SENT'");
        List<Long> heldOut = customers("reason = 'HOLDOUT'");
        assertThat(sent).hasSizeGreaterThan(3);
        assertThat(heldOut).hasSizeGreaterThan(1);
        shop.buy(sent.get(0), 0);
        shop.buy(sent.get(1), 0);
        shop.buy(sent.get(2), 0);
        shop.buy(heldOut.get(0), 0);
        String token = shop.inShop(() -> jdbc.sql("select unsubscribe_token from outbox_message where customer_id = ?")
                .param(sent.get(3)).query(String.class).single());
        new WebSession(port).submit("/u/" + token, "form:has(#unsubscribe)", Map.of());

        WebSession.Page results = owner.open("/reminders/results?days=30");

        assertThat(results.document().select("#result-SECOND_VISIT td").eachText()).containsExactly(
                "2回目来店のお誘い", String.valueOf(sent.size()), "3", percent(3, sent.size()), decimal(3, sent.size()),
                "¥9,000", String.valueOf(heldOut.size()), percent(1, heldOut.size()), decimal(1, heldOut.size()),
                points(3.0 / sent.size() - 1.0 / heldOut.size()), "1", "0");
    }

    private List<Long> customers(String condition) {
        return shop.inShop(() -> jdbc.sql("select customer_id from outbox_message where " + condition + " order by id")
                .query(Long.class).list());
    }

    private static String percent(int part, int whole) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    private static String decimal(int part, int whole) {
        return String.format(java.util.Locale.ROOT, "%.2f", (double) part / whole);
    }

    private static String points(double difference) {
        return String.format(java.util.Locale.ROOT, "%+.1fpt", difference * 100);
    }

    @Test
    void aClerkCannotOpenTheReminders() {
        WebSession clerk = owner.newClerk("店員 一郎");

        assertThat(clerk.get("/reminders").status()).isEqualTo(403);
        assertThat(clerk.get("/reminders/postal/labels.csv").status()).isEqualTo(403);
    }

}
