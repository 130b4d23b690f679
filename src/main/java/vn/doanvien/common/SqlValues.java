package vn.doanvien.common;

import java.time.LocalDate;

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
}
