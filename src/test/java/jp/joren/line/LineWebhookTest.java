package jp.joren.line;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.joren.customers.ConsentChannel;
import jp.joren.customers.ConsentLedger;
import jp.joren.customers.ConsentState;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.tenancy.CurrentTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** LINE's webhook calls for a shop: signed, fresh events link a customer by code; anything else changes nothing. */
@JorenIntegrationTest
class LineWebhookTest {

    @LocalServerPort
    int port;
    @Autowired
    LineShop.Opener opener;
    @Autowired
    LineLinkCodes codes;
    @Autowired
    ConsentLedger ledger;
    @Autowired
    JdbcClient jdbc;

    private LineShop shop;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void connectedShop() {
        shop = opener.open("LINEの店");
    }

    @Test
    void aValidlySignedLinkCodeLinksTheCustomerAndRecordsLineConsent() throws Exception {
        long customer = shop.customer("山田 花子");
        String code = issue(shop, customer);
        String user = lineUser();

        int status = post(shop, signed(message(user, " " + code.substring(0, 4).toLowerCase() + "-" + code.substring(4) + " ",
                System.currentTimeMillis())));

        assertThat(status).isEqualTo(200);
        assertThat(lineUserOf(shop, customer)).isEqualTo(user);
        assertThat(consent(shop, customer)).isEqualTo(ConsentState.GRANTED);
        assertThat(shop.inShop(() -> jdbc.sql("select method from consent where customer_id = ? and channel = 'LINE'")
                .param(customer).query(String.class).single())).isEqualTo("LINE_LINK");
        // the code is used once: someone else sending it later links nobody
        String other = lineUser();
        post(shop, signed(message(other, code, System.currentTimeMillis())));
        assertThat(lineUserOf(shop, customer)).isEqualTo(user);
    }

    @Test
    void anUnsignedOrWronglySignedRequestIsRefusedAndLinksNobody() throws Exception {
        long customer = shop.customer("佐藤 一郎");
        String code = issue(shop, customer);
        String body = message(lineUser(), code, System.currentTimeMillis());

        assertThat(post(shop, body, null)).isEqualTo(401);
        assertThat(post(shop, body, LineSignature.sign(body.getBytes(StandardCharsets.UTF_8), "another-secret"))).isEqualTo(401);
        // signed for another body
        assertThat(post(shop, body, LineSignature.sign("{}".getBytes(StandardCharsets.UTF_8), LineShop.SECRET))).isEqualTo(401);

        assertThat(lineUserOf(shop, customer)).isNull();
        assertThat(consent(shop, customer)).isEqualTo(ConsentState.NOT_ASKED);
        // the code was not used up by the forged requests
        assertThat(post(shop, signed(body))).isEqualTo(200);
        assertThat(lineUserOf(shop, customer)).isNotNull();
    }

    @Test
    void aReplayedOldEventIsIgnored() throws Exception {
        long customer = shop.customer("鈴木 次郎");
        String code = issue(shop, customer);

        assertThat(post(shop, signed(message(lineUser(), code, System.currentTimeMillis() - 10 * 60_000)))).isEqualTo(200);

        assertThat(lineUserOf(shop, customer)).isNull();
        assertThat(consent(shop, customer)).isEqualTo(ConsentState.NOT_ASKED);
    }

    @Test
    void anUnknownCodeOrAnotherShopsCodeLinksNobody() throws Exception {
        long customer = shop.customer("高橋 三郎");
        issue(shop, customer);
        LineShop otherShop = opener.open("となりの店");
        long theirs = otherShop.customer("田中 四郎");
        String theirCode = issue(otherShop, theirs);

        post(shop, signed(message(lineUser(), "ZZZZ9999", System.currentTimeMillis())));
        post(shop, signed(message(lineUser(), theirCode, System.currentTimeMillis())));

        assertThat(lineUserOf(shop, customer)).isNull();
        assertThat(lineUserOf(otherShop, theirs)).isNull();
        assertThat(consent(otherShop, theirs)).isEqualTo(ConsentState.NOT_ASKED);
        assertThat(shop.inShop(() -> jdbc.sql("select count(*) from line_friend where tenant_id = ?")
                .param(shop.shop.tenantId()).query(Long.class).single())).isZero();
    }

    @Test
    void anUnfollowWithdrawsLineConsentAtOnce() throws Exception {
        long customer = shop.customer("伊藤 五郎");
        String user = lineUser();
        post(shop, signed(message(user, issue(shop, customer), System.currentTimeMillis())));
        assertThat(consent(shop, customer)).isEqualTo(ConsentState.GRANTED);

        assertThat(post(shop, signed(event(user, "{\"type\":\"unfollow\"", System.currentTimeMillis())))).isEqualTo(200);

        assertThat(consent(shop, customer)).isEqualTo(ConsentState.WITHDRAWN);
        assertThat(shop.inShop(() -> jdbc.sql("select unfollowed_at is not null from line_friend where customer_id = ?")
                .param(customer).query(Boolean.class).single())).isTrue();
    }

    @Test
    void anUnfollowRedeliveredLateStillWithdrawsButNeverUndoesALaterLink() throws Exception {
        long customer = shop.customer("山本 六子");
        String user = lineUser();
        long linkedAt = System.currentTimeMillis();
        post(shop, signed(message(user, issue(shop, customer), linkedAt)));
        // an unfollow from before the link (redelivered late) changes nothing
        post(shop, signed(event(user, "{\"type\":\"unfollow\"", linkedAt - 60 * 60_000)));
        assertThat(consent(shop, customer)).isEqualTo(ConsentState.GRANTED);
        assertThat(lineUserOf(shop, customer)).isEqualTo(user);
        // one after it, however late it arrives, withdraws; its redelivery records nothing more
        post(shop, signed(event(user, "{\"type\":\"unfollow\"", linkedAt + 1)));
        post(shop, signed(event(user, "{\"type\":\"unfollow\"", linkedAt + 1)));
        assertThat(consent(shop, customer)).isEqualTo(ConsentState.WITHDRAWN);
        assertThat(shop.inShop(() -> jdbc.sql("select count(*) from consent where customer_id = ? and channel = 'LINE'")
                .param(customer).query(Long.class).single())).isEqualTo(2);
    }

    @Test
    void anUnknownWebhookKeyIsNotFoundAndJunkIsRefused() throws Exception {
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/line/webhook/nope")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(post(shop, "not json", LineSignature.sign("not json".getBytes(StandardCharsets.UTF_8), LineShop.SECRET)))
                .isEqualTo(400);
        // LINE's console "verify" sends no events
        assertThat(post(shop, signed("{\"destination\":\"U0\",\"events\":[]}"))).isEqualTo(200);
    }

    private String issue(LineShop where, long customer) {
        return CurrentTenant.callAs(where.shop.tenantId(), () -> codes.issue(customer).code());
    }

    private ConsentState consent(LineShop where, long customer) {
        return CurrentTenant.callAs(where.shop.tenantId(), () -> ledger.current(customer)).get(ConsentChannel.LINE);
    }

    private String lineUserOf(LineShop where, long customer) {
        List<String> users = where.inShop(() -> jdbc.sql("""
                        select line_user_id from line_friend where customer_id = ? and unfollowed_at is null""")
                .param(customer).query(String.class).list());
        return users.isEmpty() ? null : users.get(0);
    }

    private static String lineUser() {
        return "U" + UUID.randomUUID().toString().replace("-", "");
    }

    static String message(String user, String text, long timestamp) {
        return event(user, "{\"type\":\"message\",\"message\":{\"type\":\"text\",\"id\":\"1\",\"text\":\"" + text + "\"}",
                timestamp);
    }

    static String event(String user, String start, long timestamp) {
        return "{\"destination\":\"U0\",\"events\":[" + start + ",\"timestamp\":" + timestamp
                + ",\"mode\":\"active\",\"webhookEventId\":\"" + UUID.randomUUID() + "\""
                + ",\"source\":{\"type\":\"user\",\"userId\":\"" + user + "\"},\"deliveryContext\":{\"isRedelivery\":false}}]}";
    }

    static Map.Entry<String, String> signed(String body) {
        return Map.entry(body, LineSignature.sign(body.getBytes(StandardCharsets.UTF_8), LineShop.SECRET));
    }

    private int post(LineShop where, Map.Entry<String, String> signedBody) throws Exception {
        return post(where, signedBody.getKey(), signedBody.getValue());
    }

    private int post(LineShop where, String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/line/webhook/" + where.webhookKey))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("X-Line-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
