package jp.joren.purchases;

/**
 * One line as typed: the product's code (or picked by name), quantity, unit price and discount in yen, and for a
 * department line a note of what was sold.
 */
public class LineForm {

    private String code = "";
    private String quantity = "";
    private String unitPrice = "";
    private String discount = "";
    private String note = "";

    public LineForm() {
    }

    LineForm(String code, int quantity, long unitPrice, long discount, String note) {
        this.code = code;
        this.quantity = Integer.toString(quantity);
        this.unitPrice = Long.toString(unitPrice);
        this.discount = discount == 0 ? "" : Long.toString(discount);
        this.note = note == null ? "" : note;
    }

    boolean isBlank() {
        return code.isBlank() && quantity.isBlank() && unitPrice.isBlank() && discount.isBlank() && note.isBlank();
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note == null ? "" : note;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? "" : code;
    }

    public String getQuantity() {
        return quantity;
    }

    public void setQuantity(String quantity) {
        this.quantity = quantity == null ? "" : quantity;
    }

    public String getUnitPrice() {
        return unitPrice;
    }

    public void setUnitPrice(String unitPrice) {
        this.unitPrice = unitPrice == null ? "" : unitPrice;
    }

    public String getDiscount() {
        return discount;
    }

    public void setDiscount(String discount) {
        this.discount = discount == null ? "" : discount;
    }
}
