package jp.joren.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.joren.imports.ImportUndo.Blocker;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reversal of what an import did to products: the fields it changed go back on the products nobody edited
 * since, and the products it created go where nothing uses them. Those that stay are named, with why.
 */
@Component
@RequiredArgsConstructor
class ProductReversal {

    /** How many products had their fields put back, and those edited since (which keep theirs). */
    record Restored(int restored, Map<Long, List<String>> edited) {
    }

    /** How many products an import created were removed, and those that stay (each with why). */
    record Removed(int removed, List<Blocker> kept) {
    }

    private final JdbcClient jdbc;

    /** Puts back the fields the import changed, on the products nobody edited since. */
    Restored restore(long shop, long importId) {
        Map<Long, List<String>> edited = new LinkedHashMap<>();
        jdbc.sql("""
                        select ch.product_id from import_product_change ch
                          join product p on p.tenant_id = :shop and p.tenant_id = ch.tenant_id and p.id = ch.product_id
                         where ch.tenant_id = :shop and ch.import_id = :import and %s is distinct from ch.after
                        """.formatted(ProductImport.SNAPSHOT))
                .param("shop", shop).param("import", importId)
                .query((rs, i) -> edited.put(rs.getLong(1), List.of("product"))).list();
        // the products still as the import left them, read first: a distributed database (Citus) refuses a
        // STABLE function of columns (jsonb_build_object) in an update
        List<Long> untouched = jdbc.sql("""
                        select p.id
                          from import_product_change ch
                          join product p on p.tenant_id = :shop and p.tenant_id = ch.tenant_id and p.id = ch.product_id
                         where ch.tenant_id = :shop and ch.import_id = :import and %s = ch.after
                        """.formatted(ProductImport.SNAPSHOT))
                .param("shop", shop).param("import", importId).query(Long.class).list();
        int restored = jdbc.sql("""
                        update product p
                           set name = ch.before->>'name', category_id = (ch.before->>'category')::bigint,
                               price = (ch.before->>'price')::bigint, sensitive = (ch.before->>'sensitive')::boolean,
                               repurchase_cycle_days = (ch.before->>'cycle')::integer,
                               active = (ch.before->>'active')::boolean
                          from import_product_change ch
                         where ch.tenant_id = :shop and ch.import_id = :import and p.tenant_id = :shop and p.tenant_id = ch.tenant_id
                           and p.id = ch.product_id and p.id = any(:untouched)
                        """)
                .param("shop", shop).param("import", importId).param("untouched", untouched.toArray(Long[]::new))
                .update();
        return new Restored(restored, edited);
    }

    /** Removes the products the import created that nothing uses; names those that stay, with why. */
    Removed removeCreated(long shop, long importId) {
        List<Blocker> kept = jdbc.sql("""
                        -- each product the import created, whether a receipt sold it and whether anything else uses it
                        select p.id, p.code, p.name,
                               exists (select 1 from purchase_line l where l.tenant_id = :shop and l.tenant_id = p.tenant_id and l.product_id = p.id)
                                   as sold,
                               exists (select 1 from product_model m where m.tenant_id = :shop and m.tenant_id = p.tenant_id and m.product_id = p.id)
                                   or exists (select 1 from consumable_part k where k.tenant_id = :shop and k.tenant_id = p.tenant_id
                                                 and k.product_id = p.id)
                                   or p.id in (select r.product_id from campaign r
                                                where r.tenant_id = :shop and r.product_id is not null) as used
                          from product p
                         where p.tenant_id = :shop and p.import_id = :import
                         order by p.code
                        """)
                .param("shop", shop).param("import", importId)
                .query((rs, i) -> {
                    List<String> reasons = new ArrayList<>();
                    if (rs.getBoolean("sold")) {
                        reasons.add("import.undo.reason.sold");
                    }
                    if (rs.getBoolean("used")) {
                        reasons.add("import.undo.reason.productUsed");
                    }
                    return new Blocker("/catalog/products/" + rs.getLong("id"), rs.getString("name"),
                            rs.getString("code"), reasons);
                })
                .list().stream().filter(b -> !b.reasons().isEmpty()).toList();
        Long[] keptIds = kept.stream().map(b -> Long.parseLong(b.link().substring(b.link().lastIndexOf('/') + 1)))
                .toArray(Long[]::new);
        int removed = jdbc.sql("""
                        delete from product p where p.tenant_id = :shop and p.import_id = :import and p.id <> all(:kept)
                        """)
                .param("shop", shop).param("import", importId).param("kept", keptIds).update();
        return new Removed(removed, kept);
    }
}
