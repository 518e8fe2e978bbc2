package jp.joren.imports;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.joren.catalog.CatalogQueries;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a sales import knows of its file as it streams: one small entry per product, customer and receipt it
 * names, the shop's stores, and what it counted (warnings while checking, the outcome while writing).
 */
final class SalesFile {

    record Product(long id, long price, Long modelId) {
    }

    /** A product the file names that the shop does not have yet: made from the first line naming it. */
    record NewProduct(String code, String name, long price) {
    }

    /** A customer of the file, as the row of a customer import that makes or finds them. */
    static final class Customer {
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

    static final class Receipt {
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

    final long shop;
    final Map<String, Product> products = new HashMap<>();
    final Map<String, NewProduct> newProducts = new LinkedHashMap<>();
    final Map<String, Long> stores = new HashMap<>();
    final long defaultStore;
    final Map<String, Customer> customers = new HashMap<>();
    final Map<String, Receipt> receipts = new HashMap<>();
    /** The receipts written before a later line of theirs turned out bad: removed before the next batch. */
    final List<Long> unwritten = new ArrayList<>();
    final Map<String, Long> warnings = new LinkedHashMap<>();
    final Map<String, Long> outcome = new LinkedHashMap<>();

    SalesFile(JdbcClient jdbc, long shop) {
        this.shop = shop;
        jdbc.sql("""
                select p.code, p.id, p.price, m.id as model_id
                  from product p left join product_model m on m.tenant_id = :shop and m.tenant_id = p.tenant_id and m.product_id = p.id
                 where p.tenant_id = :shop
                """).param("shop", shop).query((rs, i) -> products.putIfAbsent(CatalogQueries.codeKey(rs.getString("code")),
                new Product(rs.getLong("id"), rs.getLong("price"), (Long) rs.getObject("model_id")))).list();
        jdbc.sql("select s.name, s.id from store s where s.tenant_id = :shop and s.active order by s.id").param("shop", shop)
                .query((rs, i) -> stores.putIfAbsent(rs.getString("name").strip(), rs.getLong("id"))).list();
        this.defaultStore = jdbc.sql("select s.id from store s where s.tenant_id = :shop and s.active order by s.id limit 1")
                .param("shop", shop).query(Long.class).single();
    }

    /** The receipt the line belongs to (every line checked has one). */
    Receipt receipt(ImportRow row) {
        return receipts.get(row.text("receipt").strip());
    }

    /** The customer the receipt is registered to: null for a walk-in, or while their customer is not written. */
    Long customerId(Receipt receipt) {
        return receipt.customer == null ? null : customers.get(receipt.customer).id;
    }

    /** Member code, else email, else phone: the first the line gives; null for a walk-in. */
    static String customerKey(ImportRow row) {
        if (row.text("customerCode") != null) {
            return "code:" + row.text("customerCode").toLowerCase();
        }
        if (row.text("email") != null) {
            return "email:" + row.text("email").toLowerCase();
        }
        return row.text("phone") == null ? null : "phone:" + row.text("phone").replaceAll("[^0-9]", "");
    }

    static void count(Map<String, Long> counts, String key, long n) {
        counts.merge(key, n, Long::sum);
    }
}
