package jp.joren.dashboard.pages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jp.joren.dashboard.period.Period;
import jp.joren.dashboard.portfolio.PortfolioReads;
import lombok.RequiredArgsConstructor;
import org.springframework.cache.Cache;

/**
 * Remembering for one shop, one classification and one day. A classification made again (new thresholds,
 * a run by hand) is a new key, even on the same day.
 */
@RequiredArgsConstructor
final class Remembered {

    /** See {@link DashboardCache}. */
    private final Cache memo;
    private final long tenant;
    private final PortfolioReads.Classification classification;
    private final LocalDate today;

    LocalDate today() {
        return today;
    }

    Optional<PortfolioReads.Classification> classification() {
        return Optional.ofNullable(classification);
    }

    /** Figures of last night's data alone. */
    <T> T always(List<Object> what, Supplier<T> compute) {
        List<Object> key = new ArrayList<>(List.of(tenant, String.valueOf(classification), today));
        key.addAll(what);
        // not the cache's get-or-load: a figure is computed from other remembered figures, and a load may
        // not reach into the cache it is loading; two requests computing one figure at once is harmless
        Cache.ValueWrapper remembered = memo.get(key);
        if (remembered != null) {
            @SuppressWarnings("unchecked")
            T value = (T) remembered.get();
            return value;
        }
        T value = compute.get();
        memo.put(key, value);
        return value;
    }

    /** Figures of a period: remembered once the period is over, read afresh while it runs. */
    <T> T ifClosed(Period period, Object what, Supplier<T> compute) {
        if (period.until().isAfter(today)) {
            return compute.get();
        }
        return always(List.of(what, period.from(), period.until()), compute);
    }
}
