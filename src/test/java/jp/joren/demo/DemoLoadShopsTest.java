package jp.joren.demo;

import java.time.Clock;

import jp.joren.accounts.AccountDirectory;
import jp.joren.shared.TableStatistics;
import jp.joren.support.JorenIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@JorenIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DemoLoadShopsTest {

    @Autowired
    DemoShopGenerator generator;

    @Autowired
    TableStatistics statistics;

    @Autowired
    AccountDirectory accounts;

    @Autowired
    DemoShops shops;

    @Autowired
    JdbcClient jdbc;

    @Test
    void loadShopsAreCreatedOnceAndARepeatedRunOnlyAddsTheMissingOnes(CapturedOutput output) {
        new LoadShopsRunner(generator, accounts, statistics, Clock.systemUTC(),
                new LoadShopsProperties(2, 40, 1, "load-password"))
                .run(new DefaultApplicationArguments());
        new LoadShopsRunner(generator, accounts, statistics, Clock.systemUTC(),
                new LoadShopsProperties(3, 40, 1, "load-password"))
                .run(new DefaultApplicationArguments());

        assertThat(output).contains("Load shop 1/3 (load-1@joren.example) exists, skipped",
                "Load shop 2/3 (load-2@joren.example) exists, skipped", "Load shops done: 1 created, 2 skipped");
        for (int n = 1; n <= 3; n++) {
            long shop = jdbc.sql("select tenant_id from find_login_account(?)").param(LoadShopsRunner.ownerEmail(n))
                    .query(Long.class).single();
            assertThat(shops.count(shop, "select count(*) from customer")).isEqualTo(40);
        }
    }
}
