package jp.joren.line;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The current shop's customers linked to LINE: their LINE user ids as the shop's channel sees them. */
@Repository
@RequiredArgsConstructor
public class LineFriends {

    private final JdbcClient jdbc;

    /**
     * SQL true when the customer row {@code customer} (an alias of the customer table) has LINE linked and has
     * not blocked the account; the consent itself is the ledger's, checked beside it. The statement binds
     * {@code shop}.
     */
    public static String linked(String customer) {
        return """
                exists (select 1 from line_friend lf
                         where lf.tenant_id = :shop and lf.tenant_id = %1$s.tenant_id and lf.customer_id = %1$s.id
                           and lf.unfollowed_at is null)"""
                .formatted(customer);
    }

    /** The LINE user id of each of these customers that is linked. */
    public Map<Long, String> userIds(Collection<Long> customerIds) {
        Map<Long, String> ids = new HashMap<>();
        if (customerIds.isEmpty()) {
            return ids;
        }
        jdbc.sql("""
                        select customer_id, line_user_id from line_friend
                         where tenant_id = :shop and customer_id in (:customers) and unfollowed_at is null""")
                .param("shop", shop()).param("customers", List.copyOf(customerIds))
                .query((rs, row) -> ids.put(rs.getLong("customer_id"), rs.getString("line_user_id")))
                .list();
        return ids;
    }

    @Transactional(readOnly = true)
    boolean customerExists(long customerId) {
        return jdbc.sql("select exists (select 1 from customer where tenant_id = :shop and id = :customer)")
                .param("shop", shop()).param("customer", customerId).query(Boolean.class).single();
    }

    /** Whether the customer has LINE linked (and has not blocked the account). */
    @Transactional(readOnly = true)
    boolean linkedCustomer(long customerId) {
        return jdbc.sql("""
                        select exists (select 1 from line_friend
                                        where tenant_id = :shop and customer_id = :customer and unfollowed_at is null)""")
                .param("shop", shop()).param("customer", customerId).query(Boolean.class).single();
    }

    /**
     * Links the LINE user to the customer as of {@code at} (LINE's time of the event, so that a later unfollow
     * compares on LINE's clock); a LINE user linked to another customer of the shop moves here.
     */
    void link(long customerId, String userId, Instant at) {
        jdbc.sql("delete from line_friend where tenant_id = :shop and line_user_id = :user and customer_id <> :customer")
                .param("shop", shop()).param("user", userId).param("customer", customerId)
                .update();
        jdbc.sql("""
                        insert into line_friend (tenant_id, customer_id, line_user_id, linked_at)
                        values (:shop, :customer, :user, :now)
                        on conflict (tenant_id, customer_id)
                        do update set line_user_id = excluded.line_user_id, linked_at = excluded.linked_at,
                                      unfollowed_at = null""")
                .param("shop", shop()).param("customer", customerId).param("user", userId)
                .param("now", at.atOffset(ZoneOffset.UTC))
                .update();
    }

    /**
     * Marks the LINE user as gone (blocked or unfollowed at {@code at}) unless they linked again since;
     * @return the customers they were linked to
     */
    List<Long> unfollowed(String userId, Instant at, Instant now) {
        return jdbc.sql("""
                        update line_friend set unfollowed_at = :now
                         where tenant_id = :shop and line_user_id = :user and unfollowed_at is null and linked_at <= :at
                        returning customer_id""")
                .param("now", now.atOffset(ZoneOffset.UTC)).param("shop", shop()).param("user", userId)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .query(Long.class).list();
    }

    private static long shop() {
        return CurrentTenant.require();
    }
}
