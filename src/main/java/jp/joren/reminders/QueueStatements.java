package jp.joren.reminders;

import jp.joren.line.LineFriends;
import jp.joren.reminders.letters.Letters;
import jp.joren.reminders.unsubscribe.Reachability;

/**
 * The statements that put a rule's or a campaign's candidates through the guards and onto a channel: to queue
 * their messages, to count whom they would reach, and to show one of them as a letter before anything is queued.
 * A candidate query (Recipients) goes where {@link #CANDIDATES} stands.
 */
final class QueueStatements {

    /** Where a rule's or campaign's candidate query goes into the statements below. */
    static final String CANDIDATES = "{candidates}";

    /**
     * The guards at queueing: an active customer reachable by email (advertising consent that is not
     * pending, an address, not unsubscribed) or else by post (consent and an address); then the rule's
     * hold-out group, drawn from a hash of shop, customer and rule so a customer stays in or out of it
     * night after night. The unreachable are not part of the hold-out: it compares like with like.
     */
    private static final String ROUTED = """
            with candidate as (select * from (%1$s) occasion
                                -- a rule sends no occasion from before it was turned on (or retimed)
                                where cast(:activeFrom as date) is null or occasion.due_on >= :activeFrom),
            reach as (
                select c.*,
                       %2$s and coalesce(cu.email, '') <> '' as email_consent,
                       %3$s as unsubscribed,
                       %4$s and coalesce(cu.postal_code, '') <> ''
                           and coalesce(cu.city, '') || coalesce(cu.town, '') || coalesce(cu.address_line, '') <> ''
                           as postal,
                       %5$s and %6$s as line,
                       ('x' || substr(md5(cu.tenant_id || ':' || cu.id || ':' || :holdoutKey), 1, 7))::bit(28)::int %% 100
                           < :holdout as held_out
                  from candidate c
                  join customer cu on cu.tenant_id = :shop and cu.id = c.customer_id and cu.status = 'ACTIVE'
                 -- a night run again in the day does not remind someone who has bought since
                 where not exists (select 1 from completed_purchase b
                                    where b.tenant_id = :shop and b.tenant_id = cu.tenant_id
                                      and b.customer_id = c.customer_id
                                      and b.business_date >= :today
                                      and (c.product_id is null
                                           or exists (select 1 from purchase_line l
                                                       where l.tenant_id = :shop and l.tenant_id = b.tenant_id
                                                         and l.purchase_id = b.id
                                                         and l.product_id = c.product_id)))),
            routes as (
                -- the first channel of the rule's order (:channels) the customer can be reached on
                select r.*,
                       (select o.channel from unnest(cast(:channels as text[])) with ordinality o(channel, position)
                         where (o.channel = 'EMAIL' and r.email_consent and not r.unsubscribed)
                            or (o.channel = 'POSTAL' and r.postal)
                            or (o.channel = 'LINE' and r.line)
                         order by o.position limit 1) as route
                  from reach r),
            routed as (
                select r.*, r.route = 'EMAIL' as email, r.route is not null as reachable
                  from routes r)
            """.formatted(CANDIDATES, Reachability.consents("cu", "EMAIL"),
            Reachability.unsubscribed("cu"), Reachability.consents("cu", "POSTAL"),
            Reachability.consents("cu", "LINE"), LineFriends.linked("cu"));

    static final String QUEUE = ROUTED + """
            insert into outbox_message (tenant_id, customer_id, rule, subject_ref, occasion, channel, promotional,
                                        status, reason, due_on, product_id, owned_product_id, campaign_id,
                                        unsubscribe_token)
            select app_current_tenant(), customer_id, :rule, subject_ref, occasion,
                   coalesce(route, 'POSTAL'), :promotional,
                   case when reachable and not held_out then :waiting else 'HELD' end,
                   case when not reachable and email_consent then 'UNSUBSCRIBED'
                        when not reachable then 'NO_CONSENT'
                        when held_out then 'HOLDOUT' end,
                   due_on, product_id, owned_product_id, cast(:campaign as bigint),
                   -- the link's token carries its shop, for the lookup that knows nothing else (V41)
                   app_current_tenant() || '-'
                       || replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '')
              from routed
            on conflict (tenant_id, customer_id, rule, subject_ref, occasion) do nothing""";

    /** Who a message to these candidates would reach, before anything is queued: the owner's "eligible". */
    static final String COUNT = ROUTED + """
            select count(*) filter (where reachable and not held_out and email) as by_email,
                   count(*) filter (where reachable and not held_out and route = 'POSTAL') as by_post,
                   count(*) filter (where reachable and not held_out and route = 'LINE') as by_line,
                   count(*) filter (where reachable and held_out) as held_out,
                   count(*) filter (where not reachable) as unreachable
              from routed""";

    /**
     * One customer the candidates would reach after the same guards, as the letter they would get, before
     * anything is queued (never one held out or unreachable); the same one each time while nothing changes.
     */
    static final String EXAMPLE = ROUTED + """
            , chosen as (
                select 0::bigint as id, cast(:rule as text) as rule, cast(:campaign as bigint) as campaign_id,
                       coalesce(route, 'POSTAL') as channel, 'PREVIEW' as status,
                       null::text as reason, due_on, null::text as unsubscribe_token,
                       app_current_tenant() as tenant_id, customer_id, product_id, owned_product_id,
                       null::bigint as coupon_id
                  from routed where reachable and not held_out
                 order by md5(customer_id::text) limit 1)
            """ + Letters.select("chosen");

    private QueueStatements() {
    }
}
