package jp.joren.support;

import java.util.function.Function;
import java.util.function.Supplier;

import jp.joren.tenancy.CurrentTenant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work inside one shop, as the application does it: bound to the shop's tenant (the only way its rows are visible
 * under row-level security) and in one transaction, committed when the work returns.
 */
@Component
public class ShopWork {

    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;

    ShopWork(TransactionTemplate transaction, JdbcClient jdbc) {
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    /** Runs {@code work} in a transaction bound to {@code tenantId} and returns what it returns. */
    public <T> T inShop(long tenantId, Supplier<T> work) {
        return CurrentTenant.callAs(tenantId, () -> transaction.execute(status -> work.get()));
    }

    /** Runs {@code query} on the database in a transaction bound to {@code tenantId}. */
    public <T> T query(long tenantId, Function<JdbcClient, T> query) {
        return inShop(tenantId, () -> query.apply(jdbc));
    }
}
