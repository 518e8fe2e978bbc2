package jp.joren.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A product as the owner edits it; price and cycle are text so that "1,200" and full-width digits work. */
public class ProductForm {

    @NotBlank(message = "{validation.required}")
    @Size(max = 40, message = "{validation.tooLong}")
    @Pattern(regexp = "^\\S*$", message = "{catalog.validation.codeSpaces}")
    private String code = "";

    @NotBlank(message = "{validation.required}")
    @Size(max = 120, message = "{validation.tooLong}")
    private String name = "";

    private Long categoryId;

    @NotBlank(message = "{validation.required}")
    private String price = "";

    private boolean sensitive;

    private boolean excludedFromPortfolio;

    private String repurchaseCycleDays = "";

    private boolean active = true;

    /** A department (部門): sold at a price typed at the counter; the price above is its default (0: none). */
    private boolean department;

    /** The version of the product the form was opened on (null for a new product). */
    private Long version;

    static ProductForm of(CatalogEditor.ProductRow product) {
        ProductForm form = new ProductForm();
        form.code = product.code();
        form.name = product.name();
        form.categoryId = product.categoryId();
        form.price = Long.toString(product.price());
        form.sensitive = product.sensitive();
        form.excludedFromPortfolio = product.excludedFromPortfolio();
        form.repurchaseCycleDays = product.repurchaseCycleDays() == null ? "" : product.repurchaseCycleDays().toString();
        form.active = product.active();
        form.department = product.department();
        form.version = product.version();
        return form;
    }

    /** The fields as a person reads them, for the conflict page (keys name their labels). */
    Map<String, Object> snapshot() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("name", name);
        fields.put("price", price);
        fields.put("cycle", repurchaseCycleDays);
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

    public Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(Long categoryId) {
        this.categoryId = categoryId;
    }

    public String getPrice() {
        return price;
    }

    public void setPrice(String price) {
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

    public String getRepurchaseCycleDays() {
        return repurchaseCycleDays;
    }

    public void setRepurchaseCycleDays(String repurchaseCycleDays) {
        this.repurchaseCycleDays = repurchaseCycleDays;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
