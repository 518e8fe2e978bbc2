package jp.joren.customers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A customer's phone, code, email and reading are stored one way, however they were typed. */
class CustomerFieldsTest {

    @Test
    void fullWidthDigitsLettersAndHyphensAreStoredAsTheAsciiOnes() {
        assertThat(CustomerFields.phone("０９０－１２３４－５６７８")).isEqualTo("090-1234-5678");
        assertThat(CustomerFields.phone(" 03-1234-5678 ")).isEqualTo("03-1234-5678");
        assertThat(CustomerFields.code("Ｍ００１２")).isEqualTo("M0012");
        assertThat(CustomerFields.email("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ")).isEqualTo("taro@example.jp");
    }

    @Test
    void blankIsNothing() {
        assertThat(CustomerFields.phone(null)).isNull();
        assertThat(CustomerFields.phone("")).isNull();
        assertThat(CustomerFields.phone(" \u3000")).isNull();
        assertThat(CustomerFields.code("  ")).isNull();
        assertThat(CustomerFields.email("")).isNull();
        assertThat(CustomerFields.kana(" ")).isNull();
    }

    @Test
    void theReadingIsKatakana() {
        assertThat(CustomerFields.kana("やまだ　はなこ")).isEqualTo("ヤマダ ハナコ");
        assertThat(CustomerFields.kana("ﾔﾏﾀﾞ ﾊﾅｺ")).isEqualTo("ヤマダ ハナコ");
    }

    @Test
    void aPostalCodeIsStoredAsLabelsPrintItHoweverItWasTyped() {
        assertThat(CustomerFields.postalCode("１５４－０００４")).isEqualTo("154-0004");
        assertThat(CustomerFields.postalCode("〒154 0004")).isEqualTo("154-0004");
        assertThat(CustomerFields.postalCode("1540004")).isEqualTo("154-0004");
        assertThat(CustomerFields.postalCode("12-345")).as("left for the rule to refuse").isEqualTo("12-345");
        assertThat(CustomerFields.postalCode(" ")).isNull();
    }
}
