package jp.joren.purchases;

import jp.joren.shared.Quantity;
import jp.joren.shared.YenAmount;
import lombok.Getter;
import lombok.Setter;

/**
 * One line as typed: the product's code (or picked by name), quantity, unit price and discount in yen (read as
 * people type them: ２, ¥1,200), and for a department line a note of what was sold.
 */
public class LineForm {

    @Getter private String code = "";
    @Quantity
    @Getter @Setter private Integer quantity;
    @YenAmount
    @Getter @Setter private Long unitPrice;
    @YenAmount
    @Getter @Setter private Long discount;
    @Getter private String note = "";

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

    public void setNote(String note) {
        this.note = note == null ? "" : note;
    }

    public void setCode(String code) {
        this.code = code == null ? "" : code;
    }
}
