package vn.doanvien.figures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.doanvien.organisation.UnitTree;

/**
 * The membership figures of a unit split by a {@link Dimension}: members and grassroots unions on a day, joins and
 * departures in a period, per value. The top three units of each chain (the Confederation, the level-2 units and,
 * for recent days and the dimensions that do not change with time, the level-3 units: {@link LevelThree}) read their
 * maintained rows by dimension: a few dozen rows per value, whatever the number of members. A unit further down, or
 * a level-3 unit otherwise, computes the same flows from the stays of the grassroots unions ever placed below it,
 * with the same emission the ledger uses, so both answers are the same figures.
 */
@ApplicationScoped
@Transactional
public class DimensionFigures {

    /** Before any date the registry holds. */
    static final LocalDate EPOCH = LocalDate.of(1900, 1, 1);

    /**
     * One value's figures. For workplace dimensions only (0 in person dimensions): {@code unions}, the active
     * grassroots unions; {@code workforce}, the workers of their enterprises where known; {@code membersWithWorkforce},
     * the members of those unions.
     */
    public record Point(long members, long unions, long joined, long left, long workforce,
                        long membersWithWorkforce) {
        boolean isEmpty() {
            return members == 0 && unions == 0 && joined == 0 && left == 0;
        }

        /** Members per 100 workers, rounded to two decimals; null without a known workforce. */
        public Double membersPer100Workers() {
            return workforce == 0 ? null : Math.round(membersWithWorkforce * 10000.0 / workforce) / 100.0;
        }
    }

    private final FigureSources sources;
    private final DimensionFiguresRepository dimensions;
    private final DimensionSources dimensionSources;

    DimensionFigures(FigureSources sources, DimensionFiguresRepository dimensions, DimensionSources dimensionSources) {
        this.sources = sources;
        this.dimensions = dimensions;
        this.dimensionSources = dimensionSources;
    }

    /**
     * The figures of {@code unitId} by value of {@code dimension}: stock on {@code asOf}, joins and departures in
     * [from, asOf]; values with nothing to show are left out.
     */
    public Map<String, Point> byDimension(long unitId, Dimension dimension, LocalDate from, LocalDate asOf) {
        return byDimension(unitId, dimension, from, asOf, sources.loadTree());
    }

    /** The same, with the dated tree the caller already read. */
    public Map<String, Point> byDimension(long unitId, Dimension dimension, LocalDate from, LocalDate asOf,
                                          UnitTree tree) {
        Map<String, long[]> stock;
        Map<String, long[]> period;
        if (keptRowsAnswer(unitId, dimension, from, asOf, tree)) {
            stock = dimensions.sums(unitId, dimension, EPOCH, asOf);
            period = dimensions.sums(unitId, dimension, from, asOf);
        } else {
            TreeMap<LocalDate, Map<String, long[]>> days = fromStays(unitId, dimension, tree);
            stock = sum(days, EPOCH, asOf);
            period = sum(days, from, asOf);
        }
        Map<String, Point> result = new TreeMap<>(dimension.order());
        Set<String> values = new HashSet<>(stock.keySet());
        values.addAll(period.keySet());
        for (String v : values) {
            long[] s = stock.getOrDefault(v, new long[FlowKind.DIMENSION_COUNT]);
            long[] p = period.getOrDefault(v, new long[FlowKind.DIMENSION_COUNT]);
            Point point = new Point(FlowKind.memberStock(s), dimension.workplace() ? FlowKind.unionStock(s) : 0,
                    p[FlowKind.JOINED.ordinal()], p[FlowKind.LEFT.ordinal()], s[FlowKind.WORKFORCE_COLUMN],
                    s[FlowKind.MEMBERS_WITH_WORKFORCE_COLUMN]);
            if (!point.isEmpty()) {
                result.put(v, point);
            }
        }
        return result;
    }

    /**
     * Whether the figures of {@code unitId} for [from, asOf] are summed from its kept rows: at the top two levels on
     * {@code asOf} always, at level 3 for the dimensions kept there when the days they need are recent ({@link
     * LevelThree}).
     */
    static boolean keptRowsAnswer(long unitId, Dimension dimension, LocalDate from, LocalDate asOf, UnitTree tree) {
        return LevelThree.keptRowsAnswer(tree.chainOn(unitId, asOf).size(), dimension, from, asOf,
                vn.doanvien.common.Today.date());
    }

    /**
     * For each of the units {@code unitIds}, all at the same level on {@code asOf} and with kept rows for it ({@link
     * #keptRowsAnswer}): {workforce, members with workforce} on {@code asOf} (the totals over every value of a
     * workplace dimension), in one read.
     */
    public Map<Long, long[]> workforceOfKept(java.util.Collection<Long> unitIds, LocalDate asOf) {
        return dimensions.workforceOfMany(unitIds, asOf);
    }

    /**
     * Whether the children of {@code unitId} on {@code asOf} have kept rows for it ({@link #workforceOfKept}, read from
     * SIZE_BAND, kept at level 3).
     */
    public boolean childrenKeepRows(long unitId, LocalDate asOf, UnitTree tree) {
        return LevelThree.keptRowsAnswer(tree.chainOn(unitId, asOf).size() + 1, Dimension.SIZE_BAND, asOf, asOf,
                vn.doanvien.common.Today.date());
    }

    /** The flows credited to {@code unitId} by value, per day, recomputed from the stays below it. */
    private TreeMap<LocalDate, Map<String, long[]>> fromStays(long unitId, Dimension dimension, UnitTree tree) {
        Set<Long> below = new HashSet<>(tree.everBelow(unitId));
        below.add(unitId);
        List<Long> unions = dimensionSources.unionsEverPlacedUnder(below);
        Map<Long, List<Timeline.Placement>> placements = sources.placementsOfMany(unions);
        Map<Long, Workplace> workplaces = dimensionSources.workplacesOf(unions);
        Map<Long, List<MembershipSpan>> spans = dimensionSources.spansOf(unions);
        Map<Long, Flow> lives = dimension.workplace() ? dimensionSources.livesOf(unions) : Map.of();
        TreeMap<LocalDate, Map<String, long[]>> days = new TreeMap<>();
        MembershipLedger.DimensionSink sink = (unit, dim, value, day, column, n) -> {
            if (unit == unitId && n != 0) {
                days.computeIfAbsent(day, d -> new TreeMap<>())
                        .computeIfAbsent(value, v -> new long[FlowKind.DIMENSION_COUNT])[column] += n;
            }
        };
        for (Long g : unions) {
            List<MembershipSpan> stays = spans.getOrDefault(g, List.of());
            Flow life = lives.get(g);
            boolean hasLife = life != null && !life.isEmpty();
            // One timeline per union, from its first date, serves every stay in it: a stay's flows meet the
            // same units on each day, and the stock it does not hold yet is zero when the timeline changes
            // before it starts (rows of zero are not kept). A timeline per stay cost a third of the time here.
            LocalDate first = stays.stream().map(MembershipSpan::start).min(LocalDate::compareTo)
                    .orElse(hasLife ? life.start() : null);
            if (first == null) {
                continue;
            }
            if (hasLife && life.start().isBefore(first)) {
                first = life.start();
            }
            Timeline timeline = Timeline.ofGrassrootsUnion(placements.getOrDefault(g, List.of()), tree, first);
            Workplace workplace = workplaces.get(g);
            for (MembershipSpan s : stays) {
                MembershipLedger.emitDimension(dimension, s, 1, timeline, workplace, sink);
            }
            if (hasLife) {
                MembershipLedger.emitLifeIn(dimension, life, timeline, 1, workplace, sink);
            }
        }
        return days;
    }

    private static Map<String, long[]> sum(TreeMap<LocalDate, Map<String, long[]>> days, LocalDate from,
                                           LocalDate to) {
        Map<String, long[]> sums = new TreeMap<>();
        if (to.isBefore(from)) {
            return sums;
        }
        days.subMap(from, true, to, true).values().forEach(byValue -> byValue.forEach((v, flows) -> {
            long[] s = sums.computeIfAbsent(v, x -> new long[FlowKind.DIMENSION_COUNT]);
            for (int i = 0; i < flows.length; i++) {
                s[i] += flows[i];
            }
        }));
        return sums;
    }

}
