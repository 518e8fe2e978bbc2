package jp.joren.shared;

import java.text.Normalizer;
import java.util.OptionalLong;

/** Yen amounts as people type them: 1200, 1,200, ¥1,200, １２００円. */
public final class Yen {

    private Yen() {
    }

    /** The whole-yen amount, or empty when the text is not one (blank included). */
    public static OptionalLong parse(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKC).strip()
                .replaceAll("^[¥\\\\]", "").replaceAll("円$", "").replace(",", "").strip();
        if (!plain.matches("-?[0-9]{1,12}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(plain));
    }
}
