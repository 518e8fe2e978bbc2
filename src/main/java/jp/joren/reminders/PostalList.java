package jp.joren.reminders;

import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jp.joren.audit.AuditAction;
import jp.joren.audit.AuditLog;
import jp.joren.reminders.coupons.CouponCodes;
import jp.joren.reminders.postal.PostalLabel;
import jp.joren.reminders.rules.ReminderRule;
import jp.joren.reminders.unsubscribe.Reachability;
import jp.joren.shared.ExcelCsvWriter;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The postal DM list (DESIGN.md §6): reminders for customers who may be written to by post but not by
 * email. The owner prints the labels (or takes the CSV to a label printer) and then marks the batch posted;
 * the batch is what was listed — up to its newest message — so a reminder queued meanwhile is not marked.
 */
@Service
@RequiredArgsConstructor
public class PostalList {

    /** Due, still waiting, and the customer still agrees to post and has an address. */
    private static final String WAITING = """
            select m.id, m.customer_id, cu.postal_code,
                   concat_ws(' ', cu.prefecture, cu.city, cu.town, cu.address_line) as address, cu.name, m.rule,
                   c.code as coupon_code, c.valid_until
              from outbox_message m
              join customer cu on cu.tenant_id = :shop and cu.tenant_id = m.tenant_id and cu.id = m.customer_id
                              and cu.status = 'ACTIVE'
              left join coupon c on c.tenant_id = :shop and c.tenant_id = m.tenant_id and c.id = m.coupon_id
             where m.tenant_id = :shop and m.channel = 'POSTAL' and m.status = 'QUEUED' and m.due_on <= :today and m.id <= :upTo
               and coalesce(cu.postal_code, '') <> ''
               and %s
             order by cu.postal_code, m.id""".formatted(Reachability.consents("cu", "POSTAL"));

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    @Transactional(readOnly = true)
    public List<PostalLabel> waiting(LocalDate today) {
        return waiting(today, Long.MAX_VALUE);
    }

    private List<PostalLabel> waiting(LocalDate today, long upTo) {
        return jdbc.sql(WAITING)
                .param("shop", CurrentTenant.require())
                .param("today", today)
                .param("upTo", upTo)
                .query((rs, row) -> new PostalLabel(rs.getLong("id"), rs.getLong("customer_id"),
                        rs.getString("postal_code"), rs.getString("address"), rs.getString("name"),
                        ReminderRule.valueOf(rs.getString("rule")), CouponCodes.display(rs.getString("coupon_code")),
                        rs.getObject("valid_until", LocalDate.class)))
                .list();
    }

    /** The labels as CSV for a label printer: 郵便番号, 住所, 氏名 様, then the coupon. Audited: it is personal data. */
    @Transactional
    public void export(LocalDate today, List<String> header, String honorific, OutputStream out, long ownerId) {
        List<PostalLabel> labels = waiting(today);
        ExcelCsvWriter csv = new ExcelCsvWriter(out);
        csv.row(header);
        for (PostalLabel label : labels) {
            csv.row(label.postalCode(), label.address(), label.name() + " " + honorific,
                    label.couponCode() == null ? "" : label.couponCode(),
                    label.couponValidUntil() == null ? "" : label.couponValidUntil().toString());
        }
        csv.flush();
        audit.record(ownerId, AuditAction.DATA_EXPORTED, "postal_list", null, Map.of("rows", labels.size()));
    }

    /** The listed batch went into the post: each of its messages is sent, and counts for the frequency cap. */
    @Transactional
    public int markPosted(LocalDate today, long upTo) {
        List<Long> batch = waiting(today, upTo).stream().map(PostalLabel::messageId).toList();
        return jdbc.sql("""
                        update outbox_message set status = 'SENT', sent_at = :now
                         where tenant_id = :shop and id = any(:ids) and status = 'QUEUED'""")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("shop", CurrentTenant.require())
                .param("ids", batch.toArray(Long[]::new))
                .update();
    }
}
