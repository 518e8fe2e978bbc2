package jp.joren.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jp.joren.demo.DemoShopGenerator;
import jp.joren.demo.DemoShopSpec;
import jp.joren.nightly.ShopNightlyRun;
import jp.joren.support.JorenIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner on a phone (390 px) opens a cell of the dashboard's portfolio, lands on the customer list filtered
 * by it with the same count, saves it under a name, and reopens it later from its chip on the plain list.
 */
@JorenIntegrationTest
class SavedSegmentBrowserTest extends BrowserJourney {

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
        ownerEmail = "segments-" + System.nanoTime() + "@test.joren.jp";
        long tenantId = generator.generate(new DemoShopSpec(7, 400, today, ownerEmail, PASSWORD, "かなもの屋 さくら"));
        assertThat(nights.run(tenantId, today)).isTrue();
        openBrowser();
    }

    @Test
    void theOwnerSavesADashboardCellAsASegmentAndReopensItOnAPhone() throws Exception {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        logIn(port, ownerEmail, PASSWORD);

        browser.get("http://localhost:" + port + "/dashboard");
        WebElement cell = browser.findElement(By.cssSelector("#portfolio a[data-cell='FIRST-LAPSED']"));
        String shown = cell.getText().replaceAll("[^0-9]", "");
        assertThat(Integer.parseInt(shown)).isPositive();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView();", cell);
        cell.click();
        wait.until(ExpectedConditions.urlContains("/customers?segment=FIRST&standing=LAPSED"));
        assertThat(browser.findElement(By.id("customer-count")).getText()).isEqualTo(shown + "人");

        browser.findElement(By.id("segment-name")).sendKeys("初回離脱のお客様");
        browser.findElement(By.cssSelector("#save-segment button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#saved-segments a.chip.current"), "初回離脱のお客様"));
        screen("saved-segment-saved");

        browser.get("http://localhost:" + port + "/customers");
        String everyone = browser.findElement(By.id("customer-count")).getText();
        assertThat(everyone).isNotEqualTo(shown + "人");
        browser.findElement(By.linkText("初回離脱のお客様")).click();
        wait.until(ExpectedConditions.urlContains("segment=FIRST"));
        assertThat(browser.findElement(By.id("customer-count")).getText()).isEqualTo(shown + "人");
        assertThat(browser.findElement(By.id("segment")).getAttribute("value")).isEqualTo("FIRST");
        assertThat(browser.findElement(By.id("standing")).getAttribute("value")).isEqualTo("LAPSED");
        browser.findElement(By.cssSelector("#manage-segment summary")).click();
        screen("saved-segment-reopened");
        passed = true;
    }

    /** A screenshot of the top of the page for a person to look at, after checking it is no wider than the phone. */
    private void screen(String name) throws Exception {
        Path folder = Files.createDirectories(Path.of("target/browser-screens"));
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", 390, "height", 1400, "scale", 1)));
        Files.write(folder.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        Object[] widths = ((List<?>) browser.executeScript(
                "return [document.documentElement.scrollWidth, window.innerWidth];")).toArray();
        assertThat((Long) widths[0]).as(name + " is no wider than the phone").isLessThanOrEqualTo((Long) widths[1]);
    }
}
