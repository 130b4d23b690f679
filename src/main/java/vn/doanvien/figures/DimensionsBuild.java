package vn.doanvien.figures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.StringWriter;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.function.Consumer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import vn.doanvien.organisation.UnitTree;

/**
 * The build of the figures by dimension from the registry, for the dimensions a database does not have yet: all of
 * them after migration V16 (or on a database whose build never finished), a new dimension or pair after the release
 * that declares it. Level-2 unit by level-2 unit: the grassroots unions ever placed below it are read in steps
 * and their rows for that unit, for the level-3 units below it and for the root, are summed in memory (a few hundred
 * thousand rows each at most, one per day, dimension and value; the level-3 units' per month); the unit's rows are
 * then written once, the root's at the end, with COPY on PostgreSQL. Each row is written once instead of
 * being added to at every step, which at 15 million members is the difference between hours and minutes.
 * {@code startup_task} records which dimensions are built: {@value #TASK} the eight of V16, {@value #TASK}{@code :NAME}
 * each later one. An interrupted build starts again: the rows of the dimensions it was building are deleted first.
 */
@ApplicationScoped
public class DimensionsBuild {

    private static final Logger LOG = Logger.getLogger(DimensionsBuild.class);
    static final String TASK = "figures-by-dimension";
    /** PostgreSQL: the fillfactor of {@code unit_dimension_figure} outside a build (migration V19.1). */
    static final int LIVE_FILLFACTOR = 80;
    /** The mark of {@link #dropOldLevelThreeDays()}, with the first day kept. */
    static final String PRUNED = "figures-level-three-days-before";
    /** The dimensions migration V16 introduced, recorded together as {@value #TASK}. */
    static final Set<Dimension> OF_V16 = java.util.EnumSet.range(Dimension.GENDER, Dimension.SIZE_BAND);
    private static final int UNIONS_PER_STEP = 2000;
    private static final int COPY_ROWS_PER_WRITE = 20_000;
    private static final int TIMEOUT_SECONDS = 3600;

    private final FigureSources sources;
    private final DimensionFiguresRepository dimensions;
    private final DimensionSources dimensionSources;
    private final EntityManager em;

    DimensionsBuild(FigureSources sources, DimensionFiguresRepository dimensions, DimensionSources dimensionSources,
                    EntityManager em) {
        this.sources = sources;
        this.dimensions = dimensions;
        this.dimensionSources = dimensionSources;
        this.em = em;
    }

    /** The dimensions whose rows were never built completely here, in declaration order. */
    List<Dimension> missing() {
        @SuppressWarnings("unchecked")
        List<Object> done = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select name from startup_task where name = ?1 or name like ?2").setParameter(1, TASK)
                .setParameter(2, TASK + ":%").getResultList());
        Set<String> names = new HashSet<>();
        done.forEach(n -> names.add(n.toString()));
        List<Dimension> missing = new ArrayList<>();
        for (Dimension d : Dimension.kept()) {
            boolean built = names.contains(taskOf(d)) || (OF_V16.contains(d) && names.contains(TASK));
            if (!built) {
                missing.add(d);
            }
        }
        return missing;
    }

    /**
     * Deletes the rows and the mark of each pair that was built here and is no longer kept
     * ({@value Dimension#PAIRS_PROPERTY}): nothing would keep them exact any more.
     */
    public void dropPairsNoLongerKept() {
        List<String> dropped = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            if (d.isPair() && !d.isKept()) {
                boolean marked = QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(
                        "select 1 from startup_task where name = ?1").setParameter(1, taskOf(d)).getResultList()
                        .isEmpty());
                if (marked) {
                    QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(() -> {
                        em.createNativeQuery("delete from unit_dimension_figure where dimension = ?1")
                                .setParameter(1, d.name()).executeUpdate();
                        em.createNativeQuery("delete from startup_task where name = ?1").setParameter(1, taskOf(d))
                                .executeUpdate();
                    });
                    dropped.add(d.name());
                }
            }
        }
        if (!dropped.isEmpty()) {
            LOG.infof("Figures by dimension: %s no longer kept (%s), their rows deleted", dropped,
                    Dimension.PAIRS_PROPERTY);
        }
    }

    /**
     * Deletes the day rows of level-3 units that are no longer kept ({@link LevelThree}), at the first start after
     * the first day kept has moved (once a month, recorded in {@code startup_task} as {@value #PRUNED}{@code :DATE}):
     * about a second at national scale, one index range per unit and dimension, so not at every start.
     */
    public void dropOldLevelThreeDays() {
        java.time.LocalDate before = LevelThree.dayRowsKeptFrom(vn.doanvien.common.Today.date());
        String task = PRUNED + ":" + before;
        boolean done = QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(
                "select 1 from startup_task where name = ?1").setParameter(1, task).getResultList().isEmpty());
        if (done) {
            return;
        }
        long started = System.nanoTime();
        UnitTree tree = QuarkusTransaction.requiringNew().call(sources::loadTree);
        List<Long> below = tree.belowTopTwoEver();
        int deleted = below.isEmpty() ? 0 : QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS)
                .call(() -> dimensions.deleteDayRowsBefore(before, below));
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from startup_task where name like ?1").setParameter(1, PRUNED + ":%")
                    .executeUpdate();
            em.createNativeQuery("insert into startup_task (name, done_at) values (?1, current_timestamp)")
                    .setParameter(1, task).executeUpdate();
        });
        LOG.infof("Figures by dimension: %d day rows of level-3 units before %s deleted in %d ms", deleted, before,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static String taskOf(Dimension d) {
        return TASK + ":" + d.name();
    }

    /** In the caller's transaction: every dimension is to be built again ({@link #missing()}). */
    void markNotBuilt() {
        em.createNativeQuery("delete from startup_task where name = ?1 or name like ?2").setParameter(1, TASK)
                .setParameter(2, TASK + ":%").executeUpdate();
    }

    /**
     * Builds the missing dimensions from the registry (nothing to read on an empty registry) and records that they
     * are done; true when it read a registry (and left the heap grown: the caller then gives it back, {@link
     * vn.doanvien.common.HeapRelease}, once this method's locals are gone).
     */
    public boolean run() {
        long started = System.nanoTime();
        List<Dimension> only = missing();
        if (only.isEmpty()) {
            return false;
        }
        boolean empty = QuarkusTransaction.requiringNew().call(sources::allGrassrootsUnionIdsEmpty);
        if (!empty) {
            LOG.infof("Figures by dimension: building %s from the registry", only);
            QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(() -> clear(only));
            // The build's rows are mostly past days that no write touches again: packed. The room the ledger's
            // updates need (V19.1) is left in the pages written after the build.
            fillfactor(100);
            long rows;
            try {
                rows = buildAll(only, started);
            } finally {
                fillfactor(LIVE_FILLFACTOR);
            }
            LOG.infof("Figures by dimension: %d rows in %d s", rows, (System.nanoTime() - started) / 1_000_000_000);
            analyse();
        }
        QuarkusTransaction.requiringNew().run(() -> {
            for (Dimension d : only) {
                em.createNativeQuery("insert into startup_task (name, done_at) select ?1, current_timestamp "
                        + "where not exists (select 1 from startup_task where name = ?1)").setParameter(1, taskOf(d))
                        .executeUpdate();
            }
        });
        LOG.infof("Figures by dimension %s built in %d ms", only, (System.nanoTime() - started) / 1_000_000);
        return !empty;
    }

    /** Sums and writes every row of these dimensions, level-2 unit by level-2 unit; the number of rows. */
    private long buildAll(List<Dimension> only, long started) {
        UnitTree tree = QuarkusTransaction.requiringNew().call(sources::loadTree);
        List<Long> top = tree.topTwoEver();
        List<Long> roots = top.stream().filter(u -> tree.linksOf(u).isEmpty()).toList();
        List<Long> seconds = top.stream().filter(u -> !tree.linksOf(u).isEmpty()).toList();
        List<Long> all = QuarkusTransaction.requiringNew().call(this::allUnionIds);
        // Every union is read once for its level-2 unit and the root together; a union that moved between
        // level-2 units is read again for each other one, for that unit's rows only.
        Map<Long, Deltas> rootSums = new HashMap<>();
        roots.forEach(r -> rootSums.put(r, new Deltas()));
        // The units below them keep level-3 rows (LevelThree): each is summed with the one level-2 unit it was
        // ever below, whose pass reads all its unions; one that moved between level-2 units gets its own pass.
        Map<Long, Set<Long>> thirdsOf = new HashMap<>();
        Map<Long, Integer> owners = new HashMap<>();
        for (Long unit : seconds) {
            Set<Long> below = tree.everBelow(unit);
            thirdsOf.put(unit, below);
            below.forEach(u -> owners.merge(u, 1, Integer::sum));
        }
        thirdsOf.replaceAll((unit, below) -> below.stream().filter(u -> owners.get(u) == 1)
                .collect(java.util.stream.Collectors.toSet()));
        List<Long> movedThirds = owners.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .sorted().toList();
        Set<Long> counted = new HashSet<>();
        long rows = 0;
        for (int i = 0; i < seconds.size(); i++) {
            long unit = seconds.get(i);
            Set<Long> thirds = thirdsOf.get(unit);
            List<Long> unions = unionsUnder(unit, tree);
            List<Long> fresh = unions.stream().filter(u -> !counted.contains(u)).toList();
            List<Long> again = unions.stream().filter(counted::contains).toList();
            Deltas sum = new Deltas();
            read(fresh, tree, only, d -> {
                sum.addDimsOf(d, unit);
                sum.addThirdOf(d, thirds);
                rootSums.forEach((root, rootSum) -> rootSum.addDimsOf(d, root));
            });
            read(again, tree, only, d -> {
                sum.addDimsOf(d, unit);
                sum.addThirdOf(d, thirds);
            });
            counted.addAll(fresh);
            rows += write(sum);
            LOG.infof("Figures by dimension: unit %d (%d of %d), %d grassroots unions, %d rows so far, %d s",
                    unit, i + 1, seconds.size(), unions.size(), rows,
                    (System.nanoTime() - started) / 1_000_000_000);
        }
        for (Long third : movedThirds) {
            Deltas sum = new Deltas();
            read(unionsUnder(third, tree), tree, only, d -> sum.addThirdOf(d, Set.of(third)));
            rows += write(sum);
        }
        List<Long> rest = all.stream().filter(u -> !counted.contains(u)).toList();
        read(rest, tree, only, d -> rootSums.forEach((root, rootSum) -> rootSum.addDimsOf(d, root)));
        for (Deltas rootSum : rootSums.values()) {
            rows += write(rootSum);
        }
        return rows;
    }

    /**
     * PostgreSQL: the share of each new page of {@code unit_dimension_figure} that inserts may fill (a storage
     * parameter of the table; the lock it takes lets reads and writes go on).
     */
    private void fillfactor(int percent) {
        onPostgres("alter table unit_dimension_figure set (fillfactor = " + percent + ")");
    }

    /**
     * PostgreSQL: statistics for the planner right after millions of rows arrived by COPY (about a second for 32
     * million rows), rather than whenever autovacuum gets to the table, if it runs at all.
     */
    private void analyse() {
        onPostgres("analyze unit_dimension_figure");
    }

    /** Runs one statement in a transaction of its own, on PostgreSQL only (nothing on H2). */
    private void onPostgres(String sql) {
        QuarkusTransaction.requiringNew().run(() -> em.unwrap(Session.class).doWork(c -> {
            if (c.isWrapperFor(PGConnection.class)) {
                try (var st = c.createStatement()) {
                    st.execute(sql);
                }
            }
        }));
    }

    /**
     * Deletes the rows of the dimensions about to be built; when that is every kept dimension the table is emptied,
     * rows of pairs no longer kept included.
     */
    private void clear(List<Dimension> only) {
        if (only.equals(Dimension.kept())) {
            em.createNativeQuery("truncate table unit_dimension_figure").executeUpdate();
            return;
        }
        em.createNativeQuery("delete from unit_dimension_figure where dimension in (:names)")
                .setParameter("names", only.stream().map(Dimension::name).toList()).executeUpdate();
    }

    /** The unions ever placed below a unit or at it. */
    private List<Long> unionsUnder(long unit, UnitTree tree) {
        Set<Long> units = new HashSet<>(tree.everBelow(unit));
        units.add(unit);
        return QuarkusTransaction.requiringNew().call(() -> dimensionSources.unionsEverPlacedUnder(units));
    }

    private List<Long> allUnionIds() {
        List<Long> ids = new ArrayList<>();
        for (List<Long> page = sources.grassrootsUnionIdsAfter(0, 50_000); !page.isEmpty();
             page = sources.grassrootsUnionIdsAfter(page.get(page.size() - 1), 50_000)) {
            ids.addAll(page);
        }
        return ids;
    }

    /** Reads the unions step by step and hands each step's rows by dimension (of every unit) over. */
    private void read(List<Long> unions, UnitTree tree, List<Dimension> only, Consumer<Deltas> into) {
        for (int from = 0; from < unions.size(); from += UNIONS_PER_STEP) {
            List<Long> step = unions.subList(from, Math.min(unions.size(), from + UNIONS_PER_STEP));
            Deltas deltas = QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).call(() -> {
                Deltas d = new Deltas();
                MembershipLedger.emitDimensionsOf(step, tree, sources.placementsOfMany(step),
                        dimensionSources.workplacesOf(step), dimensionSources.spansOf(step),
                        dimensionSources.livesOf(step), 1, only, d);
                return d;
            });
            into.accept(deltas);
            em.clear();
        }
    }

    /** Writes a unit's summed rows (day, month and year) once; the number of rows. */
    private long write(Deltas sum) {
        sum.compact();
        Map<String, TreeMap<Deltas.DimDay, long[]>> grains = sum.dimGrains();
        long rows = grains.values().stream().mapToLong(Map::size).sum();
        QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(() -> em.unwrap(Session.class).doWork(c -> {
            if (c.isWrapperFor(PGConnection.class)) {
                copy(c, grains);
            } else {
                // the dimensions' rows were deleted at the start and each row is written once: plain inserts
                dimensions.apply(c, false, sum, true);
            }
        }));
        return rows;
    }

    /** PostgreSQL: the rows with COPY, in pieces of {@value #COPY_ROWS_PER_WRITE}. */
    private static void copy(Connection c, Map<String, TreeMap<Deltas.DimDay, long[]>> grains)
            throws java.sql.SQLException {
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy unit_dimension_figure (unit_id, "
                + "dimension, grain, period_start, val, " + DimensionFiguresRepository.FLOWS
                + ") from stdin (format csv)");
        try {
            StringWriter buffer = new StringWriter(1 << 20);
            int n = 0;
            for (Map.Entry<String, TreeMap<Deltas.DimDay, long[]>> grain : grains.entrySet()) {
                for (Map.Entry<Deltas.DimDay, long[]> e : grain.getValue().entrySet()) {
                    Deltas.DimDay k = e.getKey();
                    buffer.append(Long.toString(k.unitId())).append(',').append(k.dimension().name()).append(',')
                            .append(grain.getKey()).append(',').append(k.day().toString()).append(',')
                            .append(csv(k.value()));
                    for (long v : e.getValue()) {
                        buffer.append(',').append(Long.toString(v));
                    }
                    buffer.append('\n');
                    if (++n % COPY_ROWS_PER_WRITE == 0) {
                        write(copy, buffer);
                    }
                }
            }
            write(copy, buffer);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void write(CopyIn copy, StringWriter buffer) throws java.sql.SQLException {
        byte[] bytes = buffer.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.getBuffer().setLength(0);
    }

    private static String csv(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
