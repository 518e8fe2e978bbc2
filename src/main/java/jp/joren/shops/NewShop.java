package jp.joren.shops;

import java.time.ZoneId;
import java.util.Locale;

/** Everything needed to open a shop: the shop, its owner's login, and the owner's language. */
public record NewShop(String shopName, String ownerName, String ownerEmail, String ownerPassword, ZoneId zone,
        Locale language) {
}
