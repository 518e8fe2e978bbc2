package jp.joren.customers;

import java.util.Map;
import java.util.Optional;

import jp.joren.audit.AuditAction;
import jp.joren.audit.AuditLog;
import jp.joren.shared.EditConflict;
import jp.joren.shared.NotFoundException;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers and corrects customers; every correction is in the audit log with before and after. */
@Service
@RequiredArgsConstructor
public class CustomerRegistry {

    private final Customers customers;
    private final ConsentLedger consents;
    private final AuditLog audit;
    private final CustomerCodes codes;
    private final JdbcClient jdbc;

    /** Registers at the counter, with the two consent answers the clerk asked for; returns the new id. */
    @Transactional
    public long register(CustomerDetails details, boolean emailConsent, boolean postalConsent, long clerkId) {
        Customer customer = customers.saveAndFlush(new Customer(details, clerkId));
        customer.assignCodeIfMissing(codes);
        consents.record(customer.getId(), ConsentChannel.EMAIL, emailConsent, "COUNTER", clerkId);
        consents.record(customer.getId(), ConsentChannel.POSTAL, postalConsent, "COUNTER", clerkId);
        return customer.getId();
    }

    /** A customer who signed up themselves (no member of staff); returns the new id. */
    @Transactional
    public long registerSelf(CustomerDetails details) {
        Customer customer = customers.saveAndFlush(new Customer(details, null));
        customer.assignCodeIfMissing(codes);
        return customer.getId();
    }

    /** The active or archived customer with this email address, if there is one. */
    @Transactional(readOnly = true)
    public Optional<Long> idForEmail(String email) {
        return customers.idForEmail(CurrentTenant.require(), email);
    }

    /** Whether another customer (not {@code except}) has this member code, typed in any width. */
    @Transactional(readOnly = true)
    public boolean codeTaken(String code, Long except) {
        String normal = CustomerFields.code(code);
        return normal != null && customers.codeTaken(CurrentTenant.require(), normal, except);
    }

    /**
     * @param version the version of the record the clerk's page showed (null: whatever is saved)
     * @throws EditConflict when the customer was saved since that page was opened
     */
    @Transactional
    public void update(long id, CustomerDetails details, Long version, long clerkId) {
        Customer customer = find(id);
        if (version != null && version != customer.getVersion()) {
            throw new EditConflict();
        }
        Map<String, ?> changes = customer.update(details, clerkId);
        if (!changes.isEmpty()) {
            audit.record(clerkId, AuditAction.CUSTOMER_EDITED, "customer", id, changes);
        }
    }

    /** A change of mind the customer tells the shop about, recorded in the ledger. */
    @Transactional
    public void changeConsent(long id, ConsentChannel channel, boolean granted, long clerkId) {
        find(id);
        consents.record(id, channel, granted, "COUNTER", clerkId);
    }

    @Transactional(readOnly = true)
    public Customer find(long id) {
        return lookUp(id).orElseThrow(() -> new NotFoundException("customer", id));
    }

    /**
     * Whether the shop has this customer and a sale can be theirs: active or archived, not merged into another
     * or retired. A plain statement rather than a load of the entity, which Hibernate plans afresh on each
     * call under its tenant filter: the counter asks this on every sale.
     */
    @Transactional(readOnly = true)
    public boolean canBuy(long id) {
        return jdbc.sql("""
                        select exists (select 1 from customer c
                                        where c.tenant_id = :shop and c.id = :id and c.status in ('ACTIVE', 'ARCHIVED'))
                        """)
                .param("shop", CurrentTenant.require()).param("id", id).query(Boolean.class).single();
    }

    /** The customer, if this shop has one with that id; never throws (a caller's transaction stays usable). */
    @Transactional(readOnly = true)
    public Optional<Customer> lookUp(long id) {
        return customers.findById(id);
    }
}
