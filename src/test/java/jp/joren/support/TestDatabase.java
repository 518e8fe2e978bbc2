package jp.joren.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A throwaway PostgreSQL database for one test run, with Joren's two roles: an owner that migrates and a
 * runtime role that is neither superuser nor BYPASSRLS (a superuser would pass every RLS test vacuously).
 * <p>
 * With {@code JOREN_TEST_DB_ADMIN_URL} (a superuser JDBC URL of a local server) the database is created
 * there; with {@code JOREN_TEST_CITUS_URL} on a Citus cluster, migrated and distributed before the tests
 * ({@link CitusCluster}); otherwise a Testcontainers PostgreSQL is started, which needs Docker. Database and
 * roles are dropped when the JVM ends.
 */
public final class TestDatabase {

    public static final String ADMIN_URL_VARIABLE = "JOREN_TEST_DB_ADMIN_URL";

    private static TestDatabase instance;

    private final String adminUrl;
    private final String database;
    private final String serverUrl;
    private final Optional<CitusCluster> citus;
    public final String ownerRole;
    public final String appRole;
    /** A member of the runtime role with BYPASSRLS: row-level security out of the way, for the tests that show
     *  every statement names its shop by itself ({@link WithoutRowLevelSecurity}). */
    public final String bypassRole;
    public final String password = "joren-test";

    private TestDatabase(String adminUrl, String serverUrl) {
        this(adminUrl, serverUrl, Optional.empty());
    }

    private TestDatabase(String adminUrl, String serverUrl, Optional<CitusCluster> citus) {
        this.citus = citus;
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        this.adminUrl = adminUrl;
        this.serverUrl = serverUrl;
        this.database = "joren_test_" + suffix;
        this.ownerRole = "joren_test_owner_" + suffix;
        this.appRole = "joren_test_app_" + suffix;
        this.bypassRole = "joren_test_bypass_" + suffix;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = create();
            instance.provision();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::drop));
        }
        return instance;
    }

    private static TestDatabase create() {
        Optional<CitusCluster> citus = CitusCluster.fromEnvironment();
        if (citus.isPresent()) {
            String coordinator = citus.get().adminUrl();
            return new TestDatabase(coordinator, coordinator.replaceFirst("/[^/?]*(\\?.*)?$", ""), citus);
        }
        String adminUrl = System.getenv(ADMIN_URL_VARIABLE);
        if (adminUrl != null && !adminUrl.isBlank()) {
            return new TestDatabase(adminUrl, adminUrl.replaceFirst("/[^/?]*(\\?.*)?$", ""));
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("Integration tests need PostgreSQL: set " + ADMIN_URL_VARIABLE
                    + " (e.g. jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres) or start Docker.");
        }
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
        container.start();
        String admin = container.getJdbcUrl() + (container.getJdbcUrl().contains("?") ? "&" : "?")
                + "user=" + container.getUsername() + "&password=" + container.getPassword();
        return new TestDatabase(admin, container.getJdbcUrl().replaceFirst("/[^/?]*(\\?.*)?$", ""));
    }

    public String jdbcUrl() {
        return serverUrl + "/" + database;
    }

    /** The test database as the server's superuser: what the application must refuse to run as. */
    public String superuserJdbcUrl() {
        return adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
    }

    /** A connection as the owner role, for tests that must look past row-level security. */
    public Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), ownerRole, password);
    }

    /** Runs statements only the tables' owner may (VACUUM, ANALYZE, CLUSTER), as benchmarks need between steps. */
    public void asOwner(String... statements) {
        try (Connection owner = ownerConnection(); java.sql.Statement statement = owner.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void provision() {
        execute("create role " + ownerRole + " login password '" + password + "'",
                "create role " + appRole + " login nosuperuser nobypassrls password '" + password + "'",
                "create role " + bypassRole + " login nosuperuser bypassrls password '" + password + "' in role " + appRole);
        if (citus.isPresent()) {
            citus.get().createDatabase(database, ownerRole);
            citus.get().migrateAndDistribute(database, ownerRole, password, appRole);
        } else {
            execute("create database " + database + " owner " + ownerRole);
        }
    }

    private void drop() {
        try {
            if (citus.isPresent()) {
                citus.get().dropDatabase(database);
            } else {
                execute("drop database if exists " + database + " with (force)");
            }
            execute("drop role if exists " + bypassRole,
                    "drop role if exists " + appRole,
                    "drop role if exists " + ownerRole);
        } catch (RuntimeException e) {
            System.err.println("Could not drop test database " + database + ": " + e.getMessage());
        }
    }

    private void execute(String... statements) {
        try (Connection admin = DriverManager.getConnection(adminUrl); Statement statement = admin.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Test database setup failed: " + e.getMessage(), e);
        }
    }
}
