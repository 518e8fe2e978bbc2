package jp.joren.imports;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.joren.imports.SalesFile.Customer;
import jp.joren.imports.SalesFile.Receipt;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The receipts of a sales file, keyed by their number as the purchase import keys them: registered by the batch
 * that first has a line of theirs (a receipt Joren has is left as it is), their totals grown by the lines of later
 * batches, and removed again when a later line of theirs turns out bad.
 */
@RequiredArgsConstructor
final class SalesReceipts {

    private final JdbcClient jdbc;
    private final SalesFile file;
    private final ZoneId zone;
    private final long ownerId;
    private final ImportRun run;

    /** Counts the receipts Joren has already, apart when on another day. */
    void countRegistered(Set<String> numbers) {
        // a number Joren has on another day is most likely a till that numbers again: named apart, so the
        // owner checks it rather than reads it as the same receipt
        jdbc.sql("""
                        select p.external_ref, p.business_date from purchase p
                         where p.tenant_id = :shop and p.external_ref = any(:numbers)
                        """)
                .param("shop", file.shop).param("numbers", numbers.toArray(String[]::new))
                .query((rs, i) -> {
                    boolean sameDay = file.receipts.get(rs.getString(1)).at.toLocalDate()
                            .equals(rs.getObject(2, LocalDate.class));
                    SalesFile.count(file.warnings, sameDay ? SalesImport.REGISTERED : SalesImport.REGISTERED_OTHER_DAY, 1);
                    return sameDay;
                })
                .list();
    }

    /**
     * Registers the receipts first seen in these lines and adds the lines of the receipts begun in earlier batches
     * to their totals; returns how many it registered.
     */
    int write(List<ImportRow> lines) {
        Map<String, Long> batchTotals = new LinkedHashMap<>();
        for (ImportRow row : lines) {
            batchTotals.merge(row.text("receipt").strip(), row.<Long>value("amountYen"), Long::sum);
        }
        List<String> fresh = new ArrayList<>();
        List<Long> continued = new ArrayList<>();
        List<Long> added = new ArrayList<>();
        for (Map.Entry<String, Long> entry : batchTotals.entrySet()) {
            Receipt receipt = file.receipts.get(entry.getKey());
            Customer customer = receipt.customer == null ? null : file.customers.get(receipt.customer);
            if (customer != null && customer.id == null) {
                // the owner chose to skip this customer: their receipts are not registered
                receipt.id = -1;
                SalesFile.count(file.outcome, SalesImport.SKIPPED_CUSTOMERS, 1);
            } else if (receipt.id == 0) {
                fresh.add(entry.getKey());
            } else {
                continued.add(receipt.id);
                added.add(entry.getValue());
            }
        }
        int created = fresh.isEmpty() ? 0 : register(fresh, batchTotals);
        if (!continued.isEmpty()) {
            jdbc.sql("""
                            update purchase p set total = p.total + u.added
                              from unnest(:ids::bigint[], :added::bigint[]) u(id, added)
                             where p.tenant_id = :shop and p.id = u.id
                            """)
                    .param("ids", continued.toArray(Long[]::new)).param("added", added.toArray(Long[]::new))
                    .param("shop", file.shop).update();
        }
        return created;
    }

    /** Registers these receipts with this batch's total each, but those Joren has already; returns how many. */
    private int register(List<String> fresh, Map<String, Long> batchTotals) {
        int n = fresh.size();
        Long[] customerIds = new Long[n];
        Long[] storeIds = new Long[n];
        // the driver binds no arrays of dates: ISO texts, cast by the statement
        String[] at = new String[n];
        String[] days = new String[n];
        Long[] totals = new Long[n];
        for (int i = 0; i < n; i++) {
            Receipt receipt = file.receipts.get(fresh.get(i));
            customerIds[i] = file.customerId(receipt);
            storeIds[i] = receipt.store;
            at[i] = receipt.at.atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC).toString();
            days[i] = receipt.at.toLocalDate().toString();
            totals[i] = batchTotals.get(fresh.get(i));
            receipt.id = -1;
        }
        List<Map.Entry<String, Long>> registered = jdbc.sql("""
                        insert into purchase (tenant_id, customer_id, store_id, staff_id, purchased_at, business_date,
                                              channel, total, external_ref, import_id, created_at)
                        select :shop, u.customer, u.store, :staff, u.at, u.day, 'STORE', u.total, u.receipt, :import, :now
                          from unnest(:customers::bigint[], :stores::bigint[], :at::timestamptz[], :days::date[],
                                      :totals::bigint[], :receipts::text[]) u(customer, store, at, day, total, receipt)
                        on conflict (tenant_id, external_ref) do nothing
                        returning external_ref, id
                        """)
                .param("shop", file.shop).param("staff", ownerId).param("import", run.importId())
                .param("now", run.now().atOffset(ZoneOffset.UTC))
                .param("customers", customerIds).param("stores", storeIds).param("at", at).param("days", days)
                .param("totals", totals).param("receipts", fresh.toArray(String[]::new))
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list();
        for (Map.Entry<String, Long> receipt : registered) {
            file.receipts.get(receipt.getKey()).id = receipt.getValue();
        }
        SalesFile.count(file.outcome, SalesImport.MADE_RECEIPTS, registered.size());
        SalesFile.count(file.outcome, SalesImport.REGISTERED, n - registered.size());
        return registered.size();
    }

    /** Removes the receipts written before a later line of theirs turned out bad. */
    void removeUnwritten() {
        if (file.unwritten.isEmpty()) {
            return;
        }
        Long[] ids = file.unwritten.toArray(Long[]::new);
        for (String table : List.of("owned_product", "purchase_line")) {
            String column = table.equals("owned_product") ? "source_purchase_id" : "purchase_id";
            jdbc.sql("delete from " + table + " t where t.tenant_id = :shop and t." + column + " = any(:ids)")
                    .param("shop", file.shop).param("ids", ids).update();
        }
        int removed = jdbc.sql("delete from purchase p where p.tenant_id = :shop and p.id = any(:ids)")
                .param("shop", file.shop).param("ids", ids).update();
        SalesFile.count(file.outcome, SalesImport.MADE_RECEIPTS, -removed);
        file.unwritten.clear();
    }
}
