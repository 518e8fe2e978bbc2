package jp.joren.imports;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import jp.joren.customers.OwnedProducts;
import jp.joren.shared.SaleLimits;
import jp.joren.tenancy.CurrentTenant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Purchases from a file, one line per row, grouped into receipts by their receipt number. A receipt whose
 * number is already in Joren is skipped, so importing the same file twice registers each receipt once; a
 * receipt with any bad line is left out whole. The customer is found by member code, phone or email (none
 * given: a walk-in); product models bought become the customer's owned products, as at the counter.
 */
final class PurchaseImport implements KindImport {

    private record Product(long id, long price, Long modelId) {
    }

    private record Receipt(LocalDateTime at, Long customerId, long storeId) {
    }

    private final JdbcClient jdbc;
    private final OwnedProducts ownedProducts;
    private final ZoneId zone;
    private final long ownerId;
    private final Map<String, Product> products = new HashMap<>();
    private final Map<String, Long> stores = new HashMap<>();
    private final long defaultStore;
    private final PurchaseCustomers customers;
    private final Map<String, Receipt> receipts = new HashMap<>();
    private final Set<String> badReceipts = new HashSet<>();
    private final Map<String, Long> receiptTotals = new HashMap<>();
    private final Map<String, List<ImportRow>> lines = new LinkedHashMap<>();
    private final Long importId;

    /** @param importId the import the receipts are registered by (null while checking) */
    PurchaseImport(JdbcClient jdbc, OwnedProducts ownedProducts, ZoneId zone, long ownerId, Long importId) {
        this.importId = importId;
        this.jdbc = jdbc;
        this.ownedProducts = ownedProducts;
        this.zone = zone;
        this.ownerId = ownerId;
        this.customers = new PurchaseCustomers(jdbc);
        jdbc.sql("""
                select lower(p.code) as code, p.id, p.price, m.id as model_id
                  from product p left join product_model m on m.tenant_id = :shop and m.tenant_id = p.tenant_id and m.product_id = p.id
                 where p.tenant_id = :shop
                """).param("shop", CurrentTenant.require()).query((rs, i) -> products.put(rs.getString("code"),
                new Product(rs.getLong("id"), rs.getLong("price"), (Long) rs.getObject("model_id")))).list();
        jdbc.sql("select name, id from store where tenant_id = :shop and active order by id")
                .param("shop", CurrentTenant.require()).query((rs, i) -> stores.putIfAbsent(rs.getString("name").strip(), rs.getLong("id"))).list();
        this.defaultStore = jdbc.sql("select id from store where tenant_id = :shop and active order by id limit 1")
                .param("shop", CurrentTenant.require()).query(Long.class).single();
    }

    @Override
    public List<ImportProblem> check(ImportRow row) {
        List<ImportProblem> problems = new ArrayList<>();
        String receipt = row.text("receipt").strip();
        if (!products.containsKey(row.text("productCode").strip().toLowerCase())) {
            problems.add(new ImportProblem(row.line(), "productCode", "import.problem.unknownProduct", row.text("productCode")));
        }
        String store = row.text("store");
        if (store != null && !stores.containsKey(store.strip())) {
            problems.add(new ImportProblem(row.line(), "store", "import.problem.unknownStore", store));
        }
        Optional<Long> customer = customers.of(row);
        if (customer == null) {
            problems.add(new ImportProblem(row.line(), "customerCode", "import.problem.unknownCustomer",
                    Stream.of(row.text("customerCode"), row.text("phone"), row.text("email"))
                            .filter(Objects::nonNull).findFirst().orElse("")));
        }
        Receipt header = new Receipt(row.value("purchasedAt"), customer == null ? null : customer.orElse(null),
                store == null ? defaultStore : stores.getOrDefault(store.strip(), defaultStore));
        Receipt first = receipts.putIfAbsent(receipt, header);
        if (first != null && (!first.at().toLocalDate().equals(header.at().toLocalDate())
                || !Objects.equals(first.customerId(), header.customerId()))) {
            problems.add(new ImportProblem(row.line(), "receipt", "import.problem.receiptDisagrees", receipt));
        }
        Product product = product(row);
        if (product != null && receiptTotals.merge(receipt, amount(row, product), Long::sum) > SaleLimits.MAX_AMOUNT) {
            problems.add(new ImportProblem(row.line(), "receipt", "import.problem.receiptTooLarge", receipt));
        }
        if (!problems.isEmpty()) {
            badReceipts.add(receipt);
        }
        return problems;
    }

    private static int quantity(ImportRow row) {
        return row.values().get("quantity") == null ? 1 : row.<Integer>value("quantity");
    }

    private static long unitPrice(ImportRow row, Product product) {
        return row.values().get("unitPrice") == null ? product.price() : row.<Long>value("unitPrice");
    }

    /** The line's amount: as given, else quantity × unit price (at most 9,999 × ¥99,999,999: no overflow). */
    private static long amount(ImportRow row, Product product) {
        return row.values().get("amount") == null ? quantity(row) * unitPrice(row, product) : row.<Long>value("amount");
    }

    @Override
    public Counts write(List<ImportRow> rows) {
        rows.forEach(row -> lines.computeIfAbsent(row.text("receipt").strip(), r -> new ArrayList<>()).add(row));
        return Counts.NONE;
    }

    @Override
    public Counts finish() {
        int created = 0;
        for (Map.Entry<String, List<ImportRow>> entry : lines.entrySet()) {
            if (!badReceipts.contains(entry.getKey()) && write(entry.getKey(), entry.getValue())) {
                created++;
            }
        }
        return new Counts(created, 0);
    }

    private boolean write(String receipt, List<ImportRow> rows) {
        Receipt header = receipts.get(receipt);
        long total = rows.stream().mapToLong(row -> amount(row, product(row))).sum();
        Optional<Long> purchase = jdbc.sql("""
                        insert into purchase (tenant_id, customer_id, store_id, staff_id, purchased_at, business_date,
                                              channel, total, external_ref, import_id)
                        values (app_current_tenant(), :customer, :store, :staff, :at, :day, 'STORE', :total, :receipt,
                                :import)
                        on conflict (tenant_id, external_ref) do nothing
                        returning id
                        """)
                .param("customer", header.customerId()).param("store", header.storeId()).param("staff", ownerId)
                .param("at", header.at().atZone(zone).toInstant().atOffset(ZoneOffset.UTC))
                .param("day", header.at().toLocalDate())
                .param("total", total)
                .param("receipt", receipt).param("import", importId)
                .query(Long.class).optional();
        if (purchase.isEmpty()) {
            return false;
        }
        writeLines(purchase.get(), rows);
        if (header.customerId() != null) {
            for (ImportRow row : rows) {
                if (product(row).modelId() != null) {
                    ownedProducts.registerFromPurchase(header.customerId(), product(row).modelId(),
                            header.at().toLocalDate(), purchase.get(), ownerId);
                }
            }
        }
        return true;
    }

    private void writeLines(long purchase, List<ImportRow> rows) {
        List<Long> productIds = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        List<Long> unitPrices = new ArrayList<>();
        List<Long> discounts = new ArrayList<>();
        List<Long> amounts = new ArrayList<>();
        for (ImportRow row : rows) {
            Product product = product(row);
            productIds.add(product.id());
            quantities.add(quantity(row));
            unitPrices.add(unitPrice(row, product));
            discounts.add(Math.max(0, quantity(row) * unitPrice(row, product) - amount(row, product)));
            amounts.add(amount(row, product));
        }
        jdbc.sql("""
                        insert into purchase_line (tenant_id, purchase_id, product_id, quantity, unit_price, discount, amount)
                        select app_current_tenant(), ?, * from unnest(?::bigint[], ?::int[], ?::bigint[], ?::bigint[], ?::bigint[])
                        on conflict (tenant_id, id) do nothing
                        """)
                .params(purchase, productIds.toArray(Long[]::new), quantities.toArray(Integer[]::new),
                        unitPrices.toArray(Long[]::new), discounts.toArray(Long[]::new), amounts.toArray(Long[]::new))
                .update();
    }

    private Product product(ImportRow row) {
        return products.get(row.text("productCode").strip().toLowerCase());
    }
}
