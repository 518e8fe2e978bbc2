package jp.joren.join;

/**
 * A customer confirmed their address by the emailed link (double opt-in): their email consent now counts,
 * published inside the confirming transaction so a refusal kept elsewhere can be lifted with it.
 */
public record EmailConsentConfirmed(long customerId) {
}
