package jp.joren.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application at the throwaway test database (Flyway as its owner, the app as its runtime role)
 * and at the in-process mail server and fake LINE; trusts the tests' reverse proxy.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase db = TestDatabase.get();
        // the application's own list of trusted proxies, plus the tests' proxy (TestProxy)
        String proxies = context.getEnvironment().getRequiredProperty("server.tomcat.remoteip.internal-proxies")
                + "|" + TestProxy.TRUSTED_PATTERN;
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("joren-test-database", Map.ofEntries(
                Map.entry("spring.datasource.url", db.jdbcUrl()),
                Map.entry("spring.datasource.username", db.appRole),
                Map.entry("spring.datasource.password", db.password),
                Map.entry("spring.flyway.user", db.ownerRole),
                Map.entry("spring.flyway.password", db.password),
                Map.entry("spring.mail.host", "127.0.0.1"),
                Map.entry("server.tomcat.remoteip.internal-proxies", proxies),
                Map.entry("spring.mail.port", Integer.toString(TestMailbox.get().port())),
                // LINE's Messaging API is the fake in this JVM
                Map.entry("joren.line.api-base-url", FakeLine.get().baseUrl()),
                // tests run nights themselves; a dispatch firing on the clock would claim their shops' nights
                Map.entry("joren.nightly.dispatch-cron", "0 0 0 1 1 ? 2099"),
                // and send their shops' email themselves, to see what one pass does
                Map.entry("joren.reminders.send-cron", "0 0 0 1 1 ? 2099"))));
    }
}
