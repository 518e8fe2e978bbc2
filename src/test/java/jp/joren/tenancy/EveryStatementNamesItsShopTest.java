package jp.joren.tenancy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every SQL statement on a shop's table names its shop — {@code tenant_id = :shop} on each table it reads or
 * writes, {@code a.tenant_id = b.tenant_id} on each join — besides row-level security, so that a distributed
 * database (Citus) can send a shop's work to the one node that holds the shop. Read from the source, every text
 * of SQL: each shop table it reads or writes has its {@code tenant_id} said (through its alias where it has
 * one), and a whole statement (not a fragment joined into another) says which shop.
 */
class EveryStatementNamesItsShopTest {

    /** A table or view of the schema with a tenant_id column: the shop's own rows. */
    private static final Pattern SHOP_TABLE = Pattern.compile(
            "create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)\\s*\\((.*?)\\n\\)|create\\s+(?:or\\s+replace\\s+)?view\\s+(\\w+)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** A text block or a one-line string of Java. */
    private static final Pattern TEXT = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);

    /** Where SQL names a table it reads or writes (JPQL names entities, capitalised, and is left to Hibernate). */
    private static final Pattern TABLE_REFERENCE = Pattern.compile(
            "\\b(from|join|update|into)\\s+([a-z_]+)(?:\\s+(?:as\\s+)?([a-z_][a-z0-9_]*))?");

    /** Words that follow a table where it has no alias. */
    private static final Set<String> NOT_AN_ALIAS = Set.of("where", "join", "left", "right", "inner", "full", "cross",
            "natural", "on", "order", "group", "limit", "offset", "set", "using", "union", "except", "intersect",
            "returning", "lateral", "values", "select", "and", "or", "for", "having", "window", "fetch");

    /** A whole statement, as opposed to a fragment that another statement's text completes. */
    private static final Pattern STATEMENT = Pattern.compile("^\\s*(select|with|update|insert|delete)\\b");

    /** Which shop, said as a value: a parameter, or the shop bound to the transaction. */
    private static final Pattern SHOP_VALUE = Pattern.compile(
            ":shop\\b|app_current_tenant\\(\\)|tenant_id\\s*=\\s*(\\?|:\\w+)");

    @Test
    void everyStatementOnAShopTableNamesItsShopOnEachTable() throws IOException {
        Set<String> shopTables = shopTables();
        assertThat(shopTables).as("the schema's shop tables, read from db/migration").contains("customer", "purchase", "forecast_calibration",
                "completed_purchase", "outbox_message");

        List<String> forgetful = new ArrayList<>();
        forEachSqlText((sql, where) -> {
            boolean readsAShopTable = false;
            Matcher table = TABLE_REFERENCE.matcher(sql);
            while (table.find()) {
                String alias = table.group(3) == null || NOT_AN_ALIAS.contains(table.group(3)) ? null : table.group(3);
                boolean insert = table.group(1).equals("into");
                if (table.group(2).equals("shop")) {
                    if (!insert && !namesItsRow(sql, alias)) {
                        forgetful.add(where + "shop" + (alias == null ? "" : " " + alias) + ": " + firstWords(sql));
                    }
                } else if (shopTables.contains(table.group(2))) {
                    readsAShopTable = true;
                    // an insert names the shop in its column list, whatever its alias
                    boolean named = insert ? Pattern.compile("(?<![.\\w])tenant_id\\b").matcher(sql).find()
                            : namesItsShop(sql, alias, shopTables);
                    if (!named) {
                        forgetful.add(where + table.group(2) + (alias == null ? "" : " " + alias) + ": " + firstWords(sql));
                    }
                }
            }
            if (readsAShopTable && STATEMENT.matcher(sql).find() && !SHOP_VALUE.matcher(sql).find()) {
                forgetful.add(where + "which shop?: " + firstWords(sql));
            }
        });

        assertThat(forgetful).as("SQL that refers to a shop's table without naming the shop (tenant_id = :shop)")
                .isEmpty();
    }

    /**
     * Rows unnested from arrays are inserted with {@code on conflict}: without it Citus sends them to its workers
     * as COPY, which row-level security refuses ("COPY FROM not supported with row-level security"); with it,
     * as inserts. A new row's key never conflicts, so nothing else changes.
     */
    @Test
    void rowsUnnestedFromArraysAreInsertedWithOnConflict() throws IOException {
        Pattern insertFromArrays = Pattern.compile("insert\\s+into\\s+\\w+[^;]*?\\bunnest\\(", Pattern.DOTALL);
        List<String> copied = new ArrayList<>();
        forEachSqlText((sql, where) -> {
            if (insertFromArrays.matcher(sql).find() && !sql.contains("on conflict")) {
                copied.add(where + firstWords(sql));
            }
        });
        assertThat(copied).as("inserts of unnested arrays without on conflict").isEmpty();
    }

    /** Each string or text block of the application's source, with where it stands ("path:line "). */
    private static void forEachSqlText(BiConsumer<String, String> check) throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            sources.filter(path -> path.toString().endsWith(".java")).sorted().forEach(source -> {
                String java = read(source);
                Matcher text = TEXT.matcher(java);
                while (text.find()) {
                    check.accept(text.group(1) != null ? text.group(1) : text.group(2),
                            source + ":" + line(java, text.start()) + " ");
                }
            });
        }
    }

    /**
     * The table's tenant_id compared with the shop itself — a parameter or the transaction's shop — not only with
     * another table's: Citus routes a statement to one node by the value each distributed table is filtered on. An
     * alias given to several table references (k for a coupon here, a consent in a subquery there) names the shop
     * once for each of them.
     */
    private static boolean namesItsShop(String sql, String alias, Set<String> shopTables) {
        String column = alias == null ? "(?<![.\\w])tenant_id" : "\\b" + alias + "\\.tenant_id";
        long namings = comparisons(sql, column, "(?::\\w+|\\?|app_current_tenant\\(\\))");
        if (alias == null) {
            return namings > 0;
        }
        long references = Pattern.compile("(?<![:\\w])(?:from|join|update)\\s+([a-z_]+)\\s+(?:as\\s+)?" + alias + "\\b")
                .matcher(sql).results().filter(reference -> shopTables.contains(reference.group(1))).count();
        return namings >= Math.max(1, references);
    }

    /**
     * The shop table itself is read by its id: the shop's, or the one a shop table's row names. Without that the
     * statement reads every shop, and only row-level security would leave the one it wants.
     */
    private static boolean namesItsRow(String sql, String alias) {
        String column = alias == null ? "(?<![.\\w])id" : "\\b" + alias + "\\.id";
        return comparisons(sql, column, "(?::\\w+|\\?|app_current_tenant\\(\\)|\\w+\\.tenant_id)") > 0;
    }

    private static long comparisons(String sql, String column, String value) {
        return Pattern.compile(column + "\\s*=\\s*" + value + "|" + value + "\\s*=\\s*" + column).matcher(sql).results()
                .count();
    }

    private static Set<String> shopTables() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> migrations = Files.list(Path.of("db/migration"))) {
            migrations.filter(path -> path.toString().endsWith(".sql")).forEach(migration -> {
                Matcher created = SHOP_TABLE.matcher(read(migration));
                while (created.find()) {
                    if (created.group(3) != null) {
                        tables.add(created.group(3).toLowerCase());
                    } else if (created.group(2).toLowerCase().matches("(?s).*\\btenant_id\\b.*")) {
                        tables.add(created.group(1).toLowerCase());
                    }
                }
            });
        }
        return tables;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long line(String text, int offset) {
        return text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String firstWords(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.substring(0, Math.min(80, flat.length()));
    }
}
