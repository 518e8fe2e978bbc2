package jp.joren.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jp.joren.shared.SecretToken;
import jp.joren.tenancy.CurrentTenant;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Forgot your password?": a link by email that sets a new password once, within an hour. Whoever asks
 * learns nothing about which emails have an account: the answer, and its time, are the same either way.
 */
@Service
class PasswordRecovery {

    static final Duration LINK_VALIDITY = Duration.ofHours(1);
    private static final String PURPOSE = "password-reset";

    private final LoginAccounts logins;
    private final PasswordResets resets;
    private final Accounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final AccountSessions sessions;
    private final AttemptBudget budget;
    private final PasswordResetMailer mailer;
    private final TransactionTemplate transaction;
    private final TaskExecutor executor;
    private final Clock clock;
    private final int maxPerEmail;
    private final int maxPerAddress;
    private final Duration window;

    PasswordRecovery(LoginAccounts logins, PasswordResets resets, Accounts accounts, PasswordEncoder passwordEncoder,
            AccountSessions sessions, AttemptBudget budget, PasswordResetMailer mailer, TransactionTemplate transaction,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor, Clock clock, PasswordResetProperties limits) {
        this.logins = logins;
        this.resets = resets;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
        this.budget = budget;
        this.mailer = mailer;
        this.transaction = transaction;
        this.executor = executor;
        this.clock = clock;
        this.maxPerEmail = limits.maxPerEmail();
        this.maxPerAddress = limits.maxPerAddress();
        this.window = limits.window();
    }

    /**
     * Emails a link when the email names an enabled account and neither it nor the client address has asked
     * too often. The work runs after the answer, so an existing account takes no longer to answer for.
     */
    void request(String email, String clientAddress) {
        executor.execute(() -> {
            boolean addressAdmitted = budget.spend(PURPOSE, clientAddress, maxPerAddress, window);
            boolean emailAdmitted = budget.spendOnEmail(PURPOSE, email, maxPerEmail, window);
            if (addressAdmitted && emailAdmitted) {
                logins.find(email).filter(JorenUser::isEnabled).ifPresent(this::sendLink);
            }
        });
    }

    private void sendLink(JorenUser account) {
        SecretToken token = SecretToken.random();
        Instant now = clock.instant();
        CurrentTenant.runAs(account.tenantId(),
                () -> resets.issue(account.tenantId(), account.accountId(), token, now, now.plus(LINK_VALIDITY)));
        mailer.send(account.getUsername(), token, Locale.forLanguageTag(account.locale()));
    }

    /** Whether the link can still set a password (the page it opens asks for one only then). */
    boolean usable(SecretToken token) {
        return resets.shopOf(token)
                .map(shop -> CurrentTenant.callAs(shop, () -> resets.usable(shop, token, clock.instant())))
                .orElse(false);
    }

    /**
     * Sets the new password and uses the link up; every session of the account ends, and failed logins of
     * its email are forgotten. False when the link is unknown, used or expired.
     */
    boolean reset(SecretToken token, String newPassword) {
        Optional<Long> shop = resets.shopOf(token);
        if (shop.isEmpty()) {
            return false;
        }
        Optional<String> email = CurrentTenant.callAs(shop.get(), () -> transaction.execute(status ->
                resets.use(shop.get(), token, clock.instant()).map(accountId -> {
                    Account account = accounts.findById(accountId).orElseThrow();
                    account.changePasswordHash(passwordEncoder.encode(newPassword));
                    return account.getEmail();
                })));
        email.ifPresent(loginEmail -> {
            sessions.endAll(loginEmail, null);
            budget.forgetEmail(LoginThrottle.LOGIN, loginEmail);
        });
        return email.isPresent();
    }
}
