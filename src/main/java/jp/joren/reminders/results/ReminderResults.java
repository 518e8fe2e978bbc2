package jp.joren.reminders.results;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jp.joren.reminders.rules.ReminderRule;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The owner's "did it work?" (DESIGN.md §6): for each rule, the customers sent a message and the customers
 * its hold-out group kept back, and what each did in the {@code days} after — counted in visits (completed
 * purchase days) from the day of the message, as every figure of Joren counts them.
 */
@Repository
@RequiredArgsConstructor
public class ReminderResults {

    /** The longest window the owner can choose; a message older than a year is not this year's question. */
    public static final int MAX_DAYS = 365;

    private final JdbcClient jdbc;

    /** Each rule in the order of {@link ReminderRule} (all campaigns together under CAMPAIGN), then each campaign. */
    public List<RuleResult> since(LocalDate from, int days) {
        Map<String, RuleResult.Arm> sent = new LinkedHashMap<>();
        Map<String, RuleResult.Arm> holdout = new LinkedHashMap<>();
        Map<String, int[]> extras = new LinkedHashMap<>();
        Map<Long, String> campaignNames = new TreeMap<>();
        jdbc.sql("""
                        -- per rule and campaign since :from: customers written to and held out, who came back within :days days,
                        -- their visits and sales, unsubscribes and coupons redeemed
                        with shop_zone as (select time_zone from shop where id = :shop),
                        message as (
                            -- an unconfirmed email may well have reached the customer: it counts as sent, as for the cap
                            select m.tenant_id, m.rule, m.campaign_id, m.customer_id,
                                   m.status in ('SENT', 'UNCONFIRMED') as sent,
                                   m.unsubscribed_at is not null as unsubscribed, c.redeemed_at is not null as redeemed,
                                   (coalesce(m.sent_at, m.queued_at) at time zone (select time_zone from shop_zone))::date as day
                              from outbox_message m
                              left join coupon c on c.tenant_id = :shop and c.tenant_id = m.tenant_id and c.id = m.coupon_id
                             where m.tenant_id = :shop and (m.status in ('SENT', 'UNCONFIRMED') or m.reason = 'HOLDOUT')
                               and coalesce(m.sent_at, m.queued_at) >= cast(:from as date)),
                        outcome as (
                            select m.*, v.visits, v.sales
                              from message m
                              cross join lateral (
                                    select count(distinct p.business_date) as visits, coalesce(sum(p.total), 0) as sales
                                      from completed_purchase p
                                     where p.tenant_id = :shop and p.tenant_id = m.tenant_id and p.customer_id = m.customer_id
                                       and p.business_date >= m.day and p.business_date < m.day + :days) v)
                        select o.rule, o.campaign_id, k.name as campaign_name, o.sent, count(*) as customers,
                               count(*) filter (where o.visits > 0) as came_back, sum(o.visits) as visits,
                               sum(o.sales) as sales, count(*) filter (where o.unsubscribed) as unsubscribed,
                               count(*) filter (where o.redeemed) as redeemed
                          from outcome o
                          left join campaign k on k.tenant_id = :shop and k.tenant_id = o.tenant_id and k.id = o.campaign_id
                         group by grouping sets ((o.rule, o.sent), (o.rule, o.campaign_id, k.name, o.sent))
                        having grouping(o.campaign_id) = 1 or o.campaign_id is not null""")
                .param("shop", CurrentTenant.require())
                .param("from", from)
                .param("days", days)
                .query(rs -> {
                    Long campaign = rs.getObject("campaign_id", Long.class);
                    String key = campaign == null ? rs.getString("rule") : "#" + campaign;
                    if (campaign != null) {
                        campaignNames.put(campaign, rs.getString("campaign_name"));
                    }
                    RuleResult.Arm arm = new RuleResult.Arm(rs.getInt("customers"), rs.getInt("came_back"),
                            rs.getInt("visits"), rs.getLong("sales"));
                    if (rs.getBoolean("sent")) {
                        sent.put(key, arm);
                        extras.put(key, new int[] {rs.getInt("unsubscribed"), rs.getInt("redeemed")});
                    } else {
                        holdout.put(key, arm);
                    }
                });
        List<RuleResult> results = new ArrayList<>();
        for (ReminderRule rule : ReminderRule.values()) {
            results.add(result(rule, null, null, rule.name(), sent, holdout, extras));
        }
        campaignNames.forEach((id, name) -> results.add(result(ReminderRule.CAMPAIGN, id, name, "#" + id, sent, holdout,
                extras)));
        return results;
    }

    /** The recipients of each channel (EMAIL, LINE, POSTAL) and what they did in the {@code days} after. */
    public List<ChannelResult> byChannel(LocalDate from, int days) {
        return jdbc.sql("""
                        with message as (
                            select m.channel, m.customer_id,
                                   (coalesce(m.sent_at, m.handed_over_at, m.queued_at) at time zone s.time_zone)::date as day
                              from outbox_message m
                              join shop s on s.id = m.tenant_id and s.id = :shop
                             where m.tenant_id = :shop and m.status in ('SENT', 'UNCONFIRMED')
                               and coalesce(m.sent_at, m.handed_over_at, m.queued_at) >= cast(:from as date)),
                        outcome as (
                            select m.*, v.visits, v.sales
                              from message m
                              cross join lateral (
                                    select count(distinct p.business_date) as visits, coalesce(sum(p.total), 0) as sales
                                      from completed_purchase p
                                     where p.tenant_id = :shop and p.customer_id = m.customer_id
                                       and p.business_date >= m.day and p.business_date < m.day + :days) v)
                        select channel, count(*) as customers, count(*) filter (where visits > 0) as came_back,
                               sum(visits) as visits, sum(sales) as sales
                          from outcome
                         group by channel
                         order by array_position(array['LINE', 'EMAIL', 'POSTAL'], channel)""")
                .param("shop", CurrentTenant.require())
                .param("from", from)
                .param("days", days)
                .query((rs, row) -> new ChannelResult(rs.getString("channel"), new RuleResult.Arm(rs.getInt("customers"),
                        rs.getInt("came_back"), rs.getInt("visits"), rs.getLong("sales"))))
                .list();
    }

    private static RuleResult result(ReminderRule rule, Long campaignId, String campaignName, String key,
            Map<String, RuleResult.Arm> sent, Map<String, RuleResult.Arm> holdout, Map<String, int[]> extras) {
        int[] extra = extras.getOrDefault(key, new int[2]);
        return new RuleResult(rule, campaignId, campaignName, sent.getOrDefault(key, RuleResult.Arm.NONE),
                holdout.getOrDefault(key, RuleResult.Arm.NONE), extra[0], extra[1]);
    }
}
