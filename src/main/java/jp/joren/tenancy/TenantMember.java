package jp.joren.tenancy;

/** A principal that belongs to one shop. */
public interface TenantMember {

    long tenantId();
}
