package vn.doanvien.figures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Recomputes every maintained figure from the registry itself (stays, grassroots unions, the dated tree),
 * to check that the incrementally kept figures are exact, and to rebuild them if they ever are not.
 */
@ApplicationScoped
@Transactional
public class FiguresRecount {

    private final FiguresRepository figures;

    FiguresRecount(FiguresRepository figures) {
        this.figures = figures;
    }

    /** True when the stored figures equal a recount from scratch. */
    public boolean storedFiguresMatchRecount() {
        return sameRows(figures.stored(), recount());
    }

    /** A human-readable list of the rows where stored figures and a recount differ (empty when they agree). */
    public String differences() {
        return differences(null, null);
    }

    /** As {@link #differences()}, limited to the rows of these units and grassroots unions (null: all). */
    public String differences(java.util.Collection<Long> unitIds, java.util.Collection<Long> grassrootsUnionIds) {
        Deltas stored = figures.stored();
        Deltas fresh = recount();
        if (unitIds != null) {
            stored.units.keySet().removeIf(k -> !unitIds.contains(k.unitId()));
            fresh.units.keySet().removeIf(k -> !unitIds.contains(k.unitId()));
            stored.unitMonths.keySet().removeIf(k -> !unitIds.contains(k.unitId()));
            stored.unitYears.keySet().removeIf(k -> !unitIds.contains(k.unitId()));
        }
        if (grassrootsUnionIds != null) {
            stored.unions.keySet().removeIf(k -> !grassrootsUnionIds.contains(k.grassrootsUnionId()));
            fresh.unions.keySet().removeIf(k -> !grassrootsUnionIds.contains(k.grassrootsUnionId()));
            stored.storedUnionTotals.keySet().removeIf(k -> !grassrootsUnionIds.contains(k));
        }
        StringBuilder sb = new StringBuilder();
        java.util.Set<Deltas.UnitDay> keys = new java.util.TreeSet<>(stored.units.keySet());
        keys.addAll(fresh.units.keySet());
        for (Deltas.UnitDay k : keys) {
            long[] a = stored.units.getOrDefault(k, new long[FlowKind.COUNT]);
            long[] b = fresh.units.getOrDefault(k, new long[FlowKind.COUNT]);
            if (!java.util.Arrays.equals(a, b)) {
                sb.append(k).append(" stored ").append(java.util.Arrays.toString(a))
                        .append(" recount ").append(java.util.Arrays.toString(b)).append('\n');
            }
        }
        rollupDifferences(sb, "month ", stored.unitMonths, fresh.monthsOfUnits());
        rollupDifferences(sb, "year ", stored.unitYears, fresh.yearsOfUnits());
        java.util.Set<Deltas.UnionMonth> months = new java.util.TreeSet<>(stored.unions.keySet());
        months.addAll(fresh.unions.keySet());
        for (Deltas.UnionMonth k : months) {
            long[] a = stored.unions.getOrDefault(k, new long[4]);
            long[] b = fresh.unions.getOrDefault(k, new long[4]);
            if (!java.util.Arrays.equals(a, b)) {
                sb.append(k).append(" stored ").append(java.util.Arrays.toString(a))
                        .append(" recount ").append(java.util.Arrays.toString(b)).append('\n');
            }
        }
        java.util.Map<Long, long[]> freshTotals = fresh.unionTotals();
        java.util.Set<Long> totals = new java.util.TreeSet<>(stored.storedUnionTotals.keySet());
        totals.addAll(freshTotals.keySet());
        for (Long k : totals) {
            long[] a = stored.storedUnionTotals.getOrDefault(k, new long[4]);
            long[] b = freshTotals.getOrDefault(k, new long[4]);
            if (!java.util.Arrays.equals(a, b)) {
                sb.append("total of grassroots union ").append(k).append(" stored ")
                        .append(java.util.Arrays.toString(a)).append(" recount ")
                        .append(java.util.Arrays.toString(b)).append('\n');
            }
        }
        return sb.toString();
    }

    private static void rollupDifferences(StringBuilder sb, String label, java.util.Map<Deltas.UnitDay, long[]> stored,
                                          java.util.Map<Deltas.UnitDay, long[]> fresh) {
        java.util.Set<Deltas.UnitDay> rollup = new java.util.TreeSet<>(stored.keySet());
        rollup.addAll(fresh.keySet());
        for (Deltas.UnitDay k : rollup) {
            long[] a = stored.getOrDefault(k, new long[FlowKind.COUNT]);
            long[] b = fresh.getOrDefault(k, new long[FlowKind.COUNT]);
            if (!java.util.Arrays.equals(a, b)) {
                sb.append(label).append(k).append(" stored ").append(java.util.Arrays.toString(a))
                        .append(" recount ").append(java.util.Arrays.toString(b)).append('\n');
            }
        }
    }

    /** Replaces every stored figure by a recount from the registry (after a bulk load that bypassed the ledger). */
    public void rebuild() {
        figures.deleteAll();
        figures.apply(recount());
    }

    Deltas recount() {
        UnitTree tree = figures.loadTree();
        Deltas deltas = new Deltas();
        for (Long g : figures.allGrassrootsUnionIds()) {
            Flow flow = figures.flowOfGrassrootsUnion(g);
            if (flow.isEmpty()) {
                continue;
            }
            flow.emit(Timeline.ofGrassrootsUnion(figures.placementsOf(g), tree, flow.start()), 1, deltas);
            flow.emitToUnion(g, 1, deltas);
        }
        return deltas.compact();
    }

    private static boolean sameRollup(java.util.Map<Deltas.UnitDay, long[]> stored,
                                      java.util.Map<Deltas.UnitDay, long[]> fresh) {
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

    /** {@code stored} read from the tables (with its rollup rows), {@code fresh} a recount. */
    private static boolean sameRows(Deltas stored, Deltas fresh) {
        Deltas a = stored;
        Deltas b = fresh;
        if (!a.units.keySet().equals(b.units.keySet()) || !a.unions.keySet().equals(b.unions.keySet())) {
            return false;
        }
        if (!sameRollup(a.unitMonths, b.monthsOfUnits()) || !sameRollup(a.unitYears, b.yearsOfUnits())) {
            return false;
        }
        for (var e : a.units.entrySet()) {
            if (!java.util.Arrays.equals(e.getValue(), b.units.get(e.getKey()))) {
                return false;
            }
        }
        for (var e : a.unions.entrySet()) {
            if (!java.util.Arrays.equals(e.getValue(), b.unions.get(e.getKey()))) {
                return false;
            }
        }
        java.util.Map<Long, long[]> totals = b.unionTotals();
        if (!a.storedUnionTotals.keySet().equals(totals.keySet())) {
            return false;
        }
        for (var e : a.storedUnionTotals.entrySet()) {
            if (!java.util.Arrays.equals(e.getValue(), totals.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
