package jp.joren.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.joren.catalog.CatalogQueries;
import jp.joren.customers.OwnedProducts;
import jp.joren.imports.SalesFile.NewProduct;
import jp.joren.imports.SalesFile.Product;
import jp.joren.imports.SalesFile.Receipt;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lines of a sales file's registered receipts, one statement a batch, with the products they name that the
 * shop does not have (made first) and the product models bought, which become their customers' owned products.
 */
@RequiredArgsConstructor
final class SalesLines {

    private final JdbcClient jdbc;
    private final SalesFile file;
    private final OwnedProducts ownedProducts;
    private final long ownerId;
    private final ImportRun run;

    /** Creates the products these lines name that the shop does not have, from their first line. */
    void createProducts(List<ImportRow> lines) {
        Map<String, NewProduct> missing = new LinkedHashMap<>();
        for (ImportRow row : lines) {
            String key = CatalogQueries.codeKey(row.text("productCode"));
            if (!file.products.containsKey(key)) {
                missing.putIfAbsent(key, file.newProducts.get(key));
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
                .param("shop", file.shop).param("import", run.importId())
                .param("codes", made.stream().map(NewProduct::code).toArray(String[]::new))
                .param("names", made.stream().map(NewProduct::name).toArray(String[]::new))
                .param("prices", made.stream().map(NewProduct::price).toArray(Long[]::new))
                .update();
        SalesFile.count(file.outcome, SalesImport.MADE_PRODUCTS, created);
        // with those someone created at the counter meanwhile
        jdbc.sql("select p.code, p.id, p.price from product p where p.tenant_id = :shop and lower(p.code) = any(:keys)")
                .param("shop", file.shop).param("keys", missing.keySet().toArray(String[]::new))
                .query((rs, i) -> file.products.put(CatalogQueries.codeKey(rs.getString("code")),
                        new Product(rs.getLong("id"), rs.getLong("price"), null)))
                .list();
    }

    /** Writes the lines of the receipts registered, and the owned products of the models their customers bought. */
    void write(List<ImportRow> lines) {
        List<Long> purchaseIds = new ArrayList<>();
        List<Long> productIds = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        List<Long> unitPrices = new ArrayList<>();
        List<Long> discounts = new ArrayList<>();
        List<Long> amounts = new ArrayList<>();
        for (ImportRow row : lines) {
            Receipt receipt = file.receipt(row);
            if (receipt.id <= 0) {
                continue;
            }
            Product product = file.products.get(CatalogQueries.codeKey(row.text("productCode")));
            int quantity = row.value("count");
            long unit = row.value("unitYen");
            long amount = row.value("amountYen");
            purchaseIds.add(receipt.id);
            productIds.add(product.id());
            quantities.add(quantity);
            unitPrices.add(unit);
            discounts.add(Math.max(0, quantity * unit - amount));
            amounts.add(amount);
            Long customer = file.customerId(receipt);
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
                        on conflict (tenant_id, id) do nothing
                        """)
                .param("shop", file.shop).param("purchases", purchaseIds.toArray(Long[]::new))
                .param("products", productIds.toArray(Long[]::new)).param("quantities", quantities.toArray(Integer[]::new))
                .param("units", unitPrices.toArray(Long[]::new)).param("discounts", discounts.toArray(Long[]::new))
                .param("amounts", amounts.toArray(Long[]::new))
                .update();
    }
}
