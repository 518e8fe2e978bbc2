package jp.joren.reminders.coupons;

import jp.joren.reminders.Coupons;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A coupon code as a clerk types it off a postcard or a phone: every way of typing it is the same code. */
class CouponTypingTest {

    @Test
    void dashesSpacesWidthAndCaseDoNotMatter() {
        String code = CouponCodes.next();
        String shown = CouponCodes.display(code);
        assertThat(shown).matches("[34679A-Z]{5}-[34679A-Z]{5}");

        assertThat(Coupons.normalize(shown)).isEqualTo(code);
        assertThat(Coupons.normalize(shown.toLowerCase())).isEqualTo(code);
        assertThat(Coupons.normalize(" " + shown.replace("-", " ") + " ")).isEqualTo(code);
        // typed with a Japanese IME: full-width letters and digits, and the long vowel mark for the dash
        assertThat(Coupons.normalize(fullWidth(shown).replace('－', 'ー'))).isEqualTo(code);
        assertThat(Coupons.normalize(fullWidth(shown))).isEqualTo(code);
        assertThat(Coupons.normalize(null)).isEmpty();
    }

    @Test
    void aCharacterMisreadOffThePostcardIsCaughtByTheCheckCharacter() {
        String code = "ACDEF34679";
        String valid = code.substring(0, 9) + checkFor(code.substring(0, 9));
        assertThat(CouponCodes.hasShape(valid)).isTrue();
        assertThat(CouponCodes.checks(Coupons.normalize("acdef-3467" + valid.charAt(9)))).isTrue();

        // C misread as D in the second place, and the last two characters swapped
        String misread = "ADDEF-3467" + valid.charAt(9);
        assertThat(CouponCodes.checks(Coupons.normalize(misread))).isFalse();
        String swapped = valid.substring(0, 8) + valid.charAt(9) + valid.charAt(8);
        assertThat(valid.charAt(8)).isNotEqualTo(valid.charAt(9));
        assertThat(CouponCodes.checks(swapped)).isFalse();
        // a letter that looks like a digit is not in the alphabet: the code does not have the shape at all
        assertThat(CouponCodes.hasShape(Coupons.normalize("ACDEF-3467O"))).isFalse();
        assertThat(CouponCodes.hasShape(Coupons.normalize("ACDEF-3467"))).isFalse();
        // the older hex codes are looked up as they are, without a check
        assertThat(CouponCodes.hasShape(Coupons.normalize("abcd1234ef567890"))).isFalse();
        assertThat(CouponCodes.display("ABCD1234EF567890")).isEqualTo("ABCD1234EF567890");
    }

    /** The one check character that makes {@code payload} a valid code, found by trying each. */
    private static char checkFor(String payload) {
        char found = 0;
        for (char c : CouponCodes.ALPHABET.toCharArray()) {
            if (CouponCodes.checks(payload + c)) {
                assertThat(found).as("only one check character fits " + payload).isEqualTo((char) 0);
                found = c;
            }
        }
        assertThat(found).as("a check character for " + payload).isNotEqualTo((char) 0);
        return found;
    }

    private static String fullWidth(String ascii) {
        StringBuilder wide = new StringBuilder();
        ascii.chars().forEach(c -> wide.append(c == '-' ? '－' : (char) (c - 0x21 + 0xFF01)));
        return wide.toString();
    }
}
