package jp.joren.shared;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Yen and dates as the reader expects them: 2026年11月24日 in Japanese, Nov 24, 2026 in English, in the
 * request's time zone (Asia/Tokyo unless chosen otherwise). Templates call it as {@code @formats}.
 */
@Component("formats")
public class Formats {

    public String yen(long amount) {
        return (amount < 0 ? "-¥" : "¥") + NumberFormat.getIntegerInstance(Locale.JAPAN).format(Math.abs(amount));
    }

    /** A whole number with thousands separators. */
    public String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.JAPAN).format(value);
    }

    /** An average in yen, rounded to the yen; a dash when there is nothing to average. */
    public String yenRounded(Double amount) {
        return amount == null ? "—" : yen(Math.round(amount));
    }

    /** A ratio as a percentage with one decimal; a dash when undefined. */
    public String percent(Double ratio) {
        return ratio == null ? "—" : String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    /** A measured number of days, to the day. */
    public String days(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.0f", value);
    }

    public String decimal(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** The change of a ratio in percentage points, signed: "+3.2pt". */
    public String points(Double now, Double before) {
        if (now == null || before == null) {
            return "—";
        }
        return String.format(Locale.ROOT, "%+.1fpt", (now - before) * 100);
    }

    /** The relative change of an amount or count, signed: "+12.5%"; a dash when there was nothing before. */
    public String change(Number now, Number before) {
        if (now == null || before == null || before.doubleValue() == 0) {
            return "—";
        }
        return String.format(Locale.ROOT, "%+.1f%%", (now.doubleValue() - before.doubleValue()) / before.doubleValue() * 100);
    }

    /** "up", "down" or "flat", for colouring a change. */
    public String trend(Number now, Number before) {
        if (now == null || before == null || now.doubleValue() == before.doubleValue()) {
            return "flat";
        }
        return now.doubleValue() > before.doubleValue() ? "up" : "down";
    }

    public String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale()).format(date);
    }

    /** A calendar month: 2026年11月, Nov 2026. */
    public String month(LocalDate day) {
        if (day == null) {
            return "";
        }
        String pattern = locale().getLanguage().equals("ja") ? "uuuu年M月" : "MMM uuuu";
        return DateTimeFormatter.ofPattern(pattern, locale()).format(day);
    }

    /** The day an instant falls on, in the reader's time zone. */
    public String day(Instant instant) {
        return instant == null ? "" : date(instant.atZone(LocaleContextHolder.getTimeZone().toZoneId()).toLocalDate());
    }

    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        var local = instant.atZone(LocaleContextHolder.getTimeZone().toZoneId());
        return date(local.toLocalDate()) + " " + DateTimeFormatter.ofPattern("HH:mm").format(local);
    }

    /** The time of day of an instant, in the reader's time zone (for lists of one day). */
    public String time(Instant instant) {
        return instant == null ? ""
                : DateTimeFormatter.ofPattern("HH:mm").format(instant.atZone(LocaleContextHolder.getTimeZone().toZoneId()));
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
