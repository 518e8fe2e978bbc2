package jp.joren.shared;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** The numbers and dates of every page, as the owner reads them. */
class FormatsTest {

    private final Formats formats = new Formats();

    @AfterEach
    void forgetTheLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void yenHaveTheSignAndThousandsSeparators() {
        assertThat(formats.yen(0)).isEqualTo("¥0");
        assertThat(formats.yen(1_200)).isEqualTo("¥1,200");
        assertThat(formats.yen(12_345_678)).isEqualTo("¥12,345,678");
        assertThat(formats.yen(-1_200)).isEqualTo("-¥1,200");
        assertThat(formats.count(1_234_567)).isEqualTo("1,234,567");
    }

    @Test
    void anAverageInYenIsRoundedToTheYenHalfUp() {
        assertThat(formats.yenRounded(1_234.4)).isEqualTo("¥1,234");
        assertThat(formats.yenRounded(1_234.5)).isEqualTo("¥1,235");
        assertThat(formats.yenRounded(2_999.99)).isEqualTo("¥3,000");
        assertThat(formats.yenRounded(null)).isEqualTo("—");
    }

    @Test
    void ratiosArePercentagesWithOneDecimalAndChangesAreSigned() {
        assertThat(formats.percent(0.2)).isEqualTo("20.0%");
        assertThat(formats.percent(1.0 / 3)).isEqualTo("33.3%");
        assertThat(formats.percent(2.0 / 3)).isEqualTo("66.7%");
        assertThat(formats.percent(null)).isEqualTo("—");
        assertThat(formats.points(0.25, 0.20)).isEqualTo("+5.0pt");
        assertThat(formats.points(0.20, 0.25)).isEqualTo("-5.0pt");
        assertThat(formats.points(0.20, null)).isEqualTo("—");
        assertThat(formats.change(110, 100)).isEqualTo("+10.0%");
        assertThat(formats.change(75, 100)).isEqualTo("-25.0%");
        // nothing before: no percentage, rather than an infinite one
        assertThat(formats.change(5, 0)).isEqualTo("—");
        assertThat(formats.trend(3, 2)).isEqualTo("up");
        assertThat(formats.trend(2, 3)).isEqualTo("down");
        assertThat(formats.trend(2, 2.0)).isEqualTo("flat");
        assertThat(formats.trend(2, null)).isEqualTo("flat");
        assertThat(formats.days(101.6)).isEqualTo("102");
        assertThat(formats.decimal(4.0 / 3)).isEqualTo("1.33");
    }

    @Test
    void datesAndMonthsAreWrittenTheJapaneseWayInJapanese() {
        LocaleContextHolder.setLocale(Locale.JAPAN);
        assertThat(formats.date(LocalDate.of(2026, 11, 24))).isEqualTo("2026年11月24日");
        assertThat(formats.date(LocalDate.of(2028, 2, 29))).isEqualTo("2028年2月29日");
        assertThat(formats.month(LocalDate.of(2026, 1, 31))).isEqualTo("2026年1月");
        assertThat(formats.date(null)).isEmpty();
        assertThat(formats.month(null)).isEmpty();

        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(formats.month(LocalDate.of(2026, 11, 24))).isEqualTo("Nov 2026");
        assertThat(formats.date(LocalDate.of(2026, 11, 24))).contains("2026").contains("24");
    }
}
