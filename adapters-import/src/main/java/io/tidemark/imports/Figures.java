package io.tidemark.imports;

import io.tidemark.core.model.ArchiveFormatException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cell rules every format shares: whole numbers (also written as floats, {@code 12.0}), never
 * negative; days and instants in the spellings the tools write. Each failure says what was found
 * where and what was expected, through the caller's {@link Where}, which knows the file, line and
 * column.
 */
final class Figures {

    /** Builds the failure at the caller's place in the file. */
    @FunctionalInterface
    interface Where {
        ArchiveFormatException problem(String text);
    }

    private static final Pattern NUMBER = Pattern.compile("([+-]?)(\\d+)(?:\\.(\\d*))?");

    /** {@code 2020-12-01 00:00:00+00:00}, {@code 2020-12-01T00:00:00Z}, with optional fractions. */
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private Figures() {}

    /**
     * A count: a whole number of 0 or more, as {@code 12} or {@code 12.0}.
     *
     * @param what the column or field, for the message
     */
    static int count(String text, String what, Where where) {
        long value = whole(text, what, where);
        if (value > Integer.MAX_VALUE) {
            throw where.problem("found " + text.strip() + " in " + what + ", larger than the largest count ("
                    + Integer.MAX_VALUE + ")");
        }
        return (int) value;
    }

    /** A whole number of 0 or more that may be larger than a count (a star count, a rank). */
    static long whole(String text, String what, Where where) {
        String stripped = text == null ? "" : text.strip();
        if (plainDigits(stripped)) {
            // the common spelling, 0 to 18 plain digits: what the rules below read it as, without a regex
            return Long.parseLong(stripped);
        }
        Matcher number = NUMBER.matcher(stripped);
        if (stripped.isEmpty()) {
            throw where.problem(what + " is empty where a whole number was expected");
        }
        if (!number.matches()) {
            throw where.problem("found '" + stripped + "' in " + what + " where a whole number was expected");
        }
        String fraction = number.group(3);
        if (fraction != null && !fraction.chars().allMatch(c -> c == '0')) {
            throw where.problem("found " + stripped + " in " + what + " where a whole number was expected"
                    + " (a figure of visits has no fraction)");
        }
        String digits = number.group(2).replaceFirst("^0+(?=\\d)", "");
        boolean negative = number.group(1).equals("-") && !digits.equals("0");
        if (negative) {
            throw where.problem("found " + stripped + " in " + what + " where a figure of 0 or more was expected");
        }
        if (digits.length() > 18) {
            throw where.problem("found " + stripped + " in " + what + ", far larger than any figure GitHub counts");
        }
        return Long.parseLong(digits);
    }

    /** A UTC day: {@code 2022-12-07}, or a date-time whose UTC date is taken. */
    static LocalDate day(String text, String what, Where where) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.length() == 10) {
            try {
                return LocalDate.parse(stripped);
            } catch (DateTimeException notADay) {
                throw where.problem("found '" + stripped + "' in " + what + " where a day (YYYY-MM-DD) was expected");
            }
        }
        LocalDate utc = utcDayOfMidnightish(stripped);
        if (utc != null) {
            return utc;
        }
        return LocalDate.ofInstant(instant(stripped, what, where), ZoneOffset.UTC);
    }

    /** 1 to 18 ASCII digits: a whole number {@link #whole} reads as {@link Long#parseLong} does. */
    private static boolean plainDigits(String text) {
        int length = text.length();
        if (length == 0 || length > 18) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The UTC day of the spellings most files use, {@code 2020-12-01 00:00:00+00:00} and {@code
     * 2020-12-01T00:00:00Z} (a valid date, a time within the day, UTC): the date itself, read
     * without the general formatter (which costs a map per optional section). Null for anything
     * else, which {@link #instant} then reads (and reports) as before.
     */
    private static LocalDate utcDayOfMidnightish(String text) {
        int length = text.length();
        boolean utc = (length == 25 && text.endsWith("+00:00")) || (length == 20 && text.charAt(19) == 'Z');
        if (!utc || (text.charAt(10) != ' ' && text.charAt(10) != 'T')
                || text.charAt(13) != ':' || text.charAt(16) != ':'
                || twoDigits(text, 11) > 23 || twoDigits(text, 14) > 59 || twoDigits(text, 17) > 59) {
            return null;
        }
        for (int i = 0; i < 10; i++) {
            char c = text.charAt(i);
            if (i == 4 || i == 7 ? c != '-' : c < '0' || c > '9') {
                return null;
            }
        }
        int month = twoDigits(text, 5);
        int day = twoDigits(text, 8);
        int year = Integer.parseInt(text, 0, 4, 10);
        if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** The two ASCII digits at {@code at} as a number, or 99 when they are not two digits. */
    private static int twoDigits(String text, int at) {
        char tens = text.charAt(at);
        char ones = text.charAt(at + 1);
        if (tens < '0' || tens > '9' || ones < '0' || ones > '9') {
            return 99;
        }
        return (tens - '0') * 10 + (ones - '0');
    }

    /**
     * An instant: ISO-8601 with {@code T} or a space, seconds and fractions optional, and an offset
     * ({@code Z}, {@code +00:00}); without an offset it is taken as UTC.
     */
    static Instant instant(String text, String what, Where where) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            throw where.problem(what + " is empty where a date and time was expected");
        }
        try {
            return DATE_TIME.parse(stripped, temporal -> temporal.isSupported(ChronoField.OFFSET_SECONDS)
                    ? OffsetDateTime.from(temporal).toInstant()
                    : LocalDateTime.from(temporal).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException notAnInstant) {
            throw where.problem("found '" + stripped + "' in " + what
                    + " where a date and time such as 2022-12-07T10:42:00Z or 2022-12-07 10:42:00+00:00 was expected");
        }
    }

    /** {@code true} or {@code false}, in any case. */
    static boolean bool(String text, String what, Where where) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.equalsIgnoreCase("true")) {
            return true;
        }
        if (stripped.equalsIgnoreCase("false")) {
            return false;
        }
        throw where.problem("found '" + stripped + "' in " + what + " where true or false was expected");
    }

    /** Checks that a bucket or entry has no more uniques than its count. */
    static void uniquesWithinCount(int count, int uniques, String uniquesName, String countName, Where where) {
        if (uniques > count) {
            throw where.problem(uniquesName + " is " + uniques + ", more than " + countName + " (" + count
                    + "): there cannot be more unique visitors than visits");
        }
    }
}
