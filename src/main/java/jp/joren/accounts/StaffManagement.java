package jp.joren.accounts;

import java.util.List;

import jp.joren.shared.NotFoundException;
import lombok.RequiredArgsConstructor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The owner's side of accounts: reset staff passwords, disable and enable them (staff join by invitation). */
@Service
@RequiredArgsConstructor
class StaffManagement {

    private final Accounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final AccountSessions sessions;

    @Transactional(readOnly = true)
    List<Account> all() {
        return accounts.findAllByOrderByRoleAscDisplayNameAsc();
    }

    @Transactional(readOnly = true)
    Account get(long id) {
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("account", id));
    }

    /** Logs the account out everywhere except in {@code currentSessionId}: an owner resetting their own stays in. */
    @Transactional
    void resetPassword(long id, String rawPassword, String currentSessionId) {
        Account account = get(id);
        account.changePasswordHash(passwordEncoder.encode(rawPassword));
        sessions.endAll(account.getEmail(), currentSessionId);
    }

    /** @return false for the owner, whose account cannot be disabled */
    @Transactional
    boolean disable(long id) {
        Account account = get(id);
        if (account.getRole() == Role.OWNER) {
            return false;
        }
        account.disable();
        sessions.endAll(account.getEmail(), null);
        return true;
    }

    @Transactional
    void enable(long id) {
        get(id).enable();
    }
}
