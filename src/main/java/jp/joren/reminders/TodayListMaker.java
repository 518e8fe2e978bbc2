package jp.joren.reminders;

import java.time.LocalDate;

import jp.joren.forecast.NextVisit;
import jp.joren.reminders.rules.Birthdays;
import jp.joren.reminders.rules.ReminderCandidates;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Makes today's list in the shop's night (DESIGN.md §6): who to contact today and why, most valuable first —
 * a 優良 customer whose next visit has passed, a part due on a customer's own model, a coupon about to expire,
 * a regular whose next visit is more than two weeks past, a birthday this week, and last, for a personal word,
 * the lapsed 優良 and 流行 customers (after 365 days they are the only lapsed ones still worth a call). It is
 * read from last night's portfolio whatever rules are on; what a clerk dealt with is not listed again until
 * its day to come back ("not now": a week; the voicemail: the day to call again).
 *
 * <p>Made once a night, the list is read on every opening from one index of one table: opening it never
 * depends on the planner's statistics of the shop's big tables, which right after a bulk write may be
 * missing or stale (a nested loop over a table believed empty took 50 s). The night's own statement hashes
 * its joins for the same reason.
 */
@Repository
@RequiredArgsConstructor
public class TodayListMaker {

    private static final String ITEMS = """
            -- today's list: each customer due a call or a word at the counter, once, with the reason that ranks first
            insert into contact_item (tenant_id, customer_id, reason, occasion, listed_on, priority, rank_days, days,
                                      usual_days, item_name, item_code, item_date, product_id, coupon_id, store_id,
                                      last_visit, lapsed, expected_on)
            select cu.tenant_id, i.customer_id, i.reason, i.occasion, :today, i.priority,
                   case when i.reason = 'LAPSED_TOP' then i.days else -i.days end, i.days, i.usual, i.item_name,
                   i.item_code, i.item_date, i.product_id, i.coupon_id, cu.store_id, i.last_visit, i.lapsed, i.expected_on
              from (
                select cp.customer_id, case when cp.lapsed then 'LAPSED_TOP' else 'LOYAL_NOT_SEEN' end as reason,
                       cp.last_visit::text as occasion, case when cp.lapsed then 6 else 1 end as priority,
                       cast(:today as date) - cp.last_visit as days, cp.expected_interval_days as usual,
                       null::text as item_name, null::text as item_code, null::date as item_date,
                       null::bigint as product_id, null::bigint as coupon_id,
                       cp.last_visit, cp.lapsed, %1$s as expected_on
                  from customer_portfolio cp
                %2$s
                 where cp.tenant_id = :shop
                   and ((cp.segment = 'LOYAL' and not cp.lapsed and %1$s < :today)
                        or (cp.lapsed and cp.segment in ('LOYAL', 'TREND')))
                union all
                select due.customer_id, 'PART_DUE', due.owned_product_id || ':' || due.part_id || ':' || due.due_on, 2,
                       due.due_on - cast(:today as date), null, due.part_name, due.part_number, due.due_on,
                       due.product_id, null, null, null, null
                  from (%3$s) due
                 where due.due_on - due.reminder_lead_days <= :today and due.due_on > cast(:today as date) - 30
                union all
                select c.customer_id, 'COUPON_EXPIRING', c.id::text, 3, c.valid_until - cast(:today as date), null,
                       null, c.code, c.valid_until, null, c.id, null, null, null
                  from coupon c
                 where c.tenant_id = :shop and c.redeemed_at is null and c.customer_id is not null
                   and c.valid_until between :today and cast(:today as date) + 7
                union all
                -- a regular (not 優良, who is listed above) whose next visit is more than two weeks past
                select cp.customer_id, 'OVERDUE', cp.last_visit::text, 4, cast(:today as date) - cp.last_visit,
                       cp.expected_interval_days, null, null, null, null, null, cp.last_visit, cp.lapsed, %1$s
                  from customer_portfolio cp
                %2$s
                 where cp.tenant_id = :shop and cp.visits >= 2 and not cp.lapsed and cp.segment <> 'LOYAL'
                   and %1$s + 15 <= :today
                union all
                select b.id, 'BIRTHDAY', extract(year from b.next)::text, 5, b.next - cast(:today as date), null,
                       null, null, b.next, null, null, null, null, null
                  from (select cu.id, %4$s as next
                          from customer cu
                         where cu.tenant_id = :shop and cu.birthday is not null) b
                 where b.next <= cast(:today as date) + 7) i
              join customer cu on cu.tenant_id = :shop and cu.id = i.customer_id and cu.status = 'ACTIVE'
             where not exists (select 1 from contact_task t
                                where t.tenant_id = :shop and t.tenant_id = cu.tenant_id and t.customer_id = i.customer_id
                                  and t.reason = i.reason and t.occasion = i.occasion
                                  and (t.outcome not in ('NOT_NOW', 'VOICEMAIL') or t.snoozed_until > :today))
            on conflict do nothing""".formatted(NextVisit.EXPECTED_ON, NextVisit.JOINS, ReminderCandidates.PARTS_DUE,
                    Birthdays.next("cu.birthday", "cast(:today as date)"));

    private final JdbcClient jdbc;

    /** Replaces the shop's list with today's; what clerks did today stays on it, for everyone to see. */
    public void make(LocalDate today) {
        long shop = CurrentTenant.require();
        jdbc.sql("delete from contact_item where tenant_id = :shop and (outcome is null or listed_on < :today)")
                .param("shop", shop).param("today", today).update();
        jdbc.sql("set local enable_nestloop = off").update();
        jdbc.sql(ITEMS).param("shop", shop).param("today", today).update();
        jdbc.sql("set local enable_nestloop = on").update();
    }
}
