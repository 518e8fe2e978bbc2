package jp.joren.accounts;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.TestMailbox;
import jp.joren.support.WebSession;
import jp.joren.tenancy.CurrentTenant;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** "Forgot your password?": a link by email, from the public address, that works once and for an hour. */
@JorenIntegrationTest
class PasswordResetTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/password-reset/choose\\?token=[A-Za-z0-9_-]+");
    private static final String REQUEST_FORM = "form[action=/password-reset]";
    private static final String CHOOSE_FORM = "form[action=/password-reset/choose]";
    private static final String NEW_PASSWORD = "hanabi-no-yoru-7";

    @LocalServerPort
    int port;

    @Value("${joren.public-url}")
    String publicUrl;

    @Autowired
    ShopFixtures shops;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aForgottenPasswordIsSetAgainThroughTheEmailedLinkOnceAndOtherSessionsEnd() {
        TestShop shop = shops.newShop("再設定の店");
        WebSession elsewhere = WebSession.from("192.0.2.70", port);
        assertThat(elsewhere.logIn(shop.ownerEmail(), shop.password()).path()).isEqualTo("/home");
        // a proxy passing on a Host of the sender's choosing changes nothing in the link
        WebSession person = WebSession.from("192.0.2.71", port).withHeader("X-Forwarded-Host", "evil.example");

        Element forgot = person.get("/login").document().selectFirst("a#forgot-password");
        assertThat(forgot.text()).isEqualTo("パスワードをお忘れですか？");
        WebSession.Page asked = person.submit(forgot.attr("href"), REQUEST_FORM, Map.of("email", shop.ownerEmail()));
        assertThat(asked.path()).isEqualTo("/password-reset/sent");
        assertThat(person.get(asked.path()).text()).contains("アカウントがある場合は", "有効期限は1時間");

        String link = link(TestMailbox.get().to(shop.ownerEmail()));
        assertThat(link).startsWith(publicUrl + "/password-reset/choose?token=");
        String path = link.substring(publicUrl.length());

        WebSession.Page weak = person.submit(path, CHOOSE_FORM, Map.of("password", "password2026"));
        assertThat(weak.status()).isEqualTo(200);
        assertThat(weak.text()).contains("このパスワードはよく使われていて推測されやすいため使えません。");

        WebSession.Page changed = person.submit(path, CHOOSE_FORM, Map.of("password", NEW_PASSWORD));
        assertThat(changed.path()).isEqualTo("/login?reset");
        assertThat(person.get(changed.path()).text()).contains("パスワードを変更しました。");

        assertThat(person.get(path).text()).as("the link works once").contains("このリンクは使えません。");
        WebSession.Page again = person.post("/password-reset/choose", Map.of("token", token(link),
                "password", "mou-ichido-kaeru-8", "_csrf", person.csrfToken("/password-reset")));
        assertThat(again.text()).contains("このリンクは使えません。");

        assertThat(elsewhere.get("/home").status()).as("the session opened before the reset ended").isEqualTo(302);
        assertThat(WebSession.from("192.0.2.72", port).logIn(shop.ownerEmail(), shop.password()).path())
                .isEqualTo("/login?error=bad");
        assertThat(WebSession.from("192.0.2.73", port).logIn(shop.ownerEmail(), NEW_PASSWORD).path()).isEqualTo("/home");
    }

    @Test
    void aLinkOlderThanAnHourSetsNothing() {
        TestShop shop = shops.newShop("期限切れの店");
        WebSession person = WebSession.from("192.0.2.74", port);
        person.submit("/password-reset", REQUEST_FORM, Map.of("email", shop.ownerEmail()));
        String link = link(TestMailbox.get().to(shop.ownerEmail()));
        // the times are passed in: a distributed database (Citus) refuses time arithmetic on columns in an update
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        CurrentTenant.runAs(shop.tenantId(), () -> transaction.executeWithoutResult(status -> jdbc.sql("""
                        update password_reset set created_at = :created, expires_at = :expires
                         where tenant_id = :shop""").param("created", now.minusMinutes(61))
                .param("expires", now.minusMinutes(1)).param("shop", shop.tenantId()).update()));

        String path = link.substring(publicUrl.length());
        assertThat(person.get(path).text()).contains("このリンクは使えません。");
        WebSession.Page refused = person.post("/password-reset/choose", Map.of("token", token(link),
                "password", NEW_PASSWORD, "_csrf", person.csrfToken("/password-reset")));
        assertThat(refused.text()).contains("このリンクは使えません。");
        assertThat(WebSession.from("192.0.2.75", port).logIn(shop.ownerEmail(), shop.password()).path())
                .isEqualTo("/home");
    }

    @Test
    void anEmailWithoutAnAccountGetsTheSameAnswerAndNoEmail() {
        TestShop shop = shops.newShop("同じ答えの店");
        String nobody = "nobody" + System.nanoTime() + "@example.jp";
        WebSession person = WebSession.from("192.0.2.76", port);

        WebSession.Page forNobody = person.submit("/password-reset", REQUEST_FORM, Map.of("email", nobody));
        WebSession.Page forTheOwner = person.submit("/password-reset", REQUEST_FORM, Map.of("email", shop.ownerEmail()));

        assertThat(forNobody.path()).isEqualTo(forTheOwner.path()).isEqualTo("/password-reset/sent");
        assertThat(TestMailbox.get().to(shop.ownerEmail())).hasSize(1);
        assertThat(TestMailbox.get().to(nobody)).isEmpty();
    }

    @Test
    void oneEmailGetsAtMostThreeLinksAnHour() throws InterruptedException {
        TestShop shop = shops.newShop("申し込み制限の店");
        for (int request = 1; request <= 5; request++) {
            WebSession.from("192.0.2." + (80 + request), port)
                    .submit("/password-reset", REQUEST_FORM, Map.of("email", shop.ownerEmail().toUpperCase()));
        }

        assertThat(TestMailbox.get().to(shop.ownerEmail())).isNotEmpty();
        Thread.sleep(2000); // the links are sent after the answer
        assertThat(TestMailbox.get().to(shop.ownerEmail())).hasSize(3);
    }

    @Test
    void oneClientAddressCanAskTenTimesAnHour() throws InterruptedException {
        TestShop shop = shops.newShop("アドレス制限の店");
        WebSession prober = WebSession.from("192.0.2.90", port);
        for (int request = 1; request <= 10; request++) {
            prober.submit("/password-reset", REQUEST_FORM, Map.of("email", "probe" + request + "-" + System.nanoTime()
                    + "@example.jp"));
        }
        Thread.sleep(2000); // the ten are counted after their answers

        WebSession.Page eleventh = prober.submit("/password-reset", REQUEST_FORM, Map.of("email", shop.ownerEmail()));

        assertThat(eleventh.path()).as("the same answer").isEqualTo("/password-reset/sent");
        assertThat(TestMailbox.get().to(shop.ownerEmail())).isEmpty();
        WebSession.from("192.0.2.91", port).submit("/password-reset", REQUEST_FORM, Map.of("email", shop.ownerEmail()));
        assertThat(TestMailbox.get().to(shop.ownerEmail())).hasSize(1);
    }

    private static String link(List<Message> mails) {
        assertThat(mails).hasSize(1);
        Matcher link = LINK.matcher(TestMailbox.body(mails.get(0)));
        assertThat(link.find()).as("a reset link in the email").isTrue();
        return link.group();
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }
}
