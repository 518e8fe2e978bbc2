package jp.joren.reminders.letters;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jp.joren.reminders.Offer;
import jp.joren.reminders.ReminderQueue;
import jp.joren.reminders.campaigns.Campaign;
import jp.joren.reminders.rules.Recipients;
import jp.joren.reminders.rules.RuleSettings;
import jp.joren.shops.ShopSettings;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * What the owner reads before anything goes out: a waiting batch's own messages, or, before any night, the
 * letter a customer the rule or campaign would choose today would get — or a sample, clearly marked, when it
 * would choose nobody yet.
 */
@Service
@RequiredArgsConstructor
public class Previews {

    /** The customers' mail is Japanese, so is its sample customer. */
    private static final Locale MAIL_LOCALE = Locale.JAPANESE;

    private final ReminderQueue queue;
    private final Letters letters;
    private final LetterWriter writer;
    private final ShopSettings shop;
    private final MessageSource messages;

    /** The messages with these ids, written with {@code settings}. */
    public List<MessagePreview> of(List<Long> messageIds, RuleSettings settings) {
        return letters.all(messageIds).stream().map(letter -> preview(letter, settings, false)).toList();
    }

    /** The letter of a customer the campaign would reach today, else of the sample customer. */
    public MessagePreview beforeQueueing(Campaign campaign) {
        return beforeQueueing(queue.recipients(campaign), campaign.asSettings());
    }

    /** The letter of one of the recipients of today, else of the sample customer. */
    public MessagePreview beforeQueueing(Recipients recipients, RuleSettings settings) {
        LocalDate today = shop.today();
        return queue.example(recipients, today)
                .map(letter -> preview(withSampleCoupon(letter, recipients.offer(), today), settings, false))
                .orElseGet(() -> preview(sample(recipients, today), settings, true));
    }

    private MessagePreview preview(Letter letter, RuleSettings settings, boolean sample) {
        // a LINE message is one text, with no subject: shown as the customer's phone will show it
        WrittenLetter written = "LINE".equals(letter.channel())
                ? new WrittenLetter("", writer.lineText(letter, settings, shop.currentShop().getSlug()), null, null)
                : writer.write(letter, settings);
        return new MessagePreview(letter.customerName(), letter.channel(), written, sample, letter, settings);
    }

    /** A coupon is issued only when a message is queued: the preview shows the offer with a sample code. */
    private Letter withSampleCoupon(Letter letter, Offer offer, LocalDate today) {
        if (offer == null) {
            return letter;
        }
        return new Letter(letter.messageId(), letter.rule(), letter.campaignId(), letter.channel(), letter.status(),
                letter.reason(), letter.dueOn(), letter.customerId(), letter.customerName(), letter.email(),
                letter.postalCode(), letter.address(), letter.productName(), letter.partNumber(), letter.productPrice(),
                letter.modelName(), letter.modelNumber(), text("reminders.sample.coupon"), offer,
                today.plusDays(offer.validDays()), letter.unsubscribeToken(), letter.sender());
    }

    private Letter sample(Recipients recipients, LocalDate today) {
        Offer offer = recipients.offer();
        return new Letter(0, recipients.rule(), recipients.campaignId(), "EMAIL", "PREVIEW", null, today, 0,
                text("reminders.sample.customer"), null, null, null, text("reminders.sample.part"),
                text("reminders.sample.partNumber"), 1200L, text("reminders.sample.model"),
                text("reminders.sample.modelNumber"), offer == null ? null : text("reminders.sample.coupon"), offer,
                offer == null ? null : today.plusDays(offer.validDays()), null, letters.sender());
    }

    private String text(String key) {
        return messages.getMessage(key, null, MAIL_LOCALE);
    }
}
