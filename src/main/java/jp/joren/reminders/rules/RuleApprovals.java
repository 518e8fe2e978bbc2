package jp.joren.reminders.rules;

import java.util.List;

import jp.joren.reminders.campaigns.Campaigns;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The messages that wait for the owner (AWAITING_APPROVAL): a rule's first night after it was turned on (or
 * every night when the owner asked so), a campaign's when its day came before the owner approved it. No
 * sender and no postal list takes them; the owner sends them on (QUEUED) or discards them (WITHDRAWN,
 * DISCARDED, their unused coupons with them). A batch is a rule's messages, or one campaign's
 * ({@code campaign} null for a rule).
 */
@Service
@RequiredArgsConstructor
public class RuleApprovals {

    /** How many of a batch's messages the owner reads before deciding. */
    static final int PREVIEWS = 3;

    private final JdbcClient jdbc;
    private final ReminderRules rules;

    public ApprovalBatch waiting(ReminderRule rule, Long campaign) {
        return jdbc.sql("""
                        select count(*) filter (where channel = 'EMAIL') as by_email,
                               count(*) filter (where channel = 'POSTAL') as by_post,
                               count(*) filter (where channel = 'LINE') as by_line
                          from outbox_message
                         where tenant_id = :shop and rule = :rule and status = 'AWAITING_APPROVAL'
                           and campaign_id is not distinct from cast(:campaign as bigint)""")
                .param("shop", CurrentTenant.require())
                .param("rule", rule.name())
                .param("campaign", campaign)
                .query((rs, row) -> new ApprovalBatch(rs.getInt("by_email"), rs.getInt("by_post"),
                        rs.getInt("by_line")))
                .single();
    }

    /** A few of the waiting messages, spread over the batch, for the owner to read. */
    public List<Long> samples(ReminderRule rule, Long campaign) {
        return jdbc.sql("""
                        select id from outbox_message
                         where tenant_id = :shop and rule = :rule and status = 'AWAITING_APPROVAL'
                           and campaign_id is not distinct from cast(:campaign as bigint)
                         order by md5(id::text) limit :limit""")
                .param("shop", CurrentTenant.require())
                .param("rule", rule.name())
                .param("campaign", campaign)
                .param("limit", PREVIEWS)
                .query(Long.class).list();
    }

    /**
     * The owner sends the batch: it goes out with the next pass, and the rule's later nights need no approval
     * (a campaign's approval is the campaign's own, {@link Campaigns#approve}).
     */
    public int approve(ReminderRule rule, Long campaign) {
        int approved = jdbc.sql("""
                        update outbox_message set status = 'QUEUED'
                         where tenant_id = :shop and rule = :rule and status = 'AWAITING_APPROVAL'
                           and campaign_id is not distinct from cast(:campaign as bigint)""")
                .param("shop", CurrentTenant.require())
                .param("rule", rule.name())
                .param("campaign", campaign)
                .update();
        if (campaign == null) {
            rules.firstBatchApproved(rule);
        }
        return approved;
    }

    /**
     * The owner does not send the batch: its occasions are over for good (the outbox's key keeps them from being
     * queued again), its coupons were never seen and are deleted. The rule's next night waits again.
     */
    public int discard(ReminderRule rule, Long campaign) {
        // the coupon each message had, before this statement takes it off the message
        List<Long> coupons = jdbc.sql("""
                        with dropped as (
                            select id, coupon_id from outbox_message
                             where tenant_id = :shop and rule = :rule and status = 'AWAITING_APPROVAL'
                               and campaign_id is not distinct from cast(:campaign as bigint)
                               for update)
                        update outbox_message m set status = 'WITHDRAWN', reason = 'DISCARDED', coupon_id = null
                          from dropped d
                         where m.tenant_id = :shop and m.id = d.id
                        returning d.coupon_id""")
                .param("shop", CurrentTenant.require())
                .param("rule", rule.name())
                .param("campaign", campaign)
                .query((rs, row) -> rs.getObject("coupon_id", Long.class))
                .list();
        List<Long> issued = coupons.stream().filter(id -> id != null).toList();
        if (!issued.isEmpty()) {
            jdbc.sql("delete from coupon where tenant_id = :shop and id = any(:ids) and redeemed_at is null")
                    .param("shop", CurrentTenant.require())
                    .param("ids", issued.toArray(Long[]::new))
                    .update();
        }
        return coupons.size();
    }
}
