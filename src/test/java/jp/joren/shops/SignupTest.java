package jp.joren.shops;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@JorenIntegrationTest
class SignupTest {

    @LocalServerPort
    int port;

    @Test
    void aVisitorCreatesAShopAndLandsOnItsHomePageAsTheOwner() {
        WebSession visitor = new WebSession(port);
        String email = "hanako" + System.nanoTime() + "@example.jp";

        WebSession.Page created = visitor.submit("/signup", "form[action=/signup]", Map.of(
                "shopName", "はなこ金物店", "ownerName", "山田花子", "email", email,
                "password", "kanamono-2026", "timeZone", "Asia/Tokyo"));

        assertThat(created.status()).isEqualTo(302);
        assertThat(created.location()).endsWith("/home");
        WebSession.Page home = visitor.open("/home");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.document().select("h1").text()).isEqualTo("はなこ金物店");
        assertThat(home.document().select("nav a[href=/settings]")).hasSize(1);
        assertThat(visitor.open("/settings").status()).isEqualTo(200);
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
    void anEmailCanOpenOnlyOneAccount() {
        WebSession first = new WebSession(port);
        String email = "taken" + System.nanoTime() + "@example.jp";
        Map<String, String> fields = Map.of("shopName", "一号店", "ownerName", "佐藤", "email", email,
                "password", "kanamono-2026", "timeZone", "Asia/Tokyo");
        assertThat(first.submit("/signup", "form[action=/signup]", fields).status()).isEqualTo(302);

        WebSession.Page second = new WebSession(port).submit("/signup", "form[action=/signup]",
                Map.of("shopName", "二号店", "ownerName", "佐藤", "email", email.toUpperCase(),
                        "password", "kanamono-2026", "timeZone", "Asia/Tokyo"));

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text()).contains("このメールアドレスは使えません。");
    }

    @Test
    void aCommonPasswordIsRefusedWithAClearMessageAndTheRulesAreShownBeforehand() {
        WebSession visitor = WebSession.from("192.0.2.91", port);
        assertThat(visitor.get("/signup").document().select("#password-rules").text()).contains("10文字以上");

        for (String common : List.of("1234567890", "password2026", "qwertyuiop!", "aaaaaaaaaaaa")) {
            WebSession.Page page = visitor.submit("/signup", "form[action=/signup]", Map.of("shopName", "よくある店",
                    "ownerName", "佐藤", "email", "common" + System.nanoTime() + "@example.jp", "password", common,
                    "timeZone", "Asia/Tokyo"));

            assertThat(page.status()).as(common).isEqualTo(200);
            assertThat(page.document().select("#password ~ .error").text()).as(common)
                    .isEqualTo("このパスワードはよく使われていて推測されやすいため使えません。ほかの人が思いつかない言葉を組み合わせてください。");
        }
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
