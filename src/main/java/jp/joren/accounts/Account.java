package jp.joren.accounts;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jp.joren.tenancy.ShopRow;

@Entity
public class Account extends ShopRow {

    private String email;

    private String passwordHash;

    private String displayName;

    @Enumerated(EnumType.STRING)
    private Role role;

    private boolean enabled = true;

    private String locale = "ja";

    private Instant createdAt = Instant.now();

    protected Account() {
    }

    Account(String email, String passwordHash, String displayName, Role role) {
        this.email = email.trim();
        this.passwordHash = passwordHash;
        this.displayName = displayName.trim();
        this.role = role;
    }

    void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    void disable() {
        if (role == Role.OWNER) {
            throw new IllegalStateException("The owner account cannot be disabled");
        }
        this.enabled = false;
    }

    void enable() {
        this.enabled = true;
    }

    void speak(Locale language) {
        this.locale = language.getLanguage();
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public String getLocale() {
        return locale;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    String getPasswordHash() {
        return passwordHash;
    }
}
