package jp.joren.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A consumable part added to a model: it is also a product (its code is the part number, so the counter
 * sells it by that number), with a replacement interval and how many days before it the reminder goes out.
 */
public class PartForm {

    @NotBlank(message = "{validation.required}")
    @Size(max = 40, message = "{validation.tooLong}")
    @Pattern(regexp = "^\\S*$", message = "{catalog.validation.codeSpaces}")
    private String partNumber = "";

    @NotBlank(message = "{validation.required}")
    @Size(max = 120, message = "{validation.tooLong}")
    private String name = "";

    @NotBlank(message = "{validation.required}")
    private String price = "";

    @NotBlank(message = "{validation.required}")
    private String intervalDays = "";

    private String leadDays = "30";

    public String getPartNumber() {
        return partNumber;
    }

    public void setPartNumber(String partNumber) {
        this.partNumber = partNumber == null ? "" : partNumber.strip();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPrice() {
        return price;
    }

    public void setPrice(String price) {
        this.price = price;
    }

    public String getIntervalDays() {
        return intervalDays;
    }

    public void setIntervalDays(String intervalDays) {
        this.intervalDays = intervalDays;
    }

    public String getLeadDays() {
        return leadDays;
    }

    public void setLeadDays(String leadDays) {
        this.leadDays = leadDays;
    }
}
