package jp.joren.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jp.joren.shared.NoticeMail;
import jp.joren.shared.PublicLinks;
import jp.joren.shared.SecretToken;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff join a shop by invitation: the owner names them, gives their email and a first password; the account
 * is made when they open the emailed link. An address that already has an account (in any shop) is sent a
 * note instead of a link, and the owner sees the same waiting invitation either way.
 */
@Service
@RequiredArgsConstructor
class StaffInvites {

    static final Duration LINK_VALIDITY = Duration.ofDays(7);

    private final StaffInvitations invitations;
    private final Accounts accounts;
    private final LoginAccounts logins;
    private final PasswordEncoder passwords;
    private final NoticeMail mail;
    private final PublicLinks links;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final Clock clock;

    /** Whether one of this shop's own accounts logs in with the email: the owner may be told so. */
    @Transactional(readOnly = true)
    boolean ownAccountUses(String email) {
        return invitations.ownAccountUses(CurrentTenant.require(), email);
    }

    @Transactional
    void invite(NewStaff staff, long ownerId, Locale language) {
        long shop = CurrentTenant.require();
        String shopName = invitations.shopName(shop);
        SecretToken token = SecretToken.random();
        Instant now = clock.instant();
        invitations.issue(shop, new NewStaffInvitation(staff.displayName(), staff.email().strip(),
                passwords.encode(staff.password()), ownerId), token, now, now.plus(LINK_VALIDITY));
        if (logins.emailTaken(staff.email())) {
            mail.send(staff.email(), messages.getMessage("invitation.mail.taken.subject", new Object[] {shopName}, language),
                    messages.getMessage("invitation.mail.taken.body", new Object[] {shopName}, language));
        } else {
            String link = links.to("/invitation").queryParam("token", token.value()).build().toUriString();
            mail.send(staff.email(), messages.getMessage("invitation.mail.subject", new Object[] {shopName}, language),
                    messages.getMessage("invitation.mail.body",
                            new Object[] {shopName, staff.displayName(), link, LINK_VALIDITY.toDays()}, language));
        }
    }

    @Transactional(readOnly = true)
    List<StaffInvitations.Pending> pending() {
        return invitations.pending(CurrentTenant.require(), clock.instant());
    }

    /** The name the link invites, while it can be accepted. */
    Optional<String> invitee(SecretToken token) {
        return invitations.shopOf(token).flatMap(shop -> CurrentTenant.callAs(shop,
                () -> invitations.usable(shop, token, clock.instant())));
    }

    /** Makes the account, once; false when the link is unknown, used, expired or its address taken meanwhile. */
    boolean accept(SecretToken token) {
        return invitations.shopOf(token).map(shop -> CurrentTenant.callAs(shop, () -> transaction.execute(status ->
                invitations.accept(shop, token, clock.instant()).map(accepted -> {
                    try {
                        accounts.saveAndFlush(new Account(accepted.email(), accepted.passwordHash(),
                                accepted.displayName(), Role.STAFF));
                        return true;
                    } catch (DataIntegrityViolationException takenMeanwhile) {
                        status.setRollbackOnly();
                        return false;
                    }
                }).orElse(false)))).orElse(false);
    }
}
