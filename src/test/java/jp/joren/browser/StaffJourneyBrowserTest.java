package jp.joren.browser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.TestMailbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A shop owner signs up, confirms by email and adds a clerk; the clerk logs in and is refused the owner's settings. */
@JorenIntegrationTest
class StaffJourneyBrowserTest extends BrowserJourney {

    @LocalServerPort
    int port;


    @BeforeEach
    void open() throws Exception {
        openBrowser();
    }


    @Test
    void ownerSignsUpAddsAClerkAndTheClerkIsRefusedTheSettings() {
        String owner = "owner" + System.nanoTime() + "@browser.example.jp";
        String clerk = "clerk" + System.nanoTime() + "@browser.example.jp";

        browser.get("http://localhost:" + port + "/");
        click(By.id("signup-link"));
        type(By.id("shopName"), "ブラウザ金物店");
        type(By.id("ownerName"), "山本 太郎");
        type(By.id("email"), owner);
        type(By.id("password"), "owner-password-1");
        click(By.id("signup-submit"));
        wait.until(ExpectedConditions.urlContains("/signup/sent"));
        Matcher link = Pattern.compile("https?://\\S+/signup/confirm\\?token=\\S+")
                .matcher(TestMailbox.body(TestMailbox.get().to(owner).get(0)));
        assertThat(link.find()).isTrue();
        browser.get(link.group().replaceFirst("^https?://[^/]+", "http://localhost:" + port));
        click(By.id("signup-confirm-submit"));
        wait.until(ExpectedConditions.urlMatches("/home$"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("ブラウザ金物店");

        click(By.cssSelector("nav a[href='/staff']"));
        click(By.id("new-staff"));
        type(By.id("displayName"), "中村 花");
        type(By.id("email"), clerk);
        type(By.id("password"), "clerk-password-1");
        click(By.id("staff-submit"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("staff-invitations")));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).startsWith("確認メールを送りました。");
        assertThat(browser.findElement(By.id("staff-invitations")).getText()).contains("中村 花").contains(clerk);

        click(By.id("logout"));
        wait.until(ExpectedConditions.urlContains("/login"));
        Matcher invitation = java.util.regex.Pattern.compile("https?://\\S+/invitation\\?token=[A-Za-z0-9_-]+")
                .matcher(TestMailbox.body(TestMailbox.get().to(clerk).get(0)));
        assertThat(invitation.find()).isTrue();
        browser.get(invitation.group().replaceFirst("^https?://[^/]+", "http://localhost:" + port));
        click(By.id("accept-invitation"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("staff-joined")));
        type(By.id("email"), clerk);
        type(By.id("password"), "clerk-password-1");
        click(By.id("login-submit"));
        wait.until(ExpectedConditions.urlMatches("/home$"));
        assertThat(browser.findElements(By.cssSelector("nav a[href='/settings']"))).isEmpty();

        browser.get("http://localhost:" + port + "/settings");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("このページを開く権限がありません");
        assertThat(browser.findElements(By.id("shop-settings"))).isEmpty();
        passed = true;
    }

    private void click(By target) {
        wait.until(ExpectedConditions.elementToBeClickable(target)).click();
    }

    private void type(By field, String text) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(field));
        input.clear();
        input.sendKeys(text);
    }
}
