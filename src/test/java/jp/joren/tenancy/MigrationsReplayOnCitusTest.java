package jp.joren.tenancy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrations from V41 on are applied to databases that may already be distributed (README, "Running on Citus"),
 * where Citus replays each DDL statement on every shard: a constraint added with a column and no name of its
 * own, a statement trigger with transition tables, or a unique key without the shop first, fails there.
 */
class MigrationsReplayOnCitusTest {

    /** The first migration written after Joren ran on Citus. */
    private static final int FIRST_DISTRIBUTED = 41;

    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");
    private static final Pattern STATEMENT = Pattern.compile("(?s)[^;]*?;");
    /**
     * A function whose name says it runs on one server only (its migration calls it where the tables are not
     * distributed): what it makes is never replayed on shards.
     */
    private static final Pattern ONE_SERVER_ONLY = Pattern.compile(
            "(?s)create (or replace )?function \\w+_on_one_server\\(\\).*?\\$\\$.*?\\$\\$;");

    @Test
    void newMigrationsUseOnlyShapesADistributedSchemaReplays() throws IOException {
        List<String> refused = new ArrayList<>();
        try (Stream<Path> migrations = Files.list(Path.of("db/migration"))) {
            migrations.filter(MigrationsReplayOnCitusTest::distributed).sorted().forEach(migration -> {
                Matcher statement = STATEMENT.matcher(ONE_SERVER_ONLY.matcher(withoutComments(read(migration))).replaceAll(""));
                while (statement.find()) {
                    String sql = statement.group().toLowerCase().replaceAll("\\s+", " ").strip();
                    String where = migration.getFileName() + ": " + sql.substring(0, Math.min(90, sql.length()));
                    if (sql.matches(".*\\badd column\\b.*\\b(references|check|unique|primary key)\\b.*")) {
                        refused.add(where + " — add the constraint in its own statement, named");
                    }
                    if (sql.matches(".*\\badd (foreign key|check|unique|primary key)\\b.*")) {
                        refused.add(where + " — name the constraint (add constraint <name> …)");
                    }
                    if (sql.matches(".*\\bcreate trigger\\b.*\\breferencing\\b.*")) {
                        refused.add(where + " — a row trigger, not transition tables");
                    }
                    if (sql.matches(".*\\bcreate unique index \\w+ on \\w+ (using \\w+ )?\\((?!tenant_id\\b).*")
                            && !sql.matches(".*\\bon (account|shop)\\b.*")) {
                        refused.add(where + " — a unique key leads with tenant_id");
                    }
                    if (sql.matches(".*\\bcreate (unique )?index\\b(?! \\w+ on).*")) {
                        refused.add(where + " — name the index");
                    }
                }
            });
        }
        assertThat(refused).as("statements of new migrations a distributed schema would not replay").isEmpty();
    }

    @Test
    void theRuleHoldsFromTheMigrationThatFollowedCitus() {
        assertThat(Path.of("db/migration/V41__shapes_a_distributed_database_runs.sql")).exists();
    }

    private static boolean distributed(Path migration) {
        Matcher version = VERSION.matcher(migration.getFileName().toString());
        return version.matches() && Integer.parseInt(version.group(1)) >= FIRST_DISTRIBUTED;
    }

    private static String withoutComments(String sql) {
        // dollar-quoted bodies (functions) are not DDL Citus replays per shard
        return sql.replaceAll("(?s)\\$\\$.*?\\$\\$", "\\$\\$\\$\\$").replaceAll("--[^\\n]*", "");
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
