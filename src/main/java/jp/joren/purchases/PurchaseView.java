package jp.joren.purchases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A receipt as the purchase page shows it, with the code of the coupon it redeemed, if any. */
public record PurchaseView(long id, String receipt, Long customerId, String customerName, long storeId, String storeName, String staffName,
                    Instant purchasedAt, LocalDate businessDate, PurchaseChannel channel, long total,
                    PurchaseStatus status, String staffNote, Instant statusChangedAt, String statusChangedBy,
                    String statusReason, String couponCode, List<Line> lines) {

    /** A receipt line; {@code note} what a department line was, in the clerk's words (else null). */
    public record Line(long productId, String code, String name, int quantity, long unitPrice, long discount, long amount,
                       String note) {
    }

    public boolean isCompleted() {
        return status == PurchaseStatus.COMPLETED;
    }

    PurchaseView withLines(List<Line> lines) {
        return new PurchaseView(id, receipt, customerId, customerName, storeId, storeName, staffName, purchasedAt, businessDate,
                channel, total, status, staffNote, statusChangedAt, statusChangedBy, statusReason, couponCode, lines);
    }

    /** What an audit reader needs to see what changed. */
    Map<String, Object> auditSnapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("customerId", customerId);
        snapshot.put("storeId", storeId);
        snapshot.put("purchasedAt", purchasedAt.toString());
        snapshot.put("channel", channel.name());
        snapshot.put("total", total);
        snapshot.put("staffNote", staffNote);
        snapshot.put("lines", lines.stream().map(line -> Map.of("code", line.code(), "quantity", line.quantity(),
                "unitPrice", line.unitPrice(), "discount", line.discount(), "amount", line.amount())).toList());
        return snapshot;
    }

    PurchaseForm toForm(ZoneId zone) {
        PurchaseForm form = new PurchaseForm();
        form.setCustomerId(customerId);
        form.setStoreId(storeId);
        form.setPurchasedAt(purchasedAt.atZone(zone).toLocalDateTime().withSecond(0).withNano(0));
        form.setChannel(channel);
        form.setStaffNote(staffNote == null ? "" : staffNote);
        form.setLines(new ArrayList<>(lines.stream()
                .map(line -> new LineForm(line.code(), line.quantity(), line.unitPrice(), line.discount(), line.note()))
                .toList()));
        form.setClientKey(null);
        return form;
    }
}
