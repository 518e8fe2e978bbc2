package jp.joren.shops;

import java.util.Locale;

import jp.joren.shared.NoticeMail;
import jp.joren.shared.PublicLinks;
import jp.joren.shared.SecretToken;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The sign-up's emails, with links from the public address. A mail server that is down loses nothing: sign up again. */
@Component
@RequiredArgsConstructor
class SignupMailer {

    private final NoticeMail mail;
    private final MessageSource messages;
    private final PublicLinks links;

    void sendConfirmation(String to, SecretToken token, Locale language) {
        String link = links.to("/signup/confirm").queryParam("token", token.value()).build().toUriString();
        mail.send(to, messages.getMessage("signup.mail.subject", null, language), messages.getMessage("signup.mail.body",
                new Object[] {link, SignupConfirmation.LINK_VALIDITY.toHours()}, language));
    }

    void sendAlreadyRegistered(String to, Locale language) {
        mail.send(to, messages.getMessage("signup.mail.taken.subject", null, language),
                messages.getMessage("signup.mail.taken.body", new Object[] {links.to("/login").toUriString(),
                        links.to("/password-reset").toUriString()}, language));
    }
}
