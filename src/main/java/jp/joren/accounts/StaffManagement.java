package jp.joren.accounts;

import java.util.List;

import jp.joren.shared.NotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The owner's side of accounts: create staff, reset their passwords, disable and enable them. */
@Service
class StaffManagement {

    private final Accounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final FindByIndexNameSessionRepository<?> sessions;

    StaffManagement(Accounts accounts, PasswordEncoder passwordEncoder, FindByIndexNameSessionRepository<?> sessions) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
    }

    @Transactional(readOnly = true)
    List<Account> all() {
        return accounts.findAllByOrderByRoleAscDisplayNameAsc();
    }

    @Transactional(readOnly = true)
    Account get(long id) {
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("account", id));
    }

    @Transactional
    Account createStaff(StaffForm form) {
        return accounts.save(new Account(form.getEmail(), passwordEncoder.encode(form.getPassword()),
                form.getDisplayName(), Role.STAFF));
    }

    /** Logs the account out everywhere except in {@code currentSessionId}: an owner resetting their own stays in. */
    @Transactional
    void resetPassword(long id, String rawPassword, String currentSessionId) {
        Account account = get(id);
        account.changePasswordHash(passwordEncoder.encode(rawPassword));
        endSessionsOf(account, currentSessionId);
    }

    /** @return false for the owner, whose account cannot be disabled */
    @Transactional
    boolean disable(long id) {
        Account account = get(id);
        if (account.getRole() == Role.OWNER) {
            return false;
        }
        account.disable();
        endSessionsOf(account, null);
        return true;
    }

    @Transactional
    void enable(long id) {
        get(id).enable();
    }

    /** A disabled account or a reset password logs that person out everywhere at once. */
    private void endSessionsOf(Account account, String exceptSessionId) {
        sessions.findByPrincipalName(account.getEmail()).keySet().stream()
                .filter(sessionId -> !sessionId.equals(exceptSessionId))
                .forEach(sessions::deleteById);
    }
}
