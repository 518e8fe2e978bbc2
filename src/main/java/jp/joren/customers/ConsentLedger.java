package jp.joren.customers;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only consent ledger: every grant and withdrawal, how and by whom it was recorded. A
 * customer's current consent on a channel is the latest entry; nothing here ever updates or deletes.
 */
@Service
@RequiredArgsConstructor
public class ConsentLedger {

    /** The wording the counter form shows; a change of wording gets a new version. */
    static final String COUNTER_WORDING = "counter-2026-11";

    private final JdbcClient jdbc;

    /** Advertising consent on a channel, recorded by a member of staff (method e.g. COUNTER). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(long customerId, ConsentChannel channel, boolean granted, String method, Long recordedBy) {
        jdbc.sql("""
                        insert into consent (tenant_id, customer_id, channel, purpose, granted, method, wording_version,
                                             recorded_by)
                        values (app_current_tenant(), :customer, :channel, 'ADVERTISING', :granted, :method, :wording,
                                :recordedBy)
                        """)
                .param("customer", customerId)
                .param("channel", channel.name())
                .param("granted", granted)
                .param("method", method)
                .param("wording", COUNTER_WORDING)
                .param("recordedBy", recordedBy)
                .update();
    }

    /**
     * Consent the customer gave themselves (the public page, an unsubscribe link): no staff, the client
     * address instead; {@code pending} when it counts only after the customer confirms by email.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordByCustomer(long customerId, ConsentChannel channel, boolean granted, boolean pending,
            String method, String wordingVersion, String clientAddress) {
        jdbc.sql("""
                        insert into consent (tenant_id, customer_id, channel, purpose, granted, pending, method,
                                             wording_version, client_address)
                        values (app_current_tenant(), :customer, :channel, 'ADVERTISING', :granted, :pending, :method,
                                :wording, :address)
                        """)
                .param("customer", customerId)
                .param("channel", channel.name())
                .param("granted", granted)
                .param("pending", pending)
                .param("method", method)
                .param("wording", wordingVersion)
                .param("address", clientAddress)
                .update();
    }

    @Transactional(readOnly = true)
    public List<ConsentEntry> history(long customerId) {
        return jdbc.sql("""
                        select c.channel, c.purpose, c.granted, c.pending, c.recorded_at, c.method,
                               a.display_name as recorded_by, c.client_address
                          from consent c
                          left join account a on a.tenant_id = :shop and a.tenant_id = c.tenant_id and a.id = c.recorded_by
                         where c.tenant_id = :shop and c.customer_id = :customer
                         order by c.recorded_at desc, c.id desc
                        """)
                .param("shop", CurrentTenant.require()).param("customer", customerId)
                .query(ConsentEntry.class).list();
    }

    /** The current advertising consent per channel (V38); channels never asked are NOT_ASKED. */
    @Transactional(readOnly = true)
    public Map<ConsentChannel, ConsentState> current(long customerId) {
        Map<ConsentChannel, ConsentState> states = new EnumMap<>(ConsentChannel.class);
        for (ConsentChannel channel : ConsentChannel.values()) {
            states.put(channel, ConsentState.NOT_ASKED);
        }
        jdbc.sql("select k.channel, k.state from current_consent k where k.tenant_id = :shop and k.customer_id = :customer")
                .param("shop", CurrentTenant.require()).param("customer", customerId)
                .query((rs, row) -> states.put(ConsentChannel.valueOf(rs.getString("channel")),
                        ConsentState.valueOf(rs.getString("state"))))
                .list();
        return states;
    }
}
