package jp.joren.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One {@code insert ... select from unnest(arrays)} statement for many rows: a round trip per table and
 * chunk instead of per row. Columns are filled from row indexes; {@code tenant_id} comes from the
 * transaction's shop, so row-level security checks every row. {@code on conflict do nothing} (the generator's
 * rows never conflict) makes Citus insert the rows on its workers rather than COPY them, which row-level
 * security refuses.
 */
@RequiredArgsConstructor
final class BulkInsert {

    private final int rows;
    private final List<String> columns = new ArrayList<>();
    private final List<String> casts = new ArrayList<>();
    private final List<Object> arrays = new ArrayList<>();

    static BulkInsert rows(int rows) {
        return new BulkInsert(rows);
    }

    BulkInsert bigint(String column, IntToLongFunction value) {
        long[] array = new long[rows];
        for (int i = 0; i < rows; i++) {
            array[i] = value.applyAsLong(i);
        }
        return add(column, "bigint[]", array);
    }

    /**
     * Any other type, nullable, sent as its text form and cast by PostgreSQL ({@code "date"}, {@code "int"},
     * {@code "timestamptz"}…): {@code String.valueOf} of {@code LocalDate} and {@code OffsetDateTime} is ISO 8601,
     * which PostgreSQL reads.
     */
    BulkInsert value(String column, String type, IntFunction<?> value) {
        String[] array = new String[rows];
        for (int i = 0; i < rows; i++) {
            Object v = value.apply(i);
            array[i] = v == null ? null : v.toString();
        }
        return add(column, type + "[]", array);
    }

    BulkInsert text(String column, IntFunction<String> value) {
        return value(column, "text", value);
    }

    void into(JdbcClient jdbc, String table) {
        if (rows == 0) {
            return;
        }
        String unnest = String.join(", ", casts.stream().map(cast -> "?::" + cast).toList());
        jdbc.sql("insert into " + table + " (tenant_id, " + String.join(", ", columns) + ") "
                        + "select app_current_tenant(), * from unnest(" + unnest + ") on conflict do nothing")
                .params(arrays)
                .update();
    }

    private BulkInsert add(String column, String cast, Object array) {
        columns.add(column);
        casts.add(cast);
        arrays.add(array);
        return this;
    }
}
