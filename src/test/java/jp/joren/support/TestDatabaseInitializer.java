package jp.joren.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application at the throwaway test database (Flyway as its owner, the app as its runtime role)
 * and at the in-process mail server; trusts the tests' reverse proxy.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase db = TestDatabase.get();
        // the application's own list of trusted proxies, plus the tests' proxy (TestProxy)
        String proxies = context.getEnvironment().getRequiredProperty("server.tomcat.remoteip.internal-proxies")
                + "|" + TestProxy.TRUSTED_PATTERN;
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("joren-test-database", Map.of(
                "spring.datasource.url", db.jdbcUrl(),
                "spring.datasource.username", db.appRole,
                "spring.datasource.password", db.password,
                "spring.flyway.user", db.ownerRole,
                "spring.flyway.password", db.password,
                "spring.mail.host", "127.0.0.1",
                "server.tomcat.remoteip.internal-proxies", proxies,
                "spring.mail.port", Integer.toString(TestMailbox.get().port()),
                // tests run nights themselves; a dispatch firing on the clock would claim their shops' nights
                "joren.nightly.dispatch-cron", "0 0 0 1 1 ? 2099",
                // and send their shops' email themselves, to see what one pass does
                "joren.reminders.send-cron", "0 0 0 1 1 ? 2099")));
    }
}
