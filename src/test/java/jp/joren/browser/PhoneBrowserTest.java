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
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner of a demo shop on a phone (390 × 844): the menu folds into one button that opens and reaches the
 * dashboard; the dashboard, the customer list and today's list fit the screen's width (wide tables scroll in
 * their own box), and the portfolio's bubble labels neither overlap nor leave the chart. On a 1280 px
 * desktop the menu stays one open row.
 */
@JorenIntegrationTest
class PhoneBrowserTest extends BrowserJourney {

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
        ownerEmail = "phone-" + System.nanoTime() + "@test.joren.jp";
        long tenantId = generator.generate(new DemoShopSpec(7, 400, today, ownerEmail, PASSWORD, "かなもの屋 さくら"));
        assertThat(nights.run(tenantId, today)).isTrue();
        openBrowser();
    }

    @Test
    void theOwnerReadsTheShopOnAPhone() throws Exception {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        logIn();
        assertThat(browser.executeScript("return window.innerWidth;")).isEqualTo(390L);

        // the menu is folded: its links are hidden until the menu button opens it
        By dashboard = By.cssSelector(".main-nav a[href$='/dashboard']");
        assertThat(browser.findElement(dashboard).isDisplayed()).isFalse();
        fitsTheScreen("home");
        browser.findElement(By.id("menu-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(dashboard));
        fitsTheScreen("menu");
        assertThat(browser.findElement(dashboard).getText()).isEqualTo("ダッシュボード");
        browser.findElement(dashboard).click();
        wait.until(ExpectedConditions.urlMatches("/dashboard$"));
        fitsTheScreen("dashboard");
        bubbleLabelsStayApartInsideTheChart();
        readAsCards("table.questions", "この期間");

        browser.get("http://localhost:" + port + "/customers");
        fitsTheScreen("customers");
        readAsCards("table.customers", "電話番号");
        // the filters start folded, so the first customer is on the first screen
        assertThat(browser.findElement(By.cssSelector("form.filters")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector("tr.customer-row")).getRect().getY()).isLessThan(844);
        browser.get("http://localhost:" + port + "/today");
        fitsTheScreen("today");
        passed = true;
    }

    @Test
    void theDesktopKeepsItsOpenMenuAndReadableBubbles() throws Exception {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", 800, "deviceScaleFactor", 1, "mobile", false));
        logIn();
        assertThat(browser.findElement(By.linkText("ダッシュボード")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("menu-button")).isDisplayed()).isFalse();
        // the whole menu is one row
        List<?> tops = (List<?>) browser.executeScript("return [...document.querySelectorAll('.main-nav a')]"
                + ".map(a => Math.round(a.getBoundingClientRect().top));");
        assertThat(tops.stream().distinct()).hasSize(1);
        browser.findElement(By.linkText("ダッシュボード")).click();
        wait.until(ExpectedConditions.urlMatches("/dashboard$"));
        fitsTheScreen("desktop-dashboard");
        assertThat(browser.findElement(By.cssSelector("table.questions thead")).isDisplayed()).as("a table on a desk").isTrue();
        bubbleLabelsStayApartInsideTheChart();
        passed = true;
    }

    private void logIn() {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("email")).sendKeys(ownerEmail);
        browser.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.urlMatches("/home$"));
    }

    private void fitsTheScreen(String page) throws Exception {
        Path folder = Files.createDirectories(Path.of("target/browser-screens"));
        // the whole page in screen-sized pieces, for a person to look at
        int height = ((Number) browser.executeScript("return document.documentElement.scrollHeight;")).intValue();
        Number width = (Number) browser.executeScript("return window.innerWidth;");
        for (int top = 0, piece = 0; top < Math.min(height, 8000); top += 1400, piece++) {
            Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", top, "width", width,
                            "height", Math.min(1400, height - top), "scale", 1)));
            Files.write(folder.resolve(page + "-" + piece + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        }
        Object[] widths = ((List<?>) browser.executeScript(
                "return [document.documentElement.scrollWidth, window.innerWidth];")).toArray();
        assertThat((Long) widths[0]).as(page + " is no wider than the screen").isLessThanOrEqualTo((Long) widths[1]);
    }

    /**
     * A list read on a phone is a card per row: each cell takes the row's whole width instead of a squeezed
     * column, and shows its column's name.
     */
    @SuppressWarnings("unchecked")
    private void readAsCards(String table, String oneColumnName) {
        Map<String, Object> row = (Map<String, Object>) browser.executeScript("""
                const row = document.querySelector(arguments[0] + ' tbody tr');
                const cells = [...row.cells].filter(c => c.getBoundingClientRect().height > 0);
                return {rowWidth: row.getBoundingClientRect().width,
                        narrowest: Math.min(...cells.map(c => c.getBoundingClientRect().width)),
                        labels: cells.map(c => getComputedStyle(c, '::before').content)};""", table);
        assertThat(((Number) row.get("narrowest")).doubleValue())
                .as(table + ": every cell as wide as its card").isGreaterThan(((Number) row.get("rowWidth")).doubleValue() * 0.9);
        assertThat((List<String>) row.get("labels")).as(table + ": cells headed by their column").contains("\"" + oneColumnName + "\"");
    }

    /** Every label's box lies inside the chart's box and meets no other label's box. */
    @SuppressWarnings("unchecked")
    private void bubbleLabelsStayApartInsideTheChart() {
        List<Map<String, Object>> boxes = (List<Map<String, Object>>) browser.executeScript("""
                const chart = document.querySelector('.chart.bubbles svg').getBoundingClientRect();
                return [...document.querySelectorAll('.chart.bubbles svg text.bubble-label')].map(t => {
                  const r = t.getBoundingClientRect();
                  return {text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom,
                          inside: r.left >= chart.left && r.right <= chart.right
                                  && r.top >= chart.top && r.bottom <= chart.bottom};
                });""");
        assertThat(boxes).hasSize(10);
        for (Map<String, Object> box : boxes) {
            assertThat(box.get("inside")).as(box.get("text") + " inside the chart").isEqualTo(true);
        }
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertThat(overlap(boxes.get(i), boxes.get(j)))
                        .as(boxes.get(i).get("text") + " and " + boxes.get(j).get("text")).isFalse();
            }
        }
    }

    private static boolean overlap(Map<String, Object> a, Map<String, Object> b) {
        return n(a, "left") < n(b, "right") && n(b, "left") < n(a, "right")
                && n(a, "top") < n(b, "bottom") && n(b, "top") < n(a, "bottom");
    }

    private static double n(Map<String, Object> box, String side) {
        return ((Number) box.get(side)).doubleValue();
    }
}
