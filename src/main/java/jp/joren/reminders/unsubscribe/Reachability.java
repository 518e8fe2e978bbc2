package jp.joren.reminders.unsubscribe;

/**
 * The SQL the queue, the sender and the postal list share to decide whether a customer may be written to:
 * the latest advertising consent on a channel (a pending double opt-in is none), looked up by index per
 * customer so it costs the same whatever the planner guesses, and the suppression list of addresses. A
 * statement that embeds them binds {@code shop}.
 */
public final class Reachability {

    private Reachability() {
    }

    /** True when the customer row {@code customer} (an alias) currently consents to advertising on {@code channel} (V38). */
    public static String consents(String customer, String channel) {
        return """
                coalesce((select k.granted from current_consent k
                           where k.tenant_id = :shop and k.tenant_id = %1$s.tenant_id and k.customer_id = %1$s.id
                             and k.channel = '%2$s'),
                         false)""".formatted(customer, channel);
    }

    /** True when the email address of the customer row {@code customer} (an alias) unsubscribed (email_address_hash is V14's). */
    public static String unsubscribed(String customer) {
        return """
                exists (select 1 from email_suppression s
                         where s.tenant_id = :shop and s.tenant_id = %1$s.tenant_id
                           and s.address_hash = email_address_hash(%1$s.email))"""
                .formatted(customer);
    }
}
