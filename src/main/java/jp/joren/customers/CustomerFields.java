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

    /**
     * A postal code as labels print it: NFKC, without a leading 〒 or spaces, seven digits as 154-0004 however
     * they were hyphenated; anything else as typed (NFKC), for the rule to refuse. Null when blank.
     */
    public static String postalCode(String typed) {
        String normal = nfkc(typed);
        if (normal == null) {
            return null;
        }
        String code = normal.replaceFirst("^〒", "").replaceAll("\\s", "");
        String digits = code.replaceAll("[-ー‐−]", "");
        return digits.matches("[0-9]{7}") ? digits.substring(0, 3) + "-" + digits.substring(3) : code;
    }

    /** The reading in katakana (hiragana and half-width kana turned), one space between words. */
    public static String kana(String reading) {
        return Kana.katakana(reading);
    }

    private static String nfkc(String text) {
        if (text == null) {
            return null;
        }
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        return normal.isEmpty() ? null : normal;
    }
}
