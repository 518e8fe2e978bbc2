package jp.joren.tenancy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

import jp.joren.support.JorenIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A statement the database does not support (SQLSTATE 0A000, Citus's answer to a query it cannot distribute)
 * fails as itself: its message is the error, and the connection it ran on stays in the pool.
 */
@JorenIntegrationTest
class UnsupportedStatementTest {

    private static final String UNSUPPORTED =
            "do $$ begin raise exception 'no such shape here' using errcode = 'feature_not_supported'; end $$";

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void theConnectionThatRanAnUnsupportedStatementIsKept() throws SQLException {
        int backend;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            backend = backend(statement);
            assertThatThrownBy(() -> statement.execute(UNSUPPORTED)).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("0A000");
        }
        // the pool hands a thread the connection it gave back last, unless it evicted it
        try (Connection again = dataSource.getConnection(); Statement statement = again.createStatement()) {
            assertThat(backend(statement)).isEqualTo(backend);
        }
    }

    @Test
    void aTransactionEndedByAnUnsupportedStatementReportsWhatTheDatabaseSaid() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> jdbc.sql(UNSUPPORTED).update()))
                .hasMessageContaining("no such shape here")
                .hasStackTraceContaining("no such shape here");
        Integer afterwards = transaction.execute(status -> jdbc.sql("select 1").query(Integer.class).single());
        assertThat(afterwards).isEqualTo(1);
    }

    private static int backend(Statement statement) throws SQLException {
        try (var rs = statement.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
