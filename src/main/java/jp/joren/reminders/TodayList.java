package jp.joren.reminders;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Today's list for staff (DESIGN.md §6): who to contact today and why, most valuable first — a 優良 customer
 * not seen for longer than usual, a part due on a customer's own model, a coupon about to expire, a regular
 * overdue against their own interval, a birthday this week, and last, for a personal word, the lapsed 優良
 * and 流行 customers (after 365 days they are the only lapsed ones still worth a call, DESIGN.md §6). It is read from last night's portfolio whatever rules are on; an item a clerk dealt
 * with leaves everyone's list ("not now": for a week).
 */
@Repository
class TodayList {

    static final int LENGTH = 100;
    static final int SNOOZE_DAYS = 7;

    private static final String ITEMS = """
            with item as (
                select cp.customer_id, case when cp.lapsed then 'LAPSED_TOP' else 'LOYAL_NOT_SEEN' end as reason,
                       cp.last_visit::text as occasion, case when cp.lapsed then 6 else 1 end as priority,
                       cast(:today as date) - cp.last_visit as days, cp.expected_interval_days as usual,
                       null::text as item_name, null::text as item_code, null::date as item_date
                  from customer_portfolio cp
                 where (cp.segment = 'LOYAL' and not cp.lapsed
                        and cast(:today as date) - cp.last_visit > cp.expected_interval_days)
                    or (cp.lapsed and cp.segment in ('LOYAL', 'TREND'))
                union all
                select due.customer_id, 'PART_DUE', due.owned_product_id || ':' || due.part_id || ':' || due.due_on, 2,
                       due.due_on - cast(:today as date), null, due.part_name, due.part_number, due.due_on
                  from (%s) due
                 where due.due_on - due.reminder_lead_days <= :today and due.due_on > cast(:today as date) - 30
                union all
                select c.customer_id, 'COUPON_EXPIRING', c.id::text, 3, c.valid_until - cast(:today as date), null,
                       null, c.code, c.valid_until
                  from coupon c
                 where c.redeemed_at is null and c.customer_id is not null
                   and c.valid_until between :today and cast(:today as date) + 7
                union all
                select cp.customer_id, 'OVERDUE', cp.last_visit::text, 4, cast(:today as date) - cp.last_visit,
                       cp.expected_interval_days, null, null, null
                  from customer_portfolio cp
                 where cp.visits >= 2 and not cp.lapsed and cp.segment <> 'LOYAL'
                   and cast(:today as date) - cp.last_visit >= cp.expected_interval_days + 15
                union all
                select b.id, 'BIRTHDAY', extract(year from b.next)::text, 5, b.next - cast(:today as date), null,
                       null, null, b.next
                  from (select cu.id, %s as next
                          from customer cu
                         where cu.birthday is not null) b
                 where b.next <= cast(:today as date) + 7)
            select i.*, cu.name, cu.name_kana, cu.phone
              from item i
              join customer cu on cu.id = i.customer_id and cu.status = 'ACTIVE'
             where not exists (select 1 from contact_task t
                                where t.customer_id = i.customer_id and t.reason = i.reason and t.occasion = i.occasion
                                  and (t.outcome <> 'NOT_NOW' or t.snoozed_until > :today))
             -- the longest overdue first; but of the lapsed, the most recently lost, the likeliest to come back
             order by i.priority, case when i.reason = 'LAPSED_TOP' then i.days else -i.days end, i.customer_id
             limit :length""".formatted(ReminderCandidates.PARTS_DUE, Birthdays.next("cu.birthday", "cast(:today as date)"));

    private final JdbcClient jdbc;

    TodayList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ContactItem> items(LocalDate today) {
        return jdbc.sql(ITEMS)
                .param("today", today)
                .param("length", LENGTH)
                .query((rs, row) -> new ContactItem(rs.getLong("customer_id"), rs.getString("name"),
                        rs.getString("name_kana"), rs.getString("phone"), rs.getString("reason"),
                        rs.getString("occasion"), rs.getInt("days"), rs.getObject("usual", Integer.class),
                        rs.getString("item_name"), rs.getString("item_code"), rs.getObject("item_date", LocalDate.class)))
                .list();
    }

    /** One clerk dealt with the item; it leaves everyone's list (NOT_NOW: until a week from today). */
    void record(long customerId, String reason, String occasion, String outcome, String note, long clerkId,
            LocalDate today) {
        jdbc.sql("""
                        insert into contact_task (tenant_id, customer_id, reason, occasion, outcome, note, snoozed_until, acted_by)
                        values (app_current_tenant(), :customer, :reason, :occasion, :outcome, :note, :snoozedUntil, :clerk)
                        on conflict (tenant_id, customer_id, reason, occasion) do update
                           set outcome = excluded.outcome, note = excluded.note, snoozed_until = excluded.snoozed_until,
                               acted_by = excluded.acted_by, acted_at = now()""")
                .param("customer", customerId)
                .param("reason", reason)
                .param("occasion", occasion)
                .param("outcome", outcome)
                .param("note", note == null || note.isBlank() ? null : note.strip())
                .param("snoozedUntil", "NOT_NOW".equals(outcome) ? today.plusDays(SNOOZE_DAYS) : null)
                .param("clerk", clerkId)
                .update();
    }
}
