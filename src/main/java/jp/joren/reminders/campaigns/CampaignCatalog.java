package jp.joren.reminders.campaigns;

import java.util.List;
import java.util.Optional;

import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The shop's products and product models as a campaign's audience names them (by code, by model). */
@Repository
@RequiredArgsConstructor
class CampaignCatalog {

    private final JdbcClient jdbc;

    List<ModelChoice> models() {
        return jdbc.sql("""
                        select m.id, p.name || ' (' || m.model_number || ')' as label
                          from product_model m
                          join product p on p.tenant_id = :shop and p.tenant_id = m.tenant_id and p.id = m.product_id
                         where m.tenant_id = :shop
                         order by p.name, m.model_number""")
                .param("shop", CurrentTenant.require())
                .query((rs, row) -> new ModelChoice(rs.getLong("id"), rs.getString("label"))).list();
    }

    /** A product a segment can be chosen by (who bought it): its id, and whether it is sensitive. */
    record ProductRef(long id, boolean sensitive) {
    }

    Optional<ProductRef> productByCode(String code) {
        return jdbc.sql("select id, sensitive from product where tenant_id = :shop and lower(code) = lower(:code)")
                .param("shop", CurrentTenant.require())
                .param("code", code.strip())
                .query((rs, row) -> new ProductRef(rs.getLong("id"), rs.getBoolean("sensitive"))).optional();
    }

    /** Whether the shop has this product model (an id from another shop names none). */
    boolean modelExists(long id) {
        return jdbc.sql("select exists (select 1 from product_model m where m.tenant_id = :shop and m.id = :id)")
                .param("shop", CurrentTenant.require()).param("id", id).query(Boolean.class).single();
    }

    Optional<String> productCode(Long id) {
        return id == null ? Optional.empty()
                : jdbc.sql("select code from product where tenant_id = :shop and id = :id")
                        .param("shop", CurrentTenant.require()).param("id", id).query(String.class).optional();
    }
}
