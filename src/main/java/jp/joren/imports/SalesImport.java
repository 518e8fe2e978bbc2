package jp.joren.imports;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.joren.catalog.CatalogQueries;
import jp.joren.customers.OwnedProducts;
import jp.joren.imports.SalesFile.Customer;
import jp.joren.imports.SalesFile.Receipt;
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

    private final JdbcClient jdbc;
    private final SalesFile file;
    private final SalesLineCheck lineCheck;
    private final SalesCustomers customers;
    private final SalesReceipts receipts;
    private final SalesLines lines;
    private long written;
    private long analyzedAt = 1_000;

    /**
     * @param run what the run writes by (null while checking)
     * @param factor yen per unit of the file's prices (null: the prices are yen)
     */
    SalesImport(JdbcClient jdbc, CustomerImport customerImport, OwnedProducts ownedProducts, ZoneId zone, long ownerId,
            ImportRun run, BigDecimal factor) {
        this.jdbc = jdbc;
        this.file = new SalesFile(jdbc, CurrentTenant.require());
        this.customers = new SalesCustomers(file, customerImport);
        this.lineCheck = new SalesLineCheck(file, customers, factor == null ? BigDecimal.ONE : factor);
        this.receipts = new SalesReceipts(jdbc, file, zone, ownerId, run);
        this.lines = new SalesLines(jdbc, file, ownedProducts, ownerId, run);
        for (String key : List.of(NEW_CUSTOMERS, NEW_PRODUCTS, RETURNS, ROUNDED, WALK_INS, REGISTERED, REGISTERED_OTHER_DAY,
                NAMED_BY_CODE)) {
            file.warnings.put(key, 0L);
        }
    }

    @Override
    public List<ImportProblem> check(ImportRow row) {
        return lineCheck.check(row);
    }

    @Override
    public List<ImportMatch> review(List<ImportRow> rows) {
        List<Customer> fresh = new ArrayList<>();
        Set<String> numbers = new HashSet<>();
        for (ImportRow row : rows) {
            if (row.values().containsKey("skip")) {
                continue;
            }
            String key = SalesFile.customerKey(row);
            Customer customer = key == null ? null : file.customers.get(key);
            if (customer != null && !customer.reviewed) {
                customer.reviewed = true;
                fresh.add(customer);
            }
            Receipt receipt = file.receipt(row);
            if (!receipt.looked) {
                receipt.looked = true;
                numbers.add(row.text("receipt").strip());
            }
        }
        if (!numbers.isEmpty()) {
            receipts.countRegistered(numbers);
        }
        return customers.review(fresh);
    }

    @Override
    public Counts write(List<ImportRow> rows) {
        receipts.removeUnwritten();
        List<ImportRow> good = new ArrayList<>();
        for (ImportRow row : rows) {
            if (row.values().containsKey("skip")) {
                continue;
            }
            Receipt receipt = file.receipt(row);
            if (!receipt.bad && receipt.id >= 0) {
                good.add(row);
            }
        }
        written += good.size();
        if (written >= analyzedAt * 2) {
            // Each time the import has doubled what it wrote, the planner is told: the plans of the foreign key
            // checks, the item count trigger and the customer matching, cached while the tables were small, read
            // whole tables per line otherwise (ADR 0007; 40,000 lines took 62 s instead of 9 s). The whole analysis
            // comes after the commit (Imports).
            analyzedAt = written;
            jdbc.sql("select analyze_tables_an_import_reads()").query().singleRow();
        }
        Counts counts = customers.resolve(good);
        lines.createProducts(good);
        int created = receipts.write(good);
        lines.write(good);
        return counts.plus(new Counts(created, 0));
    }

    @Override
    public Counts finish() {
        receipts.removeUnwritten();
        return Counts.NONE;
    }

    @Override
    public Map<String, Long> warnings() {
        Map<String, Long> all = new LinkedHashMap<>(file.warnings);
        // a customer whose receipts are all left out is not created
        all.put(NEW_CUSTOMERS, file.receipts.values().stream().filter(r -> !r.bad && r.customer != null)
                .map(r -> r.customer).distinct().filter(key -> file.customers.get(key).fresh).count());
        all.put(LEFT_WITH_RECEIPT, file.receipts.values().stream().filter(r -> r.bad).mapToLong(r -> r.goodLines).sum());
        all.values().removeIf(n -> n == 0);
        return all;
    }

    @Override
    public Map<String, Long> outcome() {
        Map<String, Long> all = new LinkedHashMap<>();
        for (String key : List.of(MADE_RECEIPTS, MADE_CUSTOMERS, UPDATED_CUSTOMERS, MADE_PRODUCTS, REGISTERED,
                SKIPPED_CUSTOMERS)) {
            all.put(key, file.outcome.getOrDefault(key, 0L));
        }
        all.put(RETURNS, file.warnings.getOrDefault(RETURNS, 0L));
        all.put(ROUNDED, file.warnings.getOrDefault(ROUNDED, 0L));
        all.values().removeIf(n -> n == 0);
        return all;
    }
}
