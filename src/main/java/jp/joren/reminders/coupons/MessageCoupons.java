package jp.joren.reminders.coupons;

import java.time.LocalDate;
import java.util.stream.Stream;

import jp.joren.reminders.Offer;
import jp.joren.reminders.rules.Recipients;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The coupons of the messages just queued: one each, with a code no other coupon of the shop has. */
@Component
@RequiredArgsConstructor
public class MessageCoupons {

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

    /** Gives each message of the recipients' rule (or campaign) that will go out and has no coupon one. */
    public void issueFor(Recipients recipients, Offer offer, LocalDate today) {
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
