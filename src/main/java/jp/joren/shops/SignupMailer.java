package jp.joren.shops;

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

/** The sign-up's emails, with links from the public address. A mail server that is down loses nothing: sign up again. */
@Component
class SignupMailer {

    private static final Logger log = LoggerFactory.getLogger(SignupMailer.class);

    private final JavaMailSender mail;
    private final MessageSource messages;
    private final PublicLinks links;
    private final String from;

    SignupMailer(JavaMailSender mail, MessageSource messages, PublicLinks links,
            @Value("${joren.mail.from}") String from) {
        this.mail = mail;
        this.messages = messages;
        this.links = links;
        this.from = from;
    }

    void sendConfirmation(String to, SecretToken token, Locale language) {
        String link = links.to("/signup/confirm").queryParam("token", token.value()).build().toUriString();
        send(to, messages.getMessage("signup.mail.subject", null, language), messages.getMessage("signup.mail.body",
                new Object[] {link, SignupConfirmation.LINK_VALIDITY.toHours()}, language));
    }

    void sendAlreadyRegistered(String to, Locale language) {
        send(to, messages.getMessage("signup.mail.taken.subject", null, language),
                messages.getMessage("signup.mail.taken.body", new Object[] {links.to("/login").toUriString(),
                        links.to("/password-reset").toUriString()}, language));
    }

    private void send(String to, String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            mail.send(message);
        } catch (MailException e) {
            log.warn("Could not send a sign-up email: {}", e.getMessage());
        }
    }
}
