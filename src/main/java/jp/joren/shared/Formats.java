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

    public String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale()).format(date);
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

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
