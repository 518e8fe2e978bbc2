package jp.joren.accounts;

import java.util.Map;

import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@JorenIntegrationTest
class StaffAccountsTest {

    @LocalServerPort
    int port;

    @Autowired
    ShopFixtures shops;

    TestShop shop;
    WebSession owner;
    String staffEmail;
    String staffPath;

    @BeforeEach
    void aShopWithOneStaff() {
        shop = shops.newShop("さくら台所道具");
        owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        staffEmail = "clerk" + System.nanoTime() + "@example.jp";
        WebSession.Page created = owner.submit("/staff/new", "form[action=/staff]",
                Map.of("displayName", "鈴木 店員", "email", staffEmail, "password", "counter-pass-1"));
        assertThat(created.status()).isEqualTo(302);
        staffPath = created.path();
    }

    @Test
    void staffAreRefusedTheOwnersPagesWithAProper403Page() {
        WebSession staff = new WebSession(port);
        assertThat(staff.logIn(staffEmail, "counter-pass-1").location()).endsWith("/home");

        for (String ownerPage : new String[] {"/settings", "/staff", "/staff/new", staffPath}) {
            WebSession.Page refused = staff.get(ownerPage);
            assertThat(refused.status()).as(ownerPage).isEqualTo(403);
            assertThat(refused.document().title()).isEqualTo("このページを開く権限がありません");
            assertThat(refused.text()).contains("このページはお店のオーナーだけが使えます。");
        }
        WebSession.Page home = staff.get("/home");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.document().select("nav a[href=/settings], nav a[href=/staff]")).isEmpty();
    }

    @Test
    void theOwnerSeesWhenEachAccountLastLoggedIn() {
        assertThat(owner.get("/staff").document().select("tr:contains(鈴木 店員)").text()).contains("ログイン記録なし");

        WebSession.from("198.51.100.23", port).logIn(staffEmail, "counter-pass-1");

        assertThat(owner.get("/staff").document().select("tr:contains(鈴木 店員)").text())
                .doesNotContain("ログイン記録なし").containsPattern("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}");
        assertThat(owner.get(staffPath).text()).contains("198.51.100.23");
    }

    @Test
    void aDisabledStaffIsLoggedOutAtOnceAndCannotLogInAgain() {
        WebSession staff = new WebSession(port);
        staff.logIn(staffEmail, "counter-pass-1");
        assertThat(staff.get("/home").status()).isEqualTo(200);

        owner.submit(staffPath, "form[action$=/disable]", Map.of());

        assertThat(owner.get(staffPath).document().select("#account-state").text()).isEqualTo("無効");
        assertThat(staff.get("/home").status()).isEqualTo(302);
        WebSession.Page again = new WebSession(port).logIn(staffEmail, "counter-pass-1");
        assertThat(again.location()).endsWith("/login?error=disabled");

        owner.submit(staffPath, "form[action$=/enable]", Map.of());
        assertThat(new WebSession(port).logIn(staffEmail, "counter-pass-1").location()).endsWith("/home");
    }

    @Test
    void theOwnerResetsAStaffPassword() {
        WebSession.Page tooShort = owner.submit(staffPath, "form[action$=/password]", Map.of("password", "short"));
        assertThat(tooShort.text()).contains("パスワードは10文字以上128文字以内で入力してください。");
        WebSession.Page common = owner.submit(staffPath, "form[action$=/password]", Map.of("password", "password1234"));
        assertThat(common.text()).contains("このパスワードはよく使われていて推測されやすいため使えません。");

        owner.submit(staffPath, "form[action$=/password]", Map.of("password", "brand-new-pass"));

        assertThat(new WebSession(port).logIn(staffEmail, "counter-pass-1").location()).endsWith("/login?error=bad");
        assertThat(new WebSession(port).logIn(staffEmail, "brand-new-pass").location()).endsWith("/home");
    }

    @Test
    void aResetPasswordLogsTheClerkOutButTheOwnerResettingTheirOwnStaysIn() {
        WebSession staff = new WebSession(port);
        staff.logIn(staffEmail, "counter-pass-1");
        owner.submit(staffPath, "form[action$=/password]", Map.of("password", "brand-new-pass"));
        assertThat(staff.get("/home").status()).isEqualTo(302);

        String ownPath = owner.get("/staff").document().select("tr:contains(店主) a").attr("href");
        owner.submit(ownPath, "form[action$=/password]", Map.of("password", "owner-new-pass"));

        assertThat(owner.get("/home").status()).isEqualTo(200);
        assertThat(new WebSession(port).logIn(shop.ownerEmail(), "owner-new-pass").location()).endsWith("/home");
    }

    @Test
    void theOwnerCannotReuseAnEmailThatAlreadyLogsIn() {
        WebSession.Page page = owner.submit("/staff/new", "form[action=/staff]",
                Map.of("displayName", "二人目", "email", staffEmail, "password", "counter-pass-2"));
        WebSession.Page otherSpelling = owner.submit("/staff/new", "form[action=/staff]",
                Map.of("displayName", "三人目", "email", staffEmail.toUpperCase(), "password", "counter-pass-2"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("このメールアドレスは使えません。");
        assertThat(page.document().select("#displayName").attr("value")).isEqualTo("二人目");
        assertThat(otherSpelling.text()).contains("このメールアドレスは使えません。");
    }

    @Test
    void aShopCanAddOnlyTwentyAccountsADaySoNoOneProbesEveryShopsEmails() {
        for (int attempt = 1; attempt <= 19; attempt++) {
            owner.submit("/staff/new", "form[action=/staff]",
                    Map.of("displayName", "", "email", "probe" + attempt + "@example.jp", "password", "counter-pass-2"));
        }

        WebSession.Page refused = owner.submit("/staff/new", "form[action=/staff]", Map.of("displayName", "二十一人目",
                "email", "late" + System.nanoTime() + "@example.jp", "password", "counter-pass-2"));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text()).contains("スタッフの追加が続いたため、しばらく追加できません。");
    }

    @Test
    void theLanguageChosenByAStaffIsRememberedAtTheNextLogin() {
        WebSession staff = new WebSession(port);
        staff.logIn(staffEmail, "counter-pass-1");
        assertThat(staff.get("/home").document().select("nav").text()).contains("ホーム");

        staff.submit("/home", "form.language", Map.of("lang", "en"));
        assertThat(staff.get("/home").document().select("nav").text()).contains("Home");
        staff.submit("/home", "form[action=/logout]", Map.of());

        WebSession later = new WebSession(port);
        later.logIn(staffEmail, "counter-pass-1");
        assertThat(later.get("/home").document().select("html").attr("lang")).isEqualTo("en");
        assertThat(later.get("/home").document().select("nav").text()).contains("Home").doesNotContain("ホーム");
        assertThat(owner.get("/home").document().select("nav").text()).contains("ホーム");
    }
}
