package jp.joren.customers.records;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;

import jp.joren.audit.AuditAction;
import jp.joren.audit.AuditLog;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Archiving (no longer in lists and counts of active customers, kept intact) and retirement (the
 * customer's request for deletion): personal data is erased, while the anonymous purchases and owned
 * products stay so that the shop's figures do not change. Prefecture and city stay for the trade-area
 * statistics; they do not identify anyone. The customers merged into a retired one are the same person, so
 * theirs is erased too, with the merges' snapshots.
 */
@Service
@RequiredArgsConstructor
public class CustomerRetirement {

    private final JdbcClient jdbc;
    private final CustomerMerges merges;
    private final AuditLog audit;
    private final Clock clock;

    @Transactional
    public void archive(long customerId, boolean archived, long ownerId) {
        int changed = jdbc.sql("""
                        update customer set status = :to, archived_at = case when :to = 'ARCHIVED' then :now end,
                                            updated_at = :now, updated_by = :owner
                         where tenant_id = :shop and id = :id and status = :from
                        """)
                .param("shop", CurrentTenant.require())
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("to", archived ? "ARCHIVED" : "ACTIVE")
                .param("from", archived ? "ACTIVE" : "ARCHIVED")
                .param("owner", ownerId)
                .param("id", customerId)
                .update();
        if (changed == 1 && archived) {
            audit.record(ownerId, AuditAction.CUSTOMER_ARCHIVED, "customer", customerId, Map.of());
        }
    }

    /** @return false when the customer was already retired or merged */
    @Transactional
    public boolean retire(long customerId, String reason, long ownerId) {
        int changed = jdbc.sql("""
                        update customer
                           set name = '-', name_kana = null, email = null, phone = null, postal_code = null, town = null,
                               address_line = null, birthday = null, notes = null, tags = '{}', code = null,
                               status = 'RETIRED', retired_at = :now, updated_at = :now, updated_by = :owner
                         where tenant_id = :shop and id = :id and status in ('ACTIVE', 'ARCHIVED')
                        """)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("owner", ownerId)
                .param("shop", CurrentTenant.require()).param("id", customerId).update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql("update consent set client_address = null where tenant_id = :shop and customer_id = :id")
                .param("shop", CurrentTenant.require()).param("id", customerId).update();
        merges.eraseMergesOf(customerId, clock.instant());
        // what imports changed on them, kept for an undo, is personal data too: an undo then passes them by
        jdbc.sql("delete from import_customer_change ch where ch.tenant_id = :shop and ch.customer_id = :id")
                .param("shop", CurrentTenant.require()).param("id", customerId).update();
        audit.record(ownerId, AuditAction.CUSTOMER_RETIRED, "customer", customerId, Map.of("reason", reason));
        return true;
    }
}
