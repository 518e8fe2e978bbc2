package jp.joren.browser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.TestMailbox;
import jp.joren.tenancy.CurrentTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer scans the QR code at the till, signs up on her phone with email consent, and confirms by
 * the link in the email the shop sent; only then does the ledger count her consent.
 */
@JorenIntegrationTest
class CustomerJoinBrowserTest extends BrowserJourney {

    @LocalServerPort
    int port;

    @Autowired
    ShopFixtures shops;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;


    @BeforeEach
    void openAPhoneSizedBrowser() throws Exception {
        openBrowser();
        browser.manage().window().setSize(new Dimension(390, 844));
    }


    @Test
    void aCustomerSignsUpOnHerPhoneAndConfirmsByTheEmailedLink() {
        TestShop shop = shops.newShop("スマホ金物店");
        String slug = CurrentTenant.callAs(shop.tenantId(), () -> transaction.execute(status ->
                jdbc.sql("select slug from shop").query(String.class).single()));
        String email = "phone" + System.nanoTime() + "@example.jp";

        browser.get("http://localhost:" + port + "/join/" + slug);
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "スマホ金物店 会員登録"));
        assertThat(browser.findElement(By.id("purpose")).getText()).contains("個人情報の利用目的");
        browser.findElement(By.id("name")).sendKeys("三浦 葵");
        browser.findElement(By.id("nameKana")).sendKeys("みうら あおい");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("phone")).sendKeys("090-8888-1212");
        assertThat(browser.findElement(By.id("emailConsent1")).isSelected()).isFalse();
        browser.findElement(By.id("emailConsent1")).click();
        browser.findElement(By.id("join-submit")).click();

        wait.until(ExpectedConditions.urlContains("/thanks"));
        assertThat(browser.findElement(By.id("check-mail")).getText()).contains("確認のメールをお送りしました");
        assertThat(emailConsent(shop)).isEqualTo("PENDING");

        Matcher link = Pattern.compile("https?://\\S+/confirm\\?token=\\S+")
                .matcher(TestMailbox.body(TestMailbox.get().to(email).get(0)));
        assertThat(link.find()).isTrue();
        browser.get(link.group().replaceFirst("^https?://[^/]+", "http://localhost:" + port));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-email"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("confirm-result"), "確認できました"));
        assertThat(emailConsent(shop)).isEqualTo("GRANTED");
        passed = true;
    }

    private String emailConsent(TestShop shop) {
        return CurrentTenant.callAs(shop.tenantId(), () -> transaction.execute(status -> jdbc.sql("""
                select case when granted and not pending then 'GRANTED' when pending then 'PENDING' else 'WITHDRAWN' end
                  from consent where channel = 'EMAIL' order by recorded_at desc, id desc limit 1
                """).query(String.class).single()));
    }
}
