package jp.joren.join;

import java.util.Locale;

import jp.joren.shared.NoticeMail;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Sends the confirmation link after the sign-up is committed, from the shop by its name. A mail server that is
 * down loses nothing — the customer is registered, and signing up again with the same address sends a new link.
 */
@Component
@RequiredArgsConstructor
class JoinMailer {

    private final NoticeMail mail;
    private final MessageSource messages;

    /** @param senderEmail the shop's sender address; null sends from Joren's own */
    void sendConfirmation(String to, String link, String shopName, @Nullable String senderEmail, Locale locale) {
        mail.send(senderEmail, shopName, to, messages.getMessage("join.mail.subject", new Object[] {shopName}, locale),
                messages.getMessage("join.mail.body", new Object[] {shopName, link, EmailConfirmations.LINK_VALIDITY.toDays()},
                        locale));
    }
}
