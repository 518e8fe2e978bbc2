package jp.joren.shops;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/** The time zones a shop may choose: every region id Java knows, Asia/Tokyo first. */
final class TimeZones {

    static final List<String> CHOICES = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
            .sorted((a, b) -> a.equals("Asia/Tokyo") ? -1 : b.equals("Asia/Tokyo") ? 1 : a.compareTo(b))
            .toList();

    private TimeZones() {
    }

    static boolean isValid(String id) {
        try {
            ZoneId.of(id);
            return id != null && id.contains("/");
        } catch (DateTimeException | NullPointerException e) {
            return false;
        }
    }
}
