package jp.joren.segments;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;

/** The owner's portfolio settings as typed: thresholds, the amount threshold, the neighbourhood towns. */
public class PortfolioForm {

    @NotNull(message = "{validation.required}")
    @Getter @Setter private Preset preset = Preset.STANDARD;

    @NotNull(message = "{validation.required}")
    @Min(value = 1, message = "{portfolio.validation.days}")
    @Max(value = 3650, message = "{portfolio.validation.days}")
    @Getter @Setter private Integer firstTenureDays = 90;

    @NotNull(message = "{validation.required}")
    @Min(value = 1, message = "{portfolio.validation.days}")
    @Max(value = 3650, message = "{portfolio.validation.days}")
    @Getter @Setter private Integer secondTenureDays = 210;

    @NotNull(message = "{validation.required}")
    @Min(value = 1, message = "{portfolio.validation.days}")
    @Max(value = 3650, message = "{portfolio.validation.days}")
    @Getter @Setter private Integer lapseDays = 240;

    @Min(value = 1, message = "{portfolio.validation.amount}")
    @Max(value = 100_000_000, message = "{portfolio.validation.amount}")
    @Getter @Setter private @Nullable Long fixedAmountThreshold;

    @NotNull(message = "{validation.required}")
    @DecimalMin(value = "0.5", message = "{portfolio.validation.multiplier}")
    @DecimalMax(value = "100", message = "{portfolio.validation.multiplier}")
    @Getter @Setter private BigDecimal amountMultiplier = BigDecimal.valueOf(7);

    @Size(max = 5000, message = "{validation.tooLong}")
    @Getter @Setter private String neighbourhoodTowns = "";

    static PortfolioForm of(PortfolioPolicy policy) {
        PortfolioForm form = new PortfolioForm();
        form.preset = policy.preset();
        form.firstTenureDays = policy.firstTenureDays();
        form.secondTenureDays = policy.secondTenureDays();
        form.lapseDays = policy.lapseDays();
        form.fixedAmountThreshold = policy.fixedAmountThreshold();
        form.amountMultiplier = policy.amountMultiplier().stripTrailingZeros();
        form.neighbourhoodTowns = String.join("\n", policy.neighbourhoodTowns());
        return form;
    }

    PortfolioPolicy toPolicy() {
        return new PortfolioPolicy(preset, firstTenureDays, secondTenureDays, lapseDays, fixedAmountThreshold,
                amountMultiplier, towns());
    }

    /** One town per line or separated by commas (、 too); blanks and repeats dropped. */
    List<String> towns() {
        return Arrays.stream(neighbourhoodTowns == null ? new String[0] : neighbourhoodTowns.split("[\\n,、，]"))
                .map(String::strip).filter(town -> !town.isEmpty()).distinct().toList();
    }
}
