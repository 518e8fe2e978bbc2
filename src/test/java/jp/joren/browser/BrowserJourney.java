package jp.joren.browser;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A journey in headless Chromium: each test opens the browser when its data is ready, sets {@code passed}
 * at its end, and a failed one leaves a screenshot and the page's HTML behind.
 */
abstract class BrowserJourney {

    ChromeDriver browser;
    WebDriverWait wait;
    boolean passed;

    void openBrowser() throws Exception {
        browser = HeadlessChromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    /** Logs in through the login page, as a person would, and waits for the home page. */
    void logIn(int port, String email, String password) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        wait.until(ExpectedConditions.urlMatches("/home$"));
    }

    /**
     * The element once the page shows it: after a click that submits a form, the old page may still be
     * there for a moment on a busy machine.
     */
    WebElement shown(By element) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(element));
    }

    WebElement focused() {
        return browser.switchTo().activeElement();
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        if (browser == null) {
            return;
        }
        if (!passed) {
            HeadlessChromium.keepEvidence(browser, test.getTestMethod().map(m -> m.getName()).orElse("journey"));
        }
        browser.quit();
    }
}
