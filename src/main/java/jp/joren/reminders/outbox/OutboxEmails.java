package jp.joren.reminders.outbox;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jp.joren.reminders.coupons.CouponCodes;
import jp.joren.reminders.letters.Letter;
import jp.joren.reminders.letters.LetterWriter;
import jp.joren.reminders.letters.Letters;
import jp.joren.reminders.letters.Wordings;
import jp.joren.reminders.letters.WrittenLetter;
import jp.joren.reminders.rules.RuleSettings;
import jp.joren.shared.MailProperties;
import jp.joren.shared.QrCodes;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claimed letters written out as emails: from the shop's address (Joren's own when the shop has none), the coupon's
 * QR code inline, and the one-click unsubscribe headers. Each email commits its hand-over just before its content
 * goes to the server.
 */
@Component
class OutboxEmails {

    /** The content id by which the mail's HTML shows the coupon's QR code. */
    private static final String COUPON_QR = "coupon-qr";

    private final OutboxClaims claims;
    private final Letters letters;
    private final LetterWriter writer;
    private final Wordings wordings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String defaultFrom;

    OutboxEmails(OutboxClaims claims, Letters letters, LetterWriter writer, Wordings wordings,
            PlatformTransactionManager transactions, Clock clock, MailProperties mailProperties) {
        this.claims = claims;
        this.letters = letters;
        this.writer = writer;
        this.wordings = wordings;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.defaultFrom = mailProperties.from();
    }

    /** A claimed letter written out as an email, or the reason it could not be. */
    record Written(OutboxClaims.Claim claim, MimeMessage email, Exception problem) {
    }

    List<Written> write(List<OutboxClaims.Claim> batch, SmtpHandOver smtp) {
        Map<Long, OutboxClaims.Claim> byId = new LinkedHashMap<>();
        batch.forEach(claim -> byId.put(claim.id(), claim));
        List<Written> written = new ArrayList<>();
        Function<Letter, RuleSettings> wording = wordings.reader();
        for (Letter letter : letters.all(new ArrayList<>(byId.keySet()))) {
            OutboxClaims.Claim claim = byId.get(letter.messageId());
            try {
                written.add(new Written(claim, email(letter, writer.write(letter, wording.apply(letter)), smtp, claim), null));
            } catch (MessagingException | RuntimeException e) {
                written.add(new Written(claim, null, e));
            }
        }
        return written;
    }

    private MimeMessage email(Letter letter, WrittenLetter written, SmtpHandOver smtp, OutboxClaims.Claim claim)
            throws MessagingException {
        MimeMessage message = smtp.newMessage(() -> Boolean.TRUE.equals(
                transaction.execute(status -> claims.handingOver(claim, clock.instant()))));
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        Letter.Sender sender = letter.sender();
        String from = sender.email() == null || sender.email().isBlank() ? defaultFrom : sender.email();
        try {
            helper.setFrom(new InternetAddress(from, sender.signature(), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        helper.setTo(letter.email());
        helper.setSubject(written.subject());
        helper.setText(written.text(), written.html());
        if (letter.couponCode() != null) {
            // what the HTML's cid:coupon-qr shows: scanned at the counter, it applies the coupon in one step
            helper.addInline(COUPON_QR, new ByteArrayResource(QrCodes.png(CouponCodes.display(letter.couponCode()))),
                    "image/png");
        }
        // RFC 8058: mail clients offer a one-click unsubscribe that POSTs to the link
        message.setHeader("List-Unsubscribe", "<" + written.unsubscribeUrl() + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.setHeader("X-Joren-Message", String.valueOf(letter.messageId()));
        return message;
    }
}
