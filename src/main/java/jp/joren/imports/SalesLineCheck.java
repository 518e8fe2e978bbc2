package jp.joren.imports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jp.joren.catalog.CatalogQueries;
import jp.joren.imports.SalesFile.NewProduct;
import jp.joren.imports.SalesFile.Product;
import jp.joren.imports.SalesFile.Receipt;
import jp.joren.shared.SaleLimits;

/**
 * The check of one line of a sales file: its count and prices in yen, its product (a missing one is made from
 * the first line naming it), store, customer and receipt. A receipt with a bad line is left out whole.
 */
final class SalesLineCheck {

    private final SalesFile file;
    private final SalesCustomers customers;
    private final BigDecimal factor;

    /** @param factor yen per unit of the file's prices */
    SalesLineCheck(SalesFile file, SalesCustomers customers, BigDecimal factor) {
        this.file = file;
        this.customers = customers;
        this.factor = factor;
    }

    List<ImportProblem> check(ImportRow row) {
        List<ImportProblem> problems = new ArrayList<>();
        if (negative(row.value("quantity")) || negative(row.value("unitPrice")) || negative(row.value("amount"))) {
            // a cancellation (Online Retail's C-numbers), a return or an adjustment: not a sale
            row.values().put("skip", true);
            SalesFile.count(file.warnings, SalesImport.RETURNS, 1);
            return problems;
        }
        String key = CatalogQueries.codeKey(row.text("productCode"));
        Product product = file.products.get(key);
        prices(row, product, problems);
        if (product == null && !file.newProducts.containsKey(key) && problems.isEmpty()) {
            String code = row.text("productCode");
            String name = row.text("productName");
            if (name == null) {
                SalesFile.count(file.warnings, SalesImport.NAMED_BY_CODE, 1);
            }
            file.newProducts.put(key, new NewProduct(code, name == null ? code : name, row.<Long>value("unitYen")));
            SalesFile.count(file.warnings, SalesImport.NEW_PRODUCTS, 1);
        }
        String store = row.text("store");
        if (store != null && !file.stores.containsKey(store.strip())) {
            problems.add(new ImportProblem(row.line(), "store", "import.problem.unknownStore", store));
        }
        String customerKey = SalesFile.customerKey(row);
        if (customerKey != null) {
            problems.addAll(customers.check(customerKey, row));
        }
        receipt(row, customerKey, store, problems);
        return problems;
    }

    /**
     * The line's count, unit price and amount in yen (kept in the row): each one the file leaves out from the
     * others, the unit price from the shop's product when the file gives neither.
     */
    private void prices(ImportRow row, Product product, List<ImportProblem> problems) {
        Integer count = quantity(row, row.value("quantity"), problems);
        Long unitYen = yen(row, "unitPrice", row.value("unitPrice"), problems);
        Long amountYen = yen(row, "amount", row.value("amount"), problems);
        if (unitYen == null && amountYen == null) {
            if (product != null) {
                unitYen = product.price();
            } else {
                problems.add(new ImportProblem(row.line(), "unitPrice", "import.problem.noPrice", row.text("productCode")));
            }
        }
        if (count == null || (unitYen == null && amountYen == null)) {
            return;
        }
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

    /** The line's receipt: begun by its first line, which every later line must agree with (day and customer). */
    private void receipt(ImportRow row, String customerKey, String store, List<ImportProblem> problems) {
        String number = row.text("receipt").strip();
        LocalDateTime at = row.value("purchasedAt");
        Receipt receipt = file.receipts.get(number);
        if (receipt == null) {
            receipt = new Receipt(at, customerKey,
                    store == null ? file.defaultStore : file.stores.getOrDefault(store.strip(), file.defaultStore));
            file.receipts.put(number, receipt);
            if (customerKey == null) {
                SalesFile.count(file.warnings, SalesImport.WALK_INS, 1);
            }
        } else if (!receipt.at.toLocalDate().equals(at.toLocalDate()) || !Objects.equals(receipt.customer, customerKey)) {
            problems.add(new ImportProblem(row.line(), "receipt", "import.problem.receiptDisagrees", number));
        }
        if (problems.isEmpty() && (receipt.total += row.<Long>value("amountYen")) > SaleLimits.MAX_AMOUNT) {
            problems.add(new ImportProblem(row.line(), "receipt", "import.problem.receiptTooLarge", number));
        }
        if (problems.isEmpty()) {
            receipt.goodLines++;
        } else if (!receipt.bad) {
            receipt.bad = true;
            if (receipt.id > 0) {
                // its earlier lines were written: the receipt is left out whole
                file.unwritten.add(receipt.id);
                receipt.id = 0;
            }
        }
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
            SalesFile.count(file.warnings, SalesImport.ROUNDED, 1);
        }
        return rounded.longValueExact();
    }
}
