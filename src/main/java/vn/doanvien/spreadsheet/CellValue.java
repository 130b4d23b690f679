package vn.doanvien.spreadsheet;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAccessor;

/** How a value is written into a text cell (CSV) when it is not text already. */
public final class CellValue {

    private CellValue() {
    }

    /**
     * Text for a CSV cell: numbers in full and without a fraction when they have none (a count is 1685700, not
     * 1685700.0 nor 1.6857E6), dates ISO, enums by name; text inert ({@link #inert}).
     */
    public static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof CharSequence s) {
            return inert(s.toString());
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof Number n) {
            return number(n);
        }
        if (v instanceof LocalDate || v instanceof OffsetDateTime || v instanceof YearMonth
                || v instanceof TemporalAccessor) {
            return v.toString();
        }
        return v.toString();
    }

    /** A number in full: no exponent, no trailing zeros, no fraction when it is whole. */
    public static String number(Number n) {
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "";
        }
        BigDecimal b = n instanceof BigDecimal big ? big : BigDecimal.valueOf(d);
        String plain = b.stripTrailingZeros().toPlainString();
        return plain.equals("-0") ? "0" : plain;
    }

    /**
     * Text as a spreadsheet must show it, not run it: a cell that starts with {@code = + - @}, a tab or a CR is
     * read by Excel and LibreOffice as a formula (CSV injection), so it gets a leading apostrophe, which they
     * show as text. Only text cells: numbers, dates and enums never pass here. (An XLSX cell written as text is
     * never a formula and needs no apostrophe.)
     */
    public static String inert(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
    }
}
