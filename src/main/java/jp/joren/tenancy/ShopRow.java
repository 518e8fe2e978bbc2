package jp.joren.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.TenantId;

/**
 * The header every shop's entity shares: its own id, and the shop it belongs to. Hibernate fills the shop
 * from the bound tenant on insert and adds it to every query ({@code @TenantId}); row-level security checks
 * the same shop again in the database. An entity never sets or changes its shop itself.
 */
@MappedSuperclass
public abstract class ShopRow {

    @TenantId
    @Column(name = "tenant_id")
    private Long tenantId;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    public Long getId() {
        return id;
    }

    public Long getTenantId() {
        return tenantId;
    }
}
