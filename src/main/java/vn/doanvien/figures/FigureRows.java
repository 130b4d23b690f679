package vn.doanvien.figures;

import static vn.doanvien.common.SqlValues.rows;
import static vn.doanvien.common.SqlValues.number;

import jakarta.enterprise.context.ApplicationScoped;
import vn.doanvien.common.DatabaseKind;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import vn.doanvien.common.SqlValues;

/**
 * The maintained figure rows as a whole: the write path adds deltas to them ({@link #apply}, one statement per
 * table on PostgreSQL, a MERGE per row on H2), and the recount reads them all back ({@link #stored}) or empties
 * them for a rebuild ({@link #deleteAll}). The rows by dimension go along ({@link DimensionFiguresRepository}).
 * Reading figures for answers is {@link FiguresRepository}.
 */
@ApplicationScoped
class FigureRows {

    static final String UNIT_COLUMNS = "joined, left_count, transfers_in, transfers_out, "
            + "unions_founded, unions_dissolved, unions_moved_in, unions_moved_out";

    private final EntityManager em;
    private final DimensionFiguresRepository dimensions;
    private final DatabaseKind database;

    FigureRows(EntityManager em, DimensionFiguresRepository dimensions, DatabaseKind database) {
        this.em = em;
        this.dimensions = dimensions;
        this.database = database;
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
        boolean pg = database.isPostgres();
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
                    new long[] {number(r[1]), number(r[2]), number(r[3]), number(r[4])});
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
