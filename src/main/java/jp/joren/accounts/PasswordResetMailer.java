package jp.joren.accounts;

import java.util.Locale;

import jp.joren.shared.PublicLinks;
import jp.joren.shared.SecretToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Sends the reset link, built from the public address. A mail server that is down loses nothing: ask again. */
@Component
class PasswordResetMailer {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetMailer.class);

    private final JavaMailSender mail;
    private final MessageSource messages;
    private final PublicLinks links;
    private final String from;

    PasswordResetMailer(JavaMailSender mail, MessageSource messages, PublicLinks links,
            @Value("${joren.mail.from}") String from) {
        this.mail = mail;
        this.messages = messages;
        this.links = links;
        this.from = from;
    }

    void send(String to, SecretToken token, Locale language) {
        String link = links.to("/password-reset/choose").queryParam("token", token.value()).build().toUriString();
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(messages.getMessage("reset.mail.subject", null, language));
        message.setText(messages.getMessage("reset.mail.body",
                new Object[] {link, PasswordRecovery.LINK_VALIDITY.toMinutes()}, language));
        try {
            mail.send(message);
        } catch (MailException e) {
            log.warn("Could not send a password reset link: {}", e.getMessage());
        }
    }
}
