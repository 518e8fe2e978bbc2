package jp.joren.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Remembers, on this node, dashboard figures that cannot change before the next night: those of periods
 * already over and those computed from last night's classification. Keys carry the shop and the as-of date
 * of its classification, so a new night is a new key; entries also expire after a few minutes, so that a
 * correction to an old purchase shows soon.
 */
@Component
class DashboardMemo {

    static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);
    private static final int MAX_ENTRIES = 5_000;

    private record Entry(Object value, Instant expires) {
    }

    private final Map<List<Object>, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    DashboardMemo(Clock clock) {
        this.clock = clock;
    }

    @SuppressWarnings("unchecked")
    <T> T get(List<Object> key, Supplier<T> compute) {
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry != null && entry.expires().isAfter(now)) {
            return (T) entry.value();
        }
        T value = compute.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(value, now.plus(TIME_TO_LIVE)));
        return value;
    }
}
