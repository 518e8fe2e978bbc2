package jp.joren.reminders.outbox;

import jp.joren.line.LineFriends;
import jp.joren.reminders.unsubscribe.Reachability;

/** The two set-based statements of a sending pass: the guards again before sending, and the claim. */
final class ClaimStatements {

    /**
     * The guards again at sending, for what changed since the night: a rule switched off, consent withdrawn,
     * an unsubscribe, the frequency cap (other promotions that may have reached the customer within the
     * cap's days — sent, or handed over without an answer — or are being sent).
     */
    private static final String HOLD_BACK_TEMPLATE = """
            with due as (
                select m.id, m.customer_id, m.rule, m.promotional from outbox_message m
                 where m.tenant_id = :shop and m.status = 'QUEUED' and m.channel = :channel and m.due_on <= :today
                   and (m.next_attempt_at is null or m.next_attempt_at <= :now)),
            verdict as (
                select d.id,
                       case when d.rule <> 'CAMPAIGN' and not coalesce(r.enabled, false) then 'RULE_OFF'
                            when not (%s) or cu.status <> 'ACTIVE' then 'NO_CONSENT'
                            when %s
                                 then 'UNSUBSCRIBED'
                            when d.promotional and exists (
                                     select 1 from outbox_message o
                                      where o.tenant_id = :shop and o.customer_id = d.customer_id and o.promotional
                                        and o.id <> d.id
                                        and ((o.status = 'SENT' and o.sent_at > cast(:now as timestamptz) - make_interval(days => :capDays))
                                             or (o.status = 'UNCONFIRMED' and o.handed_over_at > cast(:now as timestamptz) - make_interval(days => :capDays))
                                             or o.status = 'SENDING'))
                                 then 'FREQUENCY_CAP'
                       end as reason
                  from due d
                  join customer cu on cu.tenant_id = :shop and cu.id = d.customer_id
                  left join reminder_rule r on r.tenant_id = :shop and r.rule = d.rule)
            update outbox_message m set status = 'HELD', reason = v.reason
              from verdict v
             where m.tenant_id = :shop and m.id = v.id and v.reason is not null""";

    /** By email: consent, an address, and the address not unsubscribed. */
    static final String HOLD_BACK = HOLD_BACK_TEMPLATE.formatted(
            Reachability.consents("cu", "EMAIL") + " and coalesce(cu.email, '') <> ''",
            Reachability.unsubscribed("cu"));

    /** On LINE: consent, and LINE linked and not blocked (blocking withdraws the consent too). */
    static final String HOLD_BACK_LINE = HOLD_BACK_TEMPLATE.formatted(
            Reachability.consents("cu", "LINE") + " and " + LineFriends.linked("cu"), "false");

    /**
     * One message per customer per pass, so the cap holds within a pass too; the rule order decides which.
     * The pick is materialized: a subquery with SKIP LOCKED that the planner scans again picks other rows.
     */
    static final String CLAIM = """
            with picked as materialized (
                select id from outbox_message
                 where tenant_id = :shop
                   and id in (select distinct on (customer_id) id from outbox_message
                               where tenant_id = :shop and status = 'QUEUED' and channel = :channel and due_on <= :today
                                 and (next_attempt_at is null or next_attempt_at <= :now)
                               order by customer_id, array_position(cast(:ruleOrder as text[]), rule), id)
                 order by due_on, id
                 limit :limit
                   for update skip locked)
            update outbox_message m set status = 'SENDING', claimed_at = :now, handed_over_at = null,
                                        attempts = m.attempts + 1
              from picked
             where m.tenant_id = :shop and m.id = picked.id
            returning m.id, m.attempts""";

    private ClaimStatements() {
    }
}
