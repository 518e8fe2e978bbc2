package jp.joren.purchases;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntPredicate;

import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The purchase screen: who (or a walk-in), where, when (the shop's local time), and the lines. The client
 * key is issued with the empty form, so a double-clicked "save" registers one purchase.
 */
public class PurchaseForm {

    static final int BLANK_LINES = 5;

    private Long customerId;

    private Long storeId;

    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime purchasedAt;

    private PurchaseChannel channel = PurchaseChannel.STORE;

    private List<LineForm> lines = new ArrayList<>();

    @Size(max = 500, message = "{validation.tooLong}")
    private String staffNote = "";

    private UUID clientKey = UUID.randomUUID();

    @Size(max = 40)
    private String couponCode = "";

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

    public Long getCustomerId() {
        return customerId;
    }

    public void setCustomerId(Long customerId) {
        this.customerId = customerId;
    }

    public Long getStoreId() {
        return storeId;
    }

    public void setStoreId(Long storeId) {
        this.storeId = storeId;
    }

    public LocalDateTime getPurchasedAt() {
        return purchasedAt;
    }

    public void setPurchasedAt(LocalDateTime purchasedAt) {
        this.purchasedAt = purchasedAt;
    }

    public PurchaseChannel getChannel() {
        return channel;
    }

    public void setChannel(PurchaseChannel channel) {
        this.channel = channel;
    }

    public List<LineForm> getLines() {
        return lines;
    }

    public void setLines(List<LineForm> lines) {
        this.lines = lines;
    }

    public String getStaffNote() {
        return staffNote;
    }

    public void setStaffNote(String staffNote) {
        this.staffNote = staffNote;
    }

    public String getCouponCode() {
        return couponCode;
    }

    public void setCouponCode(String couponCode) {
        this.couponCode = couponCode == null ? "" : couponCode;
    }

    public UUID getClientKey() {
        return clientKey;
    }

    public void setClientKey(UUID clientKey) {
        this.clientKey = clientKey;
    }
}
