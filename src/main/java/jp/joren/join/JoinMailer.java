package jp.joren.join;

import java.io.UnsupportedEncodingException;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the confirmation link. It runs after the sign-up is committed; a mail server that is down loses
 * nothing — the customer is registered, and signing up again with the same address sends a new link.
 */
@Component
class JoinMailer {

    private static final Logger log = LoggerFactory.getLogger(JoinMailer.class);

    private final JavaMailSender mail;
    private final MessageSource messages;
    private final String defaultFrom;

    JoinMailer(JavaMailSender mail, MessageSource messages, @Value("${joren.mail.from}") String defaultFrom) {
        this.mail = mail;
        this.messages = messages;
        this.defaultFrom = defaultFrom;
    }

    /** @return whether the mail server took the message; it comes from the shop, by its name */
    boolean sendConfirmation(String to, String link, String shopName, String senderEmail, Locale locale) {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(new InternetAddress(senderEmail == null || senderEmail.isBlank() ? defaultFrom : senderEmail,
                    shopName, "UTF-8"));
            helper.setTo(to);
            helper.setSubject(messages.getMessage("join.mail.subject", new Object[] {shopName}, locale));
            helper.setText(messages.getMessage("join.mail.body", new Object[] {shopName, link,
                    PublicSignup.LINK_VALIDITY.toDays()}, locale));
            mail.send(message);
            return true;
        } catch (MessagingException | UnsupportedEncodingException | MailException e) {
            log.warn("Could not send the sign-up confirmation for shop '{}': {}", shopName, e.getMessage());
            return false;
        }
    }
}
