package jp.joren.purchases;

import jp.joren.shared.Quantity;
import jp.joren.shared.YenAmount;

/**
 * One line as typed: the product's code (or picked by name), quantity, unit price and discount in yen (read as
 * people type them: ２, ¥1,200), and for a department line a note of what was sold.
 */
public class LineForm {

    private String code = "";
    @Quantity
    private Integer quantity;
    @YenAmount
    private Long unitPrice;
    @YenAmount
    private Long discount;
    private String note = "";

    public LineForm() {
    }

    LineForm(String code, int quantity, long unitPrice, long discount, String note) {
        this.code = code;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.discount = discount == 0 ? null : discount;
        this.note = note == null ? "" : note;
    }

    boolean isBlank() {
        return code.isBlank() && quantity == null && unitPrice == null && discount == null && note.isBlank();
    }

    /** An empty quantity is one piece, an empty discount none, an empty price the catalog's. */
    PurchaseDraft.Line toLine(int position) {
        return new PurchaseDraft.Line(position, code.strip(), quantity == null ? 1 : quantity, unitPrice,
                discount == null ? 0 : discount, note.isBlank() ? null : note.strip());
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

    public Integer getQuantity() {
        return quantity;
    }

    public void setQuantity(Integer quantity) {
        this.quantity = quantity;
    }

    public Long getUnitPrice() {
        return unitPrice;
    }

    public void setUnitPrice(Long unitPrice) {
        this.unitPrice = unitPrice;
    }

    public Long getDiscount() {
        return discount;
    }

    public void setDiscount(Long discount) {
        this.discount = discount;
    }
}
