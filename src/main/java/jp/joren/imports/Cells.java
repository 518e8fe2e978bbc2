package jp.joren.imports;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.joren.shared.SaleLimits;
import jp.joren.shared.Yen;

/** Reads one cell as its field's type, the way people type them in Excel; empty means "not given". */
final class Cells {

    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[\\sT]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");
    /** Control characters other than tab and line breaks: a NUL cannot even be stored. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    /** 昭和55年3月3日, 平成元年1月8日, S55.3.3, H1/1/8, R6-5-1 (the text is NFKC already). */
    private static final Pattern ERA_DATE = Pattern.compile(
            "(明治|大正|昭和|平成|令和|[MTSHRmtshr])\\s*(\\d{1,2}|元)\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    /** Each era's year 0 in the Gregorian calendar, and its last year. */
    private static final Map<String, int[]> ERAS = Map.of(
            "明治", new int[] {1867, 45}, "大正", new int[] {1911, 15}, "昭和", new int[] {1925, 64},
            "平成", new int[] {1988, 31}, "令和", new int[] {2018, 99},
            "M", new int[] {1867, 45}, "T", new int[] {1911, 15}, "S", new int[] {1925, 64},
            "H", new int[] {1988, 31}, "R", new int[] {2018, 99});
    /** A US export's month/day/year with an optional time: 12/1/2010 8:26 (UCI Online Retail). */
    private static final Pattern US_DATE = Pattern.compile(
            "(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");
    /** A signed number with decimals, thousands separators and a currency sign: -1,234.5, ¥1,200, £2.55. */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]{1,12}(\\.[0-9]{1,6})?");
    private static final Pattern CURRENCY = Pattern.compile("^[¥\\\\£$€]|円$");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Map<String, Boolean> FLAGS = Map.ofEntries(
            Map.entry("1", true), Map.entry("0", false), Map.entry("true", true), Map.entry("false", false),
            Map.entry("yes", true), Map.entry("no", false), Map.entry("y", true), Map.entry("n", false),
            Map.entry("可", true), Map.entry("不可", false), Map.entry("○", true), Map.entry("〇", true),
            Map.entry("×", false), Map.entry("はい", true), Map.entry("いいえ", false), Map.entry("有", true),
            Map.entry("無", false), Map.entry("あり", true), Map.entry("なし", false), Map.entry("希望", true),
            Map.entry("希望しない", false), Map.entry("同意", true), Map.entry("拒否", false),
            Map.entry("ok", true), Map.entry("ng", false), Map.entry("要", true), Map.entry("不要", false),
            Map.entry("送付", true), Map.entry("送付可", true), Map.entry("送付不可", false),
            Map.entry("許可", true));
    private static final Map<String, String> CHANNELS = Map.ofEntries(
            Map.entry("来店", "WALK_IN"), Map.entry("店頭", "WALK_IN"), Map.entry("通りがかり", "WALK_IN"),
            Map.entry("walkin", "WALK_IN"), Map.entry("紹介", "REFERRAL"), Map.entry("referral", "REFERRAL"),
            Map.entry("ネット", "ONLINE"), Map.entry("通販", "ONLINE"), Map.entry("オンライン", "ONLINE"),
            Map.entry("ec", "ONLINE"), Map.entry("online", "ONLINE"), Map.entry("ネットショップ", "ONLINE"),
            Map.entry("sns", "SNS"), Map.entry("instagram", "SNS"), Map.entry("インスタ", "SNS"), Map.entry("line", "SNS"),
            Map.entry("イベント", "EVENT"), Map.entry("event", "EVENT"), Map.entry("チラシ", "FLYER"),
            Map.entry("flyer", "FLYER"), Map.entry("その他", "OTHER"), Map.entry("other", "OTHER"));

    private Cells() {
    }

    /** The cell as its type, or the key of the message that says what is wrong with it. */
    record Read(Object value, String problem) {

        static Read of(Object value) {
            return new Read(value, null);
        }

        static Read problem(String key) {
            return new Read(null, key);
        }
    }

    static Read read(ImportField field, String raw) {
        // NFKC leaves plain ASCII as it is: a sales export's million lines skip it
        String text = raw == null ? "" : (ascii(raw) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFKC)).strip();
        if (text.isEmpty()) {
            return Read.of(null);
        }
        if (CONTROL.matcher(text).find()) {
            return Read.problem("import.problem.controlCharacter");
        }
        return switch (field.type()) {
            case TEXT -> text(field, raw);
            case DATE -> dateTime(text).map(at -> Read.of(at.toLocalDate())).orElse(Read.problem("import.problem.badDate"));
            case DATE_TIME -> dateTime(text).map(Read::of).orElse(Read.problem("import.problem.badDate"));
            case YEN -> {
                OptionalLong yen = Yen.parse(text);
                yield yen.isPresent() && yen.getAsLong() >= 0 && yen.getAsLong() <= SaleLimits.MAX_AMOUNT
                        ? Read.of(yen.getAsLong()) : Read.problem("import.problem.badAmount");
            }
            case COUNT -> {
                OptionalLong count = Yen.parse(text);
                yield count.isPresent() && count.getAsLong() >= 1 && count.getAsLong() <= SaleLimits.MAX_QUANTITY
                        ? Read.of((int) count.getAsLong()) : Read.problem("import.problem.badCount");
            }
            case DECIMAL -> {
                String plain = CURRENCY.matcher(text).replaceAll("").replace(",", "").strip();
                yield DECIMAL.matcher(plain).matches() ? Read.of(new java.math.BigDecimal(plain))
                        : Read.problem("import.problem.badNumber");
            }
            case FLAG -> {
                Boolean flag = FLAGS.get(text.toLowerCase());
                yield flag != null ? Read.of(flag) : Read.problem("import.problem.badFlag");
            }
            case CHANNEL -> channel(text);
        };
    }

    /** Free text as the field keeps it (its own normal form), within its length and its lines. */
    private static Read text(ImportField field, String raw) {
        String value = field.normal().apply(raw.strip());
        if (value == null || value.isEmpty()) {
            return Read.of(null);
        }
        if (!field.freeText() && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
            return Read.problem("import.problem.lineBreak");
        }
        return value.codePointCount(0, value.length()) > field.maxLength()
                ? Read.problem("import.problem.tooLong") : Read.of(value);
    }

    /** How the customer found the shop, as a ledger words it (来店, インスタ) or as Joren names it (WALK_IN). */
    private static Read channel(String text) {
        String key = text.toLowerCase().replaceAll("[\\s_-]", "");
        String channel = CHANNELS.getOrDefault(key, CHANNELS.containsValue(text.toUpperCase()) ? text.toUpperCase() : null);
        return channel != null ? Read.of(channel) : Read.problem("import.problem.badChannel");
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * 2026-01-05, 2026/1/5, 2026.1.5, 2026年1月5日, 20260105, optionally with a time (12:00 when none); and the
     * Japanese era dates of a 顧客台帳: 昭和55年3月3日, 平成元年1月8日, S55.3.3; and a US export's month first,
     * year last (12/1/2010 8:26: Japanese files never put the year last).
     */
    static Optional<LocalDateTime> dateTime(String text) {
        try {
            Matcher era = ERA_DATE.matcher(text);
            if (era.matches()) {
                int[] span = ERAS.get(era.group(1).toUpperCase());
                int year = era.group(2).equals("元") ? 1 : Integer.parseInt(era.group(2));
                if (year < 1 || year > span[1]) {
                    return Optional.empty();
                }
                return Optional.of(LocalDate.of(span[0] + year, Integer.parseInt(era.group(3)),
                        Integer.parseInt(era.group(4))).atTime(LocalTime.NOON));
            }
            Matcher m = DATE.matcher(text);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))).atTime(timeFrom(m)));
            }
            Matcher us = US_DATE.matcher(text);
            if (us.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(us.group(3)), Integer.parseInt(us.group(1)),
                        Integer.parseInt(us.group(2))).atTime(timeFrom(us)));
            }
            Matcher compact = COMPACT_DATE.matcher(text);
            if (compact.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(compact.group(1)), Integer.parseInt(compact.group(2)),
                        Integer.parseInt(compact.group(3))).atTime(LocalTime.NOON));
            }
        } catch (DateTimeException notADay) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The time of day in groups 4 to 6 (hour, minute, optional second) of a date pattern; noon when it has none. */
    private static LocalTime timeFrom(Matcher m) {
        return m.group(4) == null ? LocalTime.NOON : LocalTime.of(Integer.parseInt(m.group(4)),
                Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
    }
}
