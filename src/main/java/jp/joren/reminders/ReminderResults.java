package jp.joren.reminders;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The owner's "did it work?" (DESIGN.md §6): for each rule, the customers sent a message and the customers
 * its hold-out group kept back, and what each did in the {@code days} after — counted in visits (completed
 * purchase days) from the day of the message, as every figure of Joren counts them.
 */
@Repository
class ReminderResults {

    /** The longest window the owner can choose; a message older than a year is not this year's question. */
    static final int MAX_DAYS = 365;

    private final JdbcClient jdbc;

    ReminderResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RuleResult> since(LocalDate from, int days) {
        Map<ReminderRule, RuleResult.Arm> sent = new EnumMap<>(ReminderRule.class);
        Map<ReminderRule, RuleResult.Arm> holdout = new EnumMap<>(ReminderRule.class);
        Map<ReminderRule, int[]> extras = new EnumMap<>(ReminderRule.class);
        jdbc.sql("""
                        with shop_zone as (select time_zone from shop),
                        message as (
                            select m.rule, m.customer_id, m.status = 'SENT' as sent, m.unsubscribed_at is not null as unsubscribed,
                                   c.redeemed_at is not null as redeemed,
                                   (coalesce(m.sent_at, m.queued_at) at time zone (select time_zone from shop_zone))::date as day
                              from outbox_message m
                              left join coupon c on c.id = m.coupon_id
                             where (m.status = 'SENT' or m.reason = 'HOLDOUT')
                               and coalesce(m.sent_at, m.queued_at) >= cast(:from as date)),
                        outcome as (
                            select m.*, v.visits, v.sales
                              from message m
                              cross join lateral (
                                    select count(distinct p.business_date) as visits, coalesce(sum(p.total), 0) as sales
                                      from purchase p
                                     where p.customer_id = m.customer_id and p.status = 'COMPLETED'
                                       and p.business_date >= m.day and p.business_date < m.day + :days) v)
                        select rule, sent, count(*) as customers, count(*) filter (where visits > 0) as came_back,
                               sum(visits) as visits, sum(sales) as sales,
                               count(*) filter (where unsubscribed) as unsubscribed,
                               count(*) filter (where redeemed) as redeemed
                          from outcome
                         group by rule, sent""")
                .param("from", from)
                .param("days", days)
                .query(rs -> {
                    ReminderRule rule = ReminderRule.valueOf(rs.getString("rule"));
                    RuleResult.Arm arm = new RuleResult.Arm(rs.getInt("customers"), rs.getInt("came_back"),
                            rs.getInt("visits"), rs.getLong("sales"));
                    if (rs.getBoolean("sent")) {
                        sent.put(rule, arm);
                        extras.put(rule, new int[] {rs.getInt("unsubscribed"), rs.getInt("redeemed")});
                    } else {
                        holdout.put(rule, arm);
                    }
                });
        List<RuleResult> results = new ArrayList<>();
        for (ReminderRule rule : ReminderRule.values()) {
            int[] extra = extras.getOrDefault(rule, new int[2]);
            results.add(new RuleResult(rule, sent.getOrDefault(rule, RuleResult.Arm.NONE),
                    holdout.getOrDefault(rule, RuleResult.Arm.NONE), extra[0], extra[1]));
        }
        return results;
    }
}
