package jp.joren.demo;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Identity values drawn ahead of an insert, so rows of other tables can point at rows not yet written. */
final class Ids {

    private Ids() {
    }

    static long[] allocate(JdbcClient jdbc, String table, int count) {
        if (count == 0) {
            return new long[0];
        }
        return jdbc.sql("select nextval(pg_get_serial_sequence(?, 'id')) from generate_series(1, ?) order by 1")
                .params(table, count)
                .query(Long.class).list().stream().mapToLong(Long::longValue).toArray();
    }
}
