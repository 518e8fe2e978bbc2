package jp.joren.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Products from a file, matched by product code: a known code is updated, a new one created; categories
 * are created by name when the shop does not have them yet.
 */
final class ProductImport implements KindImport {

    private final JdbcClient jdbc;
    private final Map<String, Long> seen = new HashMap<>();

    ProductImport(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        String[] categories = rows.stream().map(r -> r.text("category") == null ? null : r.text("category").strip())
                .toArray(String[]::new);
        jdbc.sql("""
                        insert into category (tenant_id, name)
                        select distinct app_current_tenant(), u.name from unnest(?::text[]) u(name)
                         where u.name is not null and not exists (select 1 from category c where c.name = u.name)
                        """)
                .param(categories).update();
        List<Boolean> inserted = jdbc.sql("""
                        insert into product (tenant_id, code, name, category_id, price, sensitive, repurchase_cycle_days,
                                             active)
                        select app_current_tenant(), u.code, u.name,
                               (select min(c.id) from category c where c.name = u.category), u.price,
                               coalesce(u.sensitive, false), u.cycle, coalesce(u.active, true)
                          from unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::boolean[], ?::int[], ?::boolean[])
                               u(code, name, category, price, sensitive, cycle, active)
                        on conflict (tenant_id, lower(code)) do update
                           set name = excluded.name, category_id = coalesce(excluded.category_id, product.category_id),
                               price = excluded.price, sensitive = excluded.sensitive,
                               repurchase_cycle_days = coalesce(excluded.repurchase_cycle_days, product.repurchase_cycle_days),
                               active = excluded.active
                        returning (xmax = 0)
                        """)
                .params(rows.stream().map(r -> r.text("code").strip()).toArray(String[]::new),
                        rows.stream().map(r -> r.text("name").strip()).toArray(String[]::new),
                        categories,
                        rows.stream().map(r -> r.<Long>value("price")).toArray(Long[]::new),
                        rows.stream().map(r -> r.<Boolean>value("sensitive")).toArray(Boolean[]::new),
                        rows.stream().map(r -> r.<Integer>value("cycleDays")).toArray(Integer[]::new),
                        rows.stream().map(r -> r.<Boolean>value("active")).toArray(Boolean[]::new))
                .query(Boolean.class).list();
        int created = (int) inserted.stream().filter(Boolean::booleanValue).count();
        return new Counts(created, inserted.size() - created);
    }
}
