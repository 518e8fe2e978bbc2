package jp.joren.reminders.postal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.joren.reminders.PostalList;
import jp.joren.reminders.coupons.CouponCodes;
import jp.joren.reminders.letters.Letter;
import jp.joren.reminders.letters.LetterWriter;
import jp.joren.reminders.letters.Letters;
import jp.joren.reminders.letters.Wordings;
import jp.joren.reminders.rules.RuleSettings;
import jp.joren.shared.QrCodes;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The postal DM list as はがき: the same waiting letters as the labels, each written out with its rule's or
 * campaign's wording, so a customer without email consent reads what an emailed customer would.
 */
@Service
@RequiredArgsConstructor
class Postcards {

    private final PostalList postal;
    private final Letters letters;
    private final Wordings wordings;
    private final LetterWriter writer;

    /** One postcard per waiting letter, in the labels' order (by postcode). */
    @Transactional(readOnly = true)
    public List<Postcard> waiting(LocalDate today) {
        List<PostalLabel> labels = postal.waiting(today);
        Map<Long, Letter> byId = letters.all(labels.stream().map(PostalLabel::messageId).toList()).stream()
                .collect(Collectors.toMap(Letter::messageId, Function.identity()));
        Function<Letter, RuleSettings> wording = wordings.reader();
        return labels.stream().map(label -> byId.get(label.messageId()))
                .map(letter -> postcard(letter, wording.apply(letter))).toList();
    }

    private Postcard postcard(Letter letter, RuleSettings settings) {
        Letter.Sender sender = letter.sender();
        String coupon = letter.couponCode();
        return new Postcard(letter.messageId(), letter.postalCode(), letter.address(), letter.customerName(),
                writer.subject(letter, settings), writer.body(letter, settings),
                CouponCodes.display(coupon), letter.couponValidUntil(),
                coupon == null ? null : QrCodes.dataUri(CouponCodes.display(coupon)), sender.signature(), sender.postalAddress());
    }
}
