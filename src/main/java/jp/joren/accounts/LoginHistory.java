package jp.joren.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** When and from where each account of the shop logged in. */
@Repository
@RequiredArgsConstructor
class LoginHistory {

    record Login(long accountId, Instant at, String clientAddress, String userAgent) {
    }

    private final JdbcClient jdbc;

    @Transactional
    void record(long accountId, String clientAddress, @Nullable String userAgent) {
        jdbc.sql("""
                        insert into account_login (tenant_id, account_id, client_address, user_agent)
                        values (app_current_tenant(), :account, :address, :agent)
                        """)
                .param("account", accountId).param("address", clientAddress)
                .param("agent", userAgent == null ? null : userAgent.substring(0, Math.min(300, userAgent.length())))
                .update();
    }

    @Transactional(readOnly = true)
    Map<Long, Login> lastLoginByAccount() {
        return jdbc.sql("""
                        select distinct on (account_id) account_id, logged_in_at, client_address, user_agent
                          from account_login
                         where tenant_id = ?
                         order by account_id, logged_in_at desc
                        """)
                .param(CurrentTenant.require())
                .query(LoginHistory::login).list().stream()
                .collect(Collectors.toMap(Login::accountId, login -> login));
    }

    @Transactional(readOnly = true)
    List<Login> recentLogins(long accountId, int limit) {
        return jdbc.sql("""
                        select account_id, logged_in_at, client_address, user_agent
                          from account_login
                         where tenant_id = ? and account_id = ?
                         order by logged_in_at desc
                         limit ?
                        """)
                .params(CurrentTenant.require(), accountId, limit)
                .query(LoginHistory::login).list();
    }

    private static Login login(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Login(rs.getLong("account_id"), rs.getTimestamp("logged_in_at").toInstant(),
                rs.getString("client_address"), rs.getString("user_agent"));
    }
}
