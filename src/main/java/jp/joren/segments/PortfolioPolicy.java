package jp.joren.segments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A shop's choice of thresholds. The amount threshold is either fixed by the owner or, by default, the
 * multiplier (7) × the average visit amount of the trailing 365 days rounded to ¥1,000; a shop with fewer
 * than 100 visits of history gets ¥70,000.
 */
public record PortfolioPolicy(Preset preset, int firstTenureDays, int secondTenureDays, int lapseDays,
        @Nullable Long fixedAmountThreshold, BigDecimal amountMultiplier, List<String> neighbourhoodTowns) {

    static final long AMOUNT_WHEN_LITTLE_HISTORY = 70_000;
    static final int LITTLE_HISTORY_VISITS = 100;

    public static PortfolioPolicy defaults() {
        return new PortfolioPolicy(Preset.STANDARD, 90, 210, 240, null, BigDecimal.valueOf(7), List.of());
    }

    Thresholds resolve(ShopFigures figures) {
        int first = firstTenureDays;
        int second = secondTenureDays;
        int lapse = lapseDays;
        if (preset == Preset.AUTO) {
            lapse = figures.gapP90Days() == null ? Preset.AUTO.lapseDays : Math.max(90, Math.min(365, figures.gapP90Days()));
            first = (int) Math.round(0.375 * lapse);
            second = (int) Math.round(0.875 * lapse);
        } else if (preset != Preset.CUSTOM) {
            first = preset.firstTenureDays;
            second = preset.secondTenureDays;
            lapse = preset.lapseDays;
        }
        return new Thresholds(first, second, lapse, amountThreshold(figures));
    }

    long amountThreshold(ShopFigures figures) {
        if (fixedAmountThreshold != null) {
            return fixedAmountThreshold;
        }
        if (figures.visitsTotal() < LITTLE_HISTORY_VISITS || figures.visitsLastYear() == 0) {
            return AMOUNT_WHEN_LITTLE_HISTORY;
        }
        BigDecimal perVisit = BigDecimal.valueOf(figures.amountLastYear())
                .divide(BigDecimal.valueOf(figures.visitsLastYear()), 10, RoundingMode.HALF_UP);
        long threshold = amountMultiplier.multiply(perVisit).divide(BigDecimal.valueOf(1000), 0, RoundingMode.HALF_UP)
                .longValueExact() * 1000;
        return Math.max(1000, threshold);
    }
}
