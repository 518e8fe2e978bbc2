package jp.joren.tenancy;

import jp.joren.JorenApplication;
import jp.joren.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole application, started with a role that could bypass row-level security, refuses to start. */
class StartupRefusalTest {

    @Test
    void jorenRefusesToStartAsTheTableOwner() {
        TestDatabase db = TestDatabase.get();
        assertThatThrownBy(() -> start("--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.ownerRole, "--spring.datasource.password=" + db.password))
                .hasStackTraceContaining("Refusing to start")
                .hasStackTraceContaining("is owned by this role");
    }

    @Test
    void jorenRefusesToStartAsASuperuser() {
        TestDatabase db = TestDatabase.get();
        assertThatThrownBy(() -> start("--spring.datasource.url=" + db.superuserJdbcUrl(),
                "--spring.datasource.username=", "--spring.datasource.password="))
                .hasStackTraceContaining("Refusing to start")
                .hasStackTraceContaining("is a superuser");
    }

    private static void start(String... datasource) {
        TestDatabase db = TestDatabase.get();
        String[] args = new String[datasource.length + 5];
        System.arraycopy(datasource, 0, args, 0, datasource.length);
        args[datasource.length] = "--spring.flyway.user=" + db.ownerRole;
        args[datasource.length + 1] = "--spring.flyway.password=" + db.password;
        args[datasource.length + 2] = "--spring.flyway.placeholders.app_role=" + db.appRole;
        args[datasource.length + 3] = "--server.port=0";
        args[datasource.length + 4] = "--spring.quartz.auto-startup=false";
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(JorenApplication.class).run(args)) {
            context.getId();
        }
    }
}
