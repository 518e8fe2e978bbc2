package jp.joren.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * After {@link TestDatabaseInitializer}: the application connects as a member of its runtime role that has
 * BYPASSRLS, so no policy filters a row and only the statements' own {@code tenant_id = :shop} keep the shops
 * apart. The migrations still grant to the runtime role. The application refuses such a role
 * (RowLevelSecurityGuard): a test using this replaces that guard.
 */
public class WithoutRowLevelSecurity implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase db = TestDatabase.get();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("joren-test-bypass-rls", Map.of(
                "spring.datasource.username", db.bypassRole,
                "spring.flyway.placeholders.app_role", db.appRole)));
    }
}
