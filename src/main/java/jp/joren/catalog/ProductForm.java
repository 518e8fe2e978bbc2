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
import org.jspecify.annotations.Nullable;

/** A product as the owner edits it; price and cycle bound as typed ("1,200", full-width digits, see {@link YenAmount}). */
public class ProductForm {

    @NotBlank(message = "{validation.required}")
    @Size(max = 40, message = "{validation.tooLong}")
    @Pattern(regexp = "^\\S*$", message = "{catalog.validation.codeSpaces}")
    private String code = "";

    @NotBlank(message = "{validation.required}")
    @Size(max = 120, message = "{validation.tooLong}")
    private String name = "";

    private @Nullable Long categoryId;

    @YenAmount
    @NotNull(message = "{validation.required}")
    @PositiveOrZero(message = "{catalog.validation.price}")
    private @Nullable Long price;

    private boolean sensitive;

    private boolean excludedFromPortfolio;

    @DayCount
    @Min(value = 1, message = "{catalog.validation.days}")
    @Max(value = CatalogEditor.MAX_DAYS, message = "{catalog.validation.days}")
    private @Nullable Integer repurchaseCycleDays;

    private boolean active = true;

    /** A department (部門): sold at a price typed at the counter; the price above is its default (0: none). */
    private boolean department;

    /** The version of the product the form was opened on (null for a new product). */
    private @Nullable Long version;

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

    public boolean isDepartment() {
        return department;
    }

    public void setDepartment(boolean department) {
        this.department = department;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? "" : code.strip();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public @Nullable Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(@Nullable Long categoryId) {
        this.categoryId = categoryId;
    }

    public @Nullable Long getPrice() {
        return price;
    }

    public void setPrice(@Nullable Long price) {
        this.price = price;
    }

    public boolean isExcludedFromPortfolio() {
        return excludedFromPortfolio;
    }

    public void setExcludedFromPortfolio(boolean excludedFromPortfolio) {
        this.excludedFromPortfolio = excludedFromPortfolio;
    }

    public boolean isSensitive() {
        return sensitive;
    }

    public void setSensitive(boolean sensitive) {
        this.sensitive = sensitive;
    }

    public @Nullable Integer getRepurchaseCycleDays() {
        return repurchaseCycleDays;
    }

    public void setRepurchaseCycleDays(@Nullable Integer repurchaseCycleDays) {
        this.repurchaseCycleDays = repurchaseCycleDays;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public @Nullable Long getVersion() {
        return version;
    }

    public void setVersion(@Nullable Long version) {
        this.version = version;
    }
}
