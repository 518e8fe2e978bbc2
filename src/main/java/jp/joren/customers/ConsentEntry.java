package jp.joren.customers;

import java.time.Instant;

/** One line of the consent ledger as the customer page shows it. */
public record ConsentEntry(ConsentChannel channel, String purpose, boolean granted, boolean pending,
                           Instant recordedAt, String method, String recordedBy, String clientAddress) {

    public ConsentState state() {
        return !granted ? ConsentState.WITHDRAWN : pending ? ConsentState.PENDING : ConsentState.GRANTED;
    }
}
