package vn.doanvien.figures;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Changes to the maintained figures, summed per row before they are written; rows are written in key
 * order so that concurrent writers lock them in the same order and cannot deadlock.
 */
final class Deltas {

    record UnitDay(long unitId, LocalDate day) implements Comparable<UnitDay> {
        public int compareTo(UnitDay o) {
            int c = Long.compare(unitId, o.unitId);
            return c != 0 ? c : day.compareTo(o.day);
        }
    }

    record UnionMonth(long grassrootsUnionId, LocalDate monthStart) implements Comparable<UnionMonth> {
        public int compareTo(UnionMonth o) {
            int c = Long.compare(grassrootsUnionId, o.grassrootsUnionId);
            return c != 0 ? c : monthStart.compareTo(o.monthStart);
        }
    }

    /**
     * A grassroots union's month for the members with one key of a person dimension: GENDER (MALE, FEMALE, OTHER,
     * UNKNOWN) or BIRTH_YEAR (the year, or UNKNOWN).
     */
    record UnionPersonMonth(long grassrootsUnionId, LocalDate monthStart, String dimension, String key)
            implements Comparable<UnionPersonMonth> {
        public int compareTo(UnionPersonMonth o) {
            int c = Long.compare(grassrootsUnionId, o.grassrootsUnionId);
            c = c != 0 ? c : monthStart.compareTo(o.monthStart);
            c = c != 0 ? c : dimension.compareTo(o.dimension);
            return c != 0 ? c : key.compareTo(o.key);
        }
    }

    /** A grassroots union's all-time sums for the members with one key of a person dimension. */
    record UnionPerson(long grassrootsUnionId, String dimension, String key) implements Comparable<UnionPerson> {
        public int compareTo(UnionPerson o) {
            int c = Long.compare(grassrootsUnionId, o.grassrootsUnionId);
            c = c != 0 ? c : dimension.compareTo(o.dimension);
            return c != 0 ? c : key.compareTo(o.key);
        }
    }

    final TreeMap<UnitDay, long[]> units = new TreeMap<>();
    final TreeMap<UnionMonth, long[]> unions = new TreeMap<>();
    final TreeMap<UnionPersonMonth, long[]> unionPersons = new TreeMap<>();
    /** Stored monthly rollup rows (unit, first of month), filled by {@code FiguresRepository.stored()} only. */
    final TreeMap<UnitDay, long[]> unitMonths = new TreeMap<>();
    /** Stored yearly rollup rows (unit, 1 January), filled by {@code FiguresRepository.stored()} only. */
    final TreeMap<UnitDay, long[]> unitYears = new TreeMap<>();
    /** Stored all-time sums per grassroots union, filled by {@code FiguresRepository.stored()} only. */
    final TreeMap<Long, long[]> storedUnionTotals = new TreeMap<>();
    /** Stored all-time sums per grassroots union and person key, filled by {@code FiguresRepository.stored()} only. */
    final TreeMap<UnionPerson, long[]> storedUnionPersonTotals = new TreeMap<>();

    void addUnit(long unitId, LocalDate day, FlowKind kind, long n) {
        if (n != 0) {
            units.computeIfAbsent(new UnitDay(unitId, day), k -> new long[FlowKind.COUNT])[kind.ordinal()] += n;
        }
    }

    /** Only the four member flows are kept per grassroots union and month. */
    void addUnion(long grassrootsUnionId, LocalDate on, FlowKind kind, long n) {
        if (n != 0 && kind.ordinal() < 4) {
            unions.computeIfAbsent(new UnionMonth(grassrootsUnionId, on.withDayOfMonth(1)),
                    k -> new long[4])[kind.ordinal()] += n;
        }
    }

    /** The member flows of members with one person key, per grassroots union and month (the four of {@link #addUnion}). */
    void addUnionPerson(long grassrootsUnionId, LocalDate on, PersonKey key, FlowKind kind, long n) {
        if (n != 0 && kind.ordinal() < 4) {
            unionPersons.computeIfAbsent(new UnionPersonMonth(grassrootsUnionId, on.withDayOfMonth(1),
                    key.dimension(), key.key()), k -> new long[4])[kind.ordinal()] += n;
        }
    }

    /** Drops rows whose changes cancelled out. */
    Deltas compact() {
        units.values().removeIf(Deltas::allZero);
        unions.values().removeIf(Deltas::allZero);
        unionPersons.values().removeIf(Deltas::allZero);
        unitMonths.values().removeIf(Deltas::allZero);
        unitYears.values().removeIf(Deltas::allZero);
        storedUnionTotals.values().removeIf(Deltas::allZero);
        storedUnionPersonTotals.values().removeIf(Deltas::allZero);
        return this;
    }

    /** The unit rows summed per unit and month (keyed by the first of the month), zero sums dropped. */
    TreeMap<UnitDay, long[]> monthsOfUnits() {
        return rolledUp(d -> d.withDayOfMonth(1));
    }

    /** The unit rows summed per unit and year (keyed by 1 January), zero sums dropped. */
    TreeMap<UnitDay, long[]> yearsOfUnits() {
        return rolledUp(d -> d.withDayOfYear(1));
    }

    private TreeMap<UnitDay, long[]> rolledUp(java.util.function.UnaryOperator<LocalDate> period) {
        TreeMap<UnitDay, long[]> rollup = new TreeMap<>();
        units.forEach((k, v) -> {
            long[] m = rollup.computeIfAbsent(new UnitDay(k.unitId(), period.apply(k.day())),
                    x -> new long[FlowKind.COUNT]);
            for (int i = 0; i < v.length; i++) {
                m[i] += v[i];
            }
        });
        rollup.values().removeIf(Deltas::allZero);
        return rollup;
    }

    /** The grassroots union rows summed per union over all months, zero sums dropped. */
    TreeMap<Long, long[]> unionTotals() {
        TreeMap<Long, long[]> totals = new TreeMap<>();
        unions.forEach((k, v) -> {
            long[] t = totals.computeIfAbsent(k.grassrootsUnionId(), x -> new long[4]);
            for (int i = 0; i < v.length; i++) {
                t[i] += v[i];
            }
        });
        totals.values().removeIf(Deltas::allZero);
        return totals;
    }

    /** The grassroots union rows by person key summed per union and key over all months, zero sums dropped. */
    TreeMap<UnionPerson, long[]> unionPersonTotals() {
        TreeMap<UnionPerson, long[]> totals = new TreeMap<>();
        unionPersons.forEach((k, v) -> add(totals.computeIfAbsent(
                new UnionPerson(k.grassrootsUnionId(), k.dimension(), k.key()), x -> new long[4]), v));
        totals.values().removeIf(Deltas::allZero);
        return totals;
    }

    boolean isEmpty() {
        return units.isEmpty() && unions.isEmpty() && unionPersons.isEmpty();
    }

    void addAll(Deltas other) {
        other.units.forEach((k, v) -> {
            long[] mine = units.computeIfAbsent(k, x -> new long[FlowKind.COUNT]);
            for (int i = 0; i < v.length; i++) {
                mine[i] += v[i];
            }
        });
        other.unions.forEach((k, v) -> add(unions.computeIfAbsent(k, x -> new long[4]), v));
        other.unionPersons.forEach((k, v) -> add(unionPersons.computeIfAbsent(k, x -> new long[4]), v));
    }

    private static void add(long[] into, long[] values) {
        for (int i = 0; i < values.length; i++) {
            into[i] += values[i];
        }
    }

    Map<UnitDay, long[]> unitRows() {
        return units;
    }

    private static boolean allZero(long[] values) {
        for (long v : values) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }
}
