package jp.joren.accounts;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.TenantId;

@Entity
public class Account {

    @TenantId
    @Column(name = "tenant_id")
    private Long tenantId;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

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

    public Long getId() {
        return id;
    }

    public Long getTenantId() {
        return tenantId;
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
