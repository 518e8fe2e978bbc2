package jp.joren.accounts;

import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * Slows password guessing: every login attempt spends one of the email's and one of the client address's
 * attempts within the window, before its password is checked; a successful login gives them back.
 */
@Component
class LoginThrottle {

    static final String LOGIN = "login";

    private final AttemptBudget budget;
    private final int maxFailuresPerEmail;
    private final int maxFailuresPerAddress;
    private final Duration window;

    LoginThrottle(AttemptBudget budget, LoginProperties limits) {
        this.budget = budget;
        this.maxFailuresPerEmail = limits.maxFailuresPerEmail();
        this.maxFailuresPerAddress = limits.maxFailuresPerAddress();
        this.window = limits.failureWindow();
    }

    /** Counts the attempt; false when the email or the address has none left. */
    boolean admit(String email, String clientAddress) {
        boolean emailAdmitted = budget.spendOnEmail(LOGIN, email, maxFailuresPerEmail, window);
        boolean addressAdmitted = budget.spend(LOGIN, clientAddress, maxFailuresPerAddress, window);
        return emailAdmitted && addressAdmitted;
    }

    void succeeded(String email, String clientAddress) {
        budget.forgetEmail(LOGIN, email);
        budget.refund(LOGIN, clientAddress);
    }
}
