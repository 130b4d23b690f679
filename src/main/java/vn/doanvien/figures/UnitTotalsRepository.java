package vn.doanvien.figures;

import static vn.doanvien.common.SqlValues.number;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import vn.doanvien.common.DatabaseKind;

/**
 * Many units' figures summed up to two days at once, for breakdowns ({@link Figures#pointsOfMany}): per unit, its
 * yearly rollup rows before each day's year, its monthly rows of that year before the day's month and the day rows
 * of that month up to the day. The rest of the reads for answers is {@link FiguresRepository}.
 */
@ApplicationScoped
class UnitTotalsRepository {

    private static final String UNIT_COLUMNS = FigureRows.UNIT_COLUMNS;

    private final EntityManager em;
    private final DatabaseKind database;

    UnitTotalsRepository(EntityManager em, DatabaseKind database) {
        this.em = em;
        this.database = database;
    }

    /**
     * Member and union totals per unit: stock on each of the dates and flows in (from, to]. Reads, per unit,
     * its yearly rollup rows before each date's year, its monthly rows of that year before the date's month and
     * the day rows of that month up to the date: a few dozen rows per unit, never members or earlier days.
     */
    Map<Long, UnitTotals> totals(Collection<Long> unitIds, LocalDate from, LocalDate to) {
        Map<Long, UnitTotals> result = new HashMap<>();
        if (unitIds.isEmpty()) {
            return result;
        }
        LocalDate start = from.isAfter(to) ? to : from;
        Map<Long, long[]> atStart;
        Map<Long, long[]> atEnd;
        if (database.isPostgres()) {
            List<Map<Long, long[]>> both = cumulativeOnPostgres(List.copyOf(unitIds), start, to);
            atStart = both.get(0);
            atEnd = both.get(1);
        } else {
            atStart = new HashMap<>();
            atEnd = new HashMap<>();
            for (Long u : unitIds) {
                long[][] both = cumulativeOnBoth(u, start, to);
                atStart.put(u, both[0]);
                atEnd.put(u, both[1]);
            }
        }
        long[] zero = new long[FlowKind.COUNT];
        for (Long u : unitIds) {
            long[] a = atStart.getOrDefault(u, zero);
            long[] e = atEnd.getOrDefault(u, zero);
            if (java.util.Arrays.equals(a, zero) && java.util.Arrays.equals(e, zero)) {
                continue;
            }
            result.put(u, new UnitTotals(FlowKind.memberStock(a), FlowKind.memberStock(e), e[0] - a[0], e[1] - a[1],
                    e[2] - a[2], e[3] - a[3], FlowKind.unionStock(a), FlowKind.unionStock(e)));
        }
        return result;
    }

    /**
     * PostgreSQL: per unit, each of the eight flows summed over all its figures up to and including day a and up to
     * day e, for all the units and both days in one round trip ({@link #BOTH_DAYS}). (H2 checks a long IN list of
     * parameters row by row instead of seeking each value in the primary key, 1.7 s for the Confederation's 83
     * children at 1M members, so it reads one unit per query instead: {@link #cumulativeOnBoth}.)
     * <p>
     * Two settings hold for this statement only, restored after it (the caller's transaction may go on to read much
     * more, statistics): no parallel plan (a few thousand rows found by index: the worker start-up doubled the
     * query's time, 5.7 ms serial and 10.8 ms parallel for the Confederation's 83 children at 15M members), and the
     * generic plan (planning the statement anew for each list of units took as long as running it). The units are
     * one array parameter, so the prepared statement and its plan are the same whatever the list. (After a failure
     * the transaction is over, so there is nothing to restore.) Plain JDBC on the session's connection: the figure
     * tables are written by SQL as they change, never through entities waiting for a flush.
     */
    private List<Map<Long, long[]>> cumulativeOnPostgres(List<Long> unitIds, LocalDate a, LocalDate e) {
        List<Map<Long, long[]>> result = List.of(new HashMap<>(), new HashMap<>());
        em.unwrap(Session.class).doWork(c -> {
            String[] previous = new String[2];
            try (var set = c.prepareStatement(SET_FOR_SUMS); var r = set.executeQuery()) {
                r.next();
                previous[0] = r.getString(1);
                previous[1] = r.getString(2);
            }
            try (var ps = c.prepareStatement(BOTH_DAYS)) {
                java.sql.Array units = c.createArrayOf("bigint", unitIds.toArray());
                int i = 1;
                for (LocalDate x : new LocalDate[] {a, e}) {
                    LocalDate m = firstDetailDay(x);
                    LocalDate y = m.withDayOfYear(1);
                    for (Object value : new Object[] {units, y, units, y, m, units, m, x}) {
                        ps.setObject(i++, value);
                    }
                }
                try (var r = ps.executeQuery()) {
                    while (r.next()) {
                        long[] v = new long[FlowKind.COUNT];
                        for (int k = 0; k < FlowKind.COUNT; k++) {
                            v[k] = r.getLong(3 + k);
                        }
                        result.get(r.getInt(2)).put(r.getLong(1), v);
                    }
                }
            }
            try (var restore = c.prepareStatement(RESTORE_AFTER_SUMS)) {
                restore.setString(1, previous[0]);
                restore.setString(2, previous[1]);
                restore.executeQuery().close();
            }
        });
        return result;
    }

    /** Sets the two settings of {@link #cumulativeOnPostgres} for the transaction, answering their values before. */
    private static final String SET_FOR_SUMS = "select current_setting('max_parallel_workers_per_gather'), "
            + "current_setting('plan_cache_mode'), set_config('max_parallel_workers_per_gather', '0', true), "
            + "set_config('plan_cache_mode', 'force_generic_plan', true)";

    private static final String RESTORE_AFTER_SUMS = "select set_config('max_parallel_workers_per_gather', ?, true), "
            + "set_config('plan_cache_mode', ?, true)";

    /**
     * The flows of each unit in an array summed up to two days, the rows tagged 0 for the first day and 1 for the
     * second; per day x (parameters: the units, y, the units, y, m, the units, m, x): whole years before x's year y
     * from the yearly rollup, the months of x's year before x's month from the monthly one, x's month (from m, its
     * first day) from its day rows up to x. When x is the last day of its month, the rollups alone answer (m is
     * then x + 1 and the day-row range is empty).
     */
    private static final String BOTH_DAYS;

    static {
        StringBuilder parts = new StringBuilder();
        for (int day = 0; day < 2; day++) {
            parts.append(day == 0 ? "" : " union all ")
                    .append("select unit_id, ").append(day).append(" as d, ").append(UNIT_COLUMNS)
                    .append(" from unit_year_figure where unit_id = any(?) and year_start < ?")
                    .append(" union all select unit_id, ").append(day).append(", ").append(UNIT_COLUMNS)
                    .append(" from unit_month_figure where unit_id = any(?) and month_start >= ? and month_start < ?")
                    .append(" union all select unit_id, ").append(day).append(", ").append(UNIT_COLUMNS)
                    .append(" from unit_day_figure where unit_id = any(?) and figure_day >= ? and figure_day <= ?");
        }
        BOTH_DAYS = "select unit_id, d, " + sums("sum(%s)") + " from (" + parts + ") f group by unit_id, d";
    }

    /**
     * H2: one unit's flows summed up to a and up to e (a not after e): its year rows read once for both days, then
     * for each day the month rows of its year before its month and the day rows of its month. (Through a union of
     * month and day rows, once per day, summing each unit's whole history twice was most of a Confederation
     * progress call.)
     */
    private long[][] cumulativeOnBoth(long unitId, LocalDate a, LocalDate e) {
        LocalDate ma = firstDetailDay(a);
        LocalDate me = firstDetailDay(e);
        LocalDate ya = ma.withDayOfYear(1);
        LocalDate ye = me.withDayOfYear(1);
        Object[] r = (Object[]) em.createNativeQuery(YEARS_BEFORE_BOTH, Object[].class)
                .setParameter("u", unitId).setParameter("ya", ya).setParameter("ye", ye).getSingleResult();
        long[] atA = new long[FlowKind.COUNT];
        long[] atE = new long[FlowKind.COUNT];
        for (int i = 0; i < FlowKind.COUNT; i++) {
            atA[i] = number(r[i]);
            atE[i] = number(r[FlowKind.COUNT + i]);
        }
        addRows(atA, MONTHS_BETWEEN, unitId, ya, ma);
        addRows(atA, DAYS_BETWEEN, unitId, ma, a.plusDays(1));
        addRows(atE, MONTHS_BETWEEN, unitId, ye, me);
        addRows(atE, DAYS_BETWEEN, unitId, me, e.plusDays(1));
        return new long[][] {atA, atE};
    }

    /** Adds a unit's rows of one figure table dated in [from, until) (nothing when the range is empty). */
    private void addRows(long[] into, String sql, long unitId, LocalDate from, LocalDate until) {
        if (!from.isBefore(until)) {
            return;
        }
        Object[] r = (Object[]) em.createNativeQuery(sql, Object[].class)
                .setParameter("u", unitId).setParameter("f", from).setParameter("t", until).getSingleResult();
        for (int i = 0; i < FlowKind.COUNT; i++) {
            into[i] += number(r[i]);
        }
    }

    /** The first day whose figures are read from day rows: x's month's first day, or x + 1 when x ends its month. */
    private static LocalDate firstDetailDay(LocalDate x) {
        return FiguresRepository.isMonthEnd(x) ? x.plusDays(1) : x.withDayOfMonth(1);
    }

    private static String sums(String template) {
        return java.util.Arrays.stream(UNIT_COLUMNS.split(", ")).map(template::formatted)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static final String YEARS_BEFORE_BOTH = "select "
            + sums("sum(case when year_start < :ya then %s else 0 end)") + ", " + sums("sum(%s)")
            + " from unit_year_figure where unit_id = :u and year_start < :ye";

    private static final String MONTHS_BETWEEN = "select " + sums("sum(%s)")
            + " from unit_month_figure where unit_id = :u and month_start >= :f and month_start < :t";

    private static final String DAYS_BETWEEN = "select " + sums("sum(%s)")
            + " from unit_day_figure where unit_id = :u and figure_day >= :f and figure_day < :t";
}
