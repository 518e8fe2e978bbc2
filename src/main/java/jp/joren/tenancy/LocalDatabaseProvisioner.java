package jp.joren.tenancy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * On a developer's machine (profile {@code local}) or under docker compose: creates Joren's database, its
 * owner role and its runtime role when missing, connecting as the server's superuser named by
 * {@code joren.provision.admin-url}. Production provisions them once by hand (README); this never runs
 * without that property.
 */
public class LocalDatabaseProvisioner implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(LocalDatabaseProvisioner.class);

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment env = event.getEnvironment();
        String adminUrl = env.getProperty("joren.provision.admin-url");
        if (!StringUtils.hasText(adminUrl)) {
            return;
        }
        String appUrl = env.getRequiredProperty("spring.datasource.url");
        String database = appUrl.replaceFirst("^.*/", "").replaceFirst("\\?.*$", "");
        String owner = env.getRequiredProperty("spring.flyway.user");
        String app = env.getRequiredProperty("spring.datasource.username");
        try (Connection admin = DriverManager.getConnection(adminUrl)) {
            ensureRole(admin, owner, env.getProperty("spring.flyway.password"), "");
            ensureRole(admin, app, env.getProperty("spring.datasource.password"), " nosuperuser nobypassrls");
            if (!exists(admin, "select 1 from pg_database where datname = ?", database)) {
                execute(admin, "create database " + identifier(database) + " owner " + identifier(owner));
                log.info("Created database " + database + " owned by " + owner);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not provision the local database through " + adminUrl
                    + " (is PostgreSQL running?)", e);
        }
    }

    private static void ensureRole(Connection admin, String role, @Nullable String password, String attributes)
            throws SQLException {
        if (exists(admin, "select 1 from pg_roles where rolname = ?", role)) {
            return;
        }
        String withPassword = StringUtils.hasText(password) ? " password '" + password.replace("'", "''") + "'" : "";
        execute(admin, "create role " + identifier(role) + " login" + attributes + withPassword);
        log.info("Created role " + role);
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain PostgreSQL identifier: " + name);
        }
        return name;
    }
}
