package jp.joren.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
import java.util.Set;

import jp.joren.catalog.CatalogQueries;
import jp.joren.customers.OwnedProducts;
import jp.joren.shared.SaleLimits;
import jp.joren.tenancy.CurrentTenant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A POS sales export in one file: receipt lines that bring their customers and products. The file is read as
 * it streams, a batch at a time; only one small entry per customer, product and receipt is kept.
 * <ul>
 * <li>Customers are the customer import's: each distinct customer of the file (by member code, else email,
 * else phone) is one row of {@link CustomerImport}, so matching, conflicts (a choice per customer, at the line
 * where the file first names them), updates and the undo record are exactly its own. A line without any of
 * them is a walk-in: its receipt is registered without a customer, so the shop's sales stay whole and no
 * customer figure counts a stranger.</li>
 * <li>Products are found by code as the counter finds them ({@link CatalogQueries#codeKey}; inner spaces are
 * part of the code); a missing one is created from its first line's name and unit price.</li>
 * <li>Receipts are keyed by their number, as the purchase import keys them (a receipt already in Joren is
 * not registered again); a receipt with any bad line is left out whole. Lines with a negative quantity or
 * price are cancellations, returns or adjustments of sales the file may not hold: they are skipped and
 * counted, never subtracted from a sale they cannot be matched to.</li>
 * <li>Prices with decimals are multiplied by the import's currency factor (1 when none) and rounded to yen
 * (half up); the lines whose yen were rounded are counted.</li>
 * </ul>
 */
final class SalesImport implements KindImport {

    static final String RETURNS = "import.warning.returns";
    static final String ROUNDED = "import.warning.rounded";
    static final String WALK_INS = "import.warning.walkIns";
    static final String REGISTERED = "import.warning.registered";
    static final String REGISTERED_OTHER_DAY = "import.warning.registeredOtherDay";
    static final String LEFT_WITH_RECEIPT = "import.warning.leftWithReceipt";
    static final String NAMED_BY_CODE = "import.warning.namedByCode";
    static final String NEW_CUSTOMERS = "import.warning.newCustomers";
    static final String NEW_PRODUCTS = "import.warning.newProducts";
    static final String SKIPPED_CUSTOMERS = "import.warning.skippedByChoice";
    static final String MADE_RECEIPTS = "import.outcome.receipts";
    static final String MADE_CUSTOMERS = "import.outcome.customers";
    static final String UPDATED_CUSTOMERS = "import.outcome.updatedCustomers";
    static final String MADE_PRODUCTS = "import.outcome.products";

    private record Product(long id, long price, Long modelId) {
    }

    /** A product the file names that the shop does not have yet: made from the first line naming it. */
    private record NewProduct(String code, String name, long price) {
    }

    /** A customer of the file, as the row of a customer import that makes or finds them. */
    private static final class Customer {
        final ImportRow row;
        boolean bad;
        boolean reviewed;
        /** Found by nobody when reviewed: the import creates them, if a receipt of theirs is imported. */
        boolean fresh;
        boolean resolved;
        Long id;

        Customer(ImportRow row) {
            this.row = row;
        }
    }

    private static final class Receipt {
        final LocalDateTime at;
        final String customer;
        final long store;
        long total;
        int goodLines;
        boolean bad;
        boolean looked;
        /** 0 until written, then its purchase; -1 when Joren had it already (or its customer was skipped). */
        long id;

        Receipt(LocalDateTime at, String customer, long store) {
            this.at = at;
            this.customer = customer;
            this.store = store;
        }
    }

    private final JdbcClient jdbc;
    private final CustomerImport customerImport;
    private final OwnedProducts ownedProducts;
    private final ZoneId zone;
    private final long ownerId;
    private final ImportRun run;
    private final BigDecimal factor;
    private final long shop;
    private final Map<String, Product> products = new HashMap<>();
    private final Map<String, NewProduct> newProducts = new LinkedHashMap<>();
    private final Map<String, Long> stores = new HashMap<>();
    private final long defaultStore;
    private final Map<String, Customer> customers = new HashMap<>();
    private final Map<String, Receipt> receipts = new HashMap<>();
    private final List<Long> unwritten = new ArrayList<>();
    private final Map<String, Long> warnings = new LinkedHashMap<>();
    private final Map<String, Long> outcome = new LinkedHashMap<>();
    private long written;
    private long analyzedAt = 1_000;

    /**
     * @param run what the run writes by (null while checking)
     * @param factor yen per unit of the file's prices (null: the prices are yen)
     */
    SalesImport(JdbcClient jdbc, CustomerImport customerImport, OwnedProducts ownedProducts, ZoneId zone, long ownerId,
            ImportRun run, BigDecimal factor) {
        this.jdbc = jdbc;
        this.customerImport = customerImport;
        this.ownedProducts = ownedProducts;
        this.zone = zone;
        this.ownerId = ownerId;
        this.run = run;
        this.factor = factor == null ? BigDecimal.ONE : factor;
        this.shop = CurrentTenant.require();
        jdbc.sql("""
                select p.code, p.id, p.price, m.id as model_id
                  from product p left join product_model m on m.tenant_id = p.tenant_id and m.product_id = p.id
                 where p.tenant_id = :shop
                """).param("shop", shop).query((rs, i) -> products.putIfAbsent(CatalogQueries.codeKey(rs.getString("code")),
                new Product(rs.getLong("id"), rs.getLong("price"), (Long) rs.getObject("model_id")))).list();
        jdbc.sql("select s.name, s.id from store s where s.tenant_id = :shop and s.active order by s.id").param("shop", shop)
                .query((rs, i) -> stores.putIfAbsent(rs.getString("name").strip(), rs.getLong("id"))).list();
        this.defaultStore = jdbc.sql("select s.id from store s where s.tenant_id = :shop and s.active order by s.id limit 1")
                .param("shop", shop).query(Long.class).single();
        for (String key : List.of(NEW_CUSTOMERS, NEW_PRODUCTS, RETURNS, ROUNDED, WALK_INS, REGISTERED, REGISTERED_OTHER_DAY,
                NAMED_BY_CODE)) {
            warnings.put(key, 0L);
        }
    }

    @Override
    public List<ImportProblem> check(ImportRow row) {
        List<ImportProblem> problems = new ArrayList<>();
        BigDecimal quantity = row.value("quantity");
        BigDecimal unit = row.value("unitPrice");
        BigDecimal amount = row.value("amount");
        if (negative(quantity) || negative(unit) || negative(amount)) {
            // a cancellation (Online Retail's C-numbers), a return or an adjustment: not a sale
            row.values().put("skip", true);
            count(warnings, RETURNS, 1);
            return problems;
        }
        Integer count = quantity(row, quantity, problems);
        String code = row.text("productCode");
        String key = CatalogQueries.codeKey(code);
        Product product = products.get(key);
        Long unitYen = yen(row, "unitPrice", unit, problems);
        Long amountYen = yen(row, "amount", amount, problems);
        if (unitYen == null && amountYen == null) {
            if (product != null) {
                unitYen = product.price();
            } else {
                problems.add(new ImportProblem(row.line(), "unitPrice", "import.problem.noPrice", code));
            }
        }
        if (count != null && (unitYen != null || amountYen != null)) {
            if (unitYen == null) {
                unitYen = Math.round((double) amountYen / count);
            }
            if (amountYen == null) {
                amountYen = count * unitYen;
            }
            if (amountYen > SaleLimits.MAX_AMOUNT) {
                problems.add(new ImportProblem(row.line(), "amount", "import.problem.badAmount", Long.toString(amountYen)));
            }
            row.values().put("count", count);
            row.values().put("unitYen", unitYen);
            row.values().put("amountYen", amountYen);
        }
        if (product == null && !newProducts.containsKey(key) && unitYen != null && problems.isEmpty()) {
            String name = row.text("productName");
            if (name == null) {
                count(warnings, NAMED_BY_CODE, 1);
            }
            newProducts.put(key, new NewProduct(code, name == null ? code : name, unitYen));
            count(warnings, NEW_PRODUCTS, 1);
        }
        String store = row.text("store");
        if (store != null && !stores.containsKey(store.strip())) {
            problems.add(new ImportProblem(row.line(), "store", "import.problem.unknownStore", store));
        }
        String customerKey = customerKey(row);
        if (customerKey != null) {
            problems.addAll(customer(customerKey, row));
        }
        String number = row.text("receipt").strip();
        LocalDateTime at = row.value("purchasedAt");
        Receipt receipt = receipts.get(number);
        if (receipt == null) {
            receipt = new Receipt(at, customerKey, store == null ? defaultStore : stores.getOrDefault(store.strip(), defaultStore));
            receipts.put(number, receipt);
            if (customerKey == null) {
                count(warnings, WALK_INS, 1);
            }
        } else if (!receipt.at.toLocalDate().equals(at.toLocalDate()) || !Objects.equals(receipt.customer, customerKey)) {
            problems.add(new ImportProblem(row.line(), "receipt", "import.problem.receiptDisagrees", number));
        }
        if (problems.isEmpty() && (receipt.total += amountYen) > SaleLimits.MAX_AMOUNT) {
            problems.add(new ImportProblem(row.line(), "receipt", "import.problem.receiptTooLarge", number));
        }
        if (problems.isEmpty()) {
            receipt.goodLines++;
        } else if (!receipt.bad) {
            receipt.bad = true;
            if (receipt.id > 0) {
                // its earlier lines were written: the receipt is left out whole
                unwritten.add(receipt.id);
                receipt.id = 0;
            }
        }
        return problems;
    }

    private static boolean negative(BigDecimal value) {
        return value != null && value.signum() < 0;
    }

    private static Integer quantity(ImportRow row, BigDecimal quantity, List<ImportProblem> problems) {
        if (quantity == null) {
            return 1;
        }
        if (quantity.signum() == 0 || quantity.stripTrailingZeros().scale() > 0
                || quantity.compareTo(BigDecimal.valueOf(SaleLimits.MAX_QUANTITY)) > 0) {
            problems.add(new ImportProblem(row.line(), "quantity", "import.problem.badCount", quantity.toPlainString()));
            return null;
        }
        return quantity.intValueExact();
    }

    /** A price of the file in yen: times the currency factor, rounded half up (counted when that rounds). */
    private Long yen(ImportRow row, String field, BigDecimal price, List<ImportProblem> problems) {
        if (price == null) {
            return null;
        }
        BigDecimal exact = price.multiply(factor);
        BigDecimal rounded = exact.setScale(0, RoundingMode.HALF_UP);
        if (rounded.compareTo(BigDecimal.valueOf(SaleLimits.MAX_AMOUNT)) > 0) {
            problems.add(new ImportProblem(row.line(), field, "import.problem.badAmount", price.toPlainString()));
            return null;
        }
        if (exact.compareTo(rounded) != 0 && !row.values().containsKey("rounded")) {
            row.values().put("rounded", true);
            count(warnings, ROUNDED, 1);
        }
        return rounded.longValueExact();
    }

    /** Member code, else email, else phone: the first the line gives; null for a walk-in. */
    private static String customerKey(ImportRow row) {
        if (row.text("customerCode") != null) {
            return "code:" + row.text("customerCode").toLowerCase();
        }
        if (row.text("email") != null) {
            return "email:" + row.text("email").toLowerCase();
        }
        return row.text("phone") == null ? null : "phone:" + row.text("phone").replaceAll("[^0-9]", "");
    }

    /** The problems of the line's customer: their own at the line that first names them, else a pointer there. */
    private List<ImportProblem> customer(String key, ImportRow row) {
        Customer known = customers.get(key);
        if (known != null) {
            return known.bad ? List.of(new ImportProblem(row.line(), "customerCode", "import.problem.customerBadEarlier",
                    Long.toString(known.row.line()))) : List.of();
        }
        Map<String, Object> fields = new HashMap<>();
        String code = row.text("customerCode");
        String name = row.text("customerName");
        fields.put("code", code);
        // a journal without names (Online Retail): the customer is named by their code until the owner names them
        fields.put("name", name != null ? name : code != null ? code : row.text("email") != null ? row.text("email")
                : row.text("phone"));
        fields.put("nameKana", row.text("nameKana"));
        fields.put("phone", row.text("phone"));
        fields.put("email", row.text("email"));
        fields.values().removeIf(Objects::isNull);
        Customer customer = new Customer(new ImportRow(row.line(), fields));
        customers.put(key, customer);
        List<ImportProblem> problems = new ArrayList<>();
        for (ImportProblem problem : customerImport.check(customer.row)) {
            String field = switch (problem.field()) {
                case "code" -> "customerCode";
                case "name" -> "customerName";
                default -> problem.field();
            };
            problems.add(new ImportProblem(problem.line(), field, problem.message(), problem.value(), problem.limit()));
        }
        customer.bad = !problems.isEmpty();
        return problems;
    }

    @Override
    public List<ImportMatch> review(List<ImportRow> rows) {
        List<Customer> fresh = new ArrayList<>();
        Set<String> numbers = new HashSet<>();
        for (ImportRow row : rows) {
            if (row.values().containsKey("skip")) {
                continue;
            }
            String key = customerKey(row);
            Customer customer = key == null ? null : customers.get(key);
            if (customer != null && !customer.reviewed) {
                customer.reviewed = true;
                fresh.add(customer);
            }
            Receipt receipt = receipts.get(row.text("receipt").strip());
            if (!receipt.looked) {
                receipt.looked = true;
                numbers.add(row.text("receipt").strip());
            }
        }
        if (!numbers.isEmpty()) {
            // a number Joren has on another day is most likely a till that numbers again: named apart, so the
            // owner checks it rather than reads it as the same receipt
            jdbc.sql("""
                            select p.external_ref, p.business_date from purchase p
                             where p.tenant_id = :shop and p.external_ref = any(:numbers)
                            """)
                    .param("shop", shop).param("numbers", numbers.toArray(String[]::new))
                    .query((rs, i) -> {
                        boolean sameDay = receipts.get(rs.getString(1)).at.toLocalDate()
                                .equals(rs.getObject(2, java.time.LocalDate.class));
                        count(warnings, sameDay ? REGISTERED : REGISTERED_OTHER_DAY, 1);
                        return sameDay;
                    })
                    .list();
        }
        if (fresh.isEmpty()) {
            return List.of();
        }
        List<ImportMatch> matches = customerImport.review(fresh.stream().map(c -> c.row).toList());
        Set<Long> found = new HashSet<>();
        matches.forEach(m -> found.add(m.line()));
        fresh.forEach(customer -> customer.fresh = !found.contains(customer.row.line()));
        return matches;
    }

    @Override
    public Counts write(List<ImportRow> rows) {
        removeUnwritten();
        List<ImportRow> lines = new ArrayList<>();
        for (ImportRow row : rows) {
            if (row.values().containsKey("skip")) {
                continue;
            }
            Receipt receipt = receipts.get(row.text("receipt").strip());
            if (!receipt.bad && receipt.id >= 0) {
                lines.add(row);
            }
        }
        written += lines.size();
        if (written >= analyzedAt * 2) {
            // Each time the import has doubled what it wrote, the planner is told: the plans of the foreign key
            // checks, the item count trigger and the customer matching, cached while the tables were small, read
            // whole tables per line otherwise (ADR 0007; 40,000 lines took 62 s instead of 9 s). The whole analysis comes after
            // the commit (Imports).
            analyzedAt = written;
            jdbc.sql("select analyze_tables_an_import_reads()").query().singleRow();
        }
        Counts counts = resolveCustomers(lines);
        createProducts(lines);
        return counts.plus(writeReceipts(lines));
    }

    /** Makes or finds the customers first named in these lines, as the customer import would. */
    private Counts resolveCustomers(List<ImportRow> lines) {
        List<Customer> fresh = new ArrayList<>();
        for (ImportRow row : lines) {
            String key = customerKey(row);
            Customer customer = key == null ? null : customers.get(key);
            if (customer != null && !customer.resolved) {
                customer.resolved = true;
                fresh.add(customer);
            }
        }
        if (fresh.isEmpty()) {
            return Counts.NONE;
        }
        CustomerImport.Written written = customerImport.written(fresh.stream().map(c -> c.row).toList());
        for (int i = 0; i < fresh.size(); i++) {
            fresh.get(i).id = written.ids().get(i);
        }
        count(outcome, MADE_CUSTOMERS, written.counts().created());
        count(outcome, UPDATED_CUSTOMERS, written.counts().updated());
        return new Counts(0, written.counts().updated());
    }

    /** Creates the products these lines name that the shop does not have, from their first line. */
    private void createProducts(List<ImportRow> lines) {
        Map<String, NewProduct> missing = new LinkedHashMap<>();
        for (ImportRow row : lines) {
            String key = CatalogQueries.codeKey(row.text("productCode"));
            if (!products.containsKey(key)) {
                missing.putIfAbsent(key, newProducts.get(key));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        List<NewProduct> made = List.copyOf(missing.values());
        int created = jdbc.sql("""
                        insert into product (tenant_id, code, name, price, import_id)
                        select :shop, u.code, u.name, u.price, :import
                          from unnest(:codes::text[], :names::text[], :prices::bigint[]) u(code, name, price)
                        on conflict (tenant_id, lower(code)) do nothing
                        """)
                .param("shop", shop).param("import", run.importId())
                .param("codes", made.stream().map(NewProduct::code).toArray(String[]::new))
                .param("names", made.stream().map(NewProduct::name).toArray(String[]::new))
                .param("prices", made.stream().map(NewProduct::price).toArray(Long[]::new))
                .update();
        count(outcome, MADE_PRODUCTS, created);
        // with those someone created at the counter meanwhile
        jdbc.sql("select p.code, p.id, p.price from product p where p.tenant_id = :shop and lower(p.code) = any(:keys)")
                .param("shop", shop).param("keys", missing.keySet().toArray(String[]::new))
                .query((rs, i) -> products.put(CatalogQueries.codeKey(rs.getString("code")),
                        new Product(rs.getLong("id"), rs.getLong("price"), null)))
                .list();
    }

    /**
     * Registers the receipts first seen in these lines (a receipt Joren has is left as it is), adds the lines
     * of the receipts begun in earlier batches to them, and then every line, one statement each.
     */
    private Counts writeReceipts(List<ImportRow> lines) {
        Map<String, Long> batchTotals = new LinkedHashMap<>();
        for (ImportRow row : lines) {
            batchTotals.merge(row.text("receipt").strip(), row.<Long>value("amountYen"), Long::sum);
        }
        List<String> fresh = new ArrayList<>();
        List<Long> continued = new ArrayList<>();
        List<Long> added = new ArrayList<>();
        for (Map.Entry<String, Long> entry : batchTotals.entrySet()) {
            Receipt receipt = receipts.get(entry.getKey());
            Customer customer = receipt.customer == null ? null : customers.get(receipt.customer);
            if (customer != null && customer.id == null) {
                // the owner chose to skip this customer: their receipts are not registered
                receipt.id = -1;
                count(outcome, SKIPPED_CUSTOMERS, 1);
            } else if (receipt.id == 0) {
                fresh.add(entry.getKey());
            } else {
                continued.add(receipt.id);
                added.add(entry.getValue());
            }
        }
        int created = 0;
        if (!fresh.isEmpty()) {
            int n = fresh.size();
            Long[] customerIds = new Long[n];
            Long[] storeIds = new Long[n];
            // the driver binds no arrays of dates: ISO texts, cast by the statement
            String[] at = new String[n];
            String[] days = new String[n];
            Long[] totals = new Long[n];
            for (int i = 0; i < n; i++) {
                Receipt receipt = receipts.get(fresh.get(i));
                customerIds[i] = receipt.customer == null ? null : customers.get(receipt.customer).id;
                storeIds[i] = receipt.store;
                at[i] = receipt.at.atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC).toString();
                days[i] = receipt.at.toLocalDate().toString();
                totals[i] = batchTotals.get(fresh.get(i));
                receipts.get(fresh.get(i)).id = -1;
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
                    .param("shop", shop).param("staff", ownerId).param("import", run.importId())
                    .param("now", run.now().atOffset(ZoneOffset.UTC))
                    .param("customers", customerIds).param("stores", storeIds).param("at", at).param("days", days)
                    .param("totals", totals).param("receipts", fresh.toArray(String[]::new))
                    .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list();
            for (Map.Entry<String, Long> receipt : registered) {
                receipts.get(receipt.getKey()).id = receipt.getValue();
            }
            created = registered.size();
            count(outcome, MADE_RECEIPTS, created);
            count(outcome, REGISTERED, fresh.size() - created);
        }
        if (!continued.isEmpty()) {
            jdbc.sql("""
                            update purchase p set total = p.total + u.added
                              from unnest(:ids::bigint[], :added::bigint[]) u(id, added)
                             where p.tenant_id = :shop and p.id = u.id
                            """)
                    .param("ids", continued.toArray(Long[]::new)).param("added", added.toArray(Long[]::new))
                    .param("shop", shop).update();
        }
        writeLines(lines);
        return new Counts(created, 0);
    }

    private void writeLines(List<ImportRow> lines) {
        List<Long> purchaseIds = new ArrayList<>();
        List<Long> productIds = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        List<Long> unitPrices = new ArrayList<>();
        List<Long> discounts = new ArrayList<>();
        List<Long> amounts = new ArrayList<>();
        for (ImportRow row : lines) {
            Receipt receipt = receipts.get(row.text("receipt").strip());
            if (receipt.id <= 0) {
                continue;
            }
            Product product = products.get(CatalogQueries.codeKey(row.text("productCode")));
            int quantity = row.value("count");
            long unit = row.value("unitYen");
            long amount = row.value("amountYen");
            purchaseIds.add(receipt.id);
            productIds.add(product.id());
            quantities.add(quantity);
            unitPrices.add(unit);
            discounts.add(Math.max(0, quantity * unit - amount));
            amounts.add(amount);
            Long customer = receipt.customer == null ? null : customers.get(receipt.customer).id;
            if (product.modelId() != null && customer != null) {
                ownedProducts.registerFromPurchase(customer, product.modelId(), receipt.at.toLocalDate(), receipt.id,
                        ownerId);
            }
        }
        if (purchaseIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        insert into purchase_line (tenant_id, purchase_id, product_id, quantity, unit_price, discount, amount)
                        select :shop, u.* from unnest(:purchases::bigint[], :products::bigint[], :quantities::int[],
                                                      :units::bigint[], :discounts::bigint[], :amounts::bigint[]) u
                        """)
                .param("shop", shop).param("purchases", purchaseIds.toArray(Long[]::new))
                .param("products", productIds.toArray(Long[]::new)).param("quantities", quantities.toArray(Integer[]::new))
                .param("units", unitPrices.toArray(Long[]::new)).param("discounts", discounts.toArray(Long[]::new))
                .param("amounts", amounts.toArray(Long[]::new))
                .update();
    }

    /** Removes the receipts written before a later line of theirs turned out bad. */
    private void removeUnwritten() {
        if (unwritten.isEmpty()) {
            return;
        }
        Long[] ids = unwritten.toArray(Long[]::new);
        for (String table : List.of("owned_product", "purchase_line")) {
            String column = table.equals("owned_product") ? "source_purchase_id" : "purchase_id";
            jdbc.sql("delete from " + table + " t where t.tenant_id = :shop and t." + column + " = any(:ids)")
                    .param("shop", shop).param("ids", ids).update();
        }
        int removed = jdbc.sql("delete from purchase p where p.tenant_id = :shop and p.id = any(:ids)")
                .param("shop", shop).param("ids", ids).update();
        count(outcome, MADE_RECEIPTS, -removed);
        unwritten.clear();
    }

    @Override
    public Counts finish() {
        removeUnwritten();
        return Counts.NONE;
    }

    @Override
    public Map<String, Long> warnings() {
        Map<String, Long> all = new LinkedHashMap<>(warnings);
        // a customer whose receipts are all left out is not created
        all.put(NEW_CUSTOMERS, receipts.values().stream().filter(r -> !r.bad && r.customer != null)
                .map(r -> r.customer).distinct().filter(key -> customers.get(key).fresh).count());
        all.put(LEFT_WITH_RECEIPT, receipts.values().stream().filter(r -> r.bad).mapToLong(r -> r.goodLines).sum());
        all.values().removeIf(n -> n == 0);
        return all;
    }

    @Override
    public Map<String, Long> outcome() {
        Map<String, Long> all = new LinkedHashMap<>();
        for (String key : List.of(MADE_RECEIPTS, MADE_CUSTOMERS, UPDATED_CUSTOMERS, MADE_PRODUCTS, REGISTERED,
                SKIPPED_CUSTOMERS)) {
            all.put(key, outcome.getOrDefault(key, 0L));
        }
        all.put(RETURNS, warnings.getOrDefault(RETURNS, 0L));
        all.put(ROUNDED, warnings.getOrDefault(ROUNDED, 0L));
        all.values().removeIf(n -> n == 0);
        return all;
    }

    private static void count(Map<String, Long> counts, String key, long n) {
        counts.merge(key, n, Long::sum);
    }
}
