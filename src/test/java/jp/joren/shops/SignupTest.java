package jp.joren.shops;

import java.util.HashMap;
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
                "パスワードは8文字以上128文字以内で入力してください。");
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
        assertThat(second.text()).contains("このメールアドレスはすでに登録されています。");
    }
}
