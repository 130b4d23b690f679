package vn.doanvien.figures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Recomputes every maintained figure from the registry itself (stays, grassroots unions, the dated tree),
 * to check that the incrementally kept figures are exact, and to rebuild them if they ever are not; likewise the
 * copy of each member's date of birth that their stays carry.
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
        return sameRows(figures.stored(), recount()) && figures.staleMemberBornOn(null, 1).isEmpty();
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
            stored.unionPersons.keySet().removeIf(k -> !grassrootsUnionIds.contains(k.grassrootsUnionId()));
            fresh.unionPersons.keySet().removeIf(k -> !grassrootsUnionIds.contains(k.grassrootsUnionId()));
            stored.storedUnionPersonTotals.keySet().removeIf(k -> !grassrootsUnionIds.contains(k.grassrootsUnionId()));
        }
        StringBuilder sb = new StringBuilder();
        keyedDifferences(sb, "", stored.units, fresh.units, FlowKind.COUNT);
        keyedDifferences(sb, "month ", stored.unitMonths, fresh.monthsOfUnits(), FlowKind.COUNT);
        keyedDifferences(sb, "year ", stored.unitYears, fresh.yearsOfUnits(), FlowKind.COUNT);
        keyedDifferences(sb, "", stored.unions, fresh.unions, 4);
        keyedDifferences(sb, "total of grassroots union ", stored.storedUnionTotals, fresh.unionTotals(), 4);
        keyedDifferences(sb, "", stored.unionPersons, fresh.unionPersons, 4);
        keyedDifferences(sb, "total ", stored.storedUnionPersonTotals, fresh.unionPersonTotals(), 4);
        for (Object[] r : figures.staleMemberBornOn(grassrootsUnionIds, 20)) {
            sb.append("stay ").append(r[0]).append(" of member ").append(r[1]).append(" carries date of birth ")
                    .append(r[2]).append(", the member record ").append(r[3]).append('\n');
        }
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

    /**
     * Replaces every stored figure by a recount from the registry (after a bulk load that bypassed the ledger), and
     * copies each member's date of birth to their stays where the copy differs.
     */
    public void rebuild() {
        figures.copyMemberBornOn();
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
            figures.memberFlowsByPerson(g).forEach((key, f) -> f.emitToUnionPerson(g, key, 1, deltas));
        }
        return deltas.compact();
    }

    /** {@code stored} read from the tables (with its rollup rows), {@code fresh} a recount. */
    private static boolean sameRows(Deltas stored, Deltas fresh) {
        return sameKeyed(stored.units, fresh.units) && sameKeyed(stored.unitMonths, fresh.monthsOfUnits())
                && sameKeyed(stored.unitYears, fresh.yearsOfUnits()) && sameKeyed(stored.unions, fresh.unions)
                && sameKeyed(stored.storedUnionTotals, fresh.unionTotals())
                && sameKeyed(stored.unionPersons, fresh.unionPersons)
                && sameKeyed(stored.storedUnionPersonTotals, fresh.unionPersonTotals());
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
