package jp.joren.reminders;

/**
 * The SQL the queue, the sender and the postal list share to decide whether a customer may be written to:
 * the latest advertising consent on a channel (a pending double opt-in is none), looked up by index per
 * customer so it costs the same whatever the planner guesses, and the suppression list of addresses.
 */
final class Reachability {

    private Reachability() {
    }

    /** True when the latest advertising consent of customer {@code customerId} (a column) on {@code channel} is granted. */
    static String consents(String customerId, String channel) {
        return """
                coalesce((select k.granted and not k.pending from consent k
                           where k.customer_id = %s and k.channel = '%s' and k.purpose = 'ADVERTISING'
                           order by k.recorded_at desc, k.id desc limit 1), false)""".formatted(customerId, channel);
    }

    /** True when the address in column {@code email} unsubscribed (email_address_hash is V14's). */
    static String unsubscribed(String email) {
        return "exists (select 1 from email_suppression s where s.address_hash = email_address_hash(%s))".formatted(email);
    }
}
