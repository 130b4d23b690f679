package vn.doanvien.figures;

import static vn.doanvien.common.SqlValues.text;

import vn.doanvien.common.DatabaseKind;
import vn.doanvien.common.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.Session;

/**
 * Reads and writes {@code unit_dimension_figure}: the member flows of a unit by the value of a dimension, per day
 * (grain D), month (M) and year (Y). The top three units of each chain keep these rows: the Confederation and the
 * level-2 units per day, month and year; the level-3 units per month and year, and per day for recent days only
 * ({@link LevelThree}). There a statistic sums a few dozen rows per value; below them, and at level 3 for an older
 * day, the scope is small enough to be computed from the stays themselves (the same flows, from the same code, from
 * the inputs that {@link DimensionSources} reads).
 */
@ApplicationScoped
class DimensionFiguresRepository {

    /** Above this many rows H2 gets them as one JDBC batch instead of one statement each (with a retry). */
    private static final int BATCH = 200;

    static final String FLOWS = "joined, left_count, transfers_in, transfers_out, unions_founded, unions_dissolved, "
            + "unions_moved_in, unions_moved_out, reclassified_in, reclassified_out, workforce, members_with_workforce";

    private final EntityManager em;
    private final DatabaseKind database;

    DimensionFiguresRepository(EntityManager em, DatabaseKind database) {
        this.em = em;
        this.database = database;
    }

    /** Adds the deltas' rows by dimension (day, month and year), in key order, inside the caller's work. */
    void apply(Connection c, boolean pg, Deltas deltas) throws SQLException {
        apply(c, pg, deltas, false);
    }

    /**
     * As {@link #apply(Connection, boolean, Deltas)}; {@code intoEmpty} says the table was emptied in this
     * transaction (a rebuild), so on H2 the rows go in as batched plain inserts rather than one MERGE each.
     */
    void apply(Connection c, boolean pg, Deltas deltas, boolean intoEmpty) throws SQLException {
        if (deltas.dims.isEmpty() && deltas.thirdMonths.isEmpty()) {
            return;
        }
        Map<String, TreeMap<Deltas.DimDay, long[]>> grains = deltas.dimGrains();
        if (pg) {
            upsertArrays(c, grains);
            return;
        }
        int rows = grains.values().stream().mapToInt(Map::size).sum();
        boolean batched = intoEmpty || rows > BATCH;
        int pending = 0;
        try (PreparedStatement ps = c.prepareStatement(intoEmpty ? H2_INSERT : H2_UPSERT)) {
            for (Map.Entry<String, TreeMap<Deltas.DimDay, long[]>> grain : grains.entrySet()) {
                for (Map.Entry<Deltas.DimDay, long[]> e : grain.getValue().entrySet()) {
                    ps.setLong(1, e.getKey().unitId());
                    ps.setString(2, e.getKey().dimension().name());
                    ps.setString(3, grain.getKey());
                    ps.setDate(4, Date.valueOf(e.getKey().day()));
                    ps.setString(5, e.getKey().value());
                    for (int i = 0; i < FlowKind.DIMENSION_COUNT; i++) {
                        ps.setLong(6 + i, e.getValue()[i]);
                    }
                    if (batched) {
                        // a rebuild or a bulk request: batched (a race with another writer fails the batch and
                        // the transaction, which is then retried like any conflict)
                        ps.addBatch();
                        if (++pending == 1000) {
                            ps.executeBatch();
                            pending = 0;
                        }
                    } else {
                        FigureRows.runWithRetry(ps);
                    }
                }
            }
            if (batched && pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /** PostgreSQL: every row of every grain in one statement over arrays. */
    private static void upsertArrays(Connection c, Map<String, TreeMap<Deltas.DimDay, long[]>> grains)
            throws SQLException {
        int n = grains.values().stream().mapToInt(Map::size).sum();
        Long[] units = new Long[n];
        String[] dimensions = new String[n];
        String[] grainOf = new String[n];
        String[] periods = new String[n];
        String[] values = new String[n];
        Long[][] flows = new Long[FlowKind.DIMENSION_COUNT][n];
        int r = 0;
        for (Map.Entry<String, TreeMap<Deltas.DimDay, long[]>> grain : grains.entrySet()) {
            for (Map.Entry<Deltas.DimDay, long[]> e : grain.getValue().entrySet()) {
                units[r] = e.getKey().unitId();
                dimensions[r] = e.getKey().dimension().name();
                grainOf[r] = grain.getKey();
                periods[r] = e.getKey().day().toString();
                values[r] = e.getKey().value();
                for (int i = 0; i < FlowKind.DIMENSION_COUNT; i++) {
                    flows[i][r] = e.getValue()[i];
                }
                r++;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(PG_UPSERT)) {
            int p = 1;
            ps.setArray(p++, c.createArrayOf("int8", units));
            ps.setArray(p++, c.createArrayOf("varchar", dimensions));
            ps.setArray(p++, c.createArrayOf("varchar", grainOf));
            ps.setArray(p++, c.createArrayOf("varchar", periods));
            ps.setArray(p++, c.createArrayOf("varchar", values));
            for (int i = 0; i < FlowKind.DIMENSION_COUNT; i++) {
                ps.setArray(p++, c.createArrayOf("int8", flows[i]));
            }
            ps.executeUpdate();
        }
    }

    /** The stored rows, into {@code into} (days, and the stored month and year rows), for a recount's comparison. */
    void stored(Deltas into) {
        em.flush();
        List<Dimension> kept = Dimension.kept();
        for (Object[] r : rows("select unit_id, dimension, grain, period_start, val, " + FLOWS
                + " from unit_dimension_figure")) {
            Dimension dimension = Dimension.valueOf(text(r[1]));
            if (!kept.contains(dimension)) {
                continue; // left by a pair no longer kept: read by nothing, compared with nothing
            }
            Deltas.DimDay key = new Deltas.DimDay(((Number) r[0]).longValue(), dimension,
                    text(r[4]), SqlValues.date(r[3]));
            long[] v = new long[FlowKind.DIMENSION_COUNT];
            for (int i = 0; i < v.length; i++) {
                v[i] = ((Number) r[5 + i]).longValue();
            }
            Map<Deltas.DimDay, long[]> target = switch (text(r[2]).trim()) {
                case "D" -> into.dims;
                case "M" -> into.storedDimMonths;
                default -> into.storedDimYears;
            };
            target.put(key, v);
        }
    }

    /**
     * Deletes the day rows before {@code before} of {@code level3}, units that never were at the top two levels (their
     * rows are a level-3 unit's): no longer written nor read ({@link LevelThree}). One index range per unit and
     * dimension.
     */
    int deleteDayRowsBefore(LocalDate before, List<Long> level3) {
        em.flush();
        int deleted = 0;
        for (int from = 0; from < level3.size(); from += 500) {
            List<Long> step = level3.subList(from, Math.min(level3.size(), from + 500));
            // one range of the primary key per unit and dimension (with grain and a bound on the day)
            deleted += em.createNativeQuery("delete from unit_dimension_figure where unit_id in (:units) "
                    + "and dimension in (:dimensions) and grain = 'D' and period_start < :before")
                    .setParameter("units", step)
                    .setParameter("dimensions", java.util.Arrays.stream(Dimension.values())
                            .filter(LevelThree::keeps).map(Dimension::name).toList())
                    .setParameter("before", before).executeUpdate();
        }
        return deleted;
    }

    void deleteAll() {
        em.flush();
        em.createNativeQuery("delete from unit_dimension_figure").executeUpdate();
    }

    /** Whether any row by dimension is stored (none right after the migration that introduced them). */
    boolean isEmpty() {
        return em.createNativeQuery("select 1 from unit_dimension_figure").setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Sums of the flows of {@code unitId} by value of {@code dimension} over the days [from, to]: the day rows of
     * the partial months at both ends, the month rows of the partial years, the year rows in between.
     */
    Map<String, long[]> sums(long unitId, Dimension dimension, LocalDate from, LocalDate to) {
        Map<String, long[]> result = new HashMap<>();
        if (to.isBefore(from)) {
            return result;
        }
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (GrainRange r : GrainRange.decompose(from, to)) {
            where.add("(grain = ? and period_start >= ? and period_start <= ?)");
            params.add(r.grain());
            params.add(r.from());
            params.add(r.to());
        }
        var q = em.createNativeQuery("select val, sum(joined), sum(left_count), sum(transfers_in), sum(transfers_out), "
                + "sum(unions_founded), sum(unions_dissolved), sum(unions_moved_in), sum(unions_moved_out), "
                + "sum(reclassified_in), sum(reclassified_out), sum(workforce), sum(members_with_workforce) "
                + "from unit_dimension_figure where unit_id = ? and "
                + "dimension = ? and (" + String.join(" or ", where) + ") group by val", Object[].class);
        int p = 1;
        q.setParameter(p++, unitId);
        q.setParameter(p++, dimension.name());
        for (Object o : params) {
            q.setParameter(p++, o);
        }
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            long[] v = new long[FlowKind.DIMENSION_COUNT];
            for (int i = 0; i < v.length; i++) {
                v[i] = r[1 + i] == null ? 0 : ((Number) r[1 + i]).longValue();
            }
            result.put(text(r[0]), v);
        }
        return result;
    }

    /**
     * The workforce of the active grassroots unions' enterprises and the members of those unions on {@code on}, for
     * each of {@code unitIds} (units whose rows are kept), in one query: the stock columns summed over every value of
     * SIZE_BAND (each union's workplace is in exactly one band).
     */
    Map<Long, long[]> workforceOfMany(Collection<Long> unitIds, LocalDate on) {
        Map<Long, long[]> result = new HashMap<>();
        if (unitIds.isEmpty()) {
            return result;
        }
        List<GrainRange> ranges = GrainRange.decompose(DimensionFigures.EPOCH, on);
        if (database.isPostgres()) {
            em.unwrap(Session.class).doWork(c -> workforceOnPostgres(c, unitIds, ranges, result));
            return result;
        }
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (GrainRange r : ranges) {
            where.add("(grain = ? and period_start >= ? and period_start <= ?)");
            params.add(r.grain());
            params.add(r.from());
            params.add(r.to());
        }
        var q = em.createNativeQuery("select unit_id, sum(workforce), sum(members_with_workforce) "
                + "from unit_dimension_figure where unit_id in ("
                + String.join(", ", java.util.Collections.nCopies(unitIds.size(), "?")) + ") and dimension = ? and ("
                + String.join(" or ", where) + ") group by unit_id", Object[].class);
        int p = 1;
        for (Long id : unitIds) {
            q.setParameter(p++, id);
        }
        q.setParameter(p++, Dimension.SIZE_BAND.name());
        for (Object o : params) {
            q.setParameter(p++, o);
        }
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            result.put(((Number) r[0]).longValue(), new long[] {r[1] == null ? 0 : ((Number) r[1]).longValue(),
                    r[2] == null ? 0 : ((Number) r[2]).longValue()});
        }
        return result;
    }

    /**
     * PostgreSQL: the units and the grain ranges as arrays joined to the table, so that each (unit, range) is one
     * index range of the primary key. As a list of units and an OR of the ranges (H2's statement above) the plan
     * PostgreSQL keeps for the prepared statement rechecked each of the ~7,900 rows of the Confederation's 83
     * children against the whole list: 10.3 ms a call at 15 M members against 6.3 ms this way, asOf today
     * (bench/stats/RESULTS.md). The arrays keep the statement, and its plan, the same for any number of units.
     */
    private static void workforceOnPostgres(Connection c, Collection<Long> unitIds, List<GrainRange> ranges,
                                            Map<Long, long[]> into) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(PG_WORKFORCE)) {
            ps.setArray(1, c.createArrayOf("bigint", unitIds.toArray()));
            ps.setArray(2, c.createArrayOf("varchar", ranges.stream().map(GrainRange::grain).toArray()));
            ps.setArray(3, c.createArrayOf("varchar", ranges.stream().map(r -> r.from().toString()).toArray()));
            ps.setArray(4, c.createArrayOf("varchar", ranges.stream().map(r -> r.to().toString()).toArray()));
            ps.setString(5, Dimension.SIZE_BAND.name());
            try (var r = ps.executeQuery()) {
                while (r.next()) {
                    into.put(r.getLong(1), new long[] {r.getLong(2), r.getLong(3)});
                }
            }
        }
    }

    private static final String PG_WORKFORCE = "select f.unit_id, sum(f.workforce), sum(f.members_with_workforce) "
            + "from unnest(cast(? as bigint[])) as u(id) "
            + "cross join unnest(cast(? as char(1)[]), cast(? as date[]), cast(? as date[])) as r(g, lo, hi) "
            + "join unit_dimension_figure f on f.unit_id = u.id and f.dimension = ? and f.grain = r.g "
            + "and f.period_start >= r.lo and f.period_start <= r.hi group by f.unit_id";

    private List<Object[]> rows(String sql) {
        return SqlValues.rows(em.createNativeQuery(sql, Object[].class));
    }

    private static final String PG_UPSERT = "insert into unit_dimension_figure (unit_id, dimension, grain, "
            + "period_start, val, " + FLOWS + ") select u, d, g, cast(p as date), v, j, l, ti, tt, uf, ud, ui, uo, ri, ro, wf, wm "
            + "from unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[]) "
            + "as x(u, d, g, p, v, j, l, ti, tt, uf, ud, ui, uo, ri, ro, wf, wm) "
            + "on conflict (unit_id, dimension, grain, period_start, val) do update set "
            + "joined = unit_dimension_figure.joined + excluded.joined, "
            + "left_count = unit_dimension_figure.left_count + excluded.left_count, "
            + "transfers_in = unit_dimension_figure.transfers_in + excluded.transfers_in, "
            + "transfers_out = unit_dimension_figure.transfers_out + excluded.transfers_out, "
            + "unions_founded = unit_dimension_figure.unions_founded + excluded.unions_founded, "
            + "unions_dissolved = unit_dimension_figure.unions_dissolved + excluded.unions_dissolved, "
            + "unions_moved_in = unit_dimension_figure.unions_moved_in + excluded.unions_moved_in, "
            + "unions_moved_out = unit_dimension_figure.unions_moved_out + excluded.unions_moved_out, "
            + "reclassified_in = unit_dimension_figure.reclassified_in + excluded.reclassified_in, "
            + "reclassified_out = unit_dimension_figure.reclassified_out + excluded.reclassified_out, "
            + "workforce = unit_dimension_figure.workforce + excluded.workforce, "
            + "members_with_workforce = unit_dimension_figure.members_with_workforce + excluded.members_with_workforce";

    private static final String H2_INSERT = "insert into unit_dimension_figure (unit_id, dimension, grain, "
            + "period_start, val, " + FLOWS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String H2_UPSERT = "merge into unit_dimension_figure t using (values (cast(? as bigint), "
            + "cast(? as varchar(24)), cast(? as char(1)), cast(? as date), cast(? as varchar(32)), cast(? as bigint), cast(? as bigint), cast(? as bigint), cast(? as bigint), cast(? as bigint), cast(? as bigint), cast(? as bigint), cast(? as bigint), cast(? as bigint), cast(? as bigint), cast(? as bigint), cast(? as bigint))) "
            + "s(u, d, g, p, v, j, l, ti, tt, uf, ud, ui, uo, ri, ro, wf, wm) on t.unit_id = s.u and t.dimension = s.d "
            + "and t.grain = s.g and t.period_start = s.p and t.val = s.v when matched then update set "
            + "joined = t.joined + s.j, "
            + "left_count = t.left_count + s.l, "
            + "transfers_in = t.transfers_in + s.ti, "
            + "transfers_out = t.transfers_out + s.tt, "
            + "unions_founded = t.unions_founded + s.uf, "
            + "unions_dissolved = t.unions_dissolved + s.ud, "
            + "unions_moved_in = t.unions_moved_in + s.ui, "
            + "unions_moved_out = t.unions_moved_out + s.uo, "
            + "reclassified_in = t.reclassified_in + s.ri, "
            + "reclassified_out = t.reclassified_out + s.ro, "
            + "workforce = t.workforce + s.wf, "
            + "members_with_workforce = t.members_with_workforce + s.wm "
            + "when not matched then insert (unit_id, dimension, grain, period_start, val, " + FLOWS + ") values "
            + "(s.u, s.d, s.g, s.p, s.v, s.j, s.l, s.ti, s.tt, s.uf, s.ud, s.ui, s.uo, s.ri, s.ro, s.wf, s.wm)";
}
