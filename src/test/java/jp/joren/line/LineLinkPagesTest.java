package jp.joren.line;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jp.joren.customers.ConsentChannel;
import jp.joren.customers.ConsentLedger;
import jp.joren.customers.ConsentState;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.WebSession;
import jp.joren.tenancy.CurrentTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a customer gets a link code: the page after signing up on the public page, and the clerk's customer page. */
@JorenIntegrationTest
class LineLinkPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    LineShop.Opener opener;
    @Autowired
    ConsentLedger ledger;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewCustomerSeesALinkCodeAfterSigningUpAndSendingItOnLineLinksThem() throws Exception {
        LineShop shop = opener.open("公開ページの店");
        String slug = shop.inShop(() -> jdbc.sql("select slug from shop").query(String.class).single());
        WebSession visitor = WebSession.from("203.0.113." + (System.nanoTime() % 200), port);
        String email = "line" + System.nanoTime() + "@example.jp";

        WebSession.Page thanks = join(visitor, slug, Map.of("name", "西村 茜", "nameKana", "ニシムラ アカネ",
                "email", email, "emailConsent", "true"));
        String code = visitor.get(URI.create(thanks.location()).getPath()).document().select("#line-link-code").text();
        assertThat(code).matches("[A-Z2-9]{8}");

        String user = "U" + UUID.randomUUID().toString().replace("-", "");
        Map.Entry<String, String> signed = LineWebhookTest.signed(LineWebhookTest.message(user, code, System.currentTimeMillis()));
        HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/line/webhook/" + shop.webhookKey))
                        .header("X-Line-Signature", signed.getValue())
                        .POST(HttpRequest.BodyPublishers.ofString(signed.getKey(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(answer.statusCode()).isEqualTo(200);
        long customer = shop.inShop(() -> jdbc.sql("select id from customer where email = ?").param(email)
                .query(Long.class).single());
        assertThat(CurrentTenant.callAs(shop.shop.tenantId(), () -> ledger.current(customer)).get(ConsentChannel.LINE))
                .isEqualTo(ConsentState.GRANTED);

        // someone signing up again with that customer's address is not handed a code into their record
        WebSession stranger = WebSession.from("198.51.100." + (System.nanoTime() % 200), port);
        WebSession.Page again = join(stranger, slug, Map.of("name", "なりすまし", "nameKana", "ナリスマシ",
                "email", email, "emailConsent", "true"));
        assertThat(stranger.get(URI.create(again.location()).getPath()).document().select("#line-link-code")).isEmpty();
    }

    @Test
    void theClerkIssuesACodeOnTheCustomersLinePageButNotForAnotherShopsCustomer() {
        LineShop shop = opener.open("店頭の店");
        long customer = shop.customer("店頭 太郎");
        LineShop other = opener.open("よその店");
        long theirs = other.customer("よその 花子");
        WebSession owner = new WebSession(port);
        owner.logIn(shop.shop.ownerEmail(), shop.shop.password());
        WebSession clerk = owner.newClerk("店員 次郎");

        assertThat(clerk.get("/customers/" + customer).document().select("#line-link").attr("href"))
                .isEqualTo("/line/customers/" + customer);
        assertThat(clerk.get("/line/customers/" + customer).document().select("#line-link-code")).isEmpty();
        WebSession.Page issued = clerk.submit("/line/customers/" + customer, "form[action$=/code]", Map.of());
        assertThat(issued.status()).isEqualTo(302);
        assertThat(clerk.get("/line/customers/" + customer).document().select("#line-link-code").text())
                .matches("[A-Z2-9]{8}");

        assertThat(clerk.get("/line/customers/" + theirs).status()).isEqualTo(404);
        assertThat(clerk.post("/line/customers/" + theirs + "/code",
                Map.of("_csrf", clerk.csrfToken("/line/customers/" + customer))).status()).isEqualTo(404);
        assertThat(other.inShop(() -> jdbc.sql("select count(*) from line_link_code").query(Long.class).single())).isZero();
    }

    private static WebSession.Page join(WebSession visitor, String slug, Map<String, String> fields) {
        Map<String, String> all = new HashMap<>(fields);
        all.putIfAbsent("website", "");
        return visitor.submit("/join/" + slug, "form.join-form", all);
    }
}
