package jp.joren.shared;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives the planner fresh statistics of the shops' big tables after Joren wrote many rows at once (a demo or
 * load shop generated, a file imported): without them it plans for nearly empty tables, and the first
 * queries after the write were a hundred times slower (ADR 0007). Call it after the write has committed.
 */
@Component
public class TableStatistics {

    private final JdbcClient jdbc;

    TableStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void refreshAfterBulkWrite() {
        jdbc.sql("select analyze_after_bulk_write()").query().singleRow();
    }
}
