package jp.joren.shops;

import java.util.HashMap;
import java.util.Map;

import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.WebSession;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@JorenIntegrationTest
class SettingsTest {

    @LocalServerPort
    int port;

    @Autowired
    ShopFixtures shops;

    TestShop shop;
    WebSession owner;

    @BeforeEach
    void logInAsOwner() {
        shop = shops.newShop("設定検査店");
        owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
    }

    private Map<String, String> settings(String name, String slug) {
        Map<String, String> fields = new HashMap<>();
        fields.put("name", name);
        fields.put("slug", slug);
        fields.put("timeZone", "Asia/Tokyo");
        fields.put("senderName", "かなもの屋 さくら");
        fields.put("senderPostalAddress", "東京都世田谷区三軒茶屋一丁目2-3");
        fields.put("senderEmail", "info@sakura.example.jp");
        fields.put("senderPhone", "03-1234-5678");
        return fields;
    }

    @Test
    void theOwnerSavesTheShopNameSlugTimeZoneAndSenderIdentity() {
        String slug = "sakura-" + shop.tenantId();
        Map<String, String> fields = settings("かなもの屋 さくら", slug);
        fields.put("timeZone", "Asia/Seoul");

        WebSession.Page saved = owner.submit("/settings", "#shop-settings", fields);

        assertThat(saved.status()).isEqualTo(302);
        Document page = owner.get("/settings").document();
        assertThat(page.text()).contains("設定を保存しました。");
        assertThat(page.select("#name").attr("value")).isEqualTo("かなもの屋 さくら");
        assertThat(page.select("#slug").attr("value")).isEqualTo(slug);
        assertThat(page.select("#timeZone option[selected]").attr("value")).isEqualTo("Asia/Seoul");
        assertThat(page.select("#senderPostalAddress").attr("value")).isEqualTo("東京都世田谷区三軒茶屋一丁目2-3");
        assertThat(page.select("#senderEmail").attr("value")).isEqualTo("info@sakura.example.jp");
        assertThat(page.select(".shop-name").text()).isEqualTo("かなもの屋 さくら");
    }

    @Test
    void settingsSavedMeanwhileAreShownBesideWhatTheSecondWriterTyped() {
        WebSession other = new WebSession(port);
        other.logIn(shop.ownerEmail(), shop.password());
        String staleVersion = other.get("/settings").document().selectFirst("#shop-settings [name=version]").val();
        String slug = "first-" + shop.tenantId();
        assertThat(owner.submit("/settings", "#shop-settings", settings("かなもの屋 さくら", slug)).status())
                .isEqualTo(302);

        Map<String, String> stale = settings("かなもの屋 桜", "second-" + shop.tenantId());
        stale.put("version", staleVersion);
        stale.put("_csrf", other.csrfToken("/settings"));
        WebSession.Page conflict = other.post("/settings", stale);

        assertThat(conflict.status()).isEqualTo(200);
        assertThat(conflict.document().select("tr.conflict-row").eachText())
                .anySatisfy(row -> assertThat(row).contains("店名").contains("かなもの屋 さくら").contains("かなもの屋 桜"));
        assertThat(conflict.document().select("#name").attr("value")).isEqualTo("かなもの屋 桜");
        assertThat(owner.get("/settings").document().select("#slug").attr("value")).isEqualTo(slug);
    }

    @Test
    void aSlugAnotherShopUsesIsRefusedAndTheFormKeepsWhatWasTyped() {
        TestShop other = shops.newShop("隣の店");
        WebSession otherOwner = new WebSession(port);
        otherOwner.logIn(other.ownerEmail(), other.password());
        String slug = "tonari-" + other.tenantId();
        otherOwner.submit("/settings", "#shop-settings", settings("隣の店", slug));

        WebSession.Page refused = owner.submit("/settings", "#shop-settings", settings("新しい店名", slug));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text()).contains("このアドレスはほかのお店が使っています。");
        assertThat(refused.document().select("#name").attr("value")).isEqualTo("新しい店名");
        assertThat(owner.get("/settings").document().select("#name").attr("value")).isEqualTo("設定検査店");
    }

    @Test
    void badSettingsAreExplainedInTheChosenLanguage() {
        owner.submit("/settings", "form.language", Map.of("lang", "en"));
        Map<String, String> fields = settings("", "Not A Slug");
        fields.put("senderEmail", "nope");

        WebSession.Page refused = owner.submit("/settings", "#shop-settings", fields);

        assertThat(refused.text()).contains("Please fill this in.", "Use 3–40 lowercase letters",
                "This is not a valid email address.");
        assertThat(refused.document().select("#slug").attr("value")).isEqualTo("Not A Slug");
    }

    @Test
    void theOwnerAddsRenamesAndClosesStores() {
        owner.submit("/settings", "form[action=/settings/stores]", Map.of("name", "駅前店"));
        Document page = owner.get("/settings").document();
        assertThat(page.select("#stores table input[name=name]").eachAttr("value")).containsExactly("本店", "駅前店");

        String action = page.select("#stores form:has(input[value=駅前店])").attr("action");
        owner.post(action, Map.of("_csrf", owner.csrfToken("/settings"), "name", "駅前二号店", "_active", "on"));

        Document after = owner.get("/settings").document();
        assertThat(after.select("#stores table input[name=name]").eachAttr("value")).containsExactly("本店", "駅前二号店");
        assertThat(after.select("#stores form:has(input[value=駅前二号店]) input[name=active]").hasAttr("checked")).isFalse();
    }
}
