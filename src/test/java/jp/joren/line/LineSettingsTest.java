package jp.joren.line;

import java.util.Map;

import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.FakeLine;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.WebSession;
import jp.joren.tenancy.CurrentTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The owner connects LINE in settings; the secrets are stored encrypted and shown only by their end. */
@JorenIntegrationTest
class LineSettingsTest {

    @LocalServerPort
    int port;
    @Autowired
    ShopFixtures shops;
    @Autowired
    LineAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void theOwnerConnectsLineAndSeesOnlyTheEndsOfTheSecretsAndTheWebhookUrl() {
        TestShop shop = shops.newShop("設定の店");
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());

        WebSession.Page refused = owner.submit("/settings/line", "#line-settings", Map.of("channelId", "1657123456",
                "channelSecret", "", "accessToken", "", "sendFrom", "10:00", "sendUntil", "20:00"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(accounts(shop)).isZero();

        WebSession.Page saved = owner.submit("/settings/line", "#line-settings", Map.of("channelId", "1657123456",
                "channelSecret", "secret-0123456789-WXYZ", "accessToken", "token-abcdefghijklmnop-9876",
                "sendFrom", "09:30", "sendUntil", "19:00"));
        assertThat(saved.status()).isEqualTo(302);

        WebSession.Page page = owner.get("/settings/line");
        assertThat(page.body()).doesNotContain("secret-0123456789", "token-abcdefghijklmnop")
                .contains("WXYZ", "9876", "1657123456");
        String webhookUrl = page.document().selectFirst("#line-webhook-url").text();
        assertThat(webhookUrl).matches("https?://.+/line/webhook/[0-9a-f]{32}");
        // encrypted at rest: neither secret is in its column
        byte[] stored = CurrentTenant.callAs(shop.tenantId(), () -> transaction.execute(status -> jdbc.sql(
                "select channel_secret || access_token from line_account").query(byte[].class).single()));
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("0123456789", "abcdefghij");
        LineCredentials credentials = CurrentTenant.callAs(shop.tenantId(), () -> accounts.credentials().orElseThrow());
        assertThat(credentials.channelSecret()).isEqualTo("secret-0123456789-WXYZ");
        assertThat(credentials.accessToken()).isEqualTo("token-abcdefghijklmnop-9876");

        // changing the hours keeps the secrets
        owner.submit("/settings/line", "#line-settings", Map.of("channelId", "1657123456", "sendFrom", "11:00",
                "sendUntil", "18:00"));
        SendHours hours = CurrentTenant.callAs(shop.tenantId(), accounts::sendHours);
        assertThat(hours.from()).hasToString("11:00");
        assertThat(CurrentTenant.callAs(shop.tenantId(), () -> accounts.credentials().orElseThrow().accessToken()))
                .isEqualTo("token-abcdefghijklmnop-9876");
    }

    @Test
    void theOwnerSendsATestMessageToTheirOwnLineAndSeesWhatLineAnswered() {
        TestShop shop = shops.newShop("テスト送信の店");
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        owner.submit("/settings/line", "#line-settings", Map.of("channelId", "1657000002",
                "channelSecret", "test-secret-abc", "accessToken", "test-token-for-myself", "sendFrom", "10:00",
                "sendUntil", "20:00"));
        String me = "U" + java.util.UUID.randomUUID().toString().replace("-", "");

        WebSession.Page sent = owner.open(owner.submit("/settings/line", "#line-test", Map.of("userId", me)).location());
        assertThat(sent.document().select(".notice").text()).contains("テストメッセージを送りました");
        assertThat(FakeLine.get().deliveredTo(me)).singleElement().satisfies(push -> {
            assertThat(push.authorization()).isEqualTo("Bearer test-token-for-myself");
            assertThat(push.text()).contains("テストメッセージ");
        });

        FakeLine.get().answerNext(me, 400, null);
        WebSession.Page refused = owner.open(owner.submit("/settings/line", "#line-test", Map.of("userId", me)).location());
        assertThat(refused.document().select(".notice").text()).contains("受け付けませんでした");
        WebSession.Page bad = owner.open(owner.submit("/settings/line", "#line-test", Map.of("userId", "me")).location());
        assertThat(bad.document().select(".notice").text()).contains("ユーザーID");
        assertThat(FakeLine.get().pushesTo(me)).hasSize(2);
    }

    @Test
    void staffCannotOpenTheLineSettings() {
        TestShop shop = shops.newShop("店員の店");
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        WebSession clerk = owner.newClerk("店員 一郎");
        assertThat(clerk.get("/settings/line").status()).isEqualTo(403);
    }

    private long accounts(TestShop shop) {
        return CurrentTenant.callAs(shop.tenantId(), () -> transaction.execute(status ->
                jdbc.sql("select count(*) from line_account").query(Long.class).single()));
    }
}
