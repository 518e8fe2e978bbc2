package jp.joren.accounts;

import java.util.Locale;

import jp.joren.shared.NoticeMail;
import jp.joren.shared.PublicLinks;
import jp.joren.shared.SecretToken;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Sends the reset link, built from the public address. A mail server that is down loses nothing: ask again. */
@Component
@RequiredArgsConstructor
class PasswordResetMailer {

    private final NoticeMail mail;
    private final MessageSource messages;
    private final PublicLinks links;

    void send(String to, SecretToken token, Locale language) {
        String link = links.to("/password-reset/choose").queryParam("token", token.value()).build().toUriString();
        mail.send(to, messages.getMessage("reset.mail.subject", null, language), messages.getMessage("reset.mail.body",
                new Object[] {link, PasswordRecovery.LINK_VALIDITY.toMinutes()}, language));
    }
}
