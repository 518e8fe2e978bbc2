package jp.joren.reminders.rules;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.joren.reminders.ReminderShop;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.WebSession;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people edit the same rule or campaign from pages opened before either saved: the second is shown what
 * the first changed, keeps everything they typed, and overwrites only by saving again.
 */
@JorenIntegrationTest
class RuleAndCampaignConflictTest {

    @LocalServerPort
    int port;
    @Autowired
    ReminderShop.Opener opener;
    @Autowired
    ReminderRules rules;

    private ReminderShop shop;
    private WebSession owner;
    private WebSession partner;
    private LocalDate today;

    @BeforeEach
    void twoPeopleOfOneShop() {
        today = LocalDate.now(Clock.system(ZoneId.of("Asia/Tokyo")));
        shop = opener.open("ふたりの店", today);
        owner = new WebSession(port);
        owner.logIn(shop.shop.ownerEmail(), shop.shop.password());
        partner = new WebSession(port);
        partner.logIn(shop.shop.ownerEmail(), shop.shop.password());
    }

    @Test
    void theSecondToSaveARuleSeesTheFirstsChangeAndKeepsTheirOwnWording() {
        String path = "/reminders/rules/WIN_BACK";
        Map<String, String> mine = form(owner.get(path).document(), "form[action=" + path + "]");
        Map<String, String> theirs = form(partner.get(path).document(), "form[action=" + path + "]");

        theirs.put("subject", "夏のお戻りクーポンです");
        assertThat(partner.post(path, theirs).status()).isEqualTo(302);
        mine.put("body", "{customer}様\nお久しぶりです。{coupon}");
        WebSession.Page refused = owner.post(path, mine);

        assertThat(refused.status()).isEqualTo(200);
        // what differs: the partner's subject, beside the one this page still holds; and this person's body
        assertThat(refused.document().select("#edit-conflict .conflict-row").eachText()).satisfiesExactly(
                subject -> assertThat(subject).startsWith("件名 夏のお戻りクーポンです {customer} 様へ"),
                body -> assertThat(body).startsWith("本文 {customer} 様 ご無沙汰しております。").endsWith("お久しぶりです。{coupon}"));
        assertThat(refused.document().selectFirst("textarea[name=body]").wholeText()).isEqualTo("{customer}様\nお久しぶりです。{coupon}");
        assertThat(shop.inShop(() -> rules.get(ReminderRule.WIN_BACK).subject())).isEqualTo("夏のお戻りクーポンです");

        Map<String, String> again = form(refused.document(), "form[action=" + path + "]");
        assertThat(owner.post(path, again).status()).isEqualTo(302);
        RuleSettings saved = shop.inShop(() -> rules.get(ReminderRule.WIN_BACK));
        assertThat(saved.body()).isEqualTo("{customer}様\nお久しぶりです。{coupon}");
    }

    @Test
    void theSecondToSaveACampaignSeesTheFirstsChange() {
        WebSession.Page created = owner.submit("/reminders/campaigns/new", "form.campaign-form", Map.of("name", "圧力鍋の日",
                "scheduledOn", today.plusDays(5).toString(), "subject", "{customer}様、パッキンの点検を",
                "body", "{customer}様 パッキンの点検をいたします。", "holdoutPercent", "0", "kind", "EVERYONE",
                "couponKind", "PERCENT", "couponValidDays", "30"));
        assertThat(created.status()).isEqualTo(302);
        String path = java.net.URI.create(created.location()).getPath();
        Map<String, String> mine = form(owner.get(path).document(), "form.campaign-form");
        Map<String, String> theirs = form(partner.get(path).document(), "form.campaign-form");

        theirs.put("scheduledOn", today.plusDays(9).toString());
        assertThat(partner.post(path, theirs).status()).isEqualTo(302);
        mine.put("name", "圧力鍋の日（秋）");
        WebSession.Page refused = owner.post(path, mine);

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.document().select("#edit-conflict .conflict-row").eachText()).containsExactly(
                "名前 圧力鍋の日 圧力鍋の日（秋）", "送る日 " + today.plusDays(9) + " " + today.plusDays(5));
        assertThat(refused.document().selectFirst("input[name=name]").val()).isEqualTo("圧力鍋の日（秋）");
        assertThat(owner.post(path, form(refused.document(), "form.campaign-form")).status()).isEqualTo(302);
    }

    private static Map<String, String> form(Document page, String selector) {
        Map<String, String> fields = new LinkedHashMap<>();
        ((FormElement) page.selectFirst(selector)).formData().forEach(field -> fields.put(field.key(), field.value()));
        return fields;
    }
}
