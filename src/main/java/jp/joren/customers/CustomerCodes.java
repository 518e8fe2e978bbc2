package jp.joren.customers;

import java.util.Arrays;
import java.util.List;

import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Member codes in the shop's own numbering (C000001, C000002, …): codes the shop already uses are skipped,
 * so a new code never collides, and the numbering says nothing about other shops. The database function
 * {@code allocate_customer_codes} is the one place they are made.
 */
@Component
@RequiredArgsConstructor
public class CustomerCodes {

    private final JdbcClient jdbc;

    /** The next {@code count} codes, in order; call inside the transaction that uses them. */
    public List<String> next(int count) {
        if (count == 0) {
            return List.of();
        }
        String[] codes = jdbc.sql("select allocate_customer_codes(:shop, :count)")
                .param("shop", CurrentTenant.require()).param("count", count)
                .query((rs, i) -> (String[]) rs.getArray(1).getArray()).single();
        return Arrays.asList(codes);
    }
}
