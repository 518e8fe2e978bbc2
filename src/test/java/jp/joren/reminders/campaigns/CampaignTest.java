package jp.joren.reminders.campaigns;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message;
import jp.joren.reminders.ReminderShop;
import jp.joren.reminders.outbox.OutboxSender;
import jp.joren.reminders.rules.ReminderRules;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.TestMailbox;
import jp.joren.support.WebSession;
import jp.joren.tenancy.CurrentTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The year's campaigns over real HTTP: planned, counted before sending, queued on their day, sent, measured. */
@JorenIntegrationTest
class CampaignTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReminderRules rules;
    @Autowired
    OutboxSender sender;

    @Autowired
    ReminderShop.Opener opener;

    private ReminderShop shop;
    private WebSession owner;
    private LocalDate today;
    private String emailA;
    private long ownerA;
    private long ownerB;
    private long byPost;
    private long noConsent;
    private long noCooker;

    @BeforeEach
    void cookerOwnersAndOthers() {
        today = LocalDate.now(Clock.system(ZoneId.of("Asia/Tokyo")));
        shop = opener.open("催しの店", today);
        owner = new WebSession(port);
        owner.logIn(shop.shop.ownerEmail(), shop.shop.password());
        emailA = "a-" + System.nanoTime() + "@example.jp";
        ownerA = cookerOwner("鍋 一子", emailA, true, false);
        ownerB = cookerOwner("鍋 二子", "b-" + System.nanoTime() + "@example.jp", true, false);
        byPost = cookerOwner("鍋 郵子", null, false, true);
        noConsent = cookerOwner("鍋 無子", "n-" + System.nanoTime() + "@example.jp", false, false);
        noCooker = shop.customer("鍋 なし", "x-" + System.nanoTime() + "@example.jp", true, true);
    }

    @Test
    void theOwnerPlansASegmentCampaignSeesWhoItReachesAndItGoesOutOnItsDay() throws Exception {
        WebSession.Page saved = owner.submit("/reminders/campaigns/new", "form.campaign-form", campaign(Map.of(
                "kind", "SEGMENT", "modelId", String.valueOf(shop.kitchen.cookerModelId()),
                "scheduledOn", today.plusDays(3).toString(), "offer", "true", "couponValue", "10")));
        assertThat(saved.status()).as(saved.document().select(".error").text()).isEqualTo(302);
        String page = java.net.URI.create(saved.location()).getPath();

        assertThat(owner.open(page).document().select("#eligible").text())
                .isEqualTo("今日送ると 3 人に届きます（メール 2 人・郵送 1 人）。");
        WebSession.Page calendar = owner.open("/reminders/campaigns?year=" + today.plusDays(3).getYear());
        assertThat(calendar.document().select("#month-" + today.plusDays(3).getMonthValue() + " li.campaign").text())
                .contains("圧力鍋の日", "選んだお客様に");

        assertThat(owner.open(page).document().select("#campaign-approval").text()).startsWith("まだ承認されていません");
        WebSession.Page preview = owner.open(page + "/approval");
        assertThat(preview.document().select("#campaign-preview").text())
                .containsAnyOf("鍋 一子様、パッキンの点検を", "鍋 二子様、パッキンの点検を", "鍋 郵子様、パッキンの点検を");
        owner.submit(page + "/approval", "form:has(#approve-campaign)", Map.of());
        assertThat(owner.open(page).document().select("#campaign-approval").text()).startsWith("承認済みです");

        shop.night(today.plusDays(2));
        assertThat(shop.messages(ownerA)).isEmpty();
        shop.night(today.plusDays(3));
        shop.night(today.plusDays(4));
        String occasion = today.plusDays(3).toString();
        assertThat(shop.messages(ownerA)).isEqualTo("CAMPAIGN " + occasion + " QUEUED EMAIL");
        assertThat(shop.messages(ownerB)).isEqualTo("CAMPAIGN " + occasion + " QUEUED EMAIL");
        assertThat(shop.messages(byPost)).isEqualTo("CAMPAIGN " + occasion + " QUEUED POSTAL");
        assertThat(shop.messages(noConsent)).isEqualTo("CAMPAIGN " + occasion + " HELD NO_CONSENT POSTAL");
        assertThat(shop.messages(noCooker)).isEmpty();

        shop.inShop(() -> jdbc.sql("update outbox_message set due_on = ? where rule = 'CAMPAIGN'").param(today).update());
        CurrentTenant.callAs(shop.shop.tenantId(), sender::sendDue);
        List<Message> received = TestMailbox.get().to(emailA);
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("鍋 一子様、パッキンの点検を");
        assertThat(owner.open(page).document().select("#campaign-queued").text()).contains("送信待ちに入りました");
        assertThat(owner.open("/reminders/results").document().select("td.campaign-result").text()).contains("圧力鍋の日");
    }

    @Test
    void aCampaignNotApprovedByItsDayWaitsAndSendsNothingAndEditingTakesTheApprovalBack() {
        WebSession.Page saved = owner.submit("/reminders/campaigns/new", "form.campaign-form", campaign(Map.of(
                "kind", "SEGMENT", "modelId", String.valueOf(shop.kitchen.cookerModelId()),
                "scheduledOn", today.toString(), "holdoutPercent", "0")));
        String page = java.net.URI.create(saved.location()).getPath();
        owner.submit(page, "form:has(#approve-campaign)", Map.of());
        // changed after the approval: the owner has not seen this version
        owner.submit(page, "form.campaign-form", campaign(Map.of("kind", "SEGMENT",
                "modelId", String.valueOf(shop.kitchen.cookerModelId()), "scheduledOn", today.toString(),
                "holdoutPercent", "0", "subject", "{customer}様、変えた件名")));

        shop.night(today);

        assertThat(shop.messages(ownerA)).isEqualTo("CAMPAIGN " + today + " AWAITING_APPROVAL EMAIL");
        assertThat(shop.messages(byPost)).isEqualTo("CAMPAIGN " + today + " AWAITING_APPROVAL POSTAL");
        assertThat(CurrentTenant.callAs(shop.shop.tenantId(), sender::sendDue).sent()).isZero();
        assertThat(owner.open("/reminders/postal").document().select(".postal-label")).isEmpty();
        assertThat(owner.open(page).document().select("#campaign-awaiting a").attr("href")).endsWith("/approval");
        WebSession.Page approval = owner.open(page + "/approval");
        assertThat(approval.document().select("#waiting-count").text()).contains("3 件", "メール 2 件", "郵送 1 件");
        assertThat(approval.document().select("#approval-preview-0").text()).contains("変えた件名");

        owner.submit(page + "/approval", "form:has(#discard-batch)", Map.of());

        assertThat(shop.messages(ownerA)).isEqualTo("CAMPAIGN " + today + " WITHDRAWN DISCARDED EMAIL");
        assertThat(shop.messages(byPost)).isEqualTo("CAMPAIGN " + today + " WITHDRAWN DISCARDED POSTAL");
    }

    @Test
    void anEmptyMonthOffersTheSeasonsIdeasAndOneStartsTheForm() {
        WebSession.Page calendar = owner.open("/reminders/campaigns?year=2027");

        assertThat(calendar.document().select("#month-5 li.idea").text()).isEqualTo("＋ 母の日の贈り物（2027年5月2日）");
        String link = calendar.document().select("#month-12 li.idea a").first().attr("href");
        WebSession.Page form = owner.open(link);
        assertThat(form.document().select("#name").val()).isEqualTo("年末の大掃除");
        assertThat(form.document().select("#scheduledOn").val()).isEqualTo("2027-12-05");
    }

    @Test
    void aSegmentCanBeTheNeighbourhood() {
        shop.inShop(() -> jdbc.sql("""
                insert into portfolio_policy (tenant_id, neighbourhood_towns) values (app_current_tenant(), '{芝}')""").update());
        shop.inShop(() -> jdbc.sql("update customer set town = '芝' where id in (?, ?)").params(ownerA, noCooker).update());

        WebSession.Page saved = owner.submit("/reminders/campaigns/new", "form.campaign-form",
                campaign(Map.of("kind", "SEGMENT", "tier", "1")));

        assertThat(owner.open(java.net.URI.create(saved.location()).getPath()).document().select("#eligible").text())
                .isEqualTo("今日送ると 2 人に届きます（メール 2 人・郵送 0 人）。");
    }

    @Test
    void aCampaignToEveryoneCanBeSentTodayAndOnlyOnce() {
        WebSession.Page saved = owner.submit("/reminders/campaigns/new", "form.campaign-form", campaign(Map.of(
                "kind", "EVERYONE", "scheduledOn", today.plusDays(30).toString(), "holdoutPercent", "0")));
        String page = java.net.URI.create(saved.location()).getPath();

        owner.submit(page, "form:has(#approve-campaign)", Map.of());
        WebSession.Page queued = owner.submit(page, "form:has(#queue-campaign)", Map.of());
        assertThat(owner.open(java.net.URI.create(queued.location()).getPath()).document()
                .select("#campaign-queued-count").text()).isEqualTo("5 件を送信待ちに入れました。");
        shop.night(today.plusDays(30));

        assertThat(shop.inShop(() -> jdbc.sql("select count(*) from outbox_message where rule = 'CAMPAIGN'")
                .query(Integer.class).single())).isEqualTo(5);
        assertThat(owner.open(page).document().select("#save-campaign")).isEmpty();
    }

    @Test
    void aSegmentNeedsAConditionAndASensitiveProductNeverChoosesCustomers() {
        WebSession.Page empty = owner.submit("/reminders/campaigns/new", "form.campaign-form",
                campaign(Map.of("kind", "SEGMENT")));
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.document().select("span.error").text()).contains("条件を1つ以上設定してください");

        shop.inShop(() -> jdbc.sql("update product set sensitive = true where id = ?").param(shop.kitchen.filterId()).update());
        WebSession.Page sensitive = owner.submit("/reminders/campaigns/new", "form.campaign-form",
                campaign(Map.of("kind", "SEGMENT", "productCode", "FL-01")));
        assertThat(sensitive.document().select("span.error").text()).contains("配慮が必要な商品では、お客様を選べません。");
        assertThat(sensitive.document().select("#productCode").val()).isEqualTo("FL-01");
        assertThat(shop.inShop(() -> jdbc.sql("select count(*) from campaign").query(Integer.class).single())).isZero();
    }

    @Test
    void aCampaignToASavedSegmentQueuesExactlyTheCustomersTheListShowsAfterTheUsualGuards() {
        // the cooker owners who cannot be written to by email: a condition only the list can express
        String filter = "/customers?modelId=" + shop.kitchen.cookerModelId() + "&consent=EMAIL_NONE";
        List<String> listed = owner.open(filter).document().select("tr.customer-row td:first-child a").eachText();
        assertThat(listed).containsExactlyInAnyOrder("鍋 郵子", "鍋 無子");
        owner.submit(filter, "#save-segment", Map.of("name", "メールの届かない圧力鍋のお客様"));
        long segment = shop.inShop(() -> jdbc.sql("select id from saved_segment").query(Long.class).single());

        WebSession.Page form = owner.open("/reminders/campaigns/new");
        assertThat(form.document().select("#kind option[value=SAVED]").text()).isEqualTo("保存した条件のお客様に");
        assertThat(form.document().select("#savedSegmentId option").eachText())
                .containsExactly("選んでください", "メールの届かない圧力鍋のお客様");
        WebSession.Page none = owner.submit("/reminders/campaigns/new", "form.campaign-form",
                campaign(Map.of("kind", "SAVED")));
        assertThat(none.document().select("span.error").text()).contains("保存した条件を選んでください");

        WebSession.Page saved = owner.submit("/reminders/campaigns/new", "form.campaign-form", campaign(Map.of(
                "kind", "SAVED", "savedSegmentId", String.valueOf(segment), "scheduledOn", today.plusDays(1).toString(),
                "name", "郵便のご案内")));
        assertThat(saved.status()).as(saved.document().select(".error").text()).isEqualTo(302);
        String page = java.net.URI.create(saved.location()).getPath();
        WebSession.Page shown = owner.open(page);
        assertThat(shown.document().select("#eligible").text()).isEqualTo("今日送ると 1 人に届きます（メール 0 人・郵送 1 人）。");
        assertThat(shown.document().select("#savedSegmentId option[selected]").text()).isEqualTo("メールの届かない圧力鍋のお客様");
        assertThat(shown.document().select("#open-saved-segment").attr("href")).isEqualTo("/customers/segments/" + segment);

        // the segment cannot go while the campaign still needs it
        WebSession.Page refused = owner.submit(filter, "#delete-segment", Map.of());
        assertThat(owner.open(java.net.URI.create(refused.location()).getRawPath() + "?"
                + java.net.URI.create(refused.location()).getRawQuery()).document().select("#segment-error").text())
                .startsWith("キャンペーン「郵便のご案内」の送り先になっているため削除できません。");

        owner.submit(page + "/approval", "form:has(#approve-campaign)", Map.of());
        shop.night(today.plusDays(1));
        String occasion = today.plusDays(1).toString();
        assertThat(shop.messages(byPost)).isEqualTo("CAMPAIGN " + occasion + " QUEUED POSTAL");
        assertThat(shop.messages(noConsent)).isEqualTo("CAMPAIGN " + occasion + " HELD NO_CONSENT POSTAL");
        assertThat(shop.messages(ownerA)).isEmpty();
        assertThat(shop.messages(ownerB)).isEmpty();
        assertThat(shop.messages(noCooker)).isEmpty();
        assertThat(shop.inShop(() -> jdbc.sql("""
                        select c.name from outbox_message m join customer c on c.tenant_id = m.tenant_id and c.id = m.customer_id
                         where m.rule = 'CAMPAIGN'""").query(String.class).list()))
                .containsExactlyInAnyOrderElementsOf(listed);

        // another shop can neither choose this segment for its campaign nor learn who is in it
        ReminderShop other = opener.open("隣の店", today);
        WebSession ownerB = new WebSession(port);
        ownerB.logIn(other.shop.ownerEmail(), other.shop.password());
        assertThat(ownerB.open("/reminders/campaigns/new").document().select("#savedSegmentId option").eachText())
                .containsExactly("選んでください");
        WebSession.Page stolen = ownerB.submit("/reminders/campaigns/new", "form.campaign-form", campaign(Map.of(
                "kind", "SAVED", "savedSegmentId", String.valueOf(segment))));
        assertThat(stolen.document().select("span.error").text()).contains("保存した条件を選んでください");
        assertThat(other.inShop(() -> jdbc.sql("select count(*) from campaign").query(Integer.class).single())).isZero();

        // sent, it lets go of the segment: deleting it now works and the campaign says what became of it
        owner.submit(filter, "#delete-segment", Map.of());
        assertThat(shop.inShop(() -> jdbc.sql("select count(*) from saved_segment").query(Integer.class).single())).isZero();
        assertThat(owner.open(page).document().select("#saved-segment-audience").text())
                .contains("送った後に、保存した条件は削除されました。");
    }

    private Map<String, String> campaign(Map<String, String> fields) {
        Map<String, String> all = new HashMap<>(Map.of("name", "圧力鍋の日", "scheduledOn", today.toString(),
                "subject", "{customer}様、パッキンの点検を", "body", "{customer}様\nパッキンの点検をいたします。{coupon}",
                "holdoutPercent", "0", "couponKind", "PERCENT", "couponValidDays", "30"));
        all.putAll(fields);
        return all;
    }

    private long cookerOwner(String name, String email, boolean emailConsent, boolean postalConsent) {
        long customer = shop.customer(name, email, emailConsent, postalConsent);
        shop.owns(customer, shop.kitchen.cookerModelId(), 100);
        return customer;
    }
}
