package jp.joren.reminders.outbox;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jp.joren.reminders.coupons.CouponCodes;
import jp.joren.reminders.rules.ReminderRule;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The reminders and campaigns a customer was sent or held back from, on their page (loaded with it, so the
 * customers feature does not depend on this one): the clerk sees what the customer heard and which coupon
 * they hold.
 */
@Controller
@RequiredArgsConstructor
class CustomerMessagesController {

    static final int SHOWN = 20;

    private final JdbcClient jdbc;

    @GetMapping("/customers/{id}/messages")
    @Transactional(readOnly = true)
    String messages(@PathVariable long id, Model model) {
        model.addAttribute("messages", jdbc.sql("""
                        select m.id, m.rule, k.name as campaign_name, m.channel, m.status, m.reason, m.due_on, m.sent_at,
                               c.code as coupon_code, c.valid_until, c.redeemed_at is not null as redeemed
                          from outbox_message m
                          left join campaign k on k.tenant_id = :shop and k.tenant_id = m.tenant_id and k.id = m.campaign_id
                          left join coupon c on c.tenant_id = :shop and c.tenant_id = m.tenant_id and c.id = m.coupon_id
                         where m.tenant_id = :shop and m.customer_id = :customer
                         order by m.queued_at desc, m.id desc
                         limit :shown""")
                .param("shop", CurrentTenant.require())
                .param("customer", id)
                .param("shown", SHOWN)
                .query((rs, row) -> new CustomerMessage(rs.getLong("id"), ReminderRule.valueOf(rs.getString("rule")),
                        rs.getString("campaign_name"), rs.getString("channel"), rs.getString("status"),
                        rs.getString("reason"), rs.getObject("due_on", LocalDate.class),
                        rs.getObject("sent_at", OffsetDateTime.class) == null ? null
                                : rs.getObject("sent_at", OffsetDateTime.class).toInstant(),
                        CouponCodes.display(rs.getString("coupon_code")), rs.getObject("valid_until", LocalDate.class),
                        rs.getBoolean("redeemed")))
                .list());
        return "reminders/customer-messages :: messages";
    }
}
