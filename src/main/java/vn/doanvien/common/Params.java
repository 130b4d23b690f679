package vn.doanvien.common;

import java.time.YearMonth;
import java.util.regex.Pattern;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Parses query parameters that arrive as text, so that a bad value is a 400 problem naming the
 * parameter (JAX-RS would otherwise answer 404 for an unconvertible query parameter). Numbers are ASCII digits
 * written one way only (no sign, space or leading zero; {@link StrictParams} holds typed parameters to the same
 * rule), so that every reader of the request sees the same value.
 */
public final class Params {

    private static final Pattern ID = Pattern.compile("0|[1-9][0-9]{0,18}");
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,9})");

    /** The earliest date the API takes: nothing in a union registry is older (VGCL was founded in 1929). */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** The latest date the API takes: targets look ahead a few decades at most. */
    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private Params() {
    }

    /** Whether a date lies between {@link #EARLIEST} and {@link #LATEST}. */
    public static boolean plausible(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    /** A {@code YYYY-MM-DD} date, or {@code null} when absent. */
    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid(name, "must be a date YYYY-MM-DD");
        }
        if (!plausible(date)) {
            throw ApiProblem.invalid(name, "must be a date between " + EARLIEST + " and " + LATEST);
        }
        return date;
    }

    /**
     * A search term, trimmed, or null when absent or blank. A term without a letter or a digit is a 400: it
     * would match every row ({@code %}, {@code _} and symbols are not searched for).
     */
    public static String search(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String term = value.trim();
        if (term.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw ApiProblem.invalid(name, "must contain a letter or a digit");
        }
        return term;
    }

    /**
     * A month {@code YYYY-MM} (ASCII digits), or null when absent or blank. A date {@code YYYY-MM-DD} names its
     * month: statistics take days where series take months, and a client that sends a day to a series means that
     * day's month (query parameters only; a month in a path has one spelling).
     */
    public static YearMonth month(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (DATE.matcher(value).matches()) {
            LocalDate day = date(name, value);
            return YearMonth.from(day);
        }
        return requiredMonth(name, value);
    }

    /** A month {@code YYYY-MM} that must be there (a path segment: one spelling per resource). */
    public static YearMonth requiredMonth(String name, String value) {
        YearMonth month = null;
        if (value != null && MONTH.matcher(value).matches()) {
            try {
                month = YearMonth.parse(value);
            } catch (DateTimeParseException e) {
                month = null;
            }
        }
        if (month == null) {
            throw ApiProblem.invalid(name, "must be a month YYYY-MM");
        }
        if (!plausible(month.atDay(1))) {
            throw ApiProblem.invalid(name, "must be a month between " + YearMonth.from(EARLIEST) + " and "
                    + YearMonth.from(LATEST));
        }
        return month;
    }

    /**
     * An id, or null when the parameter is absent. Present but empty is a 400, never "no filter": a list filtered
     * by an empty unit is not a list of everything.
     */
    public static Long id(String name, String value) {
        return value == null ? null : requiredId(name, value);
    }

    /** An id that must be there: ASCII digits, no sign, spaces or leading zeros. */
    public static long requiredId(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw ApiProblem.invalid(name, "must not be empty: an id is a number such as 42");
        }
        if (!ID.matcher(value).matches()) {
            throw ApiProblem.invalid(name, "must be an id: ASCII digits without sign, spaces or leading zeros");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid(name, "is too large for an id");
        }
    }

    /** An integer, or null when absent or empty (page, size, year, ...). */
    public static Integer integer(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return requiredInteger(name, value);
    }

    /** An integer that must be there: ASCII digits with an optional minus, no plus, spaces or leading zeros. */
    public static int requiredInteger(String name, String value) {
        if (value == null || !INTEGER.matcher(value).matches()) {
            throw ApiProblem.invalid(name, "must be an integer: ASCII digits without plus sign, spaces or leading zeros");
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid(name, "is too large");
        }
    }

    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiProblem.invalid(name, "must be true or false");
        };
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                if (allowed.length() > 0) {
                    allowed.append(", ");
                }
                allowed.append(c.name());
            }
            throw ApiProblem.invalid(name, "must be one of " + allowed);
        }
    }
}
