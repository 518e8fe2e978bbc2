package jp.joren.system;

import java.util.List;

import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new shop's first steps, each ticked off by what the shop has done rather than by a box someone clicks:
 * the catalog, the first customers, the sender details letters need, the QR poster (ticked by the first
 * customer who signs up on the public page), staff, and a first reminder turned on.
 */
@Repository
@RequiredArgsConstructor
class FirstSteps {

    /** One step: its message key's last part, where to do it, and whether it is done. */
    record Step(String name, String href, boolean done) {
    }

    /** The steps in the order a shop takes them; all done, the home page no longer shows them. */
    record Checklist(List<Step> steps) {

        public boolean complete() {
            return steps.stream().allMatch(Step::done);
        }

        public long done() {
            return steps.stream().filter(Step::done).count();
        }
    }

    private final JdbcClient jdbc;

    @Transactional(readOnly = true)
    Checklist current() {
        return jdbc.sql("""
                        select exists (select 1 from product where tenant_id = :shop and not department) as products,
                               exists (select 1 from customer where tenant_id = :shop)
                                   or exists (select 1 from purchase where tenant_id = :shop) as customers,
                               (select coalesce(sender_name, '') <> '' and coalesce(sender_postal_address, '') <> ''
                                  from shop where id = :shop) as sender,
                               exists (select 1 from consent where tenant_id = :shop and method like 'PUBLIC_PAGE%') as poster,
                               (select count(*) > 1 from account where tenant_id = :shop)
                                   or exists (select 1 from staff_invitation where tenant_id = :shop) as staff,
                               exists (select 1 from reminder_rule where tenant_id = :shop and enabled) as reminder
                        """)
                .param("shop", CurrentTenant.require())
                .query((rs, row) -> new Checklist(List.of(
                        new Step("products", "/catalog", rs.getBoolean("products")),
                        new Step("customers", "/imports", rs.getBoolean("customers")),
                        new Step("sender", "/settings", rs.getBoolean("sender")),
                        new Step("poster", "/settings/join-poster", rs.getBoolean("poster")),
                        new Step("staff", "/staff", rs.getBoolean("staff")),
                        new Step("reminder", "/reminders", rs.getBoolean("reminder")))))
                .single();
    }
}
