package jp.joren.dashboard.portfolio;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import jp.joren.segments.Cell;
import jp.joren.segments.Segment;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The portfolio month by month, as the night closed each month: the movement between cells and the trend of each
 * cell.
 */
@Repository
@RequiredArgsConstructor
public class PortfolioHistory {

    /** The movement into {@code month}'s close (null when no month has closed yet). */
    public record Movement(LocalDate month, Map<String, Long> counts, long total) {

        /** Customers who moved from {@code from} (null: had no cell the month before) to {@code to}. */
        public long count(Cell from, Cell to) {
            return counts.getOrDefault(key(from, to), 0L);
        }

        static String key(Cell from, Cell to) {
            return (from == null ? "NEW" : from.code()) + ">" + to.code();
        }
    }

    public record Trend(List<LocalDate> months, Map<Cell, long[]> counts) {

        public long[] of(Cell cell) {
            return counts.getOrDefault(cell, new long[months.size()]);
        }

        /** Month by month, the cell's count, for a row of the table. */
        public List<MonthCount> row(Cell cell) {
            long[] counts = of(cell);
            return IntStream.range(0, months.size()).mapToObj(i -> new MonthCount(months.get(i), counts[i])).toList();
        }
    }

    public record MonthCount(LocalDate month, long customers) {
    }

    private final JdbcClient jdbc;

    /**
     * The earliest day whose purchases changed after the month ends from it on were taken (an import of older
     * history, a correction): tonight's run takes them again; until then they do not count those changes.
     */
    public Optional<LocalDate> monthEndsStaleSince() {
        return jdbc.sql("select since from portfolio_stale where tenant_id = :shop")
                .param("shop", CurrentTenant.require())
                .query(LocalDate.class).optional();
    }

    /** The movement into the latest month whose movement is known, no later than {@code month}. */
    public Movement movement(LocalDate month) {
        Optional<LocalDate> known = latestMovementMonth(month);
        Map<String, Long> counts = new HashMap<>();
        long total = 0;
        if (known.isPresent()) {
            for (Move move : moves(known.get())) {
                counts.put(Movement.key(move.from(), move.to()), move.customers());
                total += move.customers();
            }
        }
        return new Movement(known.orElse(null), counts, total);
    }

    /** Twelve months up to the last one closed by {@code month}'s end. */
    public Trend trend(LocalDate month) {
        LocalDate lastMonth = latestClosedMonth(month).orElse(month);
        List<LocalDate> months = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            months.add(lastMonth.minusMonths(i));
        }
        Map<Cell, long[]> counts = new HashMap<>();
        for (MonthCell row : monthCells(months.get(0), lastMonth)) {
            counts.computeIfAbsent(row.cell(), cell -> new long[months.size()])[months.indexOf(row.month())] = row.customers();
        }
        return new Trend(months, counts);
    }

    private record Move(Cell from, Cell to, long customers) {
    }

    private record MonthCell(LocalDate month, Cell cell, long customers) {
    }

    private Optional<LocalDate> latestMovementMonth(LocalDate month) {
        return jdbc.sql("select max(month) from portfolio_movement where tenant_id = ? and month <= ?")
                .params(CurrentTenant.require(), month)
                .query(LocalDate.class).optional();
    }

    private List<Move> moves(LocalDate month) {
        return jdbc.sql("""
                        select from_segment, from_lapsed, to_segment, to_lapsed, customers
                          from portfolio_movement where tenant_id = ? and month = ?
                        """)
                .params(CurrentTenant.require(), month)
                .query((rs, row) -> new Move(
                        rs.getString("from_segment") == null ? null
                                : cell(rs.getString("from_segment"), rs.getBoolean("from_lapsed")),
                        cell(rs.getString("to_segment"), rs.getBoolean("to_lapsed")), rs.getLong("customers")))
                .list();
    }

    private Optional<LocalDate> latestClosedMonth(LocalDate month) {
        return jdbc.sql("select max(month) from portfolio_month_cell where tenant_id = ? and month <= ?")
                .params(CurrentTenant.require(), month)
                .query(LocalDate.class).optional();
    }

    private List<MonthCell> monthCells(LocalDate fromMonth, LocalDate toMonth) {
        return jdbc.sql("""
                        select month, segment, lapsed, customers from portfolio_month_cell
                         where tenant_id = ? and month >= ? and month <= ? order by month
                        """)
                .params(CurrentTenant.require(), fromMonth, toMonth)
                .query((rs, row) -> new MonthCell(rs.getObject("month", LocalDate.class),
                        cell(rs.getString("segment"), rs.getBoolean("lapsed")), rs.getLong("customers")))
                .list();
    }

    private static Cell cell(String segment, boolean lapsed) {
        return new Cell(Segment.valueOf(segment), lapsed);
    }
}
