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
     * A unit's flows on one day (or, rolled up, in the month or the year starting that day) of the members with one
     * value of a dimension.
     */
    record DimDay(long unitId, Dimension dimension, String value, LocalDate day) implements Comparable<DimDay> {
        public int compareTo(DimDay o) {
            int c = Long.compare(unitId, o.unitId);
            c = c != 0 ? c : dimension.compareTo(o.dimension);
            c = c != 0 ? c : day.compareTo(o.day);
            return c != 0 ? c : value.compareTo(o.value);
        }
    }

    final TreeMap<UnitDay, long[]> units = new TreeMap<>();
    final TreeMap<UnionMonth, long[]> unions = new TreeMap<>();
    /**
     * Unit rows by dimension value, per day, of the top two units of each chain. A hash map: a rebuild
     * adds to it hundreds of millions of times; it is sorted when written ({@link #dimGrains}).
     */
    final Map<DimDay, long[]> dims = new java.util.HashMap<>();
    /**
     * The level-3 units' rows by dimension value ({@link LevelThree}), per month (keyed by the first of the month),
     * every month.
     */
    final Map<DimDay, long[]> thirdMonths = new java.util.HashMap<>();
    /** The level-3 units' rows by dimension value per day, from {@link #thirdDaysFrom} on only. */
    final Map<DimDay, long[]> thirdDays = new java.util.HashMap<>();
    /** The first day whose level-3 day rows are kept: earlier days are kept by their month only. */
    final LocalDate thirdDaysFrom;
    /** Stored monthly rollup rows (unit, first of month), filled by {@code FigureRows.stored()} only. */
    final TreeMap<UnitDay, long[]> unitMonths = new TreeMap<>();
    /** Stored yearly rollup rows (unit, 1 January), filled by {@code FigureRows.stored()} only. */
    final TreeMap<UnitDay, long[]> unitYears = new TreeMap<>();
    /** Stored all-time sums per grassroots union, filled by {@code FigureRows.stored()} only. */
    final TreeMap<Long, long[]> storedUnionTotals = new TreeMap<>();
    /** Stored monthly rows by dimension value, filled by {@code FigureRows.stored()} only. */
    final TreeMap<DimDay, long[]> storedDimMonths = new TreeMap<>();
    /** Stored yearly rows by dimension value, filled by {@code FigureRows.stored()} only. */
    final TreeMap<DimDay, long[]> storedDimYears = new TreeMap<>();

    /** Changes booked now: level-3 day rows from {@link LevelThree#dayRowsKeptFrom} today. */
    Deltas() {
        this(LevelThree.dayRowsKeptFrom(vn.doanvien.common.Today.date()));
    }

    Deltas(LocalDate thirdDaysFrom) {
        this.thirdDaysFrom = thirdDaysFrom;
    }

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

    /** A flow of the members with one value of a dimension, at a unit on a day. */
    void addDim(long unitId, Dimension dimension, String value, LocalDate day, FlowKind kind, long n) {
        addDimColumn(unitId, dimension, value, day, kind.dimensionColumn(), n);
    }

    /** A change of one column of a row by dimension. */
    void addDimColumn(long unitId, Dimension dimension, String value, LocalDate day, int column, long n) {
        if (n != 0) {
            dims.computeIfAbsent(new DimDay(unitId, dimension, value, day),
                    k -> new long[FlowKind.DIMENSION_COUNT])[column] += n;
        }
    }

    /** A change of one column of a level-3 unit's row by dimension: its month's row, and its day's when recent. */
    void addThirdColumn(long unitId, Dimension dimension, String value, LocalDate day, int column, long n) {
        if (n != 0) {
            thirdMonths.computeIfAbsent(new DimDay(unitId, dimension, value, day.withDayOfMonth(1)),
                    k -> new long[FlowKind.DIMENSION_COUNT])[column] += n;
            if (!day.isBefore(thirdDaysFrom)) {
                thirdDays.computeIfAbsent(new DimDay(unitId, dimension, value, day),
                        k -> new long[FlowKind.DIMENSION_COUNT])[column] += n;
            }
        }
    }

    /** Drops rows whose changes cancelled out. */
    Deltas compact() {
        units.values().removeIf(Deltas::allZero);
        unions.values().removeIf(Deltas::allZero);
        dims.values().removeIf(Deltas::allZero);
        thirdMonths.values().removeIf(Deltas::allZero);
        thirdDays.values().removeIf(Deltas::allZero);
        unitMonths.values().removeIf(Deltas::allZero);
        unitYears.values().removeIf(Deltas::allZero);
        storedUnionTotals.values().removeIf(Deltas::allZero);
        storedDimMonths.values().removeIf(Deltas::allZero);
        storedDimYears.values().removeIf(Deltas::allZero);
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

    /**
     * The rows by dimension value to write, by grain (D, M, Y), each in key order (rows are written in one order, so
     * writers never deadlock): the top two units' days rolled up to months and years, with the level-3 units' months
     * (rolled up to years) and their recent days.
     */
    Map<String, TreeMap<DimDay, long[]>> dimGrains() {
        Map<String, TreeMap<DimDay, long[]>> grains = new java.util.LinkedHashMap<>();
        TreeMap<DimDay, long[]> days = new TreeMap<>(dims);
        thirdDays.forEach((k, v) -> add(days.computeIfAbsent(k, x -> new long[FlowKind.DIMENSION_COUNT]), v));
        TreeMap<DimDay, long[]> months = dimsRolledUp(dims, d -> d.withDayOfMonth(1));
        thirdMonths.forEach((k, v) -> add(months.computeIfAbsent(k, x -> new long[FlowKind.DIMENSION_COUNT]), v));
        TreeMap<DimDay, long[]> years = dimsRolledUp(months, d -> d.withDayOfYear(1));
        days.values().removeIf(Deltas::allZero);
        months.values().removeIf(Deltas::allZero);
        grains.put("D", days);
        grains.put("M", months);
        grains.put("Y", years);
        return grains;
    }

    private static TreeMap<DimDay, long[]> dimsRolledUp(Map<DimDay, long[]> rows,
                                                        java.util.function.UnaryOperator<LocalDate> period) {
        TreeMap<DimDay, long[]> rollup = new TreeMap<>();
        rows.forEach((k, v) -> add(rollup.computeIfAbsent(new DimDay(k.unitId(), k.dimension(), k.value(),
                period.apply(k.day())), x -> new long[FlowKind.DIMENSION_COUNT]), v));
        rollup.values().removeIf(Deltas::allZero);
        return rollup;
    }

    boolean isEmpty() {
        return units.isEmpty() && unions.isEmpty() && dims.isEmpty() && thirdMonths.isEmpty();
    }

    /** Adds the rows by dimension of one unit only. */
    void addDimsOf(Deltas other, long unitId) {
        other.dims.forEach((k, v) -> {
            if (k.unitId() == unitId) {
                add(dims.computeIfAbsent(k, x -> new long[FlowKind.DIMENSION_COUNT]), v);
            }
        });
    }

    /** Adds the level-3 rows by dimension of these units only. */
    void addThirdOf(Deltas other, java.util.Set<Long> unitIds) {
        other.thirdMonths.forEach((k, v) -> {
            if (unitIds.contains(k.unitId())) {
                add(thirdMonths.computeIfAbsent(k, x -> new long[FlowKind.DIMENSION_COUNT]), v);
            }
        });
        other.thirdDays.forEach((k, v) -> {
            if (unitIds.contains(k.unitId()) && !k.day().isBefore(thirdDaysFrom)) {
                add(thirdDays.computeIfAbsent(k, x -> new long[FlowKind.DIMENSION_COUNT]), v);
            }
        });
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
