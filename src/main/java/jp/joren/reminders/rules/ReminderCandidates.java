package jp.joren.reminders.rules;

import java.util.Map;

import jp.joren.segments.TradeAreaTier;

/**
 * Who each rule reaches on a night (DESIGN.md §6), as SQL. Each query returns (customer_id, subject_ref,
 * occasion, due_on, product_id, owned_product_id) with {@code :today} the night's business date and
 * {@code :timing} the rule's timing setting, {@code :shop} the shop; customer_portfolio is already classified as of {@code :today}.
 * An occasion names the event a message answers (a due date, an absence that began on a day, a year), so
 * the outbox's unique key lets each event queue one message however often the night runs.
 */
public final class ReminderCandidates {

    private ReminderCandidates() {
    }

    /**
     * Every part fitting a model a customer owns, with its due day: {@code replacement_interval_days} after
     * the model was bought or the part last bought, whichever is later. The last purchases of parts are
     * grouped once, so the query stays one pass of hash joins however many owners a part has. Sensitive
     * products are never named, so they are not here.
     */
    public static final String PARTS_DUE = """
            select o.customer_id, o.id as owned_product_id, cp.id as part_id, cp.product_id, part.name as part_name,
                   cp.part_number, cp.reminder_lead_days,
                   greatest(o.purchased_on, last.bought_on) + cp.replacement_interval_days as due_on
              from owned_product o
              join part_fit f on f.tenant_id = :shop and f.tenant_id = o.tenant_id and f.model_id = o.product_model_id
              join consumable_part cp on cp.tenant_id = :shop and cp.tenant_id = f.tenant_id and cp.id = f.part_id
              join product part on part.tenant_id = :shop and part.tenant_id = cp.tenant_id and part.id = cp.product_id
                               and part.active and not part.sensitive
              left join (select p.customer_id, l.product_id, max(p.business_date) as bought_on
                           from purchase_line l
                           join completed_purchase p on p.tenant_id = :shop and p.tenant_id = l.tenant_id
                                                    and p.id = l.purchase_id
                          where l.tenant_id = :shop
                            and l.product_id in (select product_id from consumable_part where tenant_id = :shop)
                            and p.customer_id is not null and p.business_date < :today
                          group by p.customer_id, l.product_id) last
                     on last.customer_id = o.customer_id and last.product_id = cp.product_id
             where o.tenant_id = :shop and o.ended_at is null""";

    /** A part due: queued from its lead days before the due day until a month after it. */
    private static final String PART_REPLACEMENT = """
            select due.customer_id, 'owned:' || due.owned_product_id || ':part:' || due.part_id as subject_ref,
                   due.due_on::text as occasion, due.due_on - due.reminder_lead_days as due_on, due.product_id,
                   due.owned_product_id
              from (%s) due
             where due.due_on - due.reminder_lead_days <= :today and due.due_on > cast(:today as date) - 30"""
            .formatted(PARTS_DUE);

    /** A consumable bought last on a day: queued {@code :timing} days before its cycle ends, until a month after. */
    private static final String CONSUMABLE_REPURCHASE = """
            select last.customer_id, 'product:' || last.product_id as subject_ref, last.bought_on::text as occasion,
                   last.bought_on + last.cycle - :timing as due_on, last.product_id, null::bigint as owned_product_id
              from (select p.customer_id, l.product_id, max(p.business_date) as bought_on,
                           min(item.repurchase_cycle_days) as cycle
                      from product item
                      join purchase_line l on l.tenant_id = :shop and l.tenant_id = item.tenant_id
                                          and l.product_id = item.id
                      join completed_purchase p on p.tenant_id = :shop and p.tenant_id = l.tenant_id
                                               and p.id = l.purchase_id
                     where item.tenant_id = :shop
                       and item.repurchase_cycle_days is not null and item.active and not item.sensitive
                       and not exists (select 1 from consumable_part cp
                                        where cp.tenant_id = :shop and cp.tenant_id = item.tenant_id
                                          and cp.product_id = item.id)
                       and p.customer_id is not null and p.business_date < :today
                     group by p.customer_id, l.product_id) last
             where last.bought_on + last.cycle - :timing <= :today and last.bought_on + last.cycle > cast(:today as date) - 30""";

    /** One visit so far: day 7 until day 30, then day 30 until day 90, the goal's end (FollowUpStep). */
    private static final String SECOND_VISIT = """
            select cp.customer_id, '' as subject_ref, step.occasion, cp.first_visit + step.days as due_on,
                   null::bigint as product_id, null::bigint as owned_product_id
              from customer_portfolio cp
              join (values ('DAY_7', 7, 30), ('DAY_30', 30, 90)) step(occasion, days, until) on true
             where cp.tenant_id = :shop and cp.visits = 1
               and cast(:today as date) - cp.first_visit >= step.days and cast(:today as date) - cp.first_visit < step.until""";

    /**
     * Away longer than the customer's own expected interval plus the grace, but not yet the 90 days of
     * win-back; or, when the shop times it by the forecast ({@code :forecastBelow} percent), once the chance
     * that the customer is still a customer has fallen below it — while the shop's forecast is unreliable
     * there is no forecast row, and the grace decides. Its day is the day the grace ran out, or tonight when
     * the forecast noticed first (the day the chance fell is not kept).
     */
    private static final String EARLY_LAPSE = """
            select cp.customer_id, '' as subject_ref, 'AWAY_SINCE_' || cp.last_visit as occasion,
                   least(cast(:today as date), cp.last_visit + cp.expected_interval_days + :timing) as due_on,
                   null::bigint as product_id, null::bigint as owned_product_id
              from customer_portfolio cp
              left join customer_forecast f on f.tenant_id = :shop and f.tenant_id = cp.tenant_id
                                           and f.customer_id = cp.customer_id
             where cp.tenant_id = :shop and cp.visits >= 2
               and cast(:today as date) - cp.last_visit < 90
               and case when cast(:forecastBelow as integer) is not null and f.customer_id is not null
                        then f.probability_active * 100 < :forecastBelow
                        else cast(:today as date) - cp.last_visit >= cp.expected_interval_days + :timing end""";

    /** Away {@code :timing} days (90) and past the own interval with grace, until the 180-day last call. */
    private static final String WIN_BACK = """
            select cp.customer_id, '' as subject_ref, 'AWAY_SINCE_' || cp.last_visit as occasion,
                   cp.last_visit + greatest(:timing, cp.expected_interval_days + 15) as due_on,
                   null::bigint as product_id, null::bigint as owned_product_id
              from customer_portfolio cp
             where cp.tenant_id = :shop
               and cast(:today as date) - cp.last_visit >= greatest(:timing, cp.expected_interval_days + 15)
               and cast(:today as date) - cp.last_visit < 180""";

    /** Away 180 days, then 365: the second call only in its first month, so no one hears it years late. */
    private static final String LAST_CALL = """
            select cp.customer_id, '' as subject_ref, 'AWAY_SINCE_' || cp.last_visit || '_' || call.days as occasion,
                   cp.last_visit + call.days as due_on, null::bigint as product_id, null::bigint as owned_product_id
              from customer_portfolio cp
              join (values (180, 365), (365, 395)) call(days, until) on true
             where cp.tenant_id = :shop
               and cast(:today as date) - cp.last_visit >= call.days and cast(:today as date) - cp.last_visit < call.until""";

    /** Each active 優良 customer, once a calendar year. */
    private static final String TOP_THANKS = """
            select cp.customer_id, '' as subject_ref, extract(year from cast(:today as date))::text as occasion,
                   cast(:today as date) as due_on, null::bigint as product_id, null::bigint as owned_product_id
              from customer_portfolio cp
             where cp.tenant_id = :shop and cp.segment = 'LOYAL' and not cp.lapsed""";

    /**
     * A greeting {@code :timing} days before the customer's birthday, until the day itself; once a birthday
     * (the occasion is its year).
     */
    private static final String BIRTHDAY = """
            select b.customer_id, '' as subject_ref, extract(year from b.next)::text as occasion,
                   b.next - cast(:timing as integer) as due_on, null::bigint as product_id,
                   null::bigint as owned_product_id
              from (select cu.id as customer_id, %s as next
                      from customer cu
                     where cu.tenant_id = :shop and cu.birthday is not null) b
             where b.next - cast(:timing as integer) <= :today""".formatted(Birthdays.next("cu.birthday", "cast(:today as date)"));

    /**
     * A campaign's customers on its day: everyone active, or those matching each filter the campaign sets —
     * cell, owned model, product bought (never a sensitive one), town, trade-area tier, days since the last visit.
     */
    static final String CAMPAIGN = """
            select cu.id as customer_id, 'campaign:' || cast(:campaign as bigint) as subject_ref,
                   cast(:scheduledOn as date)::text as occasion, cast(:scheduledOn as date) as due_on,
                   null::bigint as product_id, null::bigint as owned_product_id
              from customer cu
              left join customer_portfolio cp on cp.tenant_id = :shop and cp.tenant_id = cu.tenant_id
                                             and cp.customer_id = cu.id
             where cu.tenant_id = :shop and cu.status = 'ACTIVE'
               and (cast(:segment as text) is null or cp.segment = :segment)
               and (cast(:lapsed as boolean) is null or cp.lapsed = :lapsed)
               and (cast(:model as bigint) is null
                    or cu.id in (select o.customer_id from owned_product o
                                  where o.tenant_id = :shop and o.product_model_id = :model and o.ended_at is null))
               and (cast(:product as bigint) is null
                    or cu.id in (select p.customer_id from purchase_line l
                                   join completed_purchase p on p.tenant_id = :shop and p.tenant_id = l.tenant_id
                                                            and p.id = l.purchase_id
                                   join product item on item.tenant_id = :shop and item.tenant_id = l.tenant_id
                                                    and item.id = l.product_id and not item.sensitive
                                  where l.tenant_id = :shop and l.product_id = :product))
               and (cast(:town as text) is null or cu.town = :town)
               and (cast(:tier as integer) is null or %s = :tier)
               and (cast(:awayMin as integer) is null or cast(:today as date) - cp.last_visit >= :awayMin)
               and (cast(:awayMax as integer) is null or cast(:today as date) - cp.last_visit <= :awayMax)"""
            .formatted(TradeAreaTier.of("cu"));

    /**
     * A campaign to a saved segment: the customers the owner's list shows for that filter on the campaign's day,
     * {@code customerIds} being the list's own query of them (CustomerList#matching), so that the list, its
     * export and the campaign can never disagree (but for an archived customer, whom the list may show and no
     * campaign writes to); null when the segment is gone.
     */
    static String savedSegment(String customerIds) {
        return """
                select cu.id as customer_id, 'campaign:' || cast(:campaign as bigint) as subject_ref,
                       cast(:scheduledOn as date)::text as occasion, cast(:scheduledOn as date) as due_on,
                       null::bigint as product_id, null::bigint as owned_product_id
                  from customer cu
                 where cu.tenant_id = :shop and cu.status = 'ACTIVE' and cu.id in (%s)"""
                .formatted(customerIds == null ? "select null::bigint where false" : customerIds);
    }

    static final Map<ReminderRule, String> BY_RULE = Map.of(
            ReminderRule.PART_REPLACEMENT, PART_REPLACEMENT,
            ReminderRule.CONSUMABLE_REPURCHASE, CONSUMABLE_REPURCHASE,
            ReminderRule.SECOND_VISIT, SECOND_VISIT,
            ReminderRule.EARLY_LAPSE, EARLY_LAPSE,
            ReminderRule.WIN_BACK, WIN_BACK,
            ReminderRule.LAST_CALL, LAST_CALL,
            ReminderRule.TOP_THANKS, TOP_THANKS,
            ReminderRule.BIRTHDAY, BIRTHDAY);
}
