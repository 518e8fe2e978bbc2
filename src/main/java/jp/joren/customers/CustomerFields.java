package jp.joren.customers;

import java.text.Normalizer;

import jp.joren.shared.Kana;

/**
 * How a customer's fields are stored, whoever enters them (the counter, the public page, an import): one
 * definition of each rule. Phones, member codes and emails are NFKC (０９０－１１１１ is 090-1111), readings
 * are katakana; blank is null.
 */
public final class CustomerFields {

    private CustomerFields() {
    }

    /** NFKC and stripped: full-width digits, letters and hyphens become the ASCII ones; null when blank. */
    public static String phone(String phone) {
        return nfkc(phone);
    }

    public static String code(String code) {
        return nfkc(code);
    }

    public static String email(String email) {
        return nfkc(email);
    }

    /** The reading in katakana (hiragana and half-width kana turned), one space between words. */
    public static String kana(String reading) {
        return Kana.katakana(reading);
    }

    /** True when the phone has the digits of a Japanese number (10 to 13), however it is written; blank is fine. */
    public static boolean phoneLooksValid(String phone) {
        if (phone == null || phone.isBlank()) {
            return true;
        }
        long digits = Normalizer.normalize(phone, Normalizer.Form.NFKC).chars().filter(Character::isDigit).count();
        return digits >= 10 && digits <= 13;
    }

    private static String nfkc(String text) {
        if (text == null) {
            return null;
        }
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        return normal.isEmpty() ? null : normal;
    }
}
