package jp.joren.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jp.joren.demo.ShopTeam.Clerk;

/**
 * A generated customer: registered just before paying for their first purchase, by whoever served them.
 * {@code oldModel} is a pressure cooker they bought elsewhere or before the history starts (null if none).
 */
record DemoCustomer(Person person, OffsetDateTime createdAt, Clerk registeredBy, List<Consent> consents,
        Catalog.Model oldModel, LocalDate oldModelSince) {

    /** One row of the append-only consent ledger. */
    record Consent(String channel, boolean granted, OffsetDateTime recordedAt, String method, String wordingVersion,
            Clerk recordedBy) {
    }
}
