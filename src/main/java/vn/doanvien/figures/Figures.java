package vn.doanvien.figures;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import vn.doanvien.organisation.UnitTree;

/**
 * Reads membership figures of any unit's subtree on any day: the maintained registry figures, corrected
 * by reported figures where units reported them.
 *
 * <p>How reports and the registry combine (never counting anyone twice): a report gives a unit's stock
 * at the end of a month. On day d, each unit D in the subtree with a report for a month up to d's month,
 * and no reporting unit above it inside the subtree, replaces its own registry stock on the last day of
 * its latest report month L by the reported stock; registry changes after L are added on top. So
 * value(d) = registry(d) + sum over such D of (reported(D, L) - registry(D, end of L)). Reported joins and
 * departures replace the registry's for the months they cover, by the same rule. Grassroots unions' monthly
 * member counts (for unions without member lists here) work the same way one level down, unless a unit
 * report above the union already covers it.
 */
@ApplicationScoped
@Transactional
public class Figures {

    /** Where a figure came from. */
    public enum Source {
        /** The registry alone. */
        REGISTRY,
        /** The scope's own report for that month. */
        REPORTED,
        /** Registry changes on top of the latest reports of the scope or of units below it. */
        COMBINED
    }

    /** A subtree's figures on a day, with the flows since an earlier day. */
    public record Point(LocalDate date, long members, long unions, long joined, long left,
                        long transfersIn, long transfersOut, Source source) {
    }

    private final FiguresRepository repository;
    private final UnitTotalsRepository unitTotals;
    private final FigureSources sources;
    private final ReportedFigureRepository reports;

    Figures(FiguresRepository repository, UnitTotalsRepository unitTotals, FigureSources sources,
            ReportedFigureRepository reports) {
        this.repository = repository;
        this.unitTotals = unitTotals;
        this.sources = sources;
        this.reports = reports;
    }

    public UnitTree tree() {
        return sources.loadTree();
    }

    /**
     * The figures of {@code unitId}'s subtree on each date, flows counted from the previous date (the first
     * date's flows from {@code flowsFrom}). Dates must be ascending.
     */
    public List<Point> points(long unitId, UnitTree tree, LocalDate flowsFrom, List<LocalDate> dates) {
        if (dates.isEmpty()) {
            return List.of();
        }
        LocalDate last = dates.get(dates.size() - 1);
        // Only the days asked for (and month ends) are ever looked up, so each curve is read from the monthly
        // rollup plus the day rows of the months that hold one of those days.
        List<LocalDate> asked = new ArrayList<>(dates);
        if (flowsFrom != null && !flowsFrom.isAfter(last)) {
            asked.add(flowsFrom);
        }
        Map<Long, Curve> curves = new HashMap<>();
        curves.put(unitId, new Curve(repository.curveRows(unitId, asked)));
        Set<Long> everBelow = new HashSet<>();
        for (LocalDate d : dates) {
            everBelow.addAll(tree.subtreeOn(unitId, d));
        }
        everBelow.add(unitId);
        Map<Long, NavigableMap<LocalDate, ReportedFigure>> reported = new HashMap<>();
        for (ReportedFigure r : reports.ofUnitsUpTo(everBelow, last.withDayOfMonth(1))) {
            reported.computeIfAbsent(r.key.unitId(), k -> new TreeMap<>()).put(r.key.monthStart(), r);
        }
        for (Long d : reported.keySet()) {
            curves.computeIfAbsent(d, k -> new Curve(repository.curveRows(k, asked)));
        }
        Map<Long, CountedUnion> counted = countedUnions(repository.countsUnder(everBelow, last.withDayOfMonth(1)));
        List<Point> result = new ArrayList<>(dates.size());
        LocalDate previous = flowsFrom;
        for (LocalDate d : dates) {
            result.add(point(unitId, tree, previous, d, curves, reported, counted));
            previous = d;
        }
        return result;
    }

    /** Grassroots unions with monthly counts, with their placements and registry months. */
    private Map<Long, CountedUnion> countedUnions(List<FiguresRepository.CountRow> rows) {
        Map<Long, CountedUnion> counted = new HashMap<>();
        for (FiguresRepository.CountRow r : rows) {
            counted.computeIfAbsent(r.grassrootsUnionId(), CountedUnion::new).counts.put(r.month(), r);
        }
        if (!counted.isEmpty()) {
            sources.placementsOfMany(counted.keySet()).forEach((g, p) -> counted.get(g).placements = p);
            repository.unionMonths(counted.keySet()).forEach((g, m) -> counted.get(g).months = m);
        }
        return counted;
    }

    /**
     * A grassroots union that reports monthly counts. Its count for a month replaces its registry stock at the
     * end of that month (registry changes after it are added); reported joins and departures replace the
     * registry's for that month. A unit report above it covers it, so it is then not counted again.
     */
    private static final class CountedUnion {
        final long id;
        final TreeMap<LocalDate, FiguresRepository.CountRow> counts = new TreeMap<>();
        List<Timeline.Placement> placements = List.of();
        TreeMap<LocalDate, long[]> months = new TreeMap<>();

        CountedUnion(long id) {
            this.id = id;
        }

        Long unitOn(LocalDate d) {
            for (Timeline.Placement p : placements) {
                if (p.activeOn(d)) {
                    return p.unitId();
                }
            }
            return null;
        }

        long registryMembersAtEndOf(LocalDate month) {
            long stock = 0;
            for (long[] m : months.headMap(month, true).values()) {
                stock += FlowKind.memberStock(m);
            }
            return stock;
        }

        long[] registryFlowsOf(LocalDate month) {
            return months.getOrDefault(month, new long[4]);
        }

        FiguresRepository.CountRow latestMembersUpTo(LocalDate month) {
            for (FiguresRepository.CountRow r : counts.headMap(month, true).descendingMap().values()) {
                if (r.members() != null) {
                    return r;
                }
            }
            return null;
        }

        /** {members adjustment on d, joined adjustment, left adjustment in (from, d]}. */
        long[] adjustment(LocalDate from, LocalDate d) {
            long[] adj = new long[3];
            FiguresRepository.CountRow latest = latestMembersUpTo(d.withDayOfMonth(1));
            if (latest != null) {
                adj[0] = latest.members() - registryMembersAtEndOf(latest.month());
            }
            for (FiguresRepository.CountRow r : counts.headMap(d.withDayOfMonth(1), true).values()) {
                LocalDate end = YearMonth.from(r.month()).atEndOfMonth();
                if (!end.isAfter(from) || end.isAfter(d)) {
                    continue;
                }
                long[] registry = registryFlowsOf(r.month());
                if (r.joined() != null) {
                    adj[1] += r.joined() - registry[0];
                }
                if (r.left() != null) {
                    adj[2] += r.left() - registry[1];
                }
            }
            return adj;
        }

        boolean reportsBy(LocalDate d) {
            return !counts.headMap(d.withDayOfMonth(1), true).isEmpty();
        }
    }

    /** The figures of one subtree on one day, flows in (from, d]. */
    public Point point(long unitId, UnitTree tree, LocalDate from, LocalDate d) {
        return points(unitId, tree, from, List.of(d)).get(0);
    }

    /** Registry-only totals for many units at once (breakdowns), then corrected by reports where there are any. */
    public Map<Long, Point[]> pointsOfMany(Collection<Long> unitIds, UnitTree tree, LocalDate b, LocalDate d) {
        Map<Long, UnitTotals> totals = unitTotals.totals(unitIds, b, d);
        Set<Long> below = new HashSet<>();
        for (Long u : unitIds) {
            below.addAll(tree.subtreeOn(u, d));
            below.addAll(tree.subtreeOn(u, b));
        }
        boolean anyReports = !reports.ofUnitsUpTo(below, d.withDayOfMonth(1)).isEmpty()
                || !repository.countsUnder(below, d.withDayOfMonth(1)).isEmpty();
        Map<Long, Point[]> result = new HashMap<>();
        for (Long u : unitIds) {
            if (anyReports) {
                List<Point> p = points(u, tree, b, List.of(b, d));
                result.put(u, new Point[] {p.get(0), p.get(1)});
            } else {
                UnitTotals t = totals.getOrDefault(u, UnitTotals.ZERO);
                result.put(u, new Point[] {
                    new Point(b, t.membersAtStart(), t.unionsAtStart(), 0, 0, 0, 0, Source.REGISTRY),
                    new Point(d, t.membersAtEnd(), t.unionsAtEnd(), t.joined(), t.left(), t.transfersIn(),
                            t.transfersOut(), Source.REGISTRY)});
            }
        }
        return result;
    }

    private Point point(long scope, UnitTree tree, LocalDate from, LocalDate d, Map<Long, Curve> curves,
                        Map<Long, NavigableMap<LocalDate, ReportedFigure>> reported,
                        Map<Long, CountedUnion> counted) {
        Curve own = curves.get(scope);
        long members = own.members(d);
        long unions = own.unions(d);
        long[] flows = own.flows(from, d);
        boolean adjusted = false;
        boolean ownReportThisMonth = false;
        Set<Long> subtree = tree.subtreeOn(scope, d);
        for (Long unit : reported.keySet()) {
            if (!subtree.contains(unit) || hasReportingAncestor(unit, scope, d, tree, reported)) {
                continue;
            }
            NavigableMap<LocalDate, ReportedFigure> byMonth = reported.get(unit).headMap(d.withDayOfMonth(1), true);
            if (byMonth.isEmpty()) {
                continue;
            }
            Curve curve = curves.get(unit);
            ReportedFigure latestMembers = latestWith(byMonth, true);
            if (latestMembers != null) {
                LocalDate end = YearMonth.from(latestMembers.key.monthStart()).atEndOfMonth();
                members += latestMembers.members - curve.members(end);
                adjusted = true;
            }
            ReportedFigure latestUnions = latestWith(byMonth, false);
            if (latestUnions != null) {
                LocalDate end = YearMonth.from(latestUnions.key.monthStart()).atEndOfMonth();
                unions += latestUnions.grassrootsUnions - curve.unions(end);
                adjusted = true;
            }
            // Reported flows replace the registry's for whole months that end inside (from, d].
            for (ReportedFigure r : byMonth.values()) {
                LocalDate end = YearMonth.from(r.key.monthStart()).atEndOfMonth();
                if (!end.isAfter(from) || end.isAfter(d)) {
                    continue;
                }
                long[] registry = curve.flows(r.key.monthStart().minusDays(1), end);
                if (r.joined != null) {
                    flows[0] += r.joined - registry[0];
                }
                if (r.left != null) {
                    flows[1] += r.left - registry[1];
                }
            }
            if (unit == scope && byMonth.lastKey().equals(d.withDayOfMonth(1))) {
                ownReportThisMonth = true;
            }
        }
        for (CountedUnion g : counted.values()) {
            Long unit = g.unitOn(d);
            if (unit == null || !subtree.contains(unit) || !g.reportsBy(d)) {
                continue;
            }
            NavigableMap<LocalDate, ReportedFigure> unitReports = reported.get(unit);
            boolean coveredByUnitReport = unitReports != null
                    && !unitReports.headMap(d.withDayOfMonth(1), true).isEmpty()
                    || hasReportingAncestor(unit, scope, d, tree, reported);
            if (coveredByUnitReport) {
                continue;
            }
            long[] adj = g.adjustment(from, d);
            members += adj[0];
            flows[0] += adj[1];
            flows[1] += adj[2];
            adjusted = true;
        }
        Source source = !adjusted ? Source.REGISTRY : ownReportThisMonth ? Source.REPORTED : Source.COMBINED;
        return new Point(d, members, unions, flows[0], flows[1], flows[2], flows[3], source);
    }

    private static boolean hasReportingAncestor(long unit, long scope, LocalDate d, UnitTree tree,
                                                Map<Long, NavigableMap<LocalDate, ReportedFigure>> reported) {
        if (unit == scope) {
            return false;
        }
        List<Long> chain = tree.chainOn(unit, d);
        for (int i = 1; i < chain.size(); i++) {
            Long above = chain.get(i);
            NavigableMap<LocalDate, ReportedFigure> r = reported.get(above);
            if (r != null && !r.headMap(d.withDayOfMonth(1), true).isEmpty()) {
                return true;
            }
            if (above == scope) {
                break;
            }
        }
        return false;
    }

    private static ReportedFigure latestWith(NavigableMap<LocalDate, ReportedFigure> byMonth, boolean members) {
        for (ReportedFigure r : byMonth.descendingMap().values()) {
            if (members ? r.members != null : r.grassrootsUnions != null) {
                return r;
            }
        }
        return null;
    }

    /** Enterprises with at least {@code minWorkforce} workers recruited by upper-level unions in the subtree, and how many have an active grassroots union on d. */
    public long[] coverage(long unitId, UnitTree tree, int minWorkforce, LocalDate d) {
        return repository.coverage(tree.subtreeOn(unitId, d), minWorkforce, d);
    }

    /** Grassroots unions placed directly under the unit on d, with their figures on b and d. */
    public Map<Long, Point[]> grassrootsPoints(long unitId, LocalDate b, LocalDate d) {
        Map<Long, Point[]> points = repository.grassrootsPoints(unitId, b, d);
        Map<Long, CountedUnion> counted = countedUnions(repository.countsUnder(List.of(unitId), d.withDayOfMonth(1)));
        for (CountedUnion g : counted.values()) {
            Point[] p = points.get(g.id);
            if (p == null) {
                continue;
            }
            long atB = g.reportsBy(b) ? g.adjustment(b, b)[0] : 0;
            long[] atD = g.adjustment(b, d);
            points.put(g.id, new Point[] {
                new Point(b, p[0].members() + atB, p[0].unions(), 0, 0, 0, 0, g.reportsBy(b) ? Source.COMBINED : p[0].source()),
                new Point(d, p[1].members() + atD[0], p[1].unions(), p[1].joined() + atD[1], p[1].left() + atD[2],
                        p[1].transfersIn(), p[1].transfersOut(), Source.COMBINED)});
        }
        return points;
    }
}
