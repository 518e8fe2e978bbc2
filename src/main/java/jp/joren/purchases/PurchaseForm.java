package jp.joren.purchases;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntPredicate;

import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The purchase screen: who (or a walk-in), where, when (the shop's local time), and the lines. The client
 * key is issued with the empty form, so a double-clicked "save" registers one purchase.
 */
public class PurchaseForm {

    static final int BLANK_LINES = 5;

    @Getter @Setter private Long customerId;

    @Getter @Setter private Long storeId;

    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    @Getter @Setter private LocalDateTime purchasedAt;

    @Getter @Setter private PurchaseChannel channel = PurchaseChannel.STORE;

    @Getter @Setter private List<LineForm> lines = new ArrayList<>();

    @Size(max = 500, message = "{validation.tooLong}")
    @Getter @Setter private String staffNote = "";

    @Getter @Setter private UUID clientKey = UUID.randomUUID();

    @Size(max = 40)
    @Getter private String couponCode = "";

    /** The sale as rung up; its rules are {@link PurchaseChecks}'. */
    PurchaseDraft toDraft() {
        List<PurchaseDraft.Line> filled = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                filled.add(lines.get(i).toLine(i));
            }
        }
        return new PurchaseDraft(customerId, storeId, purchasedAt, channel, filled,
                staffNote == null || staffNote.isBlank() ? null : staffNote.strip(), clientKey, couponCode);
    }

    /**
     * Keeps a few empty lines at the end, so the clerk can keep typing codes. A line whose text could not be
     * read looks empty but is kept, with what was typed and why it was refused.
     */
    void padLines(IntPredicate unreadable) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).isBlank() && !unreadable.test(i)) {
                lines.remove(i);
            }
        }
        while (lines.size() < BLANK_LINES || !lines.get(lines.size() - 1).isBlank()) {
            lines.add(new LineForm());
        }
    }

    List<LineForm> filledLines() {
        return lines.stream().filter(line -> !line.isBlank()).toList();
    }

    public void setCouponCode(String couponCode) {
        this.couponCode = couponCode == null ? "" : couponCode;
    }
}
