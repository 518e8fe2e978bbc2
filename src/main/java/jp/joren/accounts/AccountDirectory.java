package jp.joren.accounts;

import java.time.ZoneId;
import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other features may ask of accounts. */
@Service
@RequiredArgsConstructor
public class AccountDirectory {

    private final Accounts accounts;
    private final LoginAccounts logins;
    private final PasswordEncoder passwordEncoder;

    public boolean emailTaken(String email) {
        return logins.emailTaken(email);
    }

    /** A password as it is kept: a sign-up keeps it this way until its owner confirms the email. */
    public String hashPassword(String rawPassword) {
        return passwordEncoder.encode(rawPassword);
    }

    /** The first account of a new shop; runs inside the shop's sign-up transaction. */
    @Transactional
    public JorenUser createOwner(String email, String displayName, String passwordHash, Locale language,
            ZoneId shopZone) {
        Account owner = new Account(email, passwordHash, displayName, Role.OWNER);
        owner.speak(language);
        return JorenUser.of(accounts.saveAndFlush(owner), shopZone);
    }

    @Transactional
    public void switchLanguage(long accountId, Locale language) {
        accounts.findById(accountId).ifPresent(account -> account.speak(language));
    }
}
