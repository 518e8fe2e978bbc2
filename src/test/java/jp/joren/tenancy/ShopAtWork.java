package jp.joren.tenancy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jp.joren.nightly.ShopNightlyRun;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.CounterFixtures.Kitchen;
import jp.joren.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shop that has used Joren for real, through its pages: customers, consents, purchases, owned products, a
 * correction, a merge, an export, settings, the outbox, a saved segment, LINE, and a night. What the
 * cross-tenant tests then try to reach from another shop.
 */
class ShopAtWork {

    /** The name its customers are registered under: no page of another shop may show it. */
    static final String MARKED_NAME = "越境 見本";

    private final int port;
    private final ShopNightlyRun nights;

    ShopAtWork(int port, ShopNightlyRun nights) {
        this.port = port;
        this.nights = nights;
    }

    /** Returns the customer the counter registered first (the other one was merged into it). */
    long useEveryFeature(TestShop shop, Kitchen kitchen) throws Exception {
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        long first = register(owner, "090-1000-2000", "a@example.jp");
        long second = register(owner, "090-1000-3000", "b@example.jp");
        WebSession.Page sale = owner.post("/purchases", Map.of("_csrf", owner.csrfToken("/purchases/new"),
                "customerId", Long.toString(first), "storeId", Long.toString(kitchen.storeId()),
                "purchasedAt", "2026-04-01T10:00", "channel", "STORE", "lines[0].code", "PC-100", "lines[1].code", "FL-01"));
        assertThat(sale.location()).as("the sale was registered: %s", sale.document().select(".error, .field-error, .alert").eachText())
                .isNotNull();
        String receipt = sale.path().replaceFirst("\\?.*$", "");
        owner.submit(receipt, "form[action$=/cancel]", Map.of("reason", "打ち間違い"));
        owner.submit("/customers/merges/new?survivor=" + first + "&merged=" + second, "form[action=/customers/merges]", Map.of());
        owner.get("/customers/" + first + "/data-export");
        owner.post("/purchases", Map.of("_csrf", owner.csrfToken("/purchases/new"),
                "customerId", Long.toString(first), "storeId", Long.toString(kitchen.storeId()),
                "purchasedAt", "2026-04-02T10:00", "channel", "STORE", "lines[0].code", "TW-01"));
        owner.submit("/settings/portfolio", "#portfolio-settings", Map.of("neighbourhoodTowns", "本町一丁目"));
        owner.submit("/reminders/outbox", "form[action=/reminders/outbox/send]", Map.of());
        owner.submit("/customers?town=本町", "#save-segment", Map.of("name", "本町のお客様"));
        useLine(owner, first);
        nights.run(shop.tenantId(), LocalDate.of(2026, 6, 10));
        return first;
    }

    /** The owner connects LINE, the clerk shows a customer their code, and the customer sends it on LINE. */
    private void useLine(WebSession owner, long customer) throws Exception {
        String secret = "cross-tenant-secret-0123456789";
        owner.submit("/settings/line", "#line-settings", Map.of("channelId", "1650000000", "channelSecret", secret,
                "accessToken", "cross-tenant-token", "sendFrom", "10:00", "sendUntil", "20:00"));
        String webhook = URI.create(owner.get("/settings/line").document().selectFirst("#line-webhook-url").text()).getPath();
        owner.submit("/line/customers/" + customer, "form[action$=/code]", Map.of());
        String code = owner.get("/line/customers/" + customer).document().selectFirst("#line-link-code").text();
        String body = "{\"events\":[{\"type\":\"message\",\"timestamp\":" + System.currentTimeMillis()
                + ",\"source\":{\"type\":\"user\",\"userId\":\"Ucross\"},\"message\":{\"type\":\"text\",\"text\":\""
                + code + "\"}}]}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(owner.url(webhook)))
                        .header("X-Line-Signature", Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8))))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    static long register(WebSession owner, String phone, String email) {
        WebSession.Page saved = owner.submit("/customers/new", "form.customer-form", Map.of("name", MARKED_NAME,
                "nameKana", "エッキョウ ミホン", "phone", phone, "email", email, "emailConsent", "true", "postalConsent", "true",
                "notADuplicate", "true"));
        return Long.parseLong(saved.path().replaceAll("\\D", ""));
    }
}
