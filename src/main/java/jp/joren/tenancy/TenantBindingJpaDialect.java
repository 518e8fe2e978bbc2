package jp.joren.tenancy;

import java.sql.SQLException;
import java.sql.Statement;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.springframework.orm.jpa.vendor.HibernateJpaDialect;
import org.springframework.transaction.TransactionDefinition;

/**
 * Binds the current shop to every transaction as it begins. {@code SET LOCAL} is transaction-local, so a pooled
 * connection never carries one shop's id into another's work; without a shop the setting is empty and every
 * policy matches no row.
 * <p>
 * A {@code SET LOCAL} statement, not {@code set_config(…, true)}: Citus passes the former on to the workers that
 * run the transaction's statements ({@code citus.propagate_set_commands = 'local'}, set per connection), and not
 * the latter, so on a distributed database the policies there would see no shop. A command takes no bind
 * parameter; the id is a {@code long}, so its text is digits only.
 */
class TenantBindingJpaDialect extends HibernateJpaDialect {

    @Override
    public Object beginTransaction(EntityManager entityManager, TransactionDefinition definition)
            throws SQLException {
        String tenant = CurrentTenant.id().map(String::valueOf).orElse("");
        Object transactionData = super.beginTransaction(entityManager, definition);
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set local app.tenant_id = '" + tenant + "'");
            }
        });
        return transactionData;
    }
}
