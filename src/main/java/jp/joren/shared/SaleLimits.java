package jp.joren.shared;

/**
 * The largest sale Joren takes, wherever it comes from (the counter, an import, a correction): far beyond a
 * small shop's till, and small enough that no sum over a shop's history can overflow a {@code long} (that
 * would take some 90 billion sales of the largest amount), so one mistyped amount cannot break every figure
 * of the shop. The database checks the same bounds (V18).
 */
public final class SaleLimits {

    public static final int MAX_QUANTITY = 9_999;
    /** ¥99,999,999: a price or an amount of eight digits. */
    public static final long MAX_AMOUNT = 99_999_999;

    private SaleLimits() {
    }
}
