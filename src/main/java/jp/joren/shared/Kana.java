package jp.joren.shared;

import java.text.Normalizer;

/**
 * Search keys for names. Clerks type kana in hiragana or katakana, half- or full-width, with or without
 * the space between family and given name; the key is full-width katakana without spaces, so every
 * way of typing a reading finds the same customer.
 */
public final class Kana {

    private static final int HIRAGANA_TO_KATAKANA = 'ア' - 'あ';

    private Kana() {
    }

    /** The reading as a search key: NFKC, hiragana turned into katakana, no spaces; null when blank. */
    static String searchKey(String reading) {
        if (reading == null) {
            return null;
        }
        String text = Normalizer.normalize(reading, Normalizer.Form.NFKC);
        StringBuilder key = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || c == '・') {
                return;
            }
            key.appendCodePoint(c >= 'ぁ' && c <= 'ゖ' ? c + HIRAGANA_TO_KATAKANA : c);
        });
        return key.isEmpty() ? null : key.toString();
    }

    /**
     * The reading as it is stored: NFKC (half-width katakana become full-width), hiragana turned into
     * katakana, runs of spaces (either width) made one space; null when blank.
     */
    public static String katakana(String reading) {
        if (reading == null || reading.isBlank()) {
            return null;
        }
        String text = Normalizer.normalize(reading, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
        StringBuilder katakana = new StringBuilder(text.length());
        text.codePoints().forEach(c -> katakana.appendCodePoint(c >= 'ぁ' && c <= 'ゖ' ? c + HIRAGANA_TO_KATAKANA : c));
        return katakana.toString();
    }

    /** True when the text could be a reading: kana (either script), the long vowel mark and spaces only. */
    public static boolean looksLikeKana(String text) {
        String key = searchKey(text);
        return key != null && key.codePoints().allMatch(c -> (c >= 'ァ' && c <= 'ヺ') || c == 'ー');
    }
}
