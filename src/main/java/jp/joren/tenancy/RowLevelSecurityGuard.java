package jp.joren.tenancy;

import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the application when its database role could see past row-level security: a
 * superuser, a role with BYPASSRLS, or a role that owns (or inherits the owner of) a shop table, since
 * owners are exempt from their tables' policies. Also refuses a shop table without a policy.
 * Runs after all singletons, so after Flyway has migrated.
 */
@Component
@RequiredArgsConstructor
class RowLevelSecurityGuard implements SmartInitializingSingleton {

    private final JdbcClient jdbc;

    @Override
    public void afterSingletonsInstantiated() {
        List<String> reasons = reasonsToRefuse();
        if (!reasons.isEmpty()) {
            throw new IllegalStateException("Refusing to start: the database role could bypass row-level security: "
                    + String.join("; ", reasons));
        }
    }

    List<String> reasonsToRefuse() {
        List<String> reasons = new ArrayList<>();
        jdbc.sql("select rolname, rolsuper, rolbypassrls from pg_roles where rolname = current_user")
                .query((RowCallbackHandler) rs -> {
                    if (rs.getBoolean("rolsuper")) {
                        reasons.add("role " + rs.getString("rolname") + " is a superuser");
                    }
                    if (rs.getBoolean("rolbypassrls")) {
                        reasons.add("role " + rs.getString("rolname") + " has BYPASSRLS");
                    }
                });
        reasons.addAll(jdbc.sql("""
                -- the shop tables (those with a tenant_id) this role owns, or whose row-level security is off or has no policy
                select 'shop table ' || c.relname
                       || case when pg_has_role(current_user, c.relowner, 'USAGE') then ' is owned by this role'
                               when not c.relrowsecurity then ' has row-level security disabled'
                               else ' has no policy' end
                  from pg_class c
                  join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = current_schema()
                   and c.relkind in ('r', 'p')
                   and (c.relname = 'shop'
                        or exists (select 1 from pg_attribute a
                                    where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped))
                   and (pg_has_role(current_user, c.relowner, 'USAGE')
                        or not c.relrowsecurity
                        or not exists (select 1 from pg_policy p where p.polrelid = c.oid))
                 order by c.relname
                """).query(String.class).list());
        return reasons;
    }
}
