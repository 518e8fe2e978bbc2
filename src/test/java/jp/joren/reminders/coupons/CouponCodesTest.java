package jp.joren.reminders.coupons;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The coupon codes a clerk types off a phone: readable, checked, and every usual typo caught. */
class CouponCodesTest {

    @Test
    void aFreshCodeIsTenReadableCharactersThatPassItsCheck() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = CouponCodes.next();
            assertThat(code).matches("[34679ACDEFGHJKMNPQRTUVWXY]{10}");
            assertThat(CouponCodes.checks(code)).isTrue();
            seen.add(code);
        }
        assertThat(seen).hasSize(10_000);
        assertThat(CouponCodes.display("ACDEF34679")).isEqualTo("ACDEF-34679");
        assertThat(CouponCodes.display("ABCD1234EF567890")).isEqualTo("ABCD1234EF567890");
    }

    @Test
    void everySingleWrongCharacterAndEverySwapOfNeighboursIsCaught() {
        String alphabet = CouponCodes.ALPHABET;
        for (int sample = 0; sample < 200; sample++) {
            String code = CouponCodes.next();
            for (int at = 0; at < code.length(); at++) {
                for (char other : alphabet.toCharArray()) {
                    if (other != code.charAt(at)) {
                        String typo = code.substring(0, at) + other + code.substring(at + 1);
                        assertThat(CouponCodes.checks(typo)).as(code + " → " + typo).isFalse();
                    }
                }
                if (at + 1 < code.length() && code.charAt(at) != code.charAt(at + 1)) {
                    String swapped = code.substring(0, at) + code.charAt(at + 1) + code.charAt(at) + code.substring(at + 2);
                    assertThat(CouponCodes.checks(swapped)).as(code + " ⇄ " + swapped).isFalse();
                }
            }
        }
    }
}
