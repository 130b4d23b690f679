package vn.doanvien.common;

import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.List;

/** Values of native query results, whichever type the JDBC driver (H2 or PostgreSQL) gives them. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A date column: null, a LocalDate, a java.sql.Date, or text in ISO form. */
    public static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof LocalDate d) {
            return d;
        }
        if (o instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(o.toString());
    }

    /** A number column as a long: null (a sum over no rows) is 0. */
    public static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    /** A text column: null, a String, or a Character (drivers give one-letter columns as Character). */
    public static String text(Object o) {
        return o == null ? null : o.toString();
    }

    /**
     * The values of a native query selecting one number column, as longs. Give such a query no result class:
     * given a scalar one ({@code Long.class}), Hibernate 7.3 takes it for a new query at every call and keeps a plan
     * for each, up to its cache's 2,048, every look-up then walking them ({@code QueryPlansTest}).
     */
    public static List<Long> longs(Query query) {
        List<?> values = query.getResultList();
        return values.stream().map(v -> ((Number) v).longValue()).toList();
    }

    /** The rows of a native query selecting several columns. */
    @SuppressWarnings("unchecked")
    public static List<Object[]> rows(Query query) {
        return query.getResultList();
    }
}
