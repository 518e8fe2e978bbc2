package jp.joren.dashboard.audience;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import jp.joren.dashboard.period.Period;
import jp.joren.forecast.NextVisit;
import jp.joren.segments.Cell;
import jp.joren.segments.Segment;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The customers of a {@link Selection}, with their portfolio figures, largest spenders first. */
@Repository
@RequiredArgsConstructor
public class AudienceMembers {

    public static final int PAGE_SIZE = 100;

    record Member(long id, String code, String name, String nameKana, String phone, String email, String town,
            Cell cell, Integer visits, Long amount, LocalDate lastVisit, NextVisit nextVisit) {
    }

    private final JdbcClient jdbc;

    /** What an audience is read against: today, the shop's neighbourhood, the frequency cap's window. */
    record Context(LocalDate today, List<String> towns, Instant capSince) {
    }

    long count(Selection selection, Context context) {
        return bind(jdbc.sql("select count(*) from (" + selection.audience().sql + ") a"), selection, context)
                .query(Long.class).single();
    }

    List<Member> page(Selection selection, Context context, int page) {
        return bind(jdbc.sql(SELECT.formatted(selection.audience().sql) + " limit :limit offset :offset"),
                selection, context)
                .param("limit", PAGE_SIZE).param("offset", Math.max(0, page) * PAGE_SIZE)
                .query((rs, row) -> member(rs, context.today()))
                .list();
    }

    void each(Selection selection, Context context, Consumer<Member> consumer) {
        bind(jdbc.sql(SELECT.formatted(selection.audience().sql)), selection, context)
                .query((rs, row) -> member(rs, context.today()))
                .stream().forEach(consumer);
    }

    private static final String SELECT = """
            select c.id, c.code, c.name, c.name_kana, c.phone, c.email, c.town, cp.segment, cp.lapsed, cp.visits,
                   cp.amount, cp.last_visit, %s as next_expected
              from customer c
              left join customer_portfolio cp on cp.tenant_id = :shop and cp.tenant_id = c.tenant_id and cp.customer_id = c.id
            %s
             where c.tenant_id = :shop and c.id in (%s)
             order by cp.amount desc nulls last, c.id
            """.formatted(NextVisit.EXPECTED_ON, NextVisit.JOINS, "%s");

    private static Member member(java.sql.ResultSet rs, LocalDate today) throws java.sql.SQLException {
        String segment = rs.getString("segment");
        LocalDate lastVisit = rs.getObject("last_visit", LocalDate.class);
        return new Member(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("name_kana"),
                rs.getString("phone"), rs.getString("email"), rs.getString("town"),
                segment == null ? null : new Cell(Segment.valueOf(segment), rs.getBoolean("lapsed")),
                rs.getObject("visits", Integer.class), rs.getObject("amount", Long.class),
                lastVisit, lastVisit == null ? null
                        : NextVisit.of(rs.getObject("next_expected", LocalDate.class), lastVisit, rs.getBoolean("lapsed"), today));
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Selection selection,
            Context context) {
        Period period = selection.period();
        Period cohort = period.cohortOldEnough();
        return statement
                .param("shop", CurrentTenant.require())
                .param("from", period.from())
                .param("until", period.until())
                .param("before", period.previous().from())
                .param("beforeUntil", period.previous().until())
                .param("snapshot", period.snapshotAtStart())
                .param("cohortFrom", cohort.from())
                .param("cohortUntil", cohort.until())
                .param("today", context.today())
                .param("segment", selection.cell() == null ? null : selection.cell().segment().name())
                .param("lapsed", selection.cell() != null && selection.cell().lapsed())
                .param("fromSegment", selection.from() == null ? null : selection.from().segment().name())
                .param("fromLapsed", selection.from() != null && selection.from().lapsed())
                .param("month", selection.month())
                .param("monthBefore", selection.month() == null ? null : selection.month().minusMonths(1))
                .param("visits", selection.visits())
                .param("tier", selection.tier())
                .param("town", selection.town())
                .param("category", selection.category())
                .param("step", selection.step() == null ? null : selection.step().name())
                .param("days", selection.days())
                .param("towns", context.towns().toArray(String[]::new))
                .param("capSince", Timestamp.from(context.capSince()));
    }
}
