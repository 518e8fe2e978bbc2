package jp.joren.tenancy;

import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Feeds Hibernate's {@code @TenantId} from the same source as row-level security. Hibernate refuses a
 * null tenant, so "no shop" is -1, which matches no row.
 */
class TenantIdentifierResolver implements CurrentTenantIdentifierResolver<Long> {

    static final long NO_TENANT = -1L;

    @Override
    public Long resolveCurrentTenantIdentifier() {
        return CurrentTenant.id().orElse(NO_TENANT);
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return false;
    }
}
