package jp.joren.accounts;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

import jp.joren.tenancy.TenantMember;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in person: which shop, which account, which role. Stored in the (database) session. */
public final class JorenUser implements UserDetails, CredentialsContainer, TenantMember {

    private final long tenantId;
    private final long accountId;
    private final String email;
    private final String displayName;
    private final Role role;
    private final boolean enabled;
    private final String locale;
    private final String timeZone;
    private @Nullable String passwordHash;

    JorenUser(long tenantId, long accountId, String email, String displayName, Role role, boolean enabled,
            String locale, String timeZone, @Nullable String passwordHash) {
        this.tenantId = tenantId;
        this.accountId = accountId;
        this.email = email;
        this.displayName = displayName;
        this.role = role;
        this.enabled = enabled;
        this.locale = locale;
        this.timeZone = timeZone;
        this.passwordHash = passwordHash;
    }

    static JorenUser of(Account account, ZoneId shopZone) {
        return new JorenUser(account.getTenantId(), account.getId(), account.getEmail(), account.getDisplayName(),
                account.getRole(), account.isEnabled(), account.getLocale(), shopZone.getId(),
                account.getPasswordHash());
    }

    @Override
    public long tenantId() {
        return tenantId;
    }

    public long accountId() {
        return accountId;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public String locale() {
        return locale;
    }

    /** The shop's time zone, in which this person reads every date. */
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
