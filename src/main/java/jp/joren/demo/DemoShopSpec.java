package jp.joren.demo;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate. The same spec (apart from the owner's login) gives the same shop: names, purchases and
 * dates all follow from {@code seed} and {@code today}, the day the history runs up to (its last purchases
 * are on the day before).
 */
public record DemoShopSpec(long seed, int customers, LocalDate today, String ownerEmail, String ownerPassword,
        String shopName) {

    public DemoShopSpec {
        if (customers < 0) {
            throw new IllegalArgumentException("customers must not be negative: " + customers);
        }
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(shopName, "shopName");
        if (ownerEmail == null || ownerEmail.indexOf('@') < 1) {
            throw new IllegalArgumentException("not an email address: " + ownerEmail);
        }
        Objects.requireNonNull(ownerPassword, "ownerPassword");
    }
}
