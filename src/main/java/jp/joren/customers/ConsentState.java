package jp.joren.customers;

/** Where a customer stands on one channel, derived from the latest ledger entry. */
public enum ConsentState {
    GRANTED, PENDING, WITHDRAWN, NOT_ASKED
}
