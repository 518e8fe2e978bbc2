package jp.joren.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jp.joren.nightly.ShopNightlyRun;
import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.CounterFixtures;
import jp.joren.support.FakeLine;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.ShopWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner connects the shop's LINE official account; a customer signs up on the public page and sends the
 * code it shows on LINE (the webhook call simulated, signed as LINE signs it); the owner puts LINE first for
 * the part-replacement reminder, turns it on, runs the night and approves the first batch; the fake LINE
 * server receives one message naming the part number.
 */
@JorenIntegrationTest
class LineBrowserTest extends BrowserJourney {

    private static final String SECRET = "browser-line-secret-0123456789";
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @LocalServerPort
    int port;
    @Autowired
    ShopFixtures shops;
    @Autowired
    CounterFixtures counter;
    @Autowired
    ShopNightlyRun nights;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ShopWork shopWork;

    TestShop shop;
    String slug;

    @BeforeEach
    void aKitchenShop() throws Exception {
        shop = shops.newShop("LINEの金物店");
        counter.kitchen(shop);
        slug = shopWork.inShop(shop.tenantId(), () -> {
            jdbc.sql("""
                    update shop set sender_name = 'LINEの金物店', sender_postal_address = '東京都港区芝1-2-3',
                                    sender_phone = '03-1234-5678'""").update();
            return jdbc.sql("select slug from shop").query(String.class).single();
        });
        openBrowser();
    }

    @Test
    void theOwnerConnectsLineACustomerLinksAndThePartReminderArrivesOnLine() throws Exception {
        logIn();
        browser.get(url("/settings"));
        browser.findElement(By.id("line-settings-link")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("channelId"))).sendKeys("1657123456");
        browser.findElement(By.id("channelSecret")).sendKeys(SECRET);
        browser.findElement(By.id("accessToken")).sendKeys("browser-line-token-XYZW");
        // all day long, so that the journey does not depend on the hour it runs at
        setValue("sendFrom", "00:00");
        setValue("sendUntil", "23:59");
        browser.findElement(By.id("line-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "保存しました"));
        assertThat(browser.findElement(By.id("line-token-tail")).getText()).contains("XYZW");
        String webhook = URI.create(browser.findElement(By.id("line-webhook-url")).getText()).getPath();
        browser.manage().deleteAllCookies();

        // the customer, on the shop's public page
        browser.get(url("/join/" + slug));
        browser.findElement(By.id("name")).sendKeys("三浦 葵");
        browser.findElement(By.id("nameKana")).sendKeys("みうら あおい");
        browser.findElement(By.id("phone")).sendKeys("090-8888-3434");
        browser.findElement(By.cssSelector("details:has(#modelNumber) summary")).click();
        browser.findElement(By.id("modelNumber")).sendKeys("PC-100");
        // bought two years ago: its gasket is due
        setValue("purchasedOn", LocalDate.now(TOKYO).minusDays(700).toString());
        browser.findElement(By.id("join-submit")).click();
        wait.until(ExpectedConditions.urlContains("/thanks"));
        String code = browser.findElement(By.id("line-link-code")).getText();
        assertThat(code).matches("[A-Z2-9]{8}");
        String user = "U" + UUID.randomUUID().toString().replace("-", "");
        assertThat(sendOnLine(webhook, user, code)).isEqualTo(200);

        // the owner: LINE first for the part reminder, on, the night, the first batch approved
        logIn();
        browser.get(url("/reminders/rules/PART_REPLACEMENT"));
        new Select(browser.findElement(By.id("channel-order"))).selectByValue("LINE_EMAIL_POSTAL");
        browser.findElement(By.id("save-channels")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("p.notice"), "保存しました。"));
        browser.findElement(By.id("rule-enabled")).click();
        // no hold-out group: a shop of one customer would otherwise keep them back one time in ten
        browser.findElement(By.id("holdoutPercent")).clear();
        browser.findElement(By.id("holdoutPercent")).sendKeys("0");
        browser.findElement(By.id("save-rule")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("p.notice"), "保存しました。"));
        assertThat(new Select(browser.findElement(By.id("channel-order"))).getFirstSelectedOption().getText())
                .isEqualTo("LINE → メール → 郵便DM");
        assertThat(nights.run(shop.tenantId(), LocalDate.now(TOKYO))).isTrue();

        browser.get(url("/reminders/rules/PART_REPLACEMENT"));
        browser.findElement(By.cssSelector("#awaiting-approval a")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("waiting-on-line"))).getText())
                .contains("LINE 1 件");
        assertThat(browser.findElement(By.id("approval-preview-0")).getText()).contains("三浦 葵 様", "GK-100");
        browser.findElement(By.id("approve-batch")).click();
        // a click returns before the next page has loaded: wait for it, as a person would
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("approved"))).getText())
                .contains("送信待ちにしました");

        waitOutTheLastMinuteOfTheDay();
        browser.get(url("/reminders/outbox"));
        browser.findElement(By.id("send-now")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("delivery"))).getText())
                .startsWith("送信 1 件");
        assertThat(FakeLine.get().deliveredTo(user)).singleElement().satisfies(push -> {
            assertThat(push.authorization()).isEqualTo("Bearer browser-line-token-XYZW");
            assertThat(push.text()).contains("三浦 葵 様", "GK-100");
        });
        passed = true;
    }

    private void logIn() {
        browser.get(url("/login"));
        browser.findElement(By.id("email")).sendKeys(shop.ownerEmail());
        browser.findElement(By.id("password")).sendKeys(shop.password(), Keys.ENTER);
        wait.until(ExpectedConditions.urlMatches("/home$"));
    }

    /** A time or date input takes what the browser's locale types; its value is set the way a picker sets it. */
    private void setValue(String id, String value) {
        browser.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    /** The send hours end at 23:59: a send in the day's last minute would wait for the next day. */
    private static void waitOutTheLastMinuteOfTheDay() throws InterruptedException {
        LocalTime now = LocalTime.now(TOKYO);
        if (!now.isBefore(LocalTime.of(23, 59))) {
            Thread.sleep(java.time.Duration.between(now, LocalTime.MAX).toMillis() + 2_000);
        }
    }

    private int sendOnLine(String webhook, String user, String code) throws Exception {
        String body = "{\"destination\":\"U0\",\"events\":[{\"type\":\"message\",\"mode\":\"active\",\"timestamp\":"
                + System.currentTimeMillis() + ",\"source\":{\"type\":\"user\",\"userId\":\"" + user + "\"},"
                + "\"message\":{\"type\":\"text\",\"id\":\"1\",\"text\":\"" + code + "\"}}]}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(webhook)))
                        .header("Content-Type", "application/json")
                        .header("X-Line-Signature", Base64.getEncoder().encodeToString(
                                mac.doFinal(body.getBytes(StandardCharsets.UTF_8))))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
