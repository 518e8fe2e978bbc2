package jp.joren.reminders.coupons;

import java.security.SecureRandom;

/**
 * Coupon codes a clerk can read off a phone or a postcard and type: nine random characters from an alphabet
 * without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B) and a check character (a weighted sum mod 25), shown as
 * {@code XXXXX-XXXXX}. 25⁹ ≈ 3.8 × 10¹² codes per shop, each tied to its customer and its days, so guessing is
 * hopeless; one mistyped or swapped character is caught by the check before any lookup. The 16-character hex
 * codes issued before these stay valid: they have no check character and are looked up as they are.
 */
public final class CouponCodes {

    static final String ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY";
    static final int RANDOM_LENGTH = 9;

    private static final SecureRandom RANDOM = new SecureRandom();

    private CouponCodes() {
    }

    /** A fresh code, as stored (without the dash). */
    public static String next() {
        StringBuilder code = new StringBuilder(RANDOM_LENGTH + 1);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.append(checkCharacter(code)).toString();
    }

    /** Whether a normalised code has this scheme's shape (old hex codes do not). */
    public static boolean hasShape(String code) {
        return code.length() == RANDOM_LENGTH + 1 && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    /** Whether a code of this scheme's shape was read without a mistake its check character catches. */
    public static boolean checks(String code) {
        return checkCharacter(code.substring(0, RANDOM_LENGTH)) == code.charAt(RANDOM_LENGTH);
    }

    /** The code as printed and shown (two groups of five; what its QR code holds too); null stays null. */
    public static String display(String code) {
        return code != null && hasShape(code) ? code.substring(0, 5) + "-" + code.substring(5) : code;
    }

    /**
     * Position weights, none a multiple of 5 and no two neighbours 5 apart: a wrong character changes the
     * weighted sum by (a − b)·w, a swap of neighbours by (a − b)·(wᵢ − wᵢ₊₁), neither ever a multiple of 25.
     */
    private static final int[] WEIGHTS = {1, 2, 3, 4, 6, 7, 8, 9, 11, 12};
    /** 12 × 23 ≡ 1 (mod 25): solves for the check character, whose weight is 12. */
    private static final int INVERSE_OF_CHECK_WEIGHT = 23;

    /** The character that makes the weighted sum of the whole code a multiple of 25. */
    private static char checkCharacter(CharSequence payload) {
        int n = ALPHABET.length();
        int sum = 0;
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            sum += WEIGHTS[i] * ALPHABET.indexOf(payload.charAt(i));
        }
        return ALPHABET.charAt(Math.floorMod(-sum * INVERSE_OF_CHECK_WEIGHT, n));
    }
}
