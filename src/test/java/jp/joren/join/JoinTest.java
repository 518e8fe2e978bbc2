package jp.joren.join;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.CounterFixtures;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.ShopWork;
import jp.joren.support.TestMailbox;
import jp.joren.support.WebSession;
import jp.joren.tenancy.CurrentTenant;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Customers sign themselves up on the shop's public page; email consent counts once they confirm. */
@JorenIntegrationTest
class JoinTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/join/\\S+/confirm\\?token=[A-Za-z0-9_-]+");

    @LocalServerPort
    int port;

    @Value("${joren.public-url}")
    String publicUrl;

    @Autowired
    ShopFixtures shops;

    @Autowired
    CounterFixtures counter;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ShopWork shopWork;

    TestShop shop;
    String slug;
    WebSession visitor;
    String email;

    @BeforeEach
    void aShopWithAPublicPage() {
        shop = shops.newShop("登録の店");
        counter.kitchen(shop);
        slug = shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select slug from shop").query(String.class).single());
        visitor = WebSession.from("203.0.113." + (System.nanoTime() % 200), port);
        email = "visitor" + System.nanoTime() + "@example.jp";
    }

    @Test
    void emailConsentIsPendingUntilTheLinkIsConfirmedAndTheLinkWorksOnce() throws Exception {
        WebSession.Page page = visitor.get("/join/" + slug);
        assertThat(page.text()).contains("登録の店 会員登録").contains("個人情報の利用目的");
        assertThat(page.document().select("input[name=emailConsent]").hasAttr("checked")).isFalse();
        // the customer signs up with the shop, not with Joren
        assertThat(page.document().select("#public-shop").text()).isEqualTo("登録の店");
        assertThat(page.text()).doesNotContain("Joren");

        WebSession.Page thanks = join(Map.of("name", "西村 茜", "nameKana", "にしむら あかね", "email", email,
                "phone", "090-4444-5555", "emailConsent", "true", "postalConsent", "true"));
        assertThat(visitor.open(path(thanks)).text()).contains("確認のメールをお送りしました");
        assertThat(emailConsentState()).isEqualTo("PENDING");

        List<Message> mails = TestMailbox.get().to(email);
        assertThat(mails).hasSize(1);
        // it comes from the shop, by its name (this shop set no sender name of its own)
        assertThat(((jakarta.mail.internet.InternetAddress) mails.get(0).getFrom()[0]).getPersonal()).isEqualTo("登録の店");
        String link = link(mails.get(0));
        String confirmPath = link.replaceFirst("^https?://[^/]+", "");
        WebSession.Page confirmPage = visitor.get(confirmPath);
        assertThat(confirmPage.text()).contains("メールアドレスを確認する");
        assertThat(emailConsentState()).as("opening the link alone confirms nothing").isEqualTo("PENDING");

        WebSession.Page confirmed = visitor.submit(confirmPath, "form[action$=/confirm]", Map.of());
        assertThat(confirmed.document().select("#confirm-result").text()).contains("確認できました");
        assertThat(emailConsentState()).isEqualTo("GRANTED");
        assertThat(shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select count(*) from consent where channel = 'POSTAL' and granted")
                .query(Long.class).single())).isEqualTo(1);

        WebSession.Page again = visitor.post("/join/" + slug + "/confirm", Map.of("_csrf", visitor.csrfToken("/join/" + slug),
                "token", confirmPath.replaceFirst(".*token=", "")));
        assertThat(again.document().select("#confirm-result").text()).contains("すでに確認済み");
        assertThat(shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select count(*) from consent where method = 'PUBLIC_PAGE_CONFIRMED'")
                .query(Long.class).single())).isEqualTo(1);
    }

    @Test
    void anExpiredOrMadeUpLinkGetsAFriendlyPage() {
        join(Map.of("name", "西村 茜", "nameKana", "ニシムラ アカネ", "email", email, "emailConsent", "true"));
        String confirmPath = link(TestMailbox.get().to(email).get(0)).replaceFirst("^https?://[^/]+", "");
        shopWork.inShop(shop.tenantId(), () -> jdbc.sql("update join_confirmation set expires_at = now() - interval '1 minute'").update());

        assertThat(visitor.get(confirmPath).document().select("#confirm-result").text()).contains("有効期限が切れています");
        assertThat(visitor.get("/join/" + slug + "/confirm?token=made-up").document().select("#confirm-result").text())
                .contains("このリンクは使えません");
        assertThat(emailConsentState()).isEqualTo("PENDING");
    }

    @Test
    void signingUpAgainWithTheSameEmailMakesNoSecondCustomerAndSendsANewLink() {
        join(Map.of("name", "西村 茜", "nameKana", "ニシムラ アカネ", "email", email, "emailConsent", "true"));
        WebSession.Page again = join(Map.of("name", "にしむら あかね", "nameKana", "ニシムラ アカネ", "email", email.toUpperCase(),
                "emailConsent", "true"));
        assertThat(visitor.open(path(again)).text()).contains("確認のメールをお送りしました");
        assertThat(shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select count(*) from customer").query(Long.class).single())).isEqualTo(1);
        assertThat(TestMailbox.get().to(email, 2)).as("a fresh link each time").hasSize(2);
    }

    @Test
    void mistakesAreShownInJapaneseNextToTheFieldAndKept() {
        WebSession.Page page = join(Map.of("name", "", "nameKana", "Akane", "email", "not-an-address",
                "emailConsent", "true", "modelNumber", "XX-0", "postalCode", "1234"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(errorOf(page, "name")).isEqualTo("入力してください。");
        assertThat(errorOf(page, "nameKana")).isEqualTo("フリガナはカタカナかひらがなで入力してください。");
        assertThat(errorOf(page, "email")).isEqualTo("メールアドレスの形式が正しくありません。");
        assertThat(errorOf(page, "modelNumber")).startsWith("この型番の製品が見つかりません");
        assertThat(errorOf(page, "purchasedOn")).isEqualTo("ご購入日を入力してください。");
        assertThat(page.document().select("input[name=nameKana]").val()).isEqualTo("Akane");
        assertThat(shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select count(*) from customer").query(Long.class).single())).isZero();
    }

    @Test
    void aCustomerRegistersTheirPressureCookerAndItsPartsBecomeDue() {
        join(Map.of("name", "北川 蓮", "nameKana", "キタガワ レン", "phone", "090-7000-8000", "modelNumber", "pc-100",
                "purchasedOn", "2025-06-01"));
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        long id = shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select id from customer").query(Long.class).single());
        WebSession.Page page = owner.get("/customers/" + id);
        assertThat(page.document().select(".owned-product").text()).contains("型番 PC-100").contains("2025年6月1日 ご購入")
                .contains("GK-100");
        assertThat(page.document().select("#consent details").text()).contains("公開ページから登録");
    }

    @Test
    void aBotThatFillsTheHiddenFieldIsThankedAndForgotten() {
        WebSession.Page page = join(Map.of("name", "bot", "nameKana", "ボット", "email", email, "website", "http://spam"));
        assertThat(page.location()).endsWith("/thanks");
        assertThat(shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select count(*) from customer").query(Long.class).single())).isZero();
    }

    @Test
    void manySignUpsFromOneAddressAreSlowedDown() {
        WebSession.Page last = null;
        for (int i = 0; i < 6; i++) {
            last = join(Map.of("name", "連続 " + i, "nameKana", "レンゾク", "phone", "090-1111-00" + (10 + i)));
        }
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.text()).contains("受け付けを一時停止しています");
        assertThat(shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select count(*) from customer").query(Long.class).single())).isEqualTo(5);
    }

    @Test
    void rotatingForwardedForHeadersFromLoopbackDoNotEscapeTheLimit() {
        WebSession direct = new WebSession(port);
        int thanked = 0;
        for (int i = 0; i < 12; i++) {
            direct.withHeader("X-Forwarded-For", "198.51.100." + (10 + i));
            WebSession.Page page = direct.submit("/join/" + slug, "form.join-form", Map.of("name", "回転 " + i,
                    "nameKana", "カイテン", "email", "rotating" + i + "-" + System.nanoTime() + "@example.jp",
                    "emailConsent", "true", "website", ""));
            thanked += page.status() == 302 ? 1 : 0;
        }

        assertThat(thanked).isEqualTo(5);
        assertThat(shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select count(*) from join_confirmation").query(Long.class).single()))
                .as("confirmation emails sent").isEqualTo(5);
    }

    @Test
    void twelveSignUpsAtOnceFromOneAddressStillGetOnlyFiveThrough() throws Exception {
        List<WebSession> phones = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            WebSession phone = WebSession.from("203.0.113.202", port);
            tokens.add(phone.csrfToken("/join/" + slug));
            phones.add(phone);
        }
        List<Callable<Integer>> signUps = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            WebSession phone = phones.get(i);
            Map<String, String> form = Map.of("name", "同時 " + i, "nameKana", "ドウジ", "phone", "090-2222-00" + (10 + i),
                    "website", "", "_csrf", tokens.get(i));
            signUps.add(() -> phone.post("/join/" + slug, form).status());
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        int thanked = 0;
        try {
            for (Future<Integer> status : pool.invokeAll(signUps)) {
                thanked += status.get() == 302 ? 1 : 0;
            }
        } finally {
            pool.shutdown();
        }

        assertThat(thanked).isEqualTo(5);
        assertThat(shopWork.inShop(shop.tenantId(), () -> jdbc.sql("select count(*) from customer").query(Long.class).single())).isEqualTo(5);
    }

    @Test
    void theConfirmationLinkUsesThePublicAddressWhateverHostTheRequestNamed() {
        visitor.submitWithHost("evil.example", "/join/" + slug, "form.join-form", Map.of("name", "西村 茜",
                "nameKana", "ニシムラ アカネ", "email", email, "emailConsent", "true", "website", ""));
        String viaProxy = "proxied" + System.nanoTime() + "@example.jp";
        WebSession.from("203.0.113.201", port).withHeader("X-Forwarded-Host", "evil.example")
                .submit("/join/" + slug, "form.join-form", Map.of("name", "東 翔", "nameKana", "アズマ ショウ",
                        "email", viaProxy, "emailConsent", "true", "website", ""));

        assertThat(link(TestMailbox.get().to(email).get(0))).startsWith(publicUrl + "/join/" + slug + "/confirm?token=");
        assertThat(link(TestMailbox.get().to(viaProxy).get(0))).startsWith(publicUrl + "/join/" + slug + "/confirm?token=");
    }

    @Test
    void anUnknownShopIsNotFoundAndATokenNeverConfirmsInAnotherShop() {
        assertThat(visitor.get("/join/no-such-shop").status()).isEqualTo(404);
        join(Map.of("name", "西村 茜", "nameKana", "ニシムラ アカネ", "email", email, "emailConsent", "true"));
        String token = link(TestMailbox.get().to(email).get(0)).replaceFirst(".*token=", "");
        TestShop other = shops.newShop("別の登録の店");
        String otherSlug = CurrentTenant.callAs(other.tenantId(), () -> transaction.execute(status ->
                jdbc.sql("select slug from shop").query(String.class).single()));

        assertThat(visitor.get("/join/" + otherSlug + "/confirm?token=" + token).document().select("#confirm-result").text())
                .contains("このリンクは使えません");
        assertThat(emailConsentState()).isEqualTo("PENDING");
    }

    @Test
    void theOwnerPrintsAQrCodeOfThePublicPage() {
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        assertThat(owner.get("/settings").document().select("a#join-poster")).hasSize(1);
        WebSession.Page poster = owner.get("/settings/join-poster");
        assertThat(poster.text()).contains("/join/" + slug);
        WebSession.Page svg = owner.get("/settings/join-qr.svg");
        assertThat(svg.response().headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        assertThat(svg.body()).startsWith("<svg").contains("<path d=\"M");
    }

    private WebSession.Page join(Map<String, String> fields) {
        Map<String, String> all = new HashMap<>(fields);
        all.putIfAbsent("website", "");
        return visitor.submit("/join/" + slug, "form.join-form", all);
    }

    private String emailConsentState() {
        return shopWork.inShop(shop.tenantId(), () -> jdbc.sql("""
                select case when granted and not pending then 'GRANTED' when pending then 'PENDING' else 'WITHDRAWN' end
                  from consent where channel = 'EMAIL' order by recorded_at desc, id desc limit 1
                """).query(String.class).single());
    }

    private static String link(Message mail) {
        Matcher matcher = LINK.matcher(TestMailbox.body(mail));
        assertThat(matcher.find()).as(TestMailbox.body(mail)).isTrue();
        return matcher.group();
    }

    private static String errorOf(WebSession.Page page, String field) {
        Element error = page.document().selectFirst(".has-error:has([name=" + field + "]) .error");
        return error == null ? null : error.text();
    }

    private static String path(WebSession.Page redirect) {
        return redirect.path();
    }
}
