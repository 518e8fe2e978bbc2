package jp.joren.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jp.joren.shops.ShopFixtures;
import jp.joren.shops.ShopFixtures.TestShop;
import jp.joren.support.JorenIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An owner imports an Online Retail export in pounds through the import pages in a browser: chooses the kind
 * and the currency factor, checks every line, reads what the import will do, and imports.
 */
@JorenIntegrationTest
class SalesImportBrowserTest extends BrowserJourney {

    @LocalServerPort
    int port;

    @Autowired
    ShopFixtures shops;

    TestShop shop;

    @BeforeEach
    void aShop() throws Exception {
        shop = shops.newShop("売上データをブラウザで取り込む店");
        openBrowser();
    }

    @Test
    void theOwnerUploadsAnExportInPoundsChecksItAndImportsIt() throws Exception {
        Path file = Files.createTempFile("Online Retail", ".csv");
        Files.writeString(file, """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom
                536365,BANK CHARGES,Bank Charges,1,12/1/2010 8:26,15,17850,United Kingdom
                C536379,D,Discount,-1,12/1/2010 9:41,27.5,14527,United Kingdom
                536544,POST,POSTAGE,1,12/1/2010 14:32,18,,United Kingdom
                """, StandardCharsets.UTF_8);
        try {
            logIn(port, shop.ownerEmail(), shop.password());
            browser.get("http://localhost:" + port + "/imports");
            new Select(browser.findElement(By.id("kind"))).selectByValue("SALES");
            browser.findElement(By.id("currencyFactor")).sendKeys("180");
            browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
            browser.findElement(By.id("upload")).click();
            wait.until(ExpectedConditions.urlMatches("/imports/\\d+$"));
            assertThat(browser.findElement(By.id("currency-factor")).getText()).isEqualTo("金額の換算：1単位＝180円");

            browser.findElement(By.id("check-import")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-summary")));
            assertThat(browser.findElement(By.id("report-summary")).getText())
                    .isEqualTo("4行のうち、取り込める行 4、問題のある行 0");
            assertThat(browser.findElement(By.id("sales-warnings")).getText())
                    .contains("新しいお客さまを 1人 登録します")
                    .contains("取消・返品・調整（数量か金額がマイナス）の 1行 は取り込みません")
                    .contains("お客さまの分からないお買い上げ 1件 は、お客さまなしで登録します");

            browser.findElement(By.id("import-all")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
                d.navigate().refresh();
                return !d.findElements(By.id("import-done")).isEmpty();
            });
            assertThat(browser.findElement(By.id("import-done")).getText()).contains("新規 2件");
            assertThat(browser.findElement(By.id("import-outcome")).getText())
                    .contains("登録したお買い上げ 2件").contains("新しいお客さま 1人").contains("新しい商品 3件");
            passed = true;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
