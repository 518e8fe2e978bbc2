package jp.joren.browser;

import java.time.LocalDate;
import java.time.ZoneId;

import jp.joren.demo.DemoShopGenerator;
import jp.joren.demo.DemoShopSpec;
import jp.joren.nightly.ShopNightlyRun;
import jp.joren.support.JorenIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counter clerk of a demo shop, after its first night, opens today's list and presses 済み on its first
 * item: the row says who did it, the count goes down, and the page is not reloaded.
 */
@JorenIntegrationTest
class TodayBrowserTest extends BrowserJourney {

    private static final String PASSWORD = "joren-demo-2026";

    @LocalServerPort
    int port;

    @Autowired
    DemoShopGenerator generator;

    @Autowired
    ShopNightlyRun nights;

    String ownerEmail;

    @BeforeEach
    void aDemoShopAfterItsFirstNight() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        ownerEmail = "today-" + System.nanoTime() + "@test.joren.jp";
        long tenantId = generator.generate(new DemoShopSpec(7, 400, today, ownerEmail, PASSWORD, "かなもの屋 さくら"));
        assertThat(nights.run(tenantId, today)).isTrue();
        openBrowser();
    }

    @Test
    void theClerkMarksTheFirstItemDoneAndTheRowAnswersInPlace() {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("email")).sendKeys(DemoShopGenerator.staffEmail(ownerEmail));
        browser.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.urlMatches("/home$"));
        browser.get("http://localhost:" + port + "/today");
        String count = browser.findElement(By.id("today-count")).getText();
        int open = Integer.parseInt(count.replaceAll("^連絡待ち ([0-9,]+)件.*$", "$1").replace(",", ""));
        assertThat(open).isPositive();
        // a mark on this page: a reload would lose it
        browser.executeScript("window.notReloaded = true;");

        WebElement first = browser.findElement(By.cssSelector("tr.today-item:not(.dealt)"));
        String id = first.getAttribute("id");
        first.findElement(By.cssSelector("button[value=DONE]")).click();

        // htmx swaps the row for the answer: the element read a moment ago may be gone, so look it up again
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeContains(By.id(id), "class", "dealt"));
        assertThat(browser.findElement(By.id(id)).getText()).contains("済み", "田中 美咲");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("today-count"),
                "連絡待ち " + String.format(java.util.Locale.ROOT, "%,d", open - 1) + "件"));
        assertThat(browser.executeScript("return window.notReloaded === true;")).isEqualTo(true);
        passed = true;
    }
}
