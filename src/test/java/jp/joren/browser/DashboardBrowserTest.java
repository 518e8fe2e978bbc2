package jp.joren.browser;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

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
 * The owner of a demo shop, after its first night, opens the dashboard, clicks the number of customers not
 * seen for 2–3 months and gets exactly that many customers, each last seen 60 to 90 days ago.
 */
@JorenIntegrationTest
class DashboardBrowserTest extends BrowserJourney {

    private static final String PASSWORD = "joren-demo-2026";

    @LocalServerPort
    int port;

    @Autowired
    DemoShopGenerator generator;

    @Autowired
    ShopNightlyRun nights;

    String ownerEmail;
    LocalDate today;

    @BeforeEach
    void aDemoShopAfterItsFirstNight() throws Exception {
        today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        ownerEmail = "dashboard-" + System.nanoTime() + "@test.joren.jp";
        long tenantId = generator.generate(new DemoShopSpec(7, 400, today, ownerEmail, PASSWORD, "かなもの屋 さくら"));
        assertThat(nights.run(tenantId, today)).isTrue();
        openBrowser();
    }


    @Test
    void theOwnerClicksTheCustomersNotSeenForTwoToThreeMonthsAndGetsThatList() {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("email")).sendKeys(ownerEmail);
        browser.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.urlMatches("/home$"));

        browser.findElement(By.linkText("ダッシュボード")).click();
        wait.until(ExpectedConditions.urlMatches("/dashboard$"));
        // it opens on the last month that is over, never on the first days of this one
        LocalDate lastMonth = today.minusMonths(1);
        assertThat(browser.findElement(By.id("period-label")).getText())
                .startsWith(lastMonth.getYear() + "年" + lastMonth.getMonthValue() + "月1日");
        WebElement notSeen = browser.findElement(By.id("not-seen-link"));
        int shown = Integer.parseInt(notSeen.getText().replaceAll("[^0-9]", ""));
        assertThat(shown).isPositive();

        notSeen.click();
        wait.until(ExpectedConditions.urlContains("audience=NOT_SEEN_TWO_TO_THREE_MONTHS"));
        assertThat(browser.findElement(By.id("audience-title")).getText()).isEqualTo("2〜3か月来店のない顧客");
        assertThat(browser.findElement(By.id("audience-count")).getText()).isEqualTo(shown + "人");
        List<WebElement> rows = browser.findElements(By.cssSelector("tr.audience-member"));
        assertThat(rows).hasSize(Math.min(shown, 100));
        for (WebElement row : rows) {
            String lastVisit = row.findElements(By.tagName("td")).get(7).getText();
            LocalDate last = LocalDate.parse(lastVisit.replace("年", "-").replace("月", "-").replace("日", ""),
                    java.time.format.DateTimeFormatter.ofPattern("yyyy-M-d"));
            assertThat(java.time.temporal.ChronoUnit.DAYS.between(last, today)).isBetween(60L, 90L);
        }
        passed = true;
    }
}
