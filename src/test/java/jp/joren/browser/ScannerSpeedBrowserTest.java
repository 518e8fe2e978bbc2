package jp.joren.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.CounterFixtures;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.WebSession;
import jp.joren.tenancy.CurrentTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The purchase screen typed into the way a barcode scanner and a practised clerk type: the customer's last
 * four digits, five codes each ended by Enter, Enter on the empty line and Enter on Save, with no waiting for
 * anything on the screen. Every receipt must hold exactly the five lines, for the right customer and total,
 * twenty times in a row at each speed.
 */
@JorenIntegrationTest
class ScannerSpeedBrowserTest extends BrowserJourney {

    /** Five scans as a clerk's scanner reads them: the catalog's codes, one in lower case, one full-width. */
    private static final List<String> CODES = List.of("FL-01", "tw-01", "GK-100", "ＴＷ－０１", "FL-01");
    private static final String TOTAL = "¥2,800";
    private static final int RUNS = 20;

    @LocalServerPort
    int port;

    @Autowired
    ShopFixtures shops;

    @Autowired
    CounterFixtures counter;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    TestShop shop;

    @BeforeEach
    void aShopWithACatalogAndCustomers() throws Exception {
        shop = shops.newShop("スキャナー台所店");
        counter.kitchen(shop);
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        customer(owner, "松本 美咲", "マツモト ミサキ", "090-2468-1357");
        // a household on one landline: the last four digits find both
        customer(owner, "青木 浩", "アオキ ヒロシ", "03-5669-7991");
        customer(owner, "鈴木 一郎", "スズキ イチロウ", "03-5669-7991");
        openBrowser();
        logIn(port, shop.ownerEmail(), shop.password());
    }

    @Test
    void everySaleTypedAtTenMillisecondsAKeyHoldsItsFiveLines() {
        for (int run = 1; run <= RUNS; run++) {
            typeASale(Duration.ofMillis(10), Duration.ofMillis(10), "10 ms run " + run);
        }
        passed = true;
    }

    @Test
    void everySaleTypedAtSixtyMillisecondsAKeyHoldsItsFiveLines() {
        for (int run = 1; run <= RUNS; run++) {
            typeASale(Duration.ofMillis(60), Duration.ofMillis(60), "60 ms run " + run);
        }
        passed = true;
    }

    @Test
    void everySaleScannedAsOneBurstPerCodeHoldsItsFiveLines() {
        for (int run = 1; run <= RUNS; run++) {
            typeASale(Duration.ZERO, Duration.ofMillis(1), "burst run " + run);
        }
        passed = true;
    }

    @Test
    void aSharedLandlineAndAnUnknownCodeStopTheSaleUntilTheClerkHasSeenAndSettledThem() {
        openNewSale();
        new Actions(browser).sendKeys("7991" + Keys.ENTER).sendKeys("TW-01" + Keys.ENTER)
                .sendKeys("XX-999" + Keys.ENTER).sendKeys("FL-01" + Keys.ENTER).sendKeys(Keys.ENTER)
                .sendKeys(Keys.ENTER).perform();

        // nothing saved: both people on the landline are offered, and the unknown code stays on its line
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("counter-problems")));
        assertThat(browser.getCurrentUrl()).endsWith("/purchases/new");
        assertThat(browser.findElement(By.id("counter-problems")).getText())
                .contains("お客さま「7991」がまだ決まっていません")
                .contains("商品コード「XX-999」は登録されていません");
        assertThat(browser.findElement(By.cssSelector("#picker-results .needs-choice")).getText())
                .contains("2 人います");
        assertThat(browser.findElements(By.cssSelector("#picker-results .pick"))).hasSize(2);
        WebElement unknownLine = browser.findElement(By.cssSelector("tr.line.unknown"));
        assertThat(unknownLine.findElement(By.className("line-code")).getAttribute("value")).isEqualTo("XX-999");
        assertThat(unknownLine.findElement(By.className("line-name")).getText()).contains("この商品コードはありません");

        browser.findElements(By.cssSelector("#picker-results .pick")).stream()
                .filter(pick -> pick.getText().contains("鈴木 一郎")).findFirst().orElseThrow().click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#customer-slot .chosen-name"), "鈴木 一郎"));
        WebElement code = unknownLine.findElement(By.className("line-code"));
        code.clear();
        code.sendKeys("GK-100", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("total"), "¥2,000"));
        new Actions(browser).sendKeys(Keys.F9).perform();

        wait.until(ExpectedConditions.urlMatches("/purchases/\\d+\\?registered$"));
        assertThat(browser.findElement(By.cssSelector("dl.facts dd")).getText()).isEqualTo("鈴木 一郎");
        assertThat(browser.findElements(By.cssSelector("main.receipt tbody tr.line"))).hasSize(3);
        assertThat(browser.findElement(By.id("purchase-total")).getText()).isEqualTo("¥2,000");
        passed = true;
    }

    @Test
    void aCouponScannedMidSaleShowsItsDiscountBeforeSavingAndIsRedeemed() {
        coupon("ABCD1234EF567890", "松本 美咲");
        openNewSale();
        new Actions(browser).sendKeys("1357" + Keys.ENTER).sendKeys("GK-100" + Keys.ENTER)
                .sendKeys("abcd-1234-ef56-7890" + Keys.ENTER).sendKeys("TW-01" + Keys.ENTER).perform();

        wait.until(ExpectedConditions.attributeToBe(By.id("couponCode"), "value", "ABCD1234EF567890"));
        wait.until(ExpectedConditions.textToBe(By.id("coupon-result"), "クーポン値引き −¥600"));
        wait.until(ExpectedConditions.textToBe(By.id("total"), "¥900"));
        new Actions(browser).sendKeys(Keys.F9).perform();

        wait.until(ExpectedConditions.urlMatches("/purchases/\\d+\\?registered$"));
        assertThat(browser.findElement(By.id("purchase-coupon")).getText()).isEqualTo("ABCD1234EF567890");
        assertThat(browser.findElement(By.id("purchase-total")).getText()).isEqualTo("¥900");
        passed = true;
    }

    @Test
    void anItemTheCatalogLacksIsSoldAsADepartmentWithTheScannedCodeAsItsNote() {
        counter.department(shop, "B1", "研ぎ・修理", 0);
        openNewSale();
        new Actions(browser).sendKeys("1357" + Keys.ENTER).sendKeys("TW-01" + Keys.ENTER).sendKeys("B1" + Keys.ENTER)
                .perform();
        // a department's price is the clerk's to type: the caret waits there, then on the line's note
        wait.until(driver -> focused().getAttribute("class").contains("line-price"));
        focused().sendKeys("1500", Keys.ENTER);
        wait.until(driver -> focused().getAttribute("class").contains("line-note"));
        focused().sendKeys("包丁研ぎ 2本", Keys.ENTER);
        wait.until(driver -> focused().getAttribute("class").contains("line-code") && focused().getAttribute("value").isEmpty());

        // a code the catalog lacks: one key offers the departments, Enter sells it as the first
        focused().sendKeys("ZZ-404", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("tr.line.unknown .line-name"),
                "F6：部門で売る"));
        new Actions(browser).sendKeys(Keys.F6).perform();
        wait.until(driver -> focused().getAttribute("class").contains("pick-department"));
        assertThat(focused().getText()).isEqualTo("研ぎ・修理");
        focused().sendKeys(Keys.ENTER);
        wait.until(driver -> focused().getAttribute("class").contains("line-price"));
        focused().sendKeys("800", Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.id("total"), "¥2,600"));
        new Actions(browser).sendKeys(Keys.F9).perform();

        wait.until(ExpectedConditions.urlMatches("/purchases/\\d+\\?registered$"));
        assertThat(browser.findElements(By.cssSelector("main.receipt tbody tr.line")).stream().map(WebElement::getText)
                .toList()).satisfiesExactly(
                        line -> assertThat(line).contains("TW-01", "かや織りふきん", "¥300"),
                        line -> assertThat(line).contains("B1", "研ぎ・修理", "包丁研ぎ 2本", "¥1,500"),
                        line -> assertThat(line).contains("B1", "研ぎ・修理", "ZZ-404", "¥800"));
        assertThat(browser.findElement(By.id("purchase-total")).getText()).isEqualTo("¥2,600");
        passed = true;
    }

    @Test
    void aFiveLineSaleWithItsCouponAndSaveButtonFitsA1280By800Screen() throws Exception {
        // a 1280×800 counter screen leaves about 720 px to the page under the browser's own bars
        browser.manage().window().setSize(new Dimension(1280, 800));
        long bars = 800 - ((Number) browser.executeScript("return window.innerHeight")).longValue();
        browser.manage().window().setSize(new Dimension(1280, (int) (720 + bars)));
        openNewSale();
        Actions keys = new Actions(browser);
        type(keys, "1357", Duration.ZERO, Duration.ofMillis(1));
        CODES.forEach(code -> type(keys, code, Duration.ZERO, Duration.ofMillis(1)));
        keys.perform();
        wait.until(ExpectedConditions.textToBe(By.id("total"), TOTAL));

        Files.createDirectories(Path.of("target/screens"));
        Files.write(Path.of("target/screens/counter-1280x800.png"), browser.getScreenshotAs(OutputType.BYTES));
        long viewport = ((Number) browser.executeScript("return window.innerHeight")).longValue();
        long scrollable = ((Number) browser.executeScript("return document.documentElement.scrollHeight")).longValue();
        assertThat(scrollable).as("page height at a %d px high window", viewport).isLessThanOrEqualTo(viewport);
        WebElement save = browser.findElement(By.id("save-purchase"));
        assertThat(save.getRect().getY() + save.getRect().getHeight()).isLessThanOrEqualTo((int) viewport);
        // and every box and button stays big enough for a finger on a 10-inch counter tablet
        assertThat(browser.findElements(By.cssSelector("#purchase-form input:not([type=hidden]), #purchase-form button, "
                + "#purchase-form select")).stream().filter(WebElement::isDisplayed)
                .map(element -> element.getAttribute("id") + "/" + element.getAttribute("name") + " "
                        + element.getRect().getHeight()))
                .allSatisfy(element -> assertThat(Integer.parseInt(element.substring(element.lastIndexOf(' ') + 1)))
                        .as(element).isGreaterThanOrEqualTo(32));
        passed = true;
    }

    @Test
    void aCouponShownBeforeAnythingElseNamesItsCustomer() {
        coupon("ACDEF34679X1", "松本 美咲");
        openNewSale();
        new Actions(browser).sendKeys("acdef-34679-x1" + Keys.ENTER).sendKeys("GK-100" + Keys.ENTER).perform();

        wait.until(ExpectedConditions.textToBe(By.cssSelector("#customer-slot .chosen-name"), "松本 美咲"));
        wait.until(ExpectedConditions.textToBe(By.id("coupon-result"), "クーポン値引き −¥600"));
        assertThat(browser.findElement(By.id("couponCode")).getDomProperty("value")).isEqualTo("ACDEF34679X1");
        assertThat(browser.findElement(By.id("customer-q")).getDomProperty("value")).isEmpty();
        wait.until(ExpectedConditions.textToBe(By.id("total"), "¥600"));
        passed = true;
    }

    /**
     * Types one whole sale without waiting for the screen: {@code perKey} between the keys of a code,
     * {@code afterEnter} after each Enter.
     */
    private void typeASale(Duration perKey, Duration afterEnter, String run) {
        openNewSale();
        Actions keys = new Actions(browser);
        type(keys, "1357", perKey, afterEnter);
        CODES.forEach(code -> type(keys, code, perKey, afterEnter));
        keys.sendKeys(Keys.ENTER).pause(afterEnter).sendKeys(Keys.ENTER).perform();

        wait.until(ExpectedConditions.urlMatches("/purchases/\\d+\\?registered$"));
        assertThat(browser.findElement(By.cssSelector("dl.facts dd")).getText()).as(run).isEqualTo("松本 美咲");
        assertThat(browser.findElements(By.cssSelector("main.receipt tbody tr.line")).stream()
                .map(line -> line.findElement(By.tagName("td")).getText()).toList())
                .as(run).containsExactly("FL-01", "TW-01", "GK-100", "TW-01", "FL-01");
        assertThat(browser.findElement(By.id("purchase-total")).getText()).as(run).isEqualTo(TOTAL);
    }

    private static void type(Actions keys, String text, Duration perKey, Duration afterEnter) {
        for (char key : text.toCharArray()) {
            keys.sendKeys(String.valueOf(key));
            if (!perKey.isZero()) {
                keys.pause(perKey);
            }
        }
        keys.sendKeys(Keys.ENTER).pause(afterEnter);
    }

    private void openNewSale() {
        browser.get("http://localhost:" + port + "/purchases/new");
        wait.until(driver -> "customer-q".equals(focused().getAttribute("id")));
    }

    private static void customer(WebSession owner, String name, String kana, String phone) {
        owner.submit("/customers/new", "form.customer-form", Map.of("name", name, "nameKana", kana, "phone", phone,
                "emailConsent", "false", "postalConsent", "true", "notADuplicate", "true"));
    }

    private void coupon(String code, String owner) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        CurrentTenant.callAs(shop.tenantId(), () -> transaction.execute(status -> jdbc.sql("""
                        insert into coupon (tenant_id, code, customer_id, kind, value, cap, valid_from, valid_until, issued_for)
                        select c.tenant_id, ?, c.id, 'PERCENT', 50, 3000, ?, ?, 'TEST'
                          from customer c where c.tenant_id = app_current_tenant() and c.name = ?
                        on conflict do nothing""")
                .params(code, today.minusDays(1), today.plusDays(30), owner).update()));
    }
}
