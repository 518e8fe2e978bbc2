package jp.joren.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
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
            @Value("${joren.mail.from}") String platformFrom) {
        this.mail = mail;
        this.executor = executor;
        this.platformFrom = platformFrom;
    }

    /** From Joren's own address. */
    public void send(String to, String subject, String text) {
        send(platformFrom, to, subject, text);
    }

    /** From {@code from} (a shop's sender address), or Joren's own when the shop has none. */
    public void send(String from, String to, String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from == null || from.isBlank() ? platformFrom : from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        executor.execute(() -> {
            try {
                mail.send(message);
            } catch (MailException e) {
                log.warn("Could not send the notice '{}': {}", subject, e.getMessage());
            }
        });
    }
}
