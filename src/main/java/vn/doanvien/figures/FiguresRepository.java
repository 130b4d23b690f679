package vn.doanvien.figures;

import vn.doanvien.common.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;

/** Reads and writes the maintained figures and the dated tree they are attributed through. */
@ApplicationScoped
public class FiguresRepository {

    private static final String UNIT_COLUMNS = "joined, left_count, transfers_in, transfers_out, "
            + "unions_founded, unions_dissolved, unions_moved_in, unions_moved_out";

    private final EntityManager em;
    private final DimensionFiguresRepository dimensions;
    private volatile Boolean postgres;

    FiguresRepository(EntityManager em, DimensionFiguresRepository dimensions) {
        this.em = em;
        this.dimensions = dimensions;
    }

    /** Every parent link of every unit (the tree is small). */
    UnitTree loadTree() {
        em.flush();
        List<Object[]> rows = em.createNativeQuery(
                "select unit_id, parent_id, valid_from, valid_to from unit_link", Object[].class).getResultList();
        List<UnitTree.Link> links = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            links.add(new UnitTree.Link(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                    SqlValues.date(r[2]), SqlValues.date(r[3])));
        }
        return new UnitTree(links);
    }

    List<Timeline.Placement> placementsOf(long grassrootsUnionId) {
        em.flush();
        List<Object[]> rows = em.createNativeQuery("""
                select unit_id, valid_from, valid_to from grassroots_union_link
                where grassroots_union_id = :g order by valid_from
                """, Object[].class).setParameter("g", grassrootsUnionId).getResultList();
        List<Timeline.Placement> placements = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            placements.add(new Timeline.Placement(((Number) r[0]).longValue(), SqlValues.date(r[1]), SqlValues.date(r[2])));
        }
        return placements;
    }

    /** Every stay and the founding and dissolution of one grassroots union, as flows. */
    Flow flowOfGrassrootsUnion(long grassrootsUnionId) {
        return flowsOfMany(List.of(grassrootsUnionId)).getOrDefault(grassrootsUnionId, new Flow());
    }

    /** The same for many grassroots unions in two reads: each union's flows (unions without any are left out). */
    Map<Long, Flow> flowsOfMany(Collection<Long> grassrootsUnionIds) {
        em.flush();
        Map<Long, Flow> flows = new HashMap<>();
        if (grassrootsUnionIds.isEmpty()) {
            return flows;
        }
        for (Object[] r : rows(em.createNativeQuery("""
                select p.grassroots_union_id, p.start_on, p.end_on, p.end_reason,
                       case when exists (select 1 from membership_period q
                                         where q.member_id = p.member_id and q.id <> p.id
                                           and q.end_on = p.start_on and q.end_reason = 'TRANSFER')
                            then 1 else 0 end
                from membership_period p where p.grassroots_union_id in (:ids)
                """, Object[].class).setParameter("ids", grassrootsUnionIds))) {
            Flow flow = flows.computeIfAbsent(((Number) r[0]).longValue(), g -> new Flow());
            boolean transferIn = ((Number) r[4]).intValue() == 1;
            flow.add(SqlValues.date(r[1]), transferIn ? FlowKind.TRANSFERS_IN : FlowKind.JOINED, 1);
            if (r[2] != null) {
                flow.add(SqlValues.date(r[2]), "TRANSFER".equals(r[3]) ? FlowKind.TRANSFERS_OUT : FlowKind.LEFT, 1);
            }
        }
        for (Object[] r : rows(em.createNativeQuery(
                "select id, founded_on, dissolved_on from grassroots_union where id in (:ids)", Object[].class)
                .setParameter("ids", grassrootsUnionIds))) {
            Flow flow = flows.computeIfAbsent(((Number) r[0]).longValue(), g -> new Flow());
            flow.add(SqlValues.date(r[1]), FlowKind.UNIONS_FOUNDED, 1);
            flow.add(SqlValues.date(r[2]), FlowKind.UNIONS_DISSOLVED, 1);
        }
        return flows;
    }

    /** A unit's own figure rows, as the flows it passes up to its ancestors. */
    Flow flowOfUnit(long unitId) {
        em.flush();
        Flow flow = new Flow();
        List<Object[]> rows = em.createNativeQuery("select figure_day, " + UNIT_COLUMNS
                + " from unit_day_figure where unit_id = :u", Object[].class)
                .setParameter("u", unitId).getResultList();
        FlowKind[] kinds = FlowKind.values();
        for (Object[] r : rows) {
            LocalDate day = SqlValues.date(r[0]);
            for (int k = 0; k < FlowKind.COUNT; k++) {
                flow.add(day, kinds[k], ((Number) r[k + 1]).longValue());
            }
        }
        return flow;
    }

    /** Adds the deltas to the stored rows, creating missing rows, in key order. */
    void apply(Deltas deltas) {
        apply(deltas, false);
    }

    /** As {@link #apply(Deltas)} into tables {@link #deleteAll()} emptied in this transaction (a rebuild). */
    void applyToEmptyTables(Deltas deltas) {
        apply(deltas, true);
    }

    private void apply(Deltas deltas, boolean intoEmpty) {
        deltas.compact();
        if (deltas.isEmpty()) {
            return;
        }
        em.flush();
        boolean pg = isPostgres();
        Map<Deltas.UnitDay, long[]> months = deltas.monthsOfUnits();
        Map<Deltas.UnitDay, long[]> years = deltas.yearsOfUnits();
        Map<Long, long[]> totals = deltas.unionTotals();
        em.unwrap(Session.class).doWork(connection -> {
            dimensions.apply(connection, pg, deltas, intoEmpty);
            if (pg) {
                // One statement per table, the rows as arrays: a bulk sync books thousands of rows per request.
                upsertArrays(connection, PG_UNIT_UPSERT_ARRAYS, deltas.units, FlowKind.COUNT,
                        Deltas.UnitDay::unitId, Deltas.UnitDay::day, null);
                upsertArrays(connection, PG_MONTH_UPSERT_ARRAYS, months, FlowKind.COUNT,
                        Deltas.UnitDay::unitId, Deltas.UnitDay::day, null);
                upsertArrays(connection, PG_YEAR_UPSERT_ARRAYS, years, FlowKind.COUNT,
                        Deltas.UnitDay::unitId, Deltas.UnitDay::day, null);
                upsertArrays(connection, PG_UNION_UPSERT_ARRAYS, deltas.unions, 4,
                        Deltas.UnionMonth::grassrootsUnionId, Deltas.UnionMonth::monthStart, null);
                upsertArrays(connection, PG_TOTAL_UPSERT_ARRAYS, totals, 4, Long::longValue, null, null);
                return;
            }
            if (!deltas.units.isEmpty()) {
                try (PreparedStatement ps = connection.prepareStatement(H2_UNIT_UPSERT)) {
                    for (Map.Entry<Deltas.UnitDay, long[]> e : deltas.units.entrySet()) {
                        ps.setLong(1, e.getKey().unitId());
                        ps.setDate(2, Date.valueOf(e.getKey().day()));
                        for (int i = 0; i < FlowKind.COUNT; i++) {
                            ps.setInt(3 + i, Math.toIntExact(e.getValue()[i]));
                        }
                        runWithRetry(ps);
                    }
                }
            }
            for (Map.Entry<String, Map<Deltas.UnitDay, long[]>> table : List.of(Map.entry(H2_MONTH_UPSERT, months),
                    Map.entry(H2_YEAR_UPSERT, years))) {
                String sql = table.getKey();
                Map<Deltas.UnitDay, long[]> rollup = table.getValue();
                if (!rollup.isEmpty()) {
                    // One row at a time, like the day rows: two writers creating the same new month or year
                    // row at once is a race that H2's MERGE loses with an error (see runWithRetry).
                    try (PreparedStatement ps = connection.prepareStatement(sql)) {
                        for (Map.Entry<Deltas.UnitDay, long[]> e : rollup.entrySet()) {
                            ps.setLong(1, e.getKey().unitId());
                            ps.setDate(2, Date.valueOf(e.getKey().day()));
                            for (int i = 0; i < FlowKind.COUNT; i++) {
                                ps.setInt(3 + i, Math.toIntExact(e.getValue()[i]));
                            }
                            runWithRetry(ps);
                        }
                    }
                }
            }
            if (!deltas.unions.isEmpty()) {
                try (PreparedStatement ps = connection.prepareStatement(H2_UNION_UPSERT)) {
                    for (Map.Entry<Deltas.UnionMonth, long[]> e : deltas.unions.entrySet()) {
                        ps.setLong(1, e.getKey().grassrootsUnionId());
                        ps.setDate(2, Date.valueOf(e.getKey().monthStart()));
                        for (int i = 0; i < 4; i++) {
                            ps.setInt(3 + i, Math.toIntExact(e.getValue()[i]));
                        }
                        runWithRetry(ps);
                    }
                }
            }
            if (!totals.isEmpty()) {
                try (PreparedStatement ps = connection.prepareStatement(H2_TOTAL_UPSERT)) {
                    for (Map.Entry<Long, long[]> e : totals.entrySet()) {
                        ps.setLong(1, e.getKey());
                        for (int i = 0; i < 4; i++) {
                            ps.setLong(2 + i, e.getValue()[i]);
                        }
                        runWithRetry(ps);
                    }
                }
            }
        });
    }

    /**
     * PostgreSQL: rows upserted by one statement over arrays, in key order: the key's id, date (none when
     * {@code date} is null) and text parts (a dimension and a key; none when {@code texts} is null), then
     * {@code width} values (eight flows for unit rows, four for grassroots unions).
     */
    private static <K> void upsertArrays(java.sql.Connection c, String sql, Map<K, long[]> rows, int width,
                                         java.util.function.ToLongFunction<K> id,
                                         java.util.function.Function<K, LocalDate> date,
                                         java.util.function.Function<K, String[]> texts)
            throws java.sql.SQLException {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        Long[] ids = new Long[n];
        String[] dates = new String[n];
        String[][] text = new String[2][n];
        Integer[][] values = new Integer[width][n];
        int r = 0;
        for (Map.Entry<K, long[]> e : rows.entrySet()) {
            ids[r] = id.applyAsLong(e.getKey());
            dates[r] = date == null ? null : date.apply(e.getKey()).toString();
            if (texts != null) {
                String[] parts = texts.apply(e.getKey());
                text[0][r] = parts[0];
                text[1][r] = parts[1];
            }
            for (int i = 0; i < width; i++) {
                values[i][r] = Math.toIntExact(e.getValue()[i]);
            }
            r++;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int p = 1;
            ps.setArray(p++, c.createArrayOf("int8", ids));
            if (date != null) {
                ps.setArray(p++, c.createArrayOf("varchar", dates));
            }
            if (texts != null) {
                ps.setArray(p++, c.createArrayOf("varchar", text[0]));
                ps.setArray(p++, c.createArrayOf("varchar", text[1]));
            }
            for (int i = 0; i < width; i++) {
                ps.setArray(p++, c.createArrayOf("int4", values[i]));
            }
            ps.executeUpdate();
        }
    }

    /**
     * H2's MERGE is not atomic: when two transactions create the same new row at once, the second fails, with
     * 23505 (duplicate key) once the first has committed or 90131 (concurrent update) while it has not. H2 rolls
     * back only the failed statement, so it is run again after a short pause, and then finds the row and adds to
     * it. (PostgreSQL's {@code insert ... on conflict} is atomic and needs none of this.)
     */
    static void runWithRetry(PreparedStatement ps) throws java.sql.SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                ps.executeUpdate();
                return;
            } catch (java.sql.SQLException e) {
                boolean race = "23505".equals(e.getSQLState()) || e.getErrorCode() == 90131;
                if (!race || attempt == 200) {
                    throw e;
                }
                try {
                    Thread.sleep(Math.min(attempt, 20));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The stored rows, for comparing with a recount. */
    Deltas stored() {
        em.flush();
        Deltas d = new Deltas();
        List<Object[]> rows = em.createNativeQuery("select unit_id, figure_day, " + UNIT_COLUMNS
                + " from unit_day_figure", Object[].class).getResultList();
        FlowKind[] kinds = FlowKind.values();
        for (Object[] r : rows) {
            for (int k = 0; k < FlowKind.COUNT; k++) {
                d.addUnit(((Number) r[0]).longValue(), SqlValues.date(r[1]), kinds[k], ((Number) r[k + 2]).longValue());
            }
        }
        readRollup("select unit_id, month_start, " + UNIT_COLUMNS + " from unit_month_figure", d.unitMonths);
        readRollup("select unit_id, year_start, " + UNIT_COLUMNS + " from unit_year_figure", d.unitYears);
        List<Object[]> months = em.createNativeQuery("select grassroots_union_id, month_start, joined, left_count, "
                + "transfers_in, transfers_out from grassroots_union_month", Object[].class).getResultList();
        for (Object[] r : months) {
            for (int k = 0; k < 4; k++) {
                d.addUnion(((Number) r[0]).longValue(), SqlValues.date(r[1]), kinds[k], ((Number) r[k + 2]).longValue());
            }
        }
        List<Object[]> totals = em.createNativeQuery("select grassroots_union_id, joined, left_count, "
                + "transfers_in, transfers_out from grassroots_union_total", Object[].class).getResultList();
        for (Object[] r : totals) {
            d.storedUnionTotals.put(((Number) r[0]).longValue(),
                    new long[] {n(r[1]), n(r[2]), n(r[3]), n(r[4])});
        }
        dimensions.stored(d);
        return d.compact();
    }

    /** The stored rows of a rollup table (unit, period start, eight flows) into {@code into}. */
    private void readRollup(String sql, Map<Deltas.UnitDay, long[]> into) {
        for (Object[] r : rows(em.createNativeQuery(sql, Object[].class))) {
            long[] v = into.computeIfAbsent(new Deltas.UnitDay(((Number) r[0]).longValue(), SqlValues.date(r[1])),
                    k -> new long[FlowKind.COUNT]);
            for (int k = 0; k < FlowKind.COUNT; k++) {
                v[k] += ((Number) r[k + 2]).longValue();
            }
        }
    }

    void deleteAll() {
        em.flush();
        em.createNativeQuery("delete from unit_day_figure").executeUpdate();
        em.createNativeQuery("delete from unit_month_figure").executeUpdate();
        em.createNativeQuery("delete from unit_year_figure").executeUpdate();
        em.createNativeQuery("delete from grassroots_union_month").executeUpdate();
        em.createNativeQuery("delete from grassroots_union_total").executeUpdate();
        dimensions.deleteAll();
    }

    /** Up to {@code limit} grassroots union ids above {@code afterId}, in order. */
    @SuppressWarnings("unchecked")
    List<Long> grassrootsUnionIdsAfter(long afterId, int limit) {
        em.flush();
        return ((List<Number>) em.createNativeQuery("select id from grassroots_union where id > :a order by id")
                .setParameter("a", afterId).setMaxResults(limit).getResultList()).stream().map(Number::longValue)
                .toList();
    }

    boolean allGrassrootsUnionIdsEmpty() {
        return em.createNativeQuery("select 1 from grassroots_union").setMaxResults(1).getResultList().isEmpty();
    }

    List<Long> allGrassrootsUnionIds() {
        return em.createNativeQuery("select id from grassroots_union", Long.class).getResultList();
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
        if (isPostgres()) {
            // A few thousand rows found by index: PostgreSQL's cost estimate of the three-way union is high enough
            // for a parallel plan, whose worker start-up doubled the query's time (5.7 ms serial, 10.8 ms parallel,
            // for the Confederation's 83 children at 15M members). For these two queries only: the caller's
            // transaction may go on to read much more (statistics). (After a failure the transaction is over, so
            // there is nothing to restore.)
            em.createNativeQuery("set local max_parallel_workers_per_gather = 0").executeUpdate();
            atStart = cumulative(unitIds, start);
            atEnd = start.equals(to) ? atStart : cumulative(unitIds, to);
            em.createNativeQuery("set local max_parallel_workers_per_gather to default").executeUpdate();
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
            result.put(u, new UnitTotals(memberStock(a), memberStock(e), e[0] - a[0], e[1] - a[1], e[2] - a[2],
                    e[3] - a[3], unionStock(a), unionStock(e)));
        }
        return result;
    }

    /**
     * PostgreSQL: per unit, each of the eight flows summed over all its figures up to and including day x, for
     * all the units in one round trip. (H2 checks a long IN list of parameters row by row instead of seeking each
     * value in the primary key, 1.7 s for the Confederation's 83 children at 1M members, so it reads one unit per
     * query instead: {@link #cumulativeOnBoth}.) The caller has turned parallel plans off.
     */
    private Map<Long, long[]> cumulative(Collection<Long> unitIds, LocalDate x) {
        // Whole years before x's year come from the yearly rollup, the months of x's year before x's month from the
        // monthly one, x's month from its day rows up to x. When x is the last day of its month, the rollups alone
        // answer (the day-row range is then empty).
        LocalDate firstDetailDay = firstDetailDay(x);
        Map<Long, long[]> result = new HashMap<>();
        sumInto(result, List.copyOf(unitIds), firstDetailDay, x);
        return result;
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
            atA[i] = n(r[i]);
            atE[i] = n(r[FlowKind.COUNT + i]);
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
            into[i] += n(r[i]);
        }
    }

    /** The first day whose figures are read from day rows: x's month's first day, or x + 1 when x ends its month. */
    private static LocalDate firstDetailDay(LocalDate x) {
        return isMonthEnd(x) ? x.plusDays(1) : x.withDayOfMonth(1);
    }

    private static String sums(String template) {
        return java.util.Arrays.stream(UNIT_COLUMNS.split(", ")).map(template::formatted)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static final String YEARS_BEFORE_BOTH = "select " + sums("sum(case when year_start < :ya then %s else 0 end)")
            + ", " + sums("sum(%s)") + " from unit_year_figure where unit_id = :u and year_start < :ye";

    private static final String MONTHS_BETWEEN = "select " + sums("sum(%s)")
            + " from unit_month_figure where unit_id = :u and month_start >= :f and month_start < :t";

    private static final String DAYS_BETWEEN = "select " + sums("sum(%s)")
            + " from unit_day_figure where unit_id = :u and figure_day >= :f and figure_day < :t";

    private void sumInto(Map<Long, long[]> result, List<Long> unitIds, LocalDate firstDetailDay, LocalDate x) {
        for (Object[] r : rows(em.createNativeQuery("select unit_id, " + sums("sum(%s)") + " from ("
                + "select unit_id, " + UNIT_COLUMNS + " from unit_year_figure where unit_id in (:ids) and year_start < :y "
                + "union all select unit_id, " + UNIT_COLUMNS + " from unit_month_figure "
                + "where unit_id in (:ids) and month_start >= :y and month_start < :m "
                + "union all select unit_id, " + UNIT_COLUMNS + " from unit_day_figure "
                + "where unit_id in (:ids) and figure_day >= :m and figure_day <= :x) f group by unit_id", Object[].class)
                .setParameter("ids", unitIds).setParameter("y", firstDetailDay.withDayOfYear(1))
                .setParameter("m", firstDetailDay).setParameter("x", x))) {
            long[] v = new long[FlowKind.COUNT];
            for (int i = 0; i < FlowKind.COUNT; i++) {
                v[i] = n(r[i + 1]);
            }
            result.put(((Number) r[0]).longValue(), v);
        }
    }

    /**
     * A unit's figures up to the last of {@code days}, oldest first, as few rows as answer every one of those
     * days exactly (and every month end): a month that holds none of the days (or only its last day) is one
     * row dated on its last day, from the rollup; a month that holds a day before its end comes as its day rows.
     */
    List<DayFigure> curveRows(long unitId, Collection<LocalDate> days) {
        if (days.isEmpty()) {
            return List.of();
        }
        LocalDate last = java.util.Collections.max(days);
        java.util.TreeSet<LocalDate> detailMonths = new java.util.TreeSet<>();
        for (LocalDate x : days) {
            if (!isMonthEnd(x)) {
                detailMonths.add(x.withDayOfMonth(1));
            }
        }
        List<DayFigure> result = new ArrayList<>();
        for (Object[] r : rows(em.createNativeQuery("""
                select month_start, joined, left_count, transfers_in, transfers_out,
                       unions_founded + unions_moved_in - unions_dissolved - unions_moved_out
                from unit_month_figure where unit_id = :u and month_start <= :m
                """, Object[].class).setParameter("u", unitId).setParameter("m", last.withDayOfMonth(1)))) {
            LocalDate month = SqlValues.date(r[0]);
            if (!detailMonths.contains(month)) {
                result.add(new DayFigure(month.withDayOfMonth(month.lengthOfMonth()), n(r[1]), n(r[2]), n(r[3]),
                        n(r[4]), n(r[5])));
            }
        }
        if (!detailMonths.isEmpty()) {
            StringBuilder ranges = new StringBuilder();
            int i = 0;
            for (LocalDate m : detailMonths) {
                ranges.append(i == 0 ? "" : " or ").append("(figure_day >= :a").append(i)
                        .append(" and figure_day <= :b").append(i).append(')');
                i++;
            }
            jakarta.persistence.Query q = em.createNativeQuery("""
                    select figure_day, joined, left_count, transfers_in, transfers_out,
                           unions_founded + unions_moved_in - unions_dissolved - unions_moved_out
                    from unit_day_figure where unit_id = :u and (""" + ranges + ")", Object[].class)
                    .setParameter("u", unitId);
            i = 0;
            for (LocalDate m : detailMonths) {
                LocalDate end = m.withDayOfMonth(m.lengthOfMonth());
                q.setParameter("a" + i, m).setParameter("b" + i, end.isAfter(last) ? last : end);
                i++;
            }
            for (Object[] r : rows(q)) {
                result.add(new DayFigure(SqlValues.date(r[0]), n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5])));
            }
        }
        result.sort(java.util.Comparator.comparing(DayFigure::day));
        return result;
    }

    private static boolean isMonthEnd(LocalDate x) {
        return x.getDayOfMonth() == x.lengthOfMonth();
    }

    private static long memberStock(long[] v) {
        return v[0] + v[2] - v[1] - v[3];
    }

    private static long unionStock(long[] v) {
        return v[4] + v[6] - v[5] - v[7];
    }

    /** {eligible, covered}: enterprises of at least minWorkforce recruited by these units, and those with an active union on d. */
    long[] coverage(Collection<Long> unitIds, int minWorkforce, LocalDate d) {
        if (unitIds.isEmpty()) {
            return new long[] {0, 0};
        }
        Object[] r = (Object[]) em.createNativeQuery("""
                select count(*),
                       sum(case when exists (select 1 from grassroots_union g where g.enterprise_id = e.id
                                   and g.founded_on <= :d and (g.dissolved_on is null or g.dissolved_on > :d))
                           then 1 else 0 end)
                from enterprise e
                where e.upper_level_unit_id in (:units) and e.workforce >= :min
                """, Object[].class)
                .setParameter("units", unitIds).setParameter("min", minWorkforce).setParameter("d", d)
                .getSingleResult();
        return new long[] {n(r[0]), n(r[1])};
    }

    /**
     * The grassroots unions placed directly under a unit on d, each with its figures on b and on d (flows in
     * (b, d]), from its monthly rows corrected by the stays that start or end after b or d in their month.
     */
    Map<Long, Figures.Point[]> grassrootsPoints(long unitId, LocalDate b, LocalDate d) {
        List<Long> ids = em.createNativeQuery("""
                select grassroots_union_id from grassroots_union_link
                where unit_id = :u and valid_from <= :d and (valid_to is null or valid_to > :d)
                """, Long.class).setParameter("u", unitId).setParameter("d", d).getResultList();
        Map<Long, Figures.Point[]> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        Map<Long, long[]> monthly = new HashMap<>();
        for (Object[] r : rows(em.createNativeQuery("""
                select grassroots_union_id,
                  sum(case when month_start <= :mb then joined + transfers_in - left_count - transfers_out else 0 end),
                  sum(case when month_start <= :md then joined + transfers_in - left_count - transfers_out else 0 end),
                  sum(case when month_start > :mb and month_start <= :md then joined else 0 end),
                  sum(case when month_start > :mb and month_start <= :md then left_count else 0 end),
                  sum(case when month_start > :mb and month_start <= :md then transfers_in else 0 end),
                  sum(case when month_start > :mb and month_start <= :md then transfers_out else 0 end)
                from grassroots_union_month where grassroots_union_id in (:ids)
                group by grassroots_union_id
                """, Object[].class).setParameter("ids", ids)
                .setParameter("mb", b.withDayOfMonth(1)).setParameter("md", d.withDayOfMonth(1)))) {
            monthly.put(((Number) r[0]).longValue(),
                    new long[] {n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6])});
        }
        Map<Long, long[]> afterB = eventsAfterInMonth(ids, b);
        Map<Long, long[]> afterD = eventsAfterInMonth(ids, d);
        Map<Long, long[]> unions = new HashMap<>();
        for (Object[] r : rows(em.createNativeQuery("""
                select id,
                  case when founded_on <= :b and (dissolved_on is null or dissolved_on > :b) then 1 else 0 end,
                  case when founded_on <= :d and (dissolved_on is null or dissolved_on > :d) then 1 else 0 end
                from grassroots_union where id in (:ids)
                """, Object[].class).setParameter("ids", ids).setParameter("b", b).setParameter("d", d))) {
            unions.put(((Number) r[0]).longValue(), new long[] {n(r[1]), n(r[2])});
        }
        for (Long g : ids) {
            long[] m = monthly.getOrDefault(g, new long[6]);
            long[] eb = afterB.getOrDefault(g, new long[4]);
            long[] ed = afterD.getOrDefault(g, new long[4]);
            long[] u = unions.getOrDefault(g, new long[2]);
            long atB = m[0] - (eb[0] + eb[2] - eb[1] - eb[3]);
            long atD = m[1] - (ed[0] + ed[2] - ed[1] - ed[3]);
            result.put(g, new Figures.Point[] {
                new Figures.Point(b, atB, u[0], 0, 0, 0, 0, Figures.Source.REGISTRY),
                new Figures.Point(d, atD, u[1], m[2] + eb[0] - ed[0], m[3] + eb[1] - ed[1],
                        m[4] + eb[2] - ed[2], m[5] + eb[3] - ed[3], Figures.Source.REGISTRY)});
        }
        return result;
    }

    /** Per grassroots union: joins, departures, transfers in and out dated after x and within x's month. */
    private Map<Long, long[]> eventsAfterInMonth(List<Long> ids, LocalDate x) {
        LocalDate end = x.withDayOfMonth(x.lengthOfMonth());
        Map<Long, long[]> result = new HashMap<>();
        if (!x.isBefore(end)) {
            return result;
        }
        for (Object[] r : rows(em.createNativeQuery("""
                select p.grassroots_union_id,
                  sum(case when p.start_on > :x and p.start_on <= :e and not exists (select 1 from membership_period q
                        where q.member_id = p.member_id and q.id <> p.id and q.end_on = p.start_on
                          and q.end_reason = 'TRANSFER') then 1 else 0 end),
                  sum(case when p.end_on > :x and p.end_on <= :e and p.end_reason <> 'TRANSFER' then 1 else 0 end),
                  sum(case when p.start_on > :x and p.start_on <= :e and exists (select 1 from membership_period q
                        where q.member_id = p.member_id and q.id <> p.id and q.end_on = p.start_on
                          and q.end_reason = 'TRANSFER') then 1 else 0 end),
                  sum(case when p.end_on > :x and p.end_on <= :e and p.end_reason = 'TRANSFER' then 1 else 0 end)
                from membership_period p
                where p.grassroots_union_id in (:ids)
                  and ((p.start_on > :x and p.start_on <= :e) or (p.end_on > :x and p.end_on <= :e))
                group by p.grassroots_union_id
                """, Object[].class).setParameter("ids", ids).setParameter("x", x).setParameter("e", end))) {
            result.put(((Number) r[0]).longValue(), new long[] {n(r[1]), n(r[2]), n(r[3]), n(r[4])});
        }
        return result;
    }

    /** A reported monthly count of a grassroots union: {members, joined, left} (null when not reported). */
    record CountRow(long grassrootsUnionId, LocalDate month, Long members, Long joined, Long left) {
    }

    /** Counts up to {@code lastMonth} of grassroots unions ever placed under any of the units. */
    List<CountRow> countsUnder(Collection<Long> unitIds, LocalDate lastMonth) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        // Few grassroots unions report counts; a national subtree has over a thousand units. Read the counts up
        // to the month, then keep those of unions ever placed under one of the units (their own links only), so
        // the query never binds the whole subtree.
        List<CountRow> counts = new ArrayList<>();
        for (Object[] r : rows(em.createNativeQuery("""
                select c.grassroots_union_id, c.month_start, c.members, c.joined, c.left_count
                from grassroots_union_member_count c
                where c.month_start <= :m
                order by c.month_start
                """, Object[].class).setParameter("m", lastMonth))) {
            counts.add(new CountRow(((Number) r[0]).longValue(), SqlValues.date(r[1]), nullable(r[2]), nullable(r[3]),
                    nullable(r[4])));
        }
        if (counts.isEmpty()) {
            return counts;
        }
        Set<Long> wanted = unitIds instanceof Set<Long> set ? set : new HashSet<>(unitIds);
        Set<Long> under = new HashSet<>();
        for (Map.Entry<Long, List<Timeline.Placement>> e
                : placementsOfMany(counts.stream().map(CountRow::grassrootsUnionId).distinct().toList()).entrySet()) {
            if (e.getValue().stream().anyMatch(p -> wanted.contains(p.unitId()))) {
                under.add(e.getKey());
            }
        }
        return counts.stream().filter(c -> under.contains(c.grassrootsUnionId())).toList();
    }

    Map<Long, List<Timeline.Placement>> placementsOfMany(Collection<Long> grassrootsUnionIds) {
        Map<Long, List<Timeline.Placement>> result = new HashMap<>();
        if (grassrootsUnionIds.isEmpty()) {
            return result;
        }
        for (Object[] r : rows(em.createNativeQuery("""
                select grassroots_union_id, unit_id, valid_from, valid_to from grassroots_union_link
                where grassroots_union_id in (:ids) order by valid_from
                """, Object[].class).setParameter("ids", grassrootsUnionIds))) {
            result.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                    .add(new Timeline.Placement(((Number) r[1]).longValue(), SqlValues.date(r[2]), SqlValues.date(r[3])));
        }
        return result;
    }

    /** Each union's monthly rows {joined, left, transfers in, transfers out}, by month. */
    Map<Long, java.util.TreeMap<LocalDate, long[]>> unionMonths(Collection<Long> grassrootsUnionIds) {
        Map<Long, java.util.TreeMap<LocalDate, long[]>> result = new HashMap<>();
        if (grassrootsUnionIds.isEmpty()) {
            return result;
        }
        for (Object[] r : rows(em.createNativeQuery("""
                select grassroots_union_id, month_start, joined, left_count, transfers_in, transfers_out
                from grassroots_union_month where grassroots_union_id in (:ids)
                """, Object[].class).setParameter("ids", grassrootsUnionIds))) {
            result.computeIfAbsent(((Number) r[0]).longValue(), k -> new java.util.TreeMap<>())
                    .put(SqlValues.date(r[1]), new long[] {n(r[2]), n(r[3]), n(r[4]), n(r[5])});
        }
        return result;
    }

    private static Long nullable(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(jakarta.persistence.Query query) {
        return query.getResultList();
    }

    private boolean isPostgres() {
        Boolean p = postgres;
        if (p == null) {
            p = em.unwrap(Session.class).doReturningWork(c ->
                    c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres"));
            postgres = p;
        }
        return p;
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }


    private static final String UNIT_SET = "joined = %1$s.joined + excluded.joined, "
            + "left_count = %1$s.left_count + excluded.left_count, "
            + "transfers_in = %1$s.transfers_in + excluded.transfers_in, "
            + "transfers_out = %1$s.transfers_out + excluded.transfers_out, "
            + "unions_founded = %1$s.unions_founded + excluded.unions_founded, "
            + "unions_dissolved = %1$s.unions_dissolved + excluded.unions_dissolved, "
            + "unions_moved_in = %1$s.unions_moved_in + excluded.unions_moved_in, "
            + "unions_moved_out = %1$s.unions_moved_out + excluded.unions_moved_out";

    /** Rows come in key order from the arrays (unnest keeps their order), so concurrent writers lock alike. */
    private static final String PG_UNIT_UPSERT_ARRAYS = "insert into unit_day_figure (unit_id, figure_day, "
            + UNIT_COLUMNS + ") select u, cast(d as date), j, l, ti, tou, uf, ud, umi, umo "
            + "from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) as r(u, d, j, l, ti, tou, uf, ud, umi, umo) "
            + "on conflict (unit_id, figure_day) do update set " + UNIT_SET.formatted("unit_day_figure");

    private static final String PG_MONTH_UPSERT_ARRAYS = "insert into unit_month_figure (unit_id, month_start, "
            + UNIT_COLUMNS + ") select u, cast(d as date), j, l, ti, tou, uf, ud, umi, umo "
            + "from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) as r(u, d, j, l, ti, tou, uf, ud, umi, umo) "
            + "on conflict (unit_id, month_start) do update set " + UNIT_SET.formatted("unit_month_figure");

    private static final String PG_YEAR_UPSERT_ARRAYS = "insert into unit_year_figure (unit_id, year_start, "
            + UNIT_COLUMNS + ") select u, cast(d as date), j, l, ti, tou, uf, ud, umi, umo "
            + "from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) as r(u, d, j, l, ti, tou, uf, ud, umi, umo) "
            + "on conflict (unit_id, year_start) do update set " + UNIT_SET.formatted("unit_year_figure");

    private static final String PG_UNION_UPSERT_ARRAYS = "insert into grassroots_union_month (grassroots_union_id, "
            + "month_start, joined, left_count, transfers_in, transfers_out) "
            + "select g, cast(m as date), j, l, ti, tou from unnest(?, ?, ?, ?, ?, ?) as r(g, m, j, l, ti, tou) "
            + "on conflict (grassroots_union_id, month_start) do update set "
            + "joined = grassroots_union_month.joined + excluded.joined, "
            + "left_count = grassroots_union_month.left_count + excluded.left_count, "
            + "transfers_in = grassroots_union_month.transfers_in + excluded.transfers_in, "
            + "transfers_out = grassroots_union_month.transfers_out + excluded.transfers_out";

    private static final String PG_TOTAL_UPSERT_ARRAYS = "insert into grassroots_union_total (grassroots_union_id, "
            + "joined, left_count, transfers_in, transfers_out) "
            + "select g, j, l, ti, tou from unnest(?, ?, ?, ?, ?) as r(g, j, l, ti, tou) "
            + "on conflict (grassroots_union_id) do update set "
            + "joined = grassroots_union_total.joined + excluded.joined, "
            + "left_count = grassroots_union_total.left_count + excluded.left_count, "
            + "transfers_in = grassroots_union_total.transfers_in + excluded.transfers_in, "
            + "transfers_out = grassroots_union_total.transfers_out + excluded.transfers_out";

    private static final String H2_UNIT_UPSERT = "merge into unit_day_figure t using (values (cast(? as bigint), "
            + "cast(? as date), cast(? as int), cast(? as int), cast(? as int), cast(? as int), cast(? as int), "
            + "cast(? as int), cast(? as int), cast(? as int))) "
            + "s(unit_id, figure_day, j, l, ti, tou, uf, ud, umi, umo) "
            + "on t.unit_id = s.unit_id and t.figure_day = s.figure_day "
            + "when matched then update set joined = t.joined + s.j, left_count = t.left_count + s.l, "
            + "transfers_in = t.transfers_in + s.ti, transfers_out = t.transfers_out + s.tou, "
            + "unions_founded = t.unions_founded + s.uf, unions_dissolved = t.unions_dissolved + s.ud, "
            + "unions_moved_in = t.unions_moved_in + s.umi, unions_moved_out = t.unions_moved_out + s.umo "
            + "when not matched then insert (unit_id, figure_day, " + UNIT_COLUMNS + ") "
            + "values (s.unit_id, s.figure_day, s.j, s.l, s.ti, s.tou, s.uf, s.ud, s.umi, s.umo)";

    private static final String H2_UNION_UPSERT = "merge into grassroots_union_month t using (values ("
            + "cast(? as bigint), cast(? as date), cast(? as int), cast(? as int), cast(? as int), cast(? as int))) "
            + "s(gid, m, j, l, ti, tou) on t.grassroots_union_id = s.gid and t.month_start = s.m "
            + "when matched then update set joined = t.joined + s.j, left_count = t.left_count + s.l, "
            + "transfers_in = t.transfers_in + s.ti, transfers_out = t.transfers_out + s.tou "
            + "when not matched then insert (grassroots_union_id, month_start, joined, left_count, transfers_in, "
            + "transfers_out) values (s.gid, s.m, s.j, s.l, s.ti, s.tou)";

    private static final String H2_TOTAL_UPSERT = "merge into grassroots_union_total t using (values ("
            + "cast(? as bigint), cast(? as bigint), cast(? as bigint), cast(? as bigint), cast(? as bigint))) "
            + "s(gid, j, l, ti, tou) on t.grassroots_union_id = s.gid "
            + "when matched then update set joined = t.joined + s.j, left_count = t.left_count + s.l, "
            + "transfers_in = t.transfers_in + s.ti, transfers_out = t.transfers_out + s.tou "
            + "when not matched then insert (grassroots_union_id, joined, left_count, transfers_in, transfers_out) "
            + "values (s.gid, s.j, s.l, s.ti, s.tou)";

    private static final String H2_MONTH_UPSERT = H2_UNIT_UPSERT.replace("unit_day_figure", "unit_month_figure")
            .replace("figure_day", "month_start");

    private static final String H2_YEAR_UPSERT = H2_UNIT_UPSERT.replace("unit_day_figure", "unit_year_figure")
            .replace("figure_day", "year_start");
}
