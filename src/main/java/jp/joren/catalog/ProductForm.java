package jp.joren.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
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

/** A product as the owner edits it; price and cycle bound as typed ("1,200", full-width digits, see {@link YenAmount}). */
public class ProductForm {

    @NotBlank(message = "{validation.required}")
    @Size(max = 40, message = "{validation.tooLong}")
    @Pattern(regexp = "^\\S*$", message = "{catalog.validation.codeSpaces}")
    @Getter private String code = "";

    @NotBlank(message = "{validation.required}")
    @Size(max = 120, message = "{validation.tooLong}")
    @Getter @Setter private String name = "";

    @Getter @Setter private @Nullable Long categoryId;

    @YenAmount
    @NotNull(message = "{validation.required}")
    @PositiveOrZero(message = "{catalog.validation.price}")
    @Getter @Setter private @Nullable Long price;

    @Getter @Setter private boolean sensitive;

    @Getter @Setter private boolean excludedFromPortfolio;

    @DayCount
    @Min(value = 1, message = "{catalog.validation.days}")
    @Max(value = CatalogEditor.MAX_DAYS, message = "{catalog.validation.days}")
    @Getter @Setter private @Nullable Integer repurchaseCycleDays;

    @Getter @Setter private boolean active = true;

    /** A department (部門): sold at a price typed at the counter; the price above is its default (0: none). */
    @Getter @Setter private boolean department;

    /** The version of the product the form was opened on (null for a new product). */
    @Getter @Setter private @Nullable Long version;

    static ProductForm of(CatalogEditor.ProductRow product) {
        ProductForm form = new ProductForm();
        form.code = product.code();
        form.name = product.name();
        form.categoryId = product.categoryId();
        form.price = product.price();
        form.sensitive = product.sensitive();
        form.excludedFromPortfolio = product.excludedFromPortfolio();
        form.repurchaseCycleDays = product.repurchaseCycleDays();
        form.active = product.active();
        form.department = product.department();
        form.version = product.version();
        return form;
    }

    /** What the owner typed, as the command the catalog takes (checked first). */
    ProductChange change() {
        return new ProductChange(code, name.strip(), categoryId, Objects.requireNonNull(price, "checked: a price"),
                sensitive, excludedFromPortfolio,
                repurchaseCycleDays, active, department);
    }

    /** The fields as a person reads them, for the conflict page (keys name their labels). */
    Map<String, Object> snapshot() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("name", name);
        fields.put("price", price);
        fields.put("cycle", repurchaseCycleDays == null ? "" : repurchaseCycleDays);
        fields.put("sensitive", sensitive ? "○" : "×");
        fields.put("excluded", excludedFromPortfolio ? "○" : "×");
        fields.put("active", active ? "○" : "×");
        fields.put("department", department ? "○" : "×");
        return fields;
    }

    public void setCode(String code) {
        this.code = code == null ? "" : code.strip();
    }
}
