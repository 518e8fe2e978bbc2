package jp.joren.demo;

import java.time.Clock;
import java.time.LocalDate;

import jp.joren.accounts.AccountDirectory;
import jp.joren.nightly.ShopNightlyRun;
import jp.joren.shared.TableStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With {@code joren.demo.enabled=true} (profile {@code demo}): creates the demo shop on the first start,
 * its history running up to today in Tokyo, and on every start tells the developer how to log in.
 */
@Component
@ConditionalOnProperty(name = "joren.demo.enabled", havingValue = "true")
class DemoShopLoader implements ApplicationRunner {

    private static final String SHOP_NAME = "かなもの屋 さくら";
    private static final Logger log = LoggerFactory.getLogger(DemoShopLoader.class);

    private final DemoShopGenerator generator;
    private final AccountDirectory accounts;
    private final ShopNightlyRun nights;
    private final TableStatistics statistics;
    private final Environment environment;
    private final Clock clock;
    private final long seed;
    private final int customers;
    private final String email;
    private final String password;

    DemoShopLoader(DemoShopGenerator generator, AccountDirectory accounts, ShopNightlyRun nights,
            TableStatistics statistics, Environment environment, Clock clock, DemoProperties demo) {
        this.generator = generator;
        this.accounts = accounts;
        this.nights = nights;
        this.statistics = statistics;
        this.environment = environment;
        this.clock = clock;
        this.seed = demo.seed();
        this.customers = demo.customers();
        this.email = demo.ownerEmail();
        this.password = demo.ownerPassword();
    }

    @Override
    public void run(ApplicationArguments args) {
        String status;
        if (accounts.emailTaken(email)) {
            status = "Joren demo shop ready (created on an earlier start)";
        } else {
            LocalDate today = LocalDate.ofInstant(clock.instant(), ShopCalendar.ZONE);
            log.info("Generating the demo shop: " + customers + " customers, two years of history up to "
                    + today.minusDays(1) + "…");
            long started = System.nanoTime();
            long tenantId = generator.generate(new DemoShopSpec(seed, customers, today, email, password, SHOP_NAME));
            // its first night, and the owner's first pages, are planned with the history's true sizes
            statistics.refreshAfterBulkWrite();
            // the owner's dashboard has something to show at once, not after tonight
            nights.run(tenantId, today);
            status = String.format("Joren demo shop ready: generated in %.1f s", (System.nanoTime() - started) / 1e9);
        }
        log.info(box(status,
                "http://localhost:" + port() + "/login",
                "owner  email: " + email + "   password: " + password,
                "staff  email: " + DemoShopGenerator.staffEmail(email) + "   password: " + password));
    }

    private String port() {
        return environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    private static String box(String... lines) {
        String rule = "=".repeat(78);
        return "\n" + rule + "\n  " + String.join("\n  ", lines) + "\n" + rule;
    }
}
