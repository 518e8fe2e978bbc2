package jp.joren.tenancy;

import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.springframework.orm.jpa.vendor.HibernateJpaDialect;
import org.springframework.transaction.TransactionDefinition;

/**
 * Binds the current shop to every transaction as it begins. {@code set_config(..., true)} is
 * transaction-local, so a pooled connection never carries one shop's id into another's work; without a
 * shop the setting is empty and every policy matches no row.
 */
class TenantBindingJpaDialect extends HibernateJpaDialect {

    @Override
    public Object beginTransaction(EntityManager entityManager, TransactionDefinition definition)
            throws SQLException {
        String tenant = CurrentTenant.id().map(String::valueOf).orElse("");
        Object transactionData = super.beginTransaction(entityManager, definition);
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement =
                         connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                statement.setString(1, tenant);
                statement.execute();
            }
        });
        return transactionData;
    }
}
