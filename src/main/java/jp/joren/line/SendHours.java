package jp.joren.line;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/** When the shop's LINE messages may go out: between {@code from} and {@code until} in the shop's zone. */
public record SendHours(LocalTime from, LocalTime until, ZoneId zone) {

    public static final LocalTime DEFAULT_FROM = LocalTime.of(10, 0);
    public static final LocalTime DEFAULT_UNTIL = LocalTime.of(20, 0);

    public boolean open(Instant now) {
        LocalTime local = now.atZone(zone).toLocalTime();
        return !local.isBefore(from) && local.isBefore(until);
    }
}
