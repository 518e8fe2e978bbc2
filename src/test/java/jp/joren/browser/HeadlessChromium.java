package jp.joren.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The machine's own Chromium and ChromeDriver (Debian's packages here, the preinstalled ones on GitHub
 * runners), given by path so that Selenium never downloads a browser.
 */
final class HeadlessChromium {

    private HeadlessChromium() {
    }

    static ChromeDriver start() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(find("browser", "CHROME_BIN", "/usr/bin/chromium", "/usr/bin/chromium-browser",
                "/usr/bin/google-chrome"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=ja", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("joren-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(find("chromedriver", "CHROMEDRIVER", "/usr/bin/chromedriver",
                        "/usr/local/bin/chromedriver", webdriverDirectory())).toFile())
                .build();
        return new ChromeDriver(service, options);
    }

    /** Keeps what the browser showed when a journey failed, for whoever reads the CI log. */
    static void keepEvidence(ChromeDriver driver, String name) {
        try {
            Path folder = Files.createDirectories(Path.of("target/browser-failures"));
            Files.write(folder.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(folder.resolve(name + ".html"), Objects.requireNonNullElse(driver.getPageSource(), ""));
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not keep browser evidence: " + e.getMessage());
        }
    }

    private static String webdriverDirectory() {
        String directory = System.getenv("CHROMEWEBDRIVER");
        return directory == null ? null : directory + "/chromedriver";
    }

    private static String find(String what, String variable, String... candidates) {
        List<String> places = Stream.concat(Stream.of(System.getenv(variable)), Stream.of(candidates))
                .filter(Objects::nonNull).toList();
        return places.stream().filter(path -> Files.isExecutable(Path.of(path))).findFirst()
                .orElseThrow(() -> new IllegalStateException("No " + what + " found (looked at " + places + "; set "
                        + variable + ", or apt-get install chromium chromium-driver)"));
    }
}
