package jp.joren.shops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jp.joren.accounts.AccountDirectory;
import jp.joren.accounts.JorenUser;
import jp.joren.shared.SecretToken;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * A shop opens when its owner opens the link emailed to the address they typed. An address that already
 * has an account is sent a note (log in, or reset the password) instead, and the page says the same either
 * way: the sign-up page tells no one which emails use Joren, and no one opens a shop in another's name.
 */
@Service
class SignupConfirmation {

    static final Duration LINK_VALIDITY = Duration.ofDays(1);

    private final PendingSignups pending;
    private final ShopSignup signup;
    private final AccountDirectory accounts;
    private final SignupMailer mailer;
    private final TaskExecutor executor;
    private final Clock clock;

    SignupConfirmation(PendingSignups pending, ShopSignup signup, AccountDirectory accounts, SignupMailer mailer,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor, Clock clock) {
        this.pending = pending;
        this.signup = signup;
        this.accounts = accounts;
        this.mailer = mailer;
        this.executor = executor;
        this.clock = clock;
    }

    /** Runs after the answer, so an address with an account takes no longer to answer for. */
    void request(NewShop shop) {
        executor.execute(() -> {
            if (accounts.emailTaken(shop.ownerEmail())) {
                mailer.sendAlreadyRegistered(shop.ownerEmail(), shop.language());
                return;
            }
            SecretToken token = SecretToken.random();
            Instant now = clock.instant();
            pending.forgetExpiredBefore(now.minus(LINK_VALIDITY));
            pending.save(token, new ShopOpening(shop.shopName(), shop.ownerName(), shop.ownerEmail(),
                    accounts.hashPassword(shop.ownerPassword()), shop.zone(), shop.language()), now,
                    now.plus(LINK_VALIDITY));
            mailer.sendConfirmation(shop.ownerEmail(), token, shop.language());
        });
    }

    boolean usable(SecretToken token) {
        return pending.usable(token, clock.instant());
    }

    /** Opens the shop, once; empty when the link is unknown, used or expired, or the email was taken since. */
    Optional<JorenUser> confirm(SecretToken token) {
        return pending.use(token, clock.instant()).flatMap(shop -> {
            try {
                return Optional.of(signup.open(shop));
            } catch (DataIntegrityViolationException emailTakenSince) {
                return Optional.empty();
            }
        });
    }
}
