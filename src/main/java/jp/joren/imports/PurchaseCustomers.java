package jp.joren.imports;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The customers a purchase file names, by member code, phone or email, looked up once for each way a line
 * names them.
 */
@RequiredArgsConstructor
final class PurchaseCustomers {

    private final JdbcClient jdbc;
    private final Map<String, Optional<Long>> found = new HashMap<>();

    /** The customer the row names: empty for a walk-in, null when it names someone Joren does not know. */
    Optional<Long> of(ImportRow row) {
        String code = row.text("customerCode");
        String phone = row.text("phone");
        String email = row.text("email");
        if (code == null && phone == null && email == null) {
            return Optional.empty();
        }
        String key = code + "|" + phone + "|" + email;
        Optional<Long> customer = found.computeIfAbsent(key, k -> jdbc.sql("""
                        select c.id from customer c
                         where c.tenant_id = :shop and c.status in ('ACTIVE', 'ARCHIVED')
                           and (c.code_key = lower(:code) or c.phone_normalized = phone_key(:phone)
                                or c.email_key = lower(trim(:email)))
                         order by (c.code_key = lower(:code)) desc nulls last, c.id
                         limit 1
                        """)
                .param("shop", CurrentTenant.require()).param("code", code).param("phone", phone).param("email", email)
                .query(Long.class).optional());
        return customer.isPresent() ? customer : null;
    }
}
