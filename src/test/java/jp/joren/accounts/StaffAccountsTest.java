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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(owner.open(created.path()).document().select("#staff-invitations").text()).contains(staffEmail);
        assertThat(new WebSession(port).acceptInvitation(staffEmail).path()).isEqualTo("/login?joined");
        staffPath = owner.get("/staff").document().select("tr:contains(鈴木 店員) a").attr("href");
        assertThat(staffPath).matches("/staff/\\d+");
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
        assertThat(page.text()).contains("このメールアドレスは、このお店のアカウントですでに使われています。");
        assertThat(page.document().select("#displayName").attr("value")).isEqualTo("二人目");
        assertThat(otherSpelling.text()).contains("このお店のアカウントですでに使われています。");
    }

    @Test
    void addingAnAddressThatHasAnAccountInAnotherShopAnswersLikeAnyOtherAndCreatesNothing() {
        TestShop other = shops.newShop("よその店");
        String fresh = "fresh" + System.nanoTime() + "@example.jp";
        WebSession.Page taken = owner.submit("/staff/new", "form[action=/staff]",
                Map.of("displayName", "よそ 店主", "email", other.ownerEmail(), "password", "counter-pass-2"));
        WebSession.Page free = owner.submit("/staff/new", "form[action=/staff]",
                Map.of("displayName", "新しい 店員", "email", fresh, "password", "counter-pass-2"));

        assertThat(taken.status()).isEqualTo(free.status()).isEqualTo(302);
        assertThat(taken.path()).isEqualTo(free.path());
        WebSession.Page list = owner.open(taken.path());
        assertThat(list.text()).contains("確認メールを送りました。");
        assertThat(list.document().select("#staff-invitations tr.invitation").eachText())
                .anySatisfy(row -> assertThat(row).contains(other.ownerEmail()))
                .anySatisfy(row -> assertThat(row).contains(fresh));

        String note = jp.joren.support.TestMailbox.body(jp.joren.support.TestMailbox.get().to(other.ownerEmail()).get(0));
        assertThat(note).contains("すでに Joren のアカウントで使われているため").doesNotContain("/invitation?token=");
        assertThatThrownBy(() -> new WebSession(port).acceptInvitation(other.ownerEmail())).hasMessageContaining("No invitation link");
        assertThat(new WebSession(port).logIn(other.ownerEmail(), "counter-pass-2").path()).startsWith("/login?error");
    }

    @Test
    void anInvitationLinkWorksOnce() {
        String email = "once" + System.nanoTime() + "@example.jp";
        owner.submit("/staff/new", "form[action=/staff]",
                Map.of("displayName", "一度 だけ", "email", email, "password", "counter-pass-3"));
        WebSession invited = new WebSession(port);
        assertThat(invited.acceptInvitation(email).path()).isEqualTo("/login?joined");
        assertThatThrownBy(() -> invited.acceptInvitation(email)).hasMessageContaining("このリンクは使えません");
        assertThat(new WebSession(port).logIn(email, "counter-pass-3").location()).endsWith("/home");
        assertThat(owner.get("/staff").document().select("#staff-invitations")).isEmpty();
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
