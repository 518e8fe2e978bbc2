package jp.joren.accounts;

import java.util.List;
import java.util.Map;

import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@JorenIntegrationTest
class LoginSecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    ShopFixtures shops;

    @Autowired
    LoginAccounts loginAccounts;

    @Test
    void repeatedWrongPasswordsLockTheAccountEvenForTheRightPassword() {
        TestShop shop = shops.newShop("ロック検査店");
        for (int attempt = 1; attempt <= 5; attempt++) {
            WebSession guesser = WebSession.from("203.0.113." + attempt, port);
            assertThat(guesser.logIn(shop.ownerEmail(), "wrong-" + attempt).location()).endsWith("/login?error=bad");
        }

        WebSession owner = WebSession.from("192.0.2.50", port);
        WebSession.Page refused = owner.logIn(shop.ownerEmail(), shop.password());

        assertThat(refused.location()).endsWith("/login?error=throttled");
        WebSession.Page loginPage = owner.get("/login?error=throttled");
        assertThat(loginPage.text()).contains("ログインの失敗が続いたため");
        assertThat(loginPage.document().select("#email").attr("value")).isEqualTo(shop.ownerEmail());
    }

    @Test
    void oneClientAddressGuessingManyAccountsIsThrottled() {
        TestShop shop = shops.newShop("アドレス検査店");
        String attacker = "203.0.113.200";
        for (int attempt = 1; attempt <= 20; attempt++) {
            WebSession.from(attacker, port)
                    .logIn("nobody" + attempt + "-" + System.nanoTime() + "@example.jp", "guess");
        }

        assertThat(WebSession.from(attacker, port)
                .logIn(shop.ownerEmail(), shop.password()).location()).endsWith("/login?error=throttled");
        assertThat(WebSession.from("192.0.2.77", port)
                .logIn(shop.ownerEmail(), shop.password()).location()).endsWith("/home");
    }

    @Test
    void theSessionIdChangesAtLogin() {
        TestShop shop = shops.newShop("セッション検査店");
        WebSession owner = new WebSession(port);
        owner.get("/login");
        String before = owner.sessionCookie();

        owner.logIn(shop.ownerEmail(), shop.password());

        assertThat(before).isNotNull();
        assertThat(owner.sessionCookie()).isNotNull().isNotEqualTo(before);
    }

    @Test
    void theSessionCookieIsHttpOnlySameSiteAndSecureBehindHttps() {
        WebSession.Page plain = new WebSession(port).get("/login");
        String cookie = sessionSetCookie(plain);
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");

        WebSession.Page behindTls = WebSession.from("192.0.2.80", port).withHeader("X-Forwarded-Proto", "https").get("/login");
        assertThat(sessionSetCookie(behindTls)).contains("HttpOnly").contains("Secure");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        TestShop shop = shops.newShop("CSRF検査店");
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());

        WebSession.Page forged = owner.post("/settings", Map.of("name", "乗っ取り", "slug", "forged-shop",
                "timeZone", "Asia/Tokyo"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(owner.get("/settings").document().select("#name").attr("value")).isEqualTo("CSRF検査店");
    }

    @Test
    void passwordsAreStoredAsBcryptHashesNeverInClear() {
        TestShop shop = shops.newShop("ハッシュ検査店");
        JorenUser user = loginAccounts.loadUserByUsername(shop.ownerEmail());
        assertThat(user.getPassword()).startsWith("{bcrypt}$2").doesNotContain(shop.password());
    }

    @Test
    void onlyHealthAndInfoAreExposedByActuator() {
        WebSession anyone = new WebSession(port).withHeader("Accept", "application/json");
        assertThat(anyone.get("/actuator/health").body()).contains("\"UP\"");
        assertThat(anyone.get("/actuator/info").status()).isEqualTo(200);

        TestShop shop = shops.newShop("アクチュエータ検査店");
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        owner.withHeader("Accept", "application/json");
        for (String hidden : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/quartz")) {
            assertThat(owner.get(hidden).status()).as(hidden).isEqualTo(404);
        }
    }

    @Test
    void everyPageKeepsItsAddressFromOtherSitesAndAsksOnlyForTheCamera() {
        var headers = new WebSession(port).get("/login").response().headers();

        assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(headers.firstValue("Permissions-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("camera=(self)", "microphone=()", "geolocation=()"));
    }

    @Test
    void aRedirectStaysOnTheSiteWhateverHostTheRequestNamed() {
        TestShop shop = shops.newShop("ホスト検査店");

        WebSession.Page loggedIn = new WebSession(port).submitWithHost("evil.example", "/login",
                "form[action$=/login]", Map.of("email", shop.ownerEmail(), "password", shop.password()));

        assertThat(loggedIn.status()).isEqualTo(302);
        assertThat(loggedIn.location()).isEqualTo("/home");
    }

    private static String sessionSetCookie(WebSession.Page page) {
        return page.response().headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith("SESSION="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie set"));
    }
}
