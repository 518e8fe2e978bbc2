package jp.joren.browser;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.CounterFixtures;
import jp.joren.support.JorenIntegrationTest;
import jp.joren.support.WebSession;
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
 * A clerk finds a customer by the last four digits of her phone and registers a three-line purchase with
 * the keyboard alone; the customer page then shows her new pressure cooker and when its gasket is due.
 */
@JorenIntegrationTest
class CounterBrowserTest extends BrowserJourney {

    @LocalServerPort
    int port;

    @Autowired
    ShopFixtures shops;

    @Autowired
    CounterFixtures counter;

    TestShop shop;

    @BeforeEach
    void aShopWithACatalogAndACustomer() throws Exception {
        shop = shops.newShop("ブラウザ台所店");
        counter.kitchen(shop);
        WebSession owner = new WebSession(port);
        owner.logIn(shop.ownerEmail(), shop.password());
        owner.submit("/customers/new", "form.customer-form", Map.of("name", "松本 美咲", "nameKana", "マツモト ミサキ",
                "phone", "090-2468-1357", "emailConsent", "false", "postalConsent", "true"));
        openBrowser();
    }


    @Test
    void aClerkRegistersAThreeLinePurchaseWithoutTouchingTheMouse() {
        logIn(port, shop.ownerEmail(), shop.password());

        browser.get("http://localhost:" + port + "/purchases/new");
        wait.until(driver -> "customer-q".equals(focused().getAttribute("id")));
        focused().sendKeys("1357");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#picker-results .pick"), "松本 美咲"));
        focused().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#customer-slot .chosen-name"), "松本 美咲"));

        for (String code : new String[] {"PC-100", "FL-01", "TW-01"}) {
            wait.until(driver -> focused().getAttribute("class").contains("line-code") && focused().getAttribute("value").isEmpty());
            focused().sendKeys(code, Keys.ENTER);
        }
        wait.until(ExpectedConditions.textToBe(By.id("total"), "¥20,600"));
        assertThat(browser.findElements(By.cssSelector("tr.line .line-name")).stream().map(WebElement::getText).toList())
                .startsWith("圧力鍋 はやわざ 4L ［製品登録されます］", "浄水フィルター", "かや織りふきん");
        wait.until(driver -> focused().getAttribute("class").contains("line-code") && focused().getAttribute("value").isEmpty());
        focused().sendKeys(Keys.ENTER);
        wait.until(driver -> "save-purchase".equals(focused().getAttribute("id")));
        focused().sendKeys(Keys.ENTER);

        wait.until(ExpectedConditions.urlMatches("/purchases/\\d+\\?registered$"));
        assertThat(browser.findElement(By.id("purchase-total")).getText()).isEqualTo("¥20,600");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("お買い上げを登録しました。");

        browser.findElement(By.id("to-customer")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlMatches("/customers/\\d+$"));
        WebElement owned = browser.findElement(By.cssSelector(".owned-product"));
        assertThat(owned.getText()).contains("圧力鍋 はやわざ 4L").contains("型番 PC-100");
        LocalDate due = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(730);
        assertThat(owned.findElement(By.cssSelector("tr.part")).getText()).contains("GK-100")
                .contains(due.getYear() + "年" + due.getMonthValue() + "月" + due.getDayOfMonth() + "日");
        assertThat(browser.findElement(By.id("visit-count")).getText()).isEqualTo("1");
        passed = true;
    }

    @Test
    void theCustomerFormFillsTheAddressFromThePostalCodeAndKeepsWhatTheClerkTyped() {
        logIn(port, shop.ownerEmail(), shop.password());
        browser.get("http://localhost:" + port + "/customers/new");
        browser.findElement(By.cssSelector("details.optional summary")).click();
        browser.findElement(By.id("town")).sendKeys("太子堂三丁目");
        browser.findElement(By.id("postalCode")).sendKeys("１５４－０００４");

        wait.until(driver -> "世田谷区".equals(driver.findElement(By.id("city")).getDomProperty("value")));
        assertThat(browser.findElement(By.id("prefecture")).getDomProperty("value")).isEqualTo("東京都");
        assertThat(browser.findElement(By.id("town")).getDomProperty("value")).isEqualTo("太子堂三丁目");
        passed = true;
    }
}
