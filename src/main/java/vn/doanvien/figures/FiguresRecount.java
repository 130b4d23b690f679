package vn.doanvien.figures;

import java.util.Map;
import java.util.List;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.doanvien.organisation.UnitTree;

/**
 * Recomputes every maintained figure from the registry itself (stays, members, grassroots unions and their
 * enterprises, the dated tree), to check that the incrementally kept figures are exact, and to rebuild them if
 * they ever are not. The figures by dimension are recomputed by the same emission the ledger uses
 * ({@link MembershipLedger#emitDimensions}), from the stays as they are stored.
 */
@ApplicationScoped
@Transactional
public class FiguresRecount {

    /** Grassroots unions read together: a few reads per step instead of five per union. */
    private static final int UNIONS_PER_READ = 1000;

    private final FigureSources sources;
    private final FigureRows rows;
    private final DimensionSources dimensionSources;
    private final DimensionsBuild build;

    FiguresRecount(FigureSources sources, FigureRows rows, DimensionSources dimensionSources,
                   DimensionsBuild build) {
        this.sources = sources;
        this.rows = rows;
        this.dimensionSources = dimensionSources;
        this.build = build;
    }

    /** True when the stored figures equal a recount from scratch. */
    public boolean storedFiguresMatchRecount() {
        UnitTree tree = sources.loadTree();
        Deltas fresh = recount(tree, true);
        return sameRows(withoutOldLevelThreeDays(rows.stored(), fresh.thirdDaysFrom, tree), fresh);
    }

    /** A human-readable list of the rows where stored figures and a recount differ (empty when they agree). */
    public String differences() {
        return differences(null, null);
    }

    /** As {@link #differences()}, limited to the rows of these units and grassroots unions (null: all). */
    public String differences(java.util.Collection<Long> unitIds, java.util.Collection<Long> grassrootsUnionIds) {
        UnitTree tree = sources.loadTree();
        Deltas fresh = recount(tree, true);
        Deltas stored = withoutOldLevelThreeDays(rows.stored(), fresh.thirdDaysFrom, tree);
        if (unitIds != null) {
            stored.units.keySet().removeIf(k -> !unitIds.contains(k.unitId()));
            fresh.units.keySet().removeIf(k -> !unitIds.contains(k.unitId()));
            stored.unitMonths.keySet().removeIf(k -> !unitIds.contains(k.unitId()));
            stored.unitYears.keySet().removeIf(k -> !unitIds.contains(k.unitId()));
            stored.dims.keySet().removeIf(k -> !unitIds.contains(k.unitId()));
            fresh.dims.keySet().removeIf(k -> !unitIds.contains(k.unitId()));
            fresh.thirdDays.keySet().removeIf(k -> !unitIds.contains(k.unitId()));
            fresh.thirdMonths.keySet().removeIf(k -> !unitIds.contains(k.unitId()));
            stored.storedDimMonths.keySet().removeIf(k -> !unitIds.contains(k.unitId()));
            stored.storedDimYears.keySet().removeIf(k -> !unitIds.contains(k.unitId()));
        }
        if (grassrootsUnionIds != null) {
            stored.unions.keySet().removeIf(k -> !grassrootsUnionIds.contains(k.grassrootsUnionId()));
            fresh.unions.keySet().removeIf(k -> !grassrootsUnionIds.contains(k.grassrootsUnionId()));
            stored.storedUnionTotals.keySet().removeIf(k -> !grassrootsUnionIds.contains(k));
        }
        StringBuilder sb = new StringBuilder();
        keyedDifferences(sb, "", stored.units, fresh.units, FlowKind.COUNT);
        keyedDifferences(sb, "month ", stored.unitMonths, fresh.monthsOfUnits(), FlowKind.COUNT);
        keyedDifferences(sb, "year ", stored.unitYears, fresh.yearsOfUnits(), FlowKind.COUNT);
        keyedDifferences(sb, "", stored.unions, fresh.unions, 4);
        keyedDifferences(sb, "total of grassroots union ", stored.storedUnionTotals, fresh.unionTotals(), 4);
        Map<String, java.util.TreeMap<Deltas.DimDay, long[]>> grains = fresh.dimGrains();
        if (unitIds != null && grains.get("M").isEmpty() && stored.storedDimMonths.isEmpty()) {
            return sb.toString();
        }
        keyedDifferences(sb, "", stored.dims, grains.get("D"), FlowKind.DIMENSION_COUNT);
        keyedDifferences(sb, "month ", stored.storedDimMonths, grains.get("M"), FlowKind.DIMENSION_COUNT);
        keyedDifferences(sb, "year ", stored.storedDimYears, grains.get("Y"), FlowKind.DIMENSION_COUNT);
        return sb.toString();
    }

    /** Rows of {@code width} flows where stored and recount differ, as {@code label key stored [..] recount [..]}. */
    private static <K extends Comparable<K>> void keyedDifferences(StringBuilder sb, String label,
                                                                   java.util.Map<K, long[]> stored,
                                                                   java.util.Map<K, long[]> fresh, int width) {
        java.util.Set<K> keys = new java.util.TreeSet<>(stored.keySet());
        keys.addAll(fresh.keySet());
        for (K k : keys) {
            long[] a = stored.getOrDefault(k, new long[width]);
            long[] b = fresh.getOrDefault(k, new long[width]);
            if (!java.util.Arrays.equals(a, b)) {
                sb.append(label).append(k).append(" stored ").append(java.util.Arrays.toString(a))
                        .append(" recount ").append(java.util.Arrays.toString(b)).append('\n');
            }
        }
    }

    /** Replaces every stored figure by a recount from the registry (after a bulk load that bypassed the ledger). */
    public void rebuild() {
        rows.deleteAll();
        rows.applyToEmptyTables(recount());
    }

    /**
     * As {@link #rebuild()}, except that the figures by dimension are only emptied and marked as not built: the
     * caller builds them after its commit with {@link DimensionsBuild#run()}, in steps that each commit, as on the
     * first start after V16 (a crash in between leaves the mark, and the next start builds them). The demo's one
     * transaction then does not hold its ~170,000 rows by dimension (the first start's memory: 464 -> 382 MB).
     */
    public void rebuildLeavingDimensionsToBuild() {
        rows.deleteAll();
        rows.applyToEmptyTables(recount(sources.loadTree(), false));
        build.markNotBuilt();
    }

    Deltas recount() {
        return recount(sources.loadTree(), true);
    }

    private Deltas recount(UnitTree tree, boolean withDimensions) {
        Deltas deltas = new Deltas();
        List<Long> all = sources.allGrassrootsUnionIds();
        for (int from = 0; from < all.size(); from += UNIONS_PER_READ) {
            List<Long> step = all.subList(from, Math.min(all.size(), from + UNIONS_PER_READ));
            Map<Long, Flow> flows = sources.flowsOfMany(step);
            Map<Long, List<Timeline.Placement>> placements = sources.placementsOfMany(step);
            for (Long g : step) {
                Flow flow = flows.get(g);
                if (flow == null || flow.isEmpty()) {
                    continue;
                }
                flow.emit(Timeline.ofGrassrootsUnion(placements.getOrDefault(g, List.of()), tree, flow.start()), 1,
                        deltas);
                flow.emitToUnion(g, 1, deltas);
            }
            if (withDimensions) {
                MembershipLedger.emitDimensionsOf(step, tree, placements, dimensionSources.workplacesOf(step),
                        dimensionSources.spansOf(step), dimensionSources.livesOf(step), 1, deltas);
            }
        }
        return deltas.compact();
    }

    /** {@code stored} read from the tables (with its rollup rows), {@code fresh} a recount. */
    private static boolean sameRows(Deltas stored, Deltas fresh) {
        return sameKeyed(stored.units, fresh.units) && sameKeyed(stored.unitMonths, fresh.monthsOfUnits())
                && sameKeyed(stored.unitYears, fresh.yearsOfUnits()) && sameKeyed(stored.unions, fresh.unions)
                && sameKeyed(stored.storedUnionTotals, fresh.unionTotals())
                && sameGrains(stored, fresh.dimGrains());
    }

    private static boolean sameGrains(Deltas stored, Map<String, java.util.TreeMap<Deltas.DimDay, long[]>> fresh) {
        return sameKeyed(stored.dims, fresh.get("D")) && sameKeyed(stored.storedDimMonths, fresh.get("M"))
                && sameKeyed(stored.storedDimYears, fresh.get("Y"));
    }

    /**
     * The stored rows without the day rows of level-3 units older than {@code keptFrom}: written before their days
     * stopped being kept ({@link LevelThree}), read by nothing, deleted at the next start. A unit's row on the day it
     * moved between levels 2 and 3 holds what it carried out of (or into) level 2 that day, which is kept: only the
     * days at level 3 since the day before are left out.
     */
    private static Deltas withoutOldLevelThreeDays(Deltas stored, java.time.LocalDate keptFrom, UnitTree tree) {
        stored.dims.keySet().removeIf(k -> k.day().isBefore(keptFrom)
                && tree.chainOn(k.unitId(), k.day()).size() == LevelThree.DEPTH
                && tree.chainOn(k.unitId(), k.day().minusDays(1)).size() == LevelThree.DEPTH);
        return stored;
    }

    private static <K> boolean sameKeyed(java.util.Map<K, long[]> stored, java.util.Map<K, long[]> fresh) {
        if (!stored.keySet().equals(fresh.keySet())) {
            return false;
        }
        for (var e : stored.entrySet()) {
            if (!java.util.Arrays.equals(e.getValue(), fresh.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
