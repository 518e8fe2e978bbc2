package jp.joren.shared;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gives the planner fresh statistics of the shops' tables after Joren wrote many rows at once (a demo or load
 * shop generated, a file imported, a night): without them it plans for the tables as they were when last
 * analysed, and the first queries after the write were a hundred times slower (ADR 0007). Call it after the
 * write has committed, outside a transaction.
 */
@Component
@RequiredArgsConstructor
public class TableStatistics {

    private static final Logger log = LoggerFactory.getLogger(TableStatistics.class);

    private final JdbcClient jdbc;

    /** Analyses the tables bulk writes fill, whatever their state. */
    public void refreshAfterBulkWrite() {
        jdbc.sql("select analyze_after_bulk_write()").query().singleRow();
    }

    /**
     * Within a long writing transaction (an import), has every later statement planned for the tables as they are
     * then, where Joren cannot analyse them as it goes: on Citus, whose workers hold the rows this transaction
     * wrote, an analysis through the coordinator is refused. Otherwise the plans cached while the shards were
     * empty stay: each line's foreign key check read its shop's whole shard of receipts, and each thousand lines
     * of a 40,000-line sales import took longer than the last (0.4 s at first, 2.5 s and more at the end, where
     * the checks took 2.3 ms a line). On one server it does nothing (the import analyses as it goes).
     */
    public void planForTheTablesAsTheyGrow() {
        if (Boolean.TRUE.equals(jdbc.sql("select joren_on_citus()").query(Boolean.class).single())) {
            // SET LOCAL reaches the workers' connections of this transaction (citus.propagate_set_commands)
            jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        }
    }

    /**
     * Analyses the tables that changed enough since their last analysis (the rule autovacuum follows), and only
     * those: cheap when nothing did, so it can follow every night. A failure costs speed, not data, and is only
     * logged. @return the tables analysed
     */
    public List<String> refreshStale() {
        try {
            List<String> analysed = jdbc.sql("select analyze_stale_tables()").query(String.class).list();
            if (!analysed.isEmpty()) {
                log.info("Analysed after a bulk write: {}", String.join(", ", analysed));
            }
            return analysed;
        } catch (RuntimeException e) {
            log.warn("Could not analyse the tables after a bulk write", e);
            return List.of();
        }
    }
}
