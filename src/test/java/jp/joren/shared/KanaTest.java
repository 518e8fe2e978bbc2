package jp.joren.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A reading however the clerk typed it: hiragana or katakana, half- or full-width, with or without the space. */
class KanaTest {

    @Test
    void aReadingIsStoredInFullWidthKatakanaWithOneSpaceBetweenWords() {
        assertThat(Kana.katakana("やまだ たろう")).isEqualTo("ヤマダ タロウ");
        assertThat(Kana.katakana("  やまだ\u3000\u3000たろう ")).isEqualTo("ヤマダ タロウ");
        // half-width katakana, voiced marks included, become the full-width letters
        assertThat(Kana.katakana("ﾔﾏﾀﾞ ﾀﾛｳ")).isEqualTo("ヤマダ タロウ");
        assertThat(Kana.katakana("ﾊﾟﾝ")).isEqualTo("パン");
        assertThat(Kana.katakana("ヤマダ タロウ")).isEqualTo("ヤマダ タロウ");
        assertThat(Kana.katakana("ゔぁいおりん")).isEqualTo("ヴァイオリン");
        // the long vowel mark and letters that are not kana stay as they are
        assertThat(Kana.katakana("すーぱー")).isEqualTo("スーパー");
        assertThat(Kana.katakana("山田 たろう")).isEqualTo("山田 タロウ");
    }

    @Test
    void aBlankReadingIsNoReading() {
        assertThat(Kana.katakana(null)).isNull();
        assertThat(Kana.katakana("")).isNull();
        assertThat(Kana.katakana(" \u3000 ")).isNull();
    }

    @Test
    void everyWayOfTypingAReadingFindsTheSameCustomer() {
        String key = Kana.searchKey("ヤマダ タロウ");
        assertThat(key).isEqualTo("ヤマダタロウ");
        assertThat(Kana.searchKey("やまだたろう")).isEqualTo(key);
        assertThat(Kana.searchKey("やまだ\u3000たろう")).isEqualTo(key);
        assertThat(Kana.searchKey("ﾔﾏﾀﾞ ﾀﾛｳ")).isEqualTo(key);
        assertThat(Kana.searchKey("ヤマダ・タロウ")).isEqualTo(key);
        assertThat(Kana.searchKey("やまだ たろ")).isNotEqualTo(key);
        assertThat(Kana.searchKey(" ")).isNull();
        assertThat(Kana.searchKey(null)).isNull();
    }

    @Test
    void onlyKanaLooksLikeAReading() {
        assertThat(Kana.looksLikeKana("やまだ たろう")).isTrue();
        assertThat(Kana.looksLikeKana("ﾔﾏﾀﾞ")).isTrue();
        assertThat(Kana.looksLikeKana("スーパー")).isTrue();
        assertThat(Kana.looksLikeKana("山田")).isFalse();
        assertThat(Kana.looksLikeKana("yamada")).isFalse();
        assertThat(Kana.looksLikeKana("ヤマダ2")).isFalse();
        assertThat(Kana.looksLikeKana(" ")).isFalse();
        assertThat(Kana.looksLikeKana(null)).isFalse();
    }
}
