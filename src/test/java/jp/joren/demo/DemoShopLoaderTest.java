package jp.joren.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jp.joren.accounts.AccountDirectory;
import jp.joren.nightly.ShopNightlyRun;
import jp.joren.shared.TableStatistics;
import jp.joren.support.JorenIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@JorenIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DemoShopLoaderTest {

    /** 2026-11-25 01:00 in Tokyo, still the 24th in UTC: the history must run up to the Tokyo date. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T16:00:00Z"), ZoneOffset.UTC);

    @Autowired
    DemoShopGenerator generator;

    @Autowired
    TableStatistics statistics;

    @Autowired
    AccountDirectory accounts;

    @Autowired
    ShopNightlyRun nights;

    @Autowired
    Environment environment;

    @Autowired
    DemoShops shops;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theFirstStartCreatesTheDemoShopAndEveryStartSaysHowToLogIn(CapturedOutput output) {
        String email = "demo-loader-" + System.nanoTime() + "@joren.example";
        DemoShopLoader loader = new DemoShopLoader(generator, accounts, nights, statistics, environment, CLOCK,
                new DemoProperties(20261124, 300, email, "joren-demo-2026"));

        loader.run(new DefaultApplicationArguments());

        assertThat(output).contains("Joren demo shop ready: generated in",
                "http://localhost:" + environment.getProperty("local.server.port") + "/login",
                "email: " + email + "   password: joren-demo-2026");
        long shop = jdbc.sql("select tenant_id from find_login_account(?)").param(email).query(Long.class).single();
        assertThat(shops.count(shop, "select count(*) from customer")).isEqualTo(300);
        LocalDate lastDay = shops.inShop(shop, db -> db.sql("select max(business_date) from purchase")
                .query(LocalDate.class).single());
        assertThat(lastDay).as("the last day of history: the day before today in Tokyo").isEqualTo("2026-11-24");
        assertThat(shops.count(shop, """
                select count(*) from customer_portfolio
                 where exists (select 1 from portfolio_classification k where k.tenant_id = customer_portfolio.tenant_id
                                and k.as_of = date '2026-11-25')
                """))
                .as("the first night has classified the customers").isGreaterThan(250);

        loader.run(new DefaultApplicationArguments());

        assertThat(output).contains("Joren demo shop ready (created on an earlier start)");
        assertThat(shops.count(shop, "select count(*) from customer")).isEqualTo(300);
    }
}
