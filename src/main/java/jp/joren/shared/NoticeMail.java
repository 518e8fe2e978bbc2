package jp.joren.shared;

import java.io.UnsupportedEncodingException;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * A one-off notice to one address (a confirmation link, a password reset), sent in the background: the mail
 * server may take minutes to answer (Joren waits as long as RFC 5321 allows), and the person waiting for the
 * page must not. Losing one is harmless — the person asks again — so a failure is logged, not retried, unlike
 * the reminders' outbox.
 */
@Component
public class NoticeMail {

    private static final Logger log = LoggerFactory.getLogger(NoticeMail.class);

    private final JavaMailSender mail;
    private final TaskExecutor executor;
    private final String platformFrom;

    NoticeMail(JavaMailSender mail, @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            MailProperties mailProperties) {
        this.mail = mail;
        this.executor = executor;
        this.platformFrom = mailProperties.from();
    }

    /** From Joren's own address. */
    public void send(String to, String subject, String text) {
        send(null, null, to, subject, text);
    }

    /**
     * From a shop: its sender address (Joren's own when it has none) under its name, so the customer sees who
     * writes to them.
     */
    public void send(String fromAddress, String fromName, String to, String subject, String text) {
        executor.execute(() -> {
            try {
                MimeMessage message = mail.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
                String address = fromAddress == null || fromAddress.isBlank() ? platformFrom : fromAddress;
                helper.setFrom(fromName == null ? new InternetAddress(address)
                        : new InternetAddress(address, fromName, "UTF-8"));
                helper.setTo(to);
                helper.setSubject(subject);
                helper.setText(text);
                mail.send(message);
            } catch (MessagingException | UnsupportedEncodingException | MailException e) {
                log.warn("Could not send the notice '{}': {}", subject, e.getMessage());
            }
        });
    }
}
