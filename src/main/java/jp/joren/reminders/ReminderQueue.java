package jp.joren.reminders;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jp.joren.customers.CustomerList;
import jp.joren.customers.SavedSegments;
import jp.joren.line.LineFriends;
import jp.joren.reminders.campaigns.Campaign;
import jp.joren.reminders.campaigns.Campaigns;
import jp.joren.reminders.campaigns.Reach;
import jp.joren.reminders.coupons.CouponCodes;
import jp.joren.reminders.letters.Letter;
import jp.joren.reminders.letters.Letters;
import jp.joren.reminders.rules.ChannelOrder;
import jp.joren.reminders.rules.Recipients;
import jp.joren.reminders.rules.ReminderRule;
import jp.joren.reminders.rules.ReminderRules;
import jp.joren.reminders.rules.RuleSettings;
import jp.joren.reminders.rules.RuleStart;
import jp.joren.reminders.unsubscribe.Reachability;
import jp.joren.segments.Portfolio;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The night's reminders (DESIGN.md §6): each enabled rule's customers, and each campaign's on its day, go
 * into the outbox once per occasion, each with its channel or the guard that holds it back, so the owner
 * sees why a customer hears nothing. Runs inside the shop's night transaction, after the portfolio is
 * classified.
 */
@Service
@RequiredArgsConstructor
public class ReminderQueue {

    /**
     * The guards at queueing: an active customer reachable by email (advertising consent that is not
     * pending, an address, not unsubscribed) or else by post (consent and an address); then the rule's
     * hold-out group, drawn from a hash of shop, customer and rule so a customer stays in or out of it
     * night after night. The unreachable are not part of the hold-out: it compares like with like.
     */
    /** Where a rule's or campaign's candidate query goes into the statements below. */
    private static final String CANDIDATES = "{candidates}";

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
                                    where b.tenant_id = cu.tenant_id and b.customer_id = c.customer_id
                                      and b.business_date >= :today
                                      and (c.product_id is null
                                           or exists (select 1 from purchase_line l
                                                       where l.tenant_id = b.tenant_id and l.purchase_id = b.id
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

    private static final String QUEUE = ROUTED + """
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
                   replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '')
              from routed
            on conflict (tenant_id, customer_id, rule, subject_ref, occasion) do nothing""";

    /** Who a message to these candidates would reach, before anything is queued: the owner's "eligible". */
    private static final String COUNT = ROUTED + """
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
    private static final String EXAMPLE = ROUTED + """
            , chosen as (
                select 0::bigint as id, cast(:rule as text) as rule, cast(:campaign as bigint) as campaign_id,
                       coalesce(route, 'POSTAL') as channel, 'PREVIEW' as status,
                       null::text as reason, due_on, null::text as unsubscribe_token,
                       app_current_tenant() as tenant_id, customer_id, product_id, owned_product_id,
                       null::bigint as coupon_id
                  from routed where reachable and not held_out
                 order by md5(customer_id::text) limit 1)
            """ + Letters.select("chosen");

    /** The shop's messages of the rule that will go out and have no coupon yet. */
    private static final String NEEDING_COUPONS = """
            from outbox_message
            where tenant_id = :shop and rule = :rule and status in ('QUEUED', 'AWAITING_APPROVAL') and coupon_id is null
              and campaign_id is not distinct from cast(:campaign as bigint)""";

    /**
     * A coupon for each message of the rule that will go out and has none yet, with the fresh codes given
     * (CouponCodes); a code the shop already has is skipped, and its message gets one on the next round.
     */
    private static final String ISSUE_COUPONS = """
            with needing as (
                select id, customer_id, row_number() over (order by id) as n
            """ + NEEDING_COUPONS + """
                ),
            codes as (select code, n from unnest(cast(:codes as text[])) with ordinality as c(code, n)),
            issued as (
                insert into coupon (tenant_id, code, customer_id, kind, value, cap, valid_from, valid_until, issued_for)
                select :shop, c.code, customer_id, :kind, :value, :cap, :today, cast(:today as date) + :validDays,
                       :rule || '#' || id
                  from needing join codes c using (n)
                on conflict (tenant_id, code) do nothing
                returning id, issued_for)
            update outbox_message m set coupon_id = i.id
              from issued i
             where m.tenant_id = :shop and m.rule = :rule and m.status in ('QUEUED', 'AWAITING_APPROVAL')
               and m.coupon_id is null and i.issued_for = :rule || '#' || m.id""";

    /** Rounds of issuing before giving up on a code collision that keeps recurring (it never should). */
    private static final int ISSUE_ROUNDS = 3;

    private final JdbcClient jdbc;
    private final ReminderRules rules;
    private final PurchaseExits exits;
    private final Campaigns campaigns;
    private final Portfolio portfolio;
    private final SavedSegments savedSegments;

    /** @return the messages each enabled rule and each campaign due added tonight, held ones included */
    public Map<ReminderRule, Integer> queue(LocalDate today) {
        exits.withdrawAnsweredByPurchases();
        Map<ReminderRule, Integer> queued = new EnumMap<>(ReminderRule.class);
        Map<ReminderRule, RuleStart> starts = rules.starts();
        Map<ReminderRule, ChannelOrder> channels = rules.channelOrders();
        for (RuleSettings settings : rules.all().values()) {
            if (settings.enabled()) {
                queued.put(settings.rule(), queue(Recipients.of(settings, starts.get(settings.rule()),
                        channels.get(settings.rule())), today));
            }
        }
        int campaignMessages = 0;
        for (Campaign campaign : campaigns.dueBy(today)) {
            campaignMessages += queue(recipients(campaign), today);
            campaigns.markQueued(campaign.id());
        }
        if (campaignMessages > 0) {
            queued.put(ReminderRule.CAMPAIGN, campaignMessages);
        }
        return queued;
    }

    /** Queues one campaign now, whatever its day, when the owner says so. @return its messages */
    public int queueNow(Campaign campaign, LocalDate today) {
        int added = queue(recipients(campaign), today);
        campaigns.markQueued(campaign.id());
        return added;
    }

    /** Who a campaign would reach today, after the same guards as the rules: the eligible count before sending. */
    public Reach reach(Campaign campaign, LocalDate today) {
        Recipients recipients = recipients(campaign);
        return recipients.bind(jdbc.sql(COUNT.replace(CANDIDATES, recipients.candidates())), today, neighbourhood())
                .query((rs, row) -> new Reach(rs.getInt("by_email"), rs.getInt("by_post"), rs.getInt("held_out"),
                        rs.getInt("unreachable"), rs.getInt("by_line")))
                .single();
    }

    /** One of the recipients of today, as their letter, for a preview before anything is queued. */
    public Optional<Letter> example(Recipients recipients, LocalDate today) {
        return recipients.bind(jdbc.sql(EXAMPLE.replace(CANDIDATES, recipients.candidates())), today, neighbourhood())
                .query(Letters::letter)
                .optional();
    }

    /** Whom the campaign addresses: for one to a saved segment, the customers the list shows for it today. */
    public Recipients recipients(Campaign campaign) {
        CustomerList.Match saved = campaign.kind() == Campaign.Kind.SAVED && campaign.savedSegmentId() != null
                ? savedSegments.matching(campaign.savedSegmentId()).orElse(null) : null;
        return Recipients.of(campaign, channelsOf(campaign), saved);
    }

    private ChannelOrder channelsOf(Campaign campaign) {
        return campaign.id() == null ? ChannelOrder.DEFAULT : campaigns.channelOrder(campaign.id());
    }

    /** The towns of the shop's first trade area, for a campaign chosen by tier. */
    private List<String> neighbourhood() {
        return portfolio.policy().neighbourhoodTowns();
    }

    private int queue(Recipients recipients, LocalDate today) {
        int added = recipients.bind(jdbc.sql(QUEUE.replace(CANDIDATES, recipients.candidates())), today, neighbourhood()).update();
        Offer offer = recipients.offer();
        if (offer != null && added > 0) {
            issueCoupons(recipients, offer, today);
        }
        return added;
    }

    private void issueCoupons(Recipients recipients, Offer offer, LocalDate today) {
        long shop = CurrentTenant.require();
        for (int round = 0; round < ISSUE_ROUNDS; round++) {
            int needing = jdbc.sql("select count(*) " + NEEDING_COUPONS)
                    .param("shop", shop).param("rule", recipients.rule().name()).param("campaign", recipients.campaignId())
                    .query(Integer.class).single();
            if (needing == 0) {
                return;
            }
            jdbc.sql(ISSUE_COUPONS)
                    .param("shop", shop)
                    .param("rule", recipients.rule().name())
                    .param("campaign", recipients.campaignId())
                    .param("codes", Stream.generate(CouponCodes::next).limit(needing).toArray(String[]::new))
                    .param("kind", offer.kind().name())
                    .param("value", offer.value())
                    .param("cap", offer.capYen())
                    .param("today", today)
                    .param("validDays", offer.validDays())
                    .update();
        }
    }
}
