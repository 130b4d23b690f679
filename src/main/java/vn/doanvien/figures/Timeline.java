package vn.doanvien.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import vn.doanvien.organisation.UnitTree;

/**
 * The units a stream of flows is credited to, from a start date on: piecewise constant, changing when the
 * dated tree changes. For a grassroots union these are its upper-level union and that unit's ancestors;
 * for a unit, its ancestors.
 */
record Timeline(List<Segment> segments) {

    /** From {@code from} (inclusive) until the next segment's start, flows are credited to {@code units}. */
    record Segment(LocalDate from, Set<Long> units) {
    }

    /** A placement of a grassroots union under an upper-level unit on [from, to). */
    record Placement(long unitId, LocalDate from, LocalDate to) {
        boolean activeOn(LocalDate d) {
            return !from.isAfter(d) && (to == null || d.isBefore(to));
        }
    }

    /** Where the flows of a grassroots union with these placements go, from {@code start} on. */
    static Timeline ofGrassrootsUnion(List<Placement> placements, UnitTree tree, LocalDate start) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        dates.add(start);
        for (Placement p : placements) {
            if (p.from().isAfter(start)) {
                dates.add(p.from());
            }
            if (p.to() != null && p.to().isAfter(start)) {
                dates.add(p.to());
            }
            dates.addAll(tree.changeDates(p.unitId(), start));
        }
        return build(dates, d -> {
            for (Placement p : placements) {
                if (p.activeOn(d)) {
                    return new LinkedHashSet<>(tree.chainOn(p.unitId(), d));
                }
            }
            return Set.of();
        });
    }

    /** Where the flows of a unit go above it (the unit itself excluded), from {@code start} on. */
    static Timeline ofUnitAncestors(long unitId, UnitTree tree, LocalDate start) {
        TreeSet<LocalDate> dates = tree.changeDates(unitId, start);
        dates.add(start);
        return build(dates, d -> {
            List<Long> chain = tree.chainOn(unitId, d);
            return new LinkedHashSet<>(chain.subList(1, chain.size()));
        });
    }

    /**
     * The same flows credited only to the top two units of each chain (the Confederation and the level-2 unit
     * below it): the units that keep figures by dimension.
     */
    Timeline topTwo() {
        return keeping(chain -> chain.subList(Math.max(0, chain.size() - 2), chain.size()));
    }

    /**
     * The same flows credited only to the third unit of each chain from the top, where there is one: the level-3
     * units, which keep figures by dimension per month ({@link LevelThree}).
     */
    Timeline third() {
        return keeping(chain -> chain.size() < LevelThree.DEPTH ? List.of()
                : List.of(chain.get(chain.size() - LevelThree.DEPTH)));
    }

    /** Whether no segment credits any unit. */
    boolean isEmpty() {
        return segments.stream().allMatch(s -> s.units().isEmpty());
    }

    private Timeline keeping(Function<List<Long>, List<Long>> part) {
        List<Segment> kept = new ArrayList<>();
        for (Segment s : segments) {
            Set<Long> units = new LinkedHashSet<>(part.apply(new ArrayList<>(s.units())));
            if (kept.isEmpty() || !kept.get(kept.size() - 1).units().equals(units)) {
                kept.add(new Segment(s.from(), units));
            }
        }
        return new Timeline(kept);
    }

    private static Timeline build(TreeSet<LocalDate> dates, Function<LocalDate, Set<Long>> unitsOn) {
        List<Segment> segments = new ArrayList<>();
        for (LocalDate d : dates) {
            Set<Long> units = unitsOn.apply(d);
            if (segments.isEmpty() || !segments.get(segments.size() - 1).units().equals(units)) {
                segments.add(new Segment(d, units));
            }
        }
        return new Timeline(segments);
    }
}
