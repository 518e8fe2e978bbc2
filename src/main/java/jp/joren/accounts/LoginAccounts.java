package jp.joren.accounts;

import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Looks an account up by its login email before any shop is known, through the narrow
 * {@code find_login_account} database function (the only cross-shop read besides the job dispatcher).
 */
@Component
@RequiredArgsConstructor
class LoginAccounts implements UserDetailsService {

    private final JdbcClient jdbc;

    @Override
    public JorenUser loadUserByUsername(String email) {
        return find(email).orElseThrow(() -> new UsernameNotFoundException("No account for this email"));
    }

    /** The account this email logs into, however it is spelled (the database's {@code login_email()}). */
    Optional<JorenUser> find(String email) {
        return jdbc.sql("select * from find_login_account(?)")
                .param(email.trim())
                .query((rs, row) -> new JorenUser(rs.getLong("tenant_id"), rs.getLong("account_id"),
                        rs.getString("email"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                        rs.getBoolean("enabled"), rs.getString("locale"), rs.getString("time_zone"),
                        rs.getString("password_hash")))
                .optional();
    }

    boolean emailTaken(String email) {
        return jdbc.sql("select login_email_taken(?)").param(email.trim()).query(Boolean.class).single();
    }
}
