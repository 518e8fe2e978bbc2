package jp.joren.reminders.letters;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.joren.reminders.Offer;
import jp.joren.reminders.coupons.CouponCodes;
import jp.joren.reminders.rules.ReminderRule;
import jp.joren.reminders.rules.RuleSettings;
import jp.joren.reminders.unsubscribe.TestUnsubscribeController;
import jp.joren.shared.SiteProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a message out from its rule's wording: the shop's own or the default, with {variables} filled from
 * the customer's data. Every email ends with what 特定電子メール法 asks of a promotional email — who sends it,
 * their postal address and contact, and how to refuse further mail — whatever the wording says: the mail
 * templates ({@link LetterTemplates}) write it after the body.
 */
@Component
public class LetterWriter {

    /** The variables a wording may use. */
    public static final List<String> VARIABLES = List.of("customer", "shop", "model", "modelNumber", "part", "partNumber",
            "price", "product", "coupon", "couponValue", "couponExpiry");

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z]+)}");
    private static final DateTimeFormatter JAPANESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    /** The shops are Japanese; their customers read Japanese mail. */
    private static final Locale MAIL_LOCALE = Locale.JAPANESE;

    private final MessageSource messages;
    private final LetterTemplates templates;
    private final String publicUrl;

    LetterWriter(MessageSource messages, LetterTemplates templates, SiteProperties site) {
        this.messages = messages;
        this.templates = templates;
        this.publicUrl = site.publicUrl();
    }

    /** The variables of a wording that do not exist, for the form's message. */
    public static Set<String> unknownVariables(String wording) {
        Set<String> unknown = new TreeSet<>();
        if (wording != null) {
            Matcher matcher = VARIABLE.matcher(wording);
            while (matcher.find()) {
                if (!VARIABLES.contains(matcher.group(1))) {
                    unknown.add(matcher.group(1));
                }
            }
        }
        return unknown;
    }

    public String defaultSubject(ReminderRule rule) {
        return messages.getMessage("reminders.mail." + rule.name() + ".subject", null, MAIL_LOCALE);
    }

    public String defaultBody(ReminderRule rule) {
        return messages.getMessage("reminders.mail." + rule.name() + ".body", null, MAIL_LOCALE);
    }

    /** The subject with the customer's data filled in. */
    public String subject(Letter letter, RuleSettings settings) {
        return fill(settings.subject() != null ? settings.subject() : defaultSubject(letter.rule()), values(letter));
    }

    /** The wording with the customer's data filled in: an email's body, a postcard's message side. */
    public String body(Letter letter, RuleSettings settings) {
        return fill(settings.body() != null ? settings.body() : defaultBody(letter.rule()), values(letter));
    }

    /** The letter as an email: its subject, and its text and HTML rendered from the mail templates. */
    public WrittenLetter write(Letter letter, RuleSettings settings) {
        String subject = subject(letter, settings);
        String body = body(letter, settings);
        String unsubscribeUrl = publicUrl + unsubscribePath(letter);
        Letter.Sender sender = letter.sender();
        Map<String, Object> mail = new LinkedHashMap<>();
        mail.put("subject", subject);
        mail.put("body", body);
        // the owner's body is text: the HTML keeps its line breaks as <br>, each line escaped
        mail.put("bodyLines", List.of(body.split("\r?\n", -1)));
        mail.put("signature", sender.signature());
        mail.put("postalAddress", orEmpty(sender.postalAddress()));
        mail.put("contact", String.join(" / ", nonBlank(sender.phone(), sender.email())));
        mail.put("shop", sender.shopName());
        mail.put("unsubscribeUrl", unsubscribeUrl);
        // the HTML shows the coupon's QR code (attached inline by the sender) for the clerk's scanner
        mail.put("couponCode", CouponCodes.display(letter.couponCode()));
        return new WrittenLetter(subject, templates.text(mail), templates.html(mail), unsubscribeUrl);
    }

    /**
     * The letter as a LINE text message: the body (the customer's name, the part number or the coupon, as the
     * wording says), who sends it, a link to the shop's page, and how to stop (blocking the account, which
     * withdraws the LINE consent at once).
     */
    public String lineText(Letter letter, RuleSettings settings, String shopSlug) {
        Letter.Sender sender = letter.sender();
        List<String> signature = nonBlank(sender.signature(), sender.phone());
        return body(letter, settings) + "\n\n" + String.join(" ", signature) + "\n"
                + messages.getMessage("reminders.line.shopPage", new Object[] {publicUrl + "/join/" + shopSlug}, MAIL_LOCALE)
                + "\n" + messages.getMessage("reminders.line.stop", null, MAIL_LOCALE);
    }

    /** A letter with no message of its own (a preview, a test send) links to the page that says it is a test. */
    private static String unsubscribePath(Letter letter) {
        return letter.unsubscribeToken() == null ? TestUnsubscribeController.PATH : "/u/" + letter.unsubscribeToken();
    }

    private Map<String, String> values(Letter letter) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("customer", letter.customerName());
        values.put("shop", letter.sender().shopName());
        values.put("model", orEmpty(letter.modelName()));
        values.put("modelNumber", orEmpty(letter.modelNumber()));
        values.put("part", orEmpty(letter.productName()));
        values.put("partNumber", orEmpty(letter.partNumber()));
        values.put("product", orEmpty(letter.productName()));
        values.put("price", letter.productPrice() == null ? "" : yen(letter.productPrice()));
        values.put("coupon", orEmpty(CouponCodes.display(letter.couponCode())));
        values.put("couponValue", letter.offer() == null ? "" : offer(letter.offer()));
        values.put("couponExpiry", letter.couponValidUntil() == null ? "" : JAPANESE_DATE.format(letter.couponValidUntil()));
        return values;
    }

    private String offer(Offer offer) {
        String off = messages.getMessage("reminders.mail.offer." + offer.kind().name(), new Object[] {offer.value()},
                MAIL_LOCALE);
        return offer.capYen() == null ? off
                : messages.getMessage("reminders.mail.offer.capped", new Object[] {off, yen(offer.capYen())}, MAIL_LOCALE);
    }

    private static String yen(long amount) {
        return String.format(Locale.JAPAN, "%,d円", amount);
    }

    private static String fill(String wording, Map<String, String> values) {
        return VARIABLE.matcher(wording).replaceAll(match ->
                Matcher.quoteReplacement(values.getOrDefault(match.group(1), match.group())));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static List<String> nonBlank(String... texts) {
        return Arrays.stream(texts).filter(text -> text != null && !text.isBlank()).toList();
    }
}
