package jp.joren.demo;

import java.time.Clock;
import java.time.LocalDate;

import jp.joren.accounts.AccountDirectory;
import jp.joren.shared.TableStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Load-test shops for benchmarks: {@code --joren.generate.shops=20 --joren.generate.customers=2000} creates
 * shops 1 to 20 with owners {@code load-<n>@joren.example}, skipping those that exist, so a run can be
 * repeated or extended. Shop n's seed is {@code joren.generate.seed + n}: the same command gives the same
 * shops on any machine.
 */
@Component
@ConditionalOnProperty(name = "joren.generate.shops")
class LoadShopsRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LoadShopsRunner.class);

    private final DemoShopGenerator generator;
    private final AccountDirectory accounts;
    private final TableStatistics statistics;
    private final Clock clock;
    private final int shops;
    private final int customers;
    private final long seed;
    private final String password;

    LoadShopsRunner(DemoShopGenerator generator, AccountDirectory accounts, TableStatistics statistics, Clock clock,
            LoadShopsProperties load) {
        this.generator = generator;
        this.accounts = accounts;
        this.statistics = statistics;
        this.clock = clock;
        this.shops = load.shops();
        this.customers = load.customers();
        this.seed = load.seed();
        this.password = load.password();
    }

    static String ownerEmail(int n) {
        return "load-" + n + "@joren.example";
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ShopCalendar.ZONE);
        long started = System.nanoTime();
        int created = 0;
        for (int n = 1; n <= shops; n++) {
            String email = ownerEmail(n);
            if (accounts.emailTaken(email)) {
                log.info("Load shop " + n + "/" + shops + " (" + email + ") exists, skipped");
                continue;
            }
            long shopStarted = System.nanoTime();
            long tenantId = generator.generate(new DemoShopSpec(seed + n, customers, today, email, password,
                    "負荷試験 " + n + "号店"));
            created++;
            log.info(String.format("Load shop %d/%d (%s, shop id %d): %,d customers in %.1f s", n, shops, email,
                    tenantId, customers, seconds(shopStarted)));
        }
        if (created > 0) {
            statistics.refreshAfterBulkWrite();
        }
        log.info(String.format("Load shops done: %d created, %d skipped, %.1f s; owners load-1..%d@joren.example, "
                + "password %s", created, shops - created, seconds(started), shops, password));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
