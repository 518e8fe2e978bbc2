package jp.joren.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jp.joren.shared.DayCount;

/** A part's replacement interval and its reminder's lead, as the owner corrects them in the parts table. */
record PartTiming(
        @DayCount @NotNull @Min(1) @Max(CatalogEditor.MAX_DAYS) Integer intervalDays,
        @DayCount @NotNull @Min(0) @Max(CatalogEditor.MAX_DAYS) Integer leadDays) {
}
