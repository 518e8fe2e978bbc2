package jp.joren.shops;

import java.time.ZoneId;
import java.util.Locale;

/** A shop about to open, its owner's password already hashed (as a sign-up waiting for its email keeps it). */
record ShopOpening(String shopName, String ownerName, String ownerEmail, String ownerPasswordHash, ZoneId zone,
        Locale language) {
}
