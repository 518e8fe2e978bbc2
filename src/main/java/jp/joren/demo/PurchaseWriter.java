package jp.joren.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.joren.demo.Receipt.Line;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes a chunk of receipts: purchases, their lines, and an owned product for every pressure cooker sold. */
@Component
@RequiredArgsConstructor
class PurchaseWriter {

    private record Owned(long customerId, long modelId, LocalDate purchasedOn, long purchaseId) {
    }

    private final JdbcClient jdbc;

    /** Each store's receipts numbered in the order they were made, as its till would have. */
    void numberReceipts() {
        jdbc.sql("select number_receipts(:shop)").param("shop", CurrentTenant.require()).query((rs, i) -> 0).list();
    }

    void write(List<Receipt> receipts, long[] customerIds, ShopTeam team) {
        long[] ids = insertPurchases(receipts, customerIds, team);
        List<Long> purchaseOfLine = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        List<Owned> owned = new ArrayList<>();
        for (int r = 0; r < receipts.size(); r++) {
            Receipt receipt = receipts.get(r);
            for (Line line : receipt.lines()) {
                purchaseOfLine.add(ids[r]);
                lines.add(line);
                // Only named customers buy models, and those sales are never undone (ReceiptFactory).
                if (line.model() != null) {
                    owned.add(new Owned(customerIds[receipt.customerSlot()], line.model().modelId(),
                            receipt.businessDate(), ids[r]));
                }
            }
        }
        insertLines(purchaseOfLine, lines);
        insertOwned(owned);
    }

    /** The receipts' purchases; returns their ids, in the receipts' order. */
    private long[] insertPurchases(List<Receipt> receipts, long[] customerIds, ShopTeam team) {
        long[] ids = Ids.allocate(jdbc, "purchase", receipts.size());
        BulkInsert.rows(receipts.size())
                .bigint("id", i -> ids[i])
                .value("customer_id", "bigint", i -> customerId(receipts.get(i), customerIds))
                .bigint("store_id", i -> team.storeId(receipts.get(i).atBranch()))
                .value("staff_id", "bigint", i -> team.accountId(receipts.get(i).clerk()))
                .value("purchased_at", "timestamptz", i -> receipts.get(i).purchasedAt())
                .value("business_date", "date", i -> receipts.get(i).businessDate())
                .text("channel", i -> receipts.get(i).channel())
                .bigint("total", i -> receipts.get(i).total())
                .text("status", i -> receipts.get(i).status())
                .value("created_at", "timestamptz", i -> receipts.get(i).purchasedAt())
                .into(jdbc, "purchase");
        return ids;
    }

    private void insertLines(List<Long> purchaseOfLine, List<Line> lines) {
        BulkInsert.rows(lines.size())
                .bigint("purchase_id", purchaseOfLine::get)
                .bigint("product_id", i -> lines.get(i).product().id())
                .value("quantity", "int", i -> lines.get(i).quantity())
                .bigint("unit_price", i -> lines.get(i).product().price())
                .bigint("discount", i -> lines.get(i).discount())
                .bigint("amount", i -> lines.get(i).amount())
                .into(jdbc, "purchase_line");
    }

    private void insertOwned(List<Owned> owned) {
        BulkInsert.rows(owned.size())
                .bigint("customer_id", i -> owned.get(i).customerId())
                .bigint("product_model_id", i -> owned.get(i).modelId())
                .value("purchased_on", "date", i -> owned.get(i).purchasedOn())
                .bigint("source_purchase_id", i -> owned.get(i).purchaseId())
                .into(jdbc, "owned_product");
    }

    private static Long customerId(Receipt receipt, long[] customerIds) {
        return receipt.customerSlot() < 0 ? null : customerIds[receipt.customerSlot()];
    }
}
