package jp.joren.reminders.outbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jp.joren.reminders.coupons.CouponCodes;
import jp.joren.reminders.rules.ReminderRule;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the owner reads of the outbox: the latest messages, and how many of each rule are in each state. */
@Repository
@RequiredArgsConstructor
public class OutboxQueries {

    static final int PAGE = 200;

    private final JdbcClient jdbc;

    /** The latest messages, newest first, of one status and rule when given. */
    List<OutboxRow> latest(String status, ReminderRule rule) {
        return jdbc.sql("""
                        select m.id, m.customer_id, cu.name, m.rule, m.occasion, m.channel, m.status, m.reason, m.due_on,
                               m.sent_at, c.code as coupon_code, m.last_error
                          from outbox_message m
                          join customer cu on cu.tenant_id = :shop and cu.tenant_id = m.tenant_id and cu.id = m.customer_id
                          left join coupon c on c.tenant_id = :shop and c.tenant_id = m.tenant_id and c.id = m.coupon_id
                         where m.tenant_id = :shop
                           and (cast(:status as text) is null or m.status = :status)
                           and (cast(:rule as text) is null or m.rule = :rule)
                         order by m.queued_at desc, m.id desc
                         limit :limit""")
                .param("shop", CurrentTenant.require())
                .param("status", status)
                .param("rule", rule == null ? null : rule.name())
                .param("limit", PAGE)
                .query((rs, row) -> new OutboxRow(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("name"),
                        ReminderRule.valueOf(rs.getString("rule")), rs.getString("occasion"), rs.getString("channel"),
                        rs.getString("status"), rs.getString("reason"), rs.getObject("due_on", LocalDate.class),
                        instant(rs.getObject("sent_at", OffsetDateTime.class)), CouponCodes.display(rs.getString("coupon_code")),
                        rs.getString("last_error")))
                .list();
    }

    /** Per rule, the number of messages in each status. */
    public Map<ReminderRule, Map<String, Integer>> countsByRule() {
        Map<ReminderRule, Map<String, Integer>> counts = new EnumMap<>(ReminderRule.class);
        for (ReminderRule rule : ReminderRule.values()) {
            counts.put(rule, new TreeMap<>());
        }
        jdbc.sql("select rule, status, count(*) as n from outbox_message where tenant_id = :shop group by rule, status")
                .param("shop", CurrentTenant.require())
                .query(rs -> {
                    counts.get(ReminderRule.valueOf(rs.getString("rule"))).put(rs.getString("status"), rs.getInt("n"));
                });
        return counts;
    }

    /** The rule's newest message that goes out (else any), whose customer makes a preview with real data. */
    public Optional<Long> latestMessageOf(ReminderRule rule) {
        return jdbc.sql("""
                        select id from outbox_message where tenant_id = :shop and rule = :rule
                         order by status in ('AWAITING_APPROVAL', 'QUEUED', 'SENDING', 'SENT') desc, id desc limit 1""")
                .param("shop", CurrentTenant.require())
                .param("rule", rule.name())
                .query(Long.class).optional();
    }

    /** Whether the shop has what every promotional email must carry (特定電子メール法): a sender, an address, a contact. */
    public boolean senderComplete() {
        return jdbc.sql("""
                        select sender_name is not null and sender_postal_address is not null
                               and (sender_email is not null or sender_phone is not null)
                          from shop where id = :shop""")
                .param("shop", CurrentTenant.require())
                .query(Boolean.class).single();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
