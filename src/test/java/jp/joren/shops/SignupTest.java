package jp.joren.shops;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.TestMailbox;
import jp.joren.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@JorenIntegrationTest
class SignupTest {

    private static final Pattern CONFIRM_LINK = Pattern.compile("https?://\\S+/signup/confirm\\?token=[A-Za-z0-9_-]+");

    @LocalServerPort
    int port;

    @Value("${joren.public-url}")
    String publicUrl;

    @Autowired
    ShopFixtures shops;

    @Test
    void aVisitorOpensAShopThroughTheEmailedLinkOnceAndLandsOnItsHomePageAsTheOwner() {
        WebSession visitor = WebSession.from("192.0.2.94", port);
        String email = "hanako" + System.nanoTime() + "@example.jp";

        // a Host header of the sender's choosing changes nothing in the emailed link
        WebSession.Page asked = visitor.submitWithHost("evil.example", "/signup", "form[action=/signup]", Map.of(
                "shopName", "はなこ金物店", "ownerName", "山田花子", "email", email,
                "password", "kanamono-2026", "timeZone", "Asia/Tokyo"));

        assertThat(asked.location()).isEqualTo("/signup/sent");
        assertThat(visitor.get("/signup/sent").text()).contains("確認のメールをお送りしました");
        assertThat(visitor.get("/home").status()).as("no shop before the email is confirmed").isEqualTo(302);
        String link = link(TestMailbox.get().to(email), CONFIRM_LINK);
        assertThat(link).startsWith(publicUrl + "/signup/confirm?token=");
        String path = link.substring(publicUrl.length());

        WebSession.Page created = visitor.submit(path, "form[action=/signup/confirm]", Map.of());

        assertThat(created.status()).isEqualTo(302);
        assertThat(created.location()).isEqualTo("/home");
        WebSession.Page home = visitor.open("/home");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.document().select("h1").text()).isEqualTo("はなこ金物店");
        assertThat(home.document().select("nav a[href=/settings]")).hasSize(1);
        assertThat(visitor.open("/settings").status()).isEqualTo(200);
        assertThat(visitor.get(path).document().select("#signup-invalid").text()).as("the link works once")
                .contains("このリンクは使えません。");
    }

    @Test
    void badInputIsExplainedInJapaneseAndWhatWasTypedIsKept() {
        WebSession visitor = new WebSession(port);
        Map<String, String> fields = new HashMap<>(Map.of("shopName", "魚屋さかな", "ownerName", "",
                "email", "not-an-email", "password", "short", "timeZone", "Asia/Tokyo"));

        WebSession.Page page = visitor.submit("/signup", "form[action=/signup]", fields);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("#shopName").attr("value")).isEqualTo("魚屋さかな");
        assertThat(page.document().select("#email").attr("value")).isEqualTo("not-an-email");
        assertThat(page.text()).contains("入力してください。", "メールアドレスの形式が正しくありません。",
                "パスワードは10文字以上128文字以内で入力してください。");
    }

    @Test
    void aRegisteredEmailGetsTheSameAnswerAndItsOwnerANoteInsteadOfASecondShop() {
        TestShop existing = shops.newShop("一号店");
        WebSession stranger = WebSession.from("192.0.2.95", port);

        WebSession.Page asked = stranger.submit("/signup", "form[action=/signup]", Map.of("shopName", "二号店",
                "ownerName", "佐藤", "email", existing.ownerEmail().toUpperCase(), "password", "kanamono-2026",
                "timeZone", "Asia/Tokyo"));

        assertThat(asked.location()).isEqualTo("/signup/sent");
        List<Message> mails = TestMailbox.get().to(existing.ownerEmail());
        assertThat(mails).hasSize(1);
        String note = TestMailbox.body(mails.get(0));
        assertThat(note).contains("すでに Joren のアカウントに使われています", publicUrl + "/login",
                publicUrl + "/password-reset").doesNotContain("/signup/confirm");
        assertThat(WebSession.from("192.0.2.96", port).logIn(existing.ownerEmail(), "kanamono-2026").path())
                .as("the stranger's password opens nothing").isEqualTo("/login?error=bad");
    }

    @Test
    void aCommonPasswordIsRefusedWithAClearMessageAndTheRulesAreShownBeforehand() {
        WebSession visitor = WebSession.from("192.0.2.91", port);
        var form = visitor.get("/signup").document();
        assertThat(form.select("#password-rules").text()).contains("10文字以上");
        assertThat(form.select("input:not([type=hidden])")).as("one input per field").hasSize(4);

        for (String common : List.of("1234567890", "password2026", "qwertyuiop!", "aaaaaaaaaaaa")) {
            WebSession.Page page = visitor.submit("/signup", "form[action=/signup]", Map.of("shopName", "よくある店",
                    "ownerName", "佐藤", "email", "common" + System.nanoTime() + "@example.jp", "password", common,
                    "timeZone", "Asia/Tokyo"));

            assertThat(page.status()).as(common).isEqualTo(200);
            assertThat(page.document().select("#password ~ .error").text()).as(common)
                    .isEqualTo("このパスワードはよく使われていて推測されやすいため使えません。ほかの人が思いつかない言葉を組み合わせてください。");
        }
    }

    private static String link(List<Message> mails, Pattern pattern) {
        assertThat(mails).hasSize(1);
        Matcher link = pattern.matcher(TestMailbox.body(mails.get(0)));
        assertThat(link.find()).as("a link in the email").isTrue();
        return link.group();
    }

    @Test
    void oneClientAddressCanTryOnlyTenSignUpsAnHour() {
        WebSession visitor = WebSession.from("192.0.2.92", port);
        for (int attempt = 1; attempt <= 10; attempt++) {
            visitor.submit("/signup", "form[action=/signup]", Map.of("shopName", "", "ownerName", "佐藤",
                    "email", "probe" + attempt + "@example.jp", "password", "kanamono-2026", "timeZone", "Asia/Tokyo"));
        }

        WebSession.Page refused = visitor.submit("/signup", "form[action=/signup]", Map.of("shopName", "十一号店",
                "ownerName", "佐藤", "email", "eleventh" + System.nanoTime() + "@example.jp",
                "password", "kanamono-2026", "timeZone", "Asia/Tokyo"));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.text()).contains("お店の登録が続いたため、しばらくお受けできません。");
        assertThat(WebSession.from("192.0.2.93", port).submit("/signup", "form[action=/signup]", Map.of(
                "shopName", "別の店", "ownerName", "佐藤", "email", "other" + System.nanoTime() + "@example.jp",
                "password", "kanamono-2026", "timeZone", "Asia/Tokyo")).status()).isEqualTo(302);
    }
}
