package jp.joren.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.WebSession;
import jp.joren.tenancy.CurrentTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The login throttle holds against races, other spellings of an email and made-up client addresses. */
@JorenIntegrationTest
class LoginThrottlingTest {

    private static final String BAD = "/login?error=bad";
    private static final String THROTTLED = "/login?error=throttled";

    @LocalServerPort
    int port;

    @Autowired
    ShopFixtures shops;

    @Autowired
    StaffManagement staff;

    @Autowired
    Accounts accounts;

    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder passwords;

    @Autowired
    JdbcClient jdbc;

    @Test
    void thirtyWrongPasswordsAtOnceGetAtMostFiveCheckedAndThenTheRightOneIsRefused() throws Exception {
        TestShop shop = shops.newShop("同時攻撃の店");
        List<WebSession> guessers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // thirty clients, so that only the email's budget stands in the way
            WebSession guesser = WebSession.from("198.51.100." + (100 + i), port);
            tokens.add(guesser.csrfToken("/login"));
            guessers.add(guesser);
        }

        List<Callable<String>> attempts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            WebSession guesser = guessers.get(i);
            Map<String, String> form = Map.of("email", shop.ownerEmail(), "password", "wrong-" + i, "_csrf", tokens.get(i));
            attempts.add(() -> guesser.post("/login", form).path());
        }
        ExecutorService pool = Executors.newFixedThreadPool(30);
        List<String> answers = new ArrayList<>();
        try {
            for (Future<String> answer : pool.invokeAll(attempts)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(answers).hasSize(30).containsOnly(BAD, THROTTLED);
        assertThat(answers.stream().filter(BAD::equals).count()).as("passwords checked").isBetween(1L, 5L);
        assertThat(WebSession.from("192.0.2.31", port).logIn(shop.ownerEmail(), shop.password()).path())
                .isEqualTo(THROTTLED);
    }

    @Test
    void anotherSpellingOfTheEmailLogsIntoTheSameAccountAndSharesItsBudget() {
        String email = "victim" + System.nanoTime() + "@example.jp";
        TestShop shop = shops.newShop("綴り検査店", email);
        String dottedCapitalI = email.replace("victim", "vİctim");
        String fullWidth = email.replace("victim", "ＶＩＣＴＩＭ");

        assertThat(WebSession.from("192.0.2.40", port).logIn(dottedCapitalI, shop.password()).path())
                .as("the dotted capital İ names the same account").isEqualTo("/home");
        for (String spelling : List.of(dottedCapitalI, fullWidth, email.toUpperCase(), dottedCapitalI, fullWidth)) {
            assertThat(WebSession.from("192.0.2.41", port).logIn(spelling, "not-the-password").path()).isEqualTo(BAD);
        }

        assertThat(WebSession.from("192.0.2.42", port).logIn(email, shop.password()).path()).isEqualTo(THROTTLED);
        assertThat(WebSession.from("192.0.2.43", port).logIn(email.replace("victim", "vİctİm"), shop.password()).path())
                .isEqualTo(THROTTLED);
    }

    @Test
    void aForwardedForHeaderFromLoopbackIsNotBelieved() {
        TestShop shop = shops.newShop("なりすまし検査店");
        WebSession owner = new WebSession(port).withHeader("X-Forwarded-For", "198.51.100.99");
        assertThat(owner.logIn(shop.ownerEmail(), shop.password()).path()).isEqualTo("/home");

        String ownPage = owner.get("/staff").document().select("td a[href^=/staff/]").first().attr("href");
        assertThat(owner.get(ownPage).text()).contains("127.0.0.1").doesNotContain("198.51.100.99");
    }

    @Test
    void rotatingForwardedForHeadersFromLoopbackShareLoopbacksBudget() {
        TestShop shop = shops.newShop("回転ヘッダの店");
        try {
            for (int attempt = 1; attempt <= 20; attempt++) {
                new WebSession(port).withHeader("X-Forwarded-For", "203.0.113." + attempt)
                        .logIn("nobody" + attempt + "-" + System.nanoTime() + "@example.jp", "guess-" + attempt);
            }

            assertThat(new WebSession(port).withHeader("X-Forwarded-For", "203.0.113.99")
                    .logIn(shop.ownerEmail(), shop.password()).path()).isEqualTo(THROTTLED);
        } finally {
            // loopback is where every other test logs in from
            jdbc.sql("delete from attempt_budget where subject in ('login:127.0.0.1', 'login:0:0:0:0:0:0:0:1')").update();
        }
    }

    @Test
    void aDisabledAccountAnswersLikeAWrongPasswordUnlessThePasswordIsRightAndIsThrottledLikeAnyOther() {
        TestShop shop = shops.newShop("無効アカウントの店");
        String clerkEmail = "disabled" + System.nanoTime() + "@example.jp";
        CurrentTenant.runAs(shop.tenantId(), () -> {
            Account clerk = accounts.save(new Account(clerkEmail, passwords.encode("counter-pass-1"), "無効 店員",
                    Role.STAFF));
            staff.disable(clerk.getId());
        });

        assertThat(WebSession.from("192.0.2.60", port).logIn(clerkEmail, "wrong-password").path()).isEqualTo(BAD);
        assertThat(WebSession.from("192.0.2.61", port).logIn(clerkEmail, "counter-pass-1").path())
                .isEqualTo("/login?error=disabled");
        for (int attempt = 1; attempt <= 4; attempt++) {
            WebSession.from("192.0.2.62", port).logIn(clerkEmail, "wrong-" + attempt);
        }
        assertThat(WebSession.from("192.0.2.63", port).logIn(clerkEmail, "counter-pass-1").path()).isEqualTo(THROTTLED);
    }
}
