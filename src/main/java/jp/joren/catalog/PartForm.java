package jp.joren.catalog;

import java.util.Objects;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jp.joren.shared.DayCount;
import jp.joren.shared.YenAmount;
import lombok.Getter;
import lombok.Setter;
import org.jspecify.annotations.Nullable;

/**
 * A consumable part added to a model: it is also a product (its code is the part number, so the counter
 * sells it by that number), with a replacement interval and how many days before it the reminder goes out.
 */
public class PartForm {

    @NotBlank(message = "{validation.required}")
    @Size(max = 40, message = "{validation.tooLong}")
    @Pattern(regexp = "^\\S*$", message = "{catalog.validation.codeSpaces}")
    @Getter private String partNumber = "";

    @NotBlank(message = "{validation.required}")
    @Size(max = 120, message = "{validation.tooLong}")
    @Getter @Setter private String name = "";

    @YenAmount
    @NotNull(message = "{validation.required}")
    @PositiveOrZero(message = "{catalog.validation.price}")
    @Getter @Setter private @Nullable Long price;

    @DayCount
    @NotNull(message = "{validation.required}")
    @Min(value = 1, message = "{catalog.validation.days}")
    @Max(value = CatalogEditor.MAX_DAYS, message = "{catalog.validation.days}")
    @Getter @Setter private @Nullable Integer intervalDays;

    /** How many days before the replacement is due the reminder goes; a month unless the owner says otherwise. */
    @DayCount
    @Min(value = 0, message = "{catalog.validation.leadDays}")
    @Max(value = CatalogEditor.MAX_DAYS, message = "{catalog.validation.leadDays}")
    @Getter @Setter private @Nullable Integer leadDays = 30;

    /** What the owner typed, as the command the catalog takes (checked first); no lead days is a month. */
    NewPart part() {
        return new NewPart(partNumber, name.strip(), Objects.requireNonNull(price, "checked: a price"),
                Objects.requireNonNull(intervalDays, "checked: an interval"), leadDays == null ? 30 : leadDays);
    }

    public void setPartNumber(String partNumber) {
        this.partNumber = partNumber == null ? "" : partNumber.strip();
    }
}
