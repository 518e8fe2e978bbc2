package jp.joren.reminders.letters;

import java.io.UnsupportedEncodingException;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jp.joren.shared.MailProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * A test send: the owner receives a preview at their own address, as the customer would, marked as a test. It
 * goes straight to the mail server, never through the outbox: no customer's message, count, result or
 * frequency cap is touched.
 */
@Service
public class TestSends {

    private static final Logger log = LoggerFactory.getLogger(TestSends.class);
    /** The subject's mark is read by the owner in the customers' language, as the mail itself. */
    private static final Locale MAIL_LOCALE = Locale.JAPANESE;

    private final JavaMailSender mail;
    private final Letters letters;
    private final LetterWriter writer;
    private final MessageSource messages;
    private final String defaultFrom;

    TestSends(JavaMailSender mail, Letters letters, LetterWriter writer, MessageSource messages,
            MailProperties mailProperties) {
        this.mail = mail;
        this.letters = letters;
        this.writer = writer;
        this.messages = messages;
        this.defaultFrom = mailProperties.from();
    }

    /** @return whether the mail server took the test */
    public boolean send(MessagePreview preview, String ownerAddress) {
        Letter.Sender sender = letters.sender();
        String from = sender.email() == null || sender.email().isBlank() ? defaultFrom : sender.email();
        WrittenLetter written = writer.write(preview.letter().withoutUnsubscribeToken(), preview.settings());
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(new InternetAddress(from, sender.signature(), "UTF-8"));
            helper.setTo(ownerAddress);
            helper.setSubject(messages.getMessage("reminders.testSend.subject",
                    new Object[] {written.subject()}, MAIL_LOCALE));
            helper.setText(written.text(), written.html());
            mail.send(message);
            return true;
        } catch (MessagingException | UnsupportedEncodingException | MailException e) {
            log.warn("Could not send a test of a reminder to the owner: {}", e.getMessage());
            return false;
        }
    }
}
