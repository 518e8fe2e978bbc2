package jp.joren.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.flywaydb.core.Flyway;

/**
 * The Citus test mode: with {@code JOREN_TEST_CITUS_URL} naming a superuser's connection to a database on a Citus
 * coordinator whose workers are added, the test run's throwaway database is made on every node (Citus 12.1 does
 * not pass CREATE DATABASE on), migrated, and distributed by the project's own {@code db/citus/distribute.sql},
 * before any Spring context starts; the integration tests then run against it.
 */
public final class CitusCluster {

    public static final String URL_VARIABLE = "JOREN_TEST_CITUS_URL";

    /** Few shards keep the run quick; two or more per worker still spread the shops over the nodes. */
    private static final int SHARDS = 4;

    private final String coordinatorUrl;

    private CitusCluster(String coordinatorUrl) {
        this.coordinatorUrl = coordinatorUrl;
    }

    public static Optional<CitusCluster> fromEnvironment() {
        String url = System.getenv(URL_VARIABLE);
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(new CitusCluster(url));
    }

    public static boolean active() {
        return fromEnvironment().isPresent();
    }

    /** The coordinator's Citus-enabled database: roles made there reach every node. */
    String adminUrl() {
        return coordinatorUrl;
    }

    void createDatabase(String database, String owner) {
        List<String> workers = workers();
        for (String worker : workers) {
            execute(worker, "create database " + database + " owner " + owner);
            execute(sameServer(worker, database), "create extension citus");
        }
        execute(coordinatorUrl, "create database " + database + " owner " + owner);
        String coordinator = sameServer(coordinatorUrl, database);
        execute(coordinator, "create extension citus");
        String[] hostAndPort = hostAndPort(coordinatorUrl);
        execute(coordinator, "select citus_set_coordinator_host('" + hostAndPort[0] + "', " + hostAndPort[1] + ")");
        for (String worker : workers) {
            String[] node = hostAndPort(worker);
            execute(coordinator, "select citus_add_node('" + node[0] + "', " + node[1] + ")");
        }
    }

    /** Migrates as the owner, then distributes as the superuser, as README's "Running on Citus" says. */
    void migrateAndDistribute(String database, String owner, String password, String appRole) {
        String url = sameServer(coordinatorUrl, database).replaceFirst("\\?.*$", "");
        Flyway.configure().dataSource(url, owner, password).locations("classpath:db/migration")
                .placeholders(Map.of("app_role", appRole)).load().migrate();
        try {
            List<String> statements = new ArrayList<>(List.of("set citus.shard_count = " + SHARDS));
            statements.addAll(statements(Files.readString(Path.of("db/citus/distribute.sql"))));
            execute(sameServer(coordinatorUrl, database), statements.toArray(String[]::new));
        } catch (IOException e) {
            throw new IllegalStateException("db/citus/distribute.sql is unreadable", e);
        }
    }

    /**
     * The script's statements one by one, as psql runs a file: each its own transaction (Citus's worker commands
     * see what an earlier statement committed). A statement ends where a line ends it: {@code end $$;} or a
     * one-line {@code set …;}.
     */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            current.append(line).append('\n');
            if (line.equals("end $$;") || line.matches("set [^$]*;")) {
                statements.add(current.toString());
                current.setLength(0);
            }
        }
        if (!current.toString().replaceAll("(?m)^--.*$", "").isBlank()) {
            throw new IllegalStateException("db/citus/distribute.sql ends inside a statement: " + current);
        }
        return statements;
    }

    void dropDatabase(String database) {
        List<String> workers = workers();
        execute(coordinatorUrl, "drop database if exists " + database + " with (force)");
        for (String worker : workers) {
            execute(worker, "drop database if exists " + database + " with (force)");
        }
    }

    /** A superuser's URL of each worker, to the same database the coordinator URL names. */
    private List<String> workers() {
        List<String> workers = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(coordinatorUrl);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select node_name, node_port from citus_get_active_worker_nodes()")) {
            while (rs.next()) {
                workers.add(coordinatorUrl.replaceFirst("//[^/]+/", "//" + rs.getString(1) + ":" + rs.getInt(2) + "/"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(URL_VARIABLE + " must name a Citus coordinator with its workers added: "
                    + e.getMessage(), e);
        }
        if (workers.isEmpty()) {
            throw new IllegalStateException(URL_VARIABLE + " names a coordinator without workers: citus_add_node first");
        }
        return workers;
    }

    private static String sameServer(String url, String database) {
        return url.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
    }

    private static String[] hostAndPort(String url) {
        String authority = url.replaceFirst("^jdbc:postgresql://", "").replaceFirst("/.*$", "");
        return authority.contains(":") ? authority.split(":", 2) : new String[] {authority, "5432"};
    }

    private static void execute(String url, String... statements) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Citus test database setup failed at " + url + ": " + e.getMessage(), e);
        }
    }
}
