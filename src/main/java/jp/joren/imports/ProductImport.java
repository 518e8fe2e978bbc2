package jp.joren.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.joren.tenancy.CurrentTenant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Products from a file, matched by product code: a known code is updated, a new one created; categories
 * are created by name when the shop does not have them yet. What it changes is kept for the undo: the
 * products it created carry its import, the fields of those it updated are kept before and after.
 */
final class ProductImport implements KindImport {

    /** A product's fields as the undo compares and restores them. */
    static final String SNAPSHOT = """
            jsonb_build_object('name', p.name, 'category', p.category_id, 'price', p.price, 'sensitive', p.sensitive,
                               'cycle', p.repurchase_cycle_days, 'active', p.active)""";

    private final JdbcClient jdbc;
    private final Long importId;
    private final Map<String, Long> seen = new HashMap<>();

    /** @param importId the import it writes for (null while checking) */
    ProductImport(JdbcClient jdbc, Long importId) {
        this.jdbc = jdbc;
        this.importId = importId;
    }

    @Override
    public List<ImportProblem> check(ImportRow row) {
        List<ImportProblem> problems = new ArrayList<>();
        String code = row.text("code").strip();
        if (code.chars().anyMatch(Character::isWhitespace)) {
            problems.add(new ImportProblem(row.line(), "code", "import.problem.codeSpaces", code));
        }
        Long earlier = seen.putIfAbsent(code.toLowerCase(), row.line());
        if (earlier != null) {
            problems.add(new ImportProblem(row.line(), "code", "import.problem.duplicateInFile", Long.toString(earlier)));
        }
        return problems;
    }

    @Override
    public Counts write(List<ImportRow> rows) {
        long shop = CurrentTenant.require();
        String[] keys = rows.stream().map(r -> r.text("code").strip().toLowerCase()).toArray(String[]::new);
        // the first time the import touches a product, its fields before (a code twice in a file is refused)
        jdbc.sql("""
                        insert into import_product_change (tenant_id, import_id, product_id, before)
                        select p.tenant_id, :import, p.id, %s from product p
                         where p.tenant_id = :shop and lower(p.code) = any(:keys)
                        on conflict do nothing
                        """.formatted(SNAPSHOT))
                .param("import", importId).param("shop", shop).param("keys", keys).update();
        Counts counts = upsert(rows);
        // each product's fields after, beside those before: as an upsert of the rows above, not an update, because
        // a distributed database (Citus) refuses a STABLE function of columns (jsonb_build_object) in an update
        jdbc.sql("""
                        insert into import_product_change (tenant_id, import_id, product_id, before, after)
                        select p.tenant_id, ch.import_id, p.id, ch.before, %s
                          from import_product_change ch
                          join product p on p.tenant_id = :shop and p.tenant_id = ch.tenant_id and p.id = ch.product_id
                         where ch.tenant_id = :shop and ch.import_id = :import and lower(p.code) = any(:keys)
                        on conflict (tenant_id, import_id, product_id) do update set after = excluded.after
                        """.formatted(SNAPSHOT))
                .param("import", importId).param("shop", shop).param("keys", keys).update();
        return counts;
    }

    private Counts upsert(List<ImportRow> rows) {
        String[] categories = rows.stream().map(r -> r.text("category") == null ? null : r.text("category").strip())
                .toArray(String[]::new);
        // the categories new to the shop, and then each row's category, as sets: Citus cannot correlate a table
        // with rows unnested from arrays
        jdbc.sql("""
                        insert into category (tenant_id, name)
                        select :shop, n.name
                          from (select u.name from unnest(:categories::text[]) u(name) where u.name is not null
                                except
                                select c.name from category c where c.tenant_id = :shop) n
                        on conflict (tenant_id, id) do nothing
                        """)
                .param("shop", CurrentTenant.require()).param("categories", categories).update();
        List<Boolean> inserted = jdbc.sql("""
                        -- a product of each row by its code, made or changed; true where the row made it
                        insert into product (tenant_id, code, name, category_id, price, sensitive, repurchase_cycle_days,
                                             active, import_id)
                        select app_current_tenant(), u.code, u.name, named.id, u.price,
                               coalesce(u.sensitive, false), u.cycle, coalesce(u.active, true), ?
                          from unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::boolean[], ?::int[], ?::boolean[])
                               u(code, name, category, price, sensitive, cycle, active)
                          left join (select c.name, min(c.id) as id from category c
                                      where c.tenant_id = ? group by c.name) named on named.name = u.category
                        on conflict (tenant_id, lower(code)) do update
                           set name = excluded.name, category_id = coalesce(excluded.category_id, product.category_id),
                               price = excluded.price, sensitive = excluded.sensitive,
                               repurchase_cycle_days = coalesce(excluded.repurchase_cycle_days, product.repurchase_cycle_days),
                               active = excluded.active
                        returning (xmax = 0)
                        """)
                .params(importId, rows.stream().map(r -> r.text("code").strip()).toArray(String[]::new),
                        rows.stream().map(r -> r.text("name").strip()).toArray(String[]::new),
                        categories,
                        rows.stream().map(r -> r.<Long>value("price")).toArray(Long[]::new),
                        rows.stream().map(r -> r.<Boolean>value("sensitive")).toArray(Boolean[]::new),
                        rows.stream().map(r -> r.<Integer>value("cycleDays")).toArray(Integer[]::new),
                        rows.stream().map(r -> r.<Boolean>value("active")).toArray(Boolean[]::new),
                        CurrentTenant.require())
                .query(Boolean.class).list();
        int created = (int) inserted.stream().filter(Boolean::booleanValue).count();
        return new Counts(created, inserted.size() - created);
    }
}
