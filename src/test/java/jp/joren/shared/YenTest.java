package jp.joren.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Amounts as people type them into a form or a spreadsheet. */
class YenTest {

    @Test
    void anAmountIsReadHoweverItIsWritten() {
        assertThat(Yen.parse("1200")).hasValue(1200);
        assertThat(Yen.parse("1,200")).hasValue(1200);
        assertThat(Yen.parse("¥1,200")).hasValue(1200);
        assertThat(Yen.parse("1200円")).hasValue(1200);
        assertThat(Yen.parse(" ¥1,200円 ")).hasValue(1200);
        // full-width digits, comma and yen sign, as a Japanese IME types them
        assertThat(Yen.parse("１２００円")).hasValue(1200);
        assertThat(Yen.parse("￥１，２００")).hasValue(1200);
        // the backslash that a yen sign is in Shift_JIS files
        assertThat(Yen.parse("\\1,200")).hasValue(1200);
        assertThat(Yen.parse("-500")).hasValue(-500);
        assertThat(Yen.parse("0")).hasValue(0);
    }

    @Test
    void whatIsNotAWholeAmountIsNoAmount() {
        assertThat(Yen.parse(null)).isEmpty();
        assertThat(Yen.parse("")).isEmpty();
        assertThat(Yen.parse("  ")).isEmpty();
        assertThat(Yen.parse("1200.5")).isEmpty();
        assertThat(Yen.parse("千二百円")).isEmpty();
        assertThat(Yen.parse("abc")).isEmpty();
        assertThat(Yen.parse("$1,200")).isEmpty();
        // twelve digits at most: a thirteenth is a mistake, not an amount
        assertThat(Yen.parse("999999999999")).hasValue(999_999_999_999L);
        assertThat(Yen.parse("1000000000000")).isEmpty();
    }
}
