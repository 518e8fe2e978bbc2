package jp.joren.reminders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.joren.forecast.NextVisit;
import jp.joren.reminders.today.ContactItem;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Today's list as the night made it ({@link TodayListMaker}) and clerks have worked it since, in priority
 * order, a page at a time, for the whole shop or one store. Each page reads its rows from one index range of
 * the list and looks up only their customers.
 */
@Repository
@RequiredArgsConstructor
public class TodayList {

    public static final int PAGE_SIZE = 100;

    /** How many are on the list, and how many of them nobody dealt with yet. */
    public record Count(long open, long all) {
    }

    private static final String COLUMNS = """
            select i.customer_id, i.reason, i.occasion, i.days, i.usual_days, i.item_name, i.item_code, i.item_date,
                   i.last_visit, i.lapsed, i.expected_on, i.outcome, i.note, i.call_again_on, i.acted_at,
                   a.display_name as acted_by, cu.name, cu.name_kana, cu.phone
            """;

    /**
     * The customer of item {@code i}, looked up by its key in a subquery the planner cannot flatten into the
     * join. Until the statistics know a new shop, the planner takes its customers for one row; as a plain join
     * it then read them through any index on the shop alone and filtered the whole shop once per item (10 s a
     * page on a 100,000-customer shop whose tables were last analysed when it was small). Here the key is the
     * lookup, in key order, whatever the estimates. The statement binds {@code shop}.
     */
    private static final String CUSTOMER = """
              join lateral (select c.name, c.name_kana, c.phone from customer c
                             where c.tenant_id = :shop and c.tenant_id = i.tenant_id and c.id = i.customer_id
                             order by c.tenant_id, c.id limit 1) cu on true
            """;

    private final JdbcClient jdbc;

    public List<ContactItem> page(Long store, int page, LocalDate today) {
        return jdbc.sql(COLUMNS + """
                          from (select * from contact_item
                                 where tenant_id = :shop %s
                                 order by priority, rank_days, customer_id, reason, occasion
                                 limit :limit offset :offset) i
                        """.formatted(inStore(store)) + CUSTOMER + """
                          left join account a on a.tenant_id = :shop and a.tenant_id = i.tenant_id and a.id = i.acted_by
                         order by i.priority, i.rank_days, i.customer_id, i.reason, i.occasion""")
                .param("shop", CurrentTenant.require())
                .param("store", store)
                .param("limit", PAGE_SIZE)
                .param("offset", (long) Math.max(0, page) * PAGE_SIZE)
                .query((rs, row) -> item(rs, today))
                .list();
    }

    /** How many items of today's list no one has dealt with yet, in every store. */
    @Transactional(readOnly = true)
    public long open() {
        return count(null).open();
    }

    public Count count(Long store) {
        return jdbc.sql("""
                        select count(*) filter (where outcome is null) as open, count(*) as all_items
                          from contact_item where tenant_id = :shop %s""".formatted(inStore(store)))
                .param("shop", CurrentTenant.require())
                .param("store", store)
                .query((rs, row) -> new Count(rs.getLong("open"), rs.getLong("all_items")))
                .single();
    }

    public Optional<ContactItem> item(long customerId, String reason, String occasion, LocalDate today) {
        return jdbc.sql(COLUMNS + """
                          from contact_item i
                        %s
                          left join account a on a.tenant_id = :shop and a.tenant_id = i.tenant_id and a.id = i.acted_by
                         where i.tenant_id = :shop and i.customer_id = :customer and i.reason = :reason
                           and i.occasion = :occasion""".formatted(CUSTOMER))
                .param("shop", CurrentTenant.require())
                .param("customer", customerId)
                .param("reason", reason)
                .param("occasion", occasion)
                .query((rs, row) -> item(rs, today))
                .optional();
    }

    private static String inStore(Long store) {
        return store == null ? "" : "and store_id = :store";
    }

    private static ContactItem item(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate lastVisit = rs.getObject("last_visit", LocalDate.class);
        NextVisit next = lastVisit == null ? null
                : NextVisit.of(rs.getObject("expected_on", LocalDate.class), lastVisit, rs.getBoolean("lapsed"), today);
        Timestamp actedAt = rs.getTimestamp("acted_at");
        return new ContactItem(rs.getLong("customer_id"), rs.getString("name"), rs.getString("name_kana"),
                rs.getString("phone"), rs.getString("reason"), rs.getString("occasion"), rs.getInt("days"),
                rs.getObject("usual_days", Integer.class), rs.getString("item_name"), rs.getString("item_code"),
                rs.getObject("item_date", LocalDate.class), next, rs.getString("outcome"), rs.getString("note"),
                rs.getObject("call_again_on", LocalDate.class), rs.getString("acted_by"),
                actedAt == null ? null : actedAt.toInstant());
    }
}
