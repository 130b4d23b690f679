package vn.doanvien.target;

import vn.doanvien.security.Reach;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.Today;
import vn.doanvien.figures.Figures;
import vn.doanvien.figures.Figures.Point;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.grassroots.GrassrootsUnionRepository;
import vn.doanvien.organisation.UnitLabel;
import vn.doanvien.organisation.UnitRepository;
import vn.doanvien.organisation.UnitTree;
import vn.doanvien.target.TargetDtos.AllocationResponse;
import vn.doanvien.target.TargetDtos.BreakdownRow;
import vn.doanvien.target.TargetDtos.Pace;
import vn.doanvien.target.TargetDtos.ProgressResponse;
import vn.doanvien.target.TargetDtos.SeriesPoint;
import vn.doanvien.target.TargetDtos.SeriesResponse;

/**
 * Progress of a target from the maintained figures: the value on the baseline date and on asOf, pace,
 * projection, status and a breakdown by child target or child unit. Never counts members row by row.
 */
@ApplicationScoped
@Transactional
class ProgressService {

    static final int MAX_SERIES_MONTHS = 240;

    private final TargetService targets;
    private final TargetRepository targetRepository;
    private final Figures figures;
    private final UnitRepository units;
    private final GrassrootsUnionRepository grassroots;

    ProgressService(TargetService targets, TargetRepository targetRepository, Figures figures,
                    UnitRepository units, GrassrootsUnionRepository grassroots) {
        this.targets = targets;
        this.targetRepository = targetRepository;
        this.figures = figures;
        this.units = units;
        this.grassroots = grassroots;
    }

    ProgressResponse progress(long id, LocalDate asOfParam, Comparator<BreakdownRow> order, Reach reach) {
        Target t = targets.find(id, reach);
        LocalDate asOf = asOfParam == null ? Today.date() : asOfParam;
        LocalDate b = t.baselineDate;
        if (asOf.isBefore(b)) {
            throw ApiProblem.invalid("asOf", "must be on or after the target's baselineDate " + b);
        }
        UnitTree tree = figures.tree();
        UnitLabel scope = units.labels(List.of(t.scopeUnitId)).get(t.scopeUnitId);

        // The days whose values are needed: baseline, the pace windows, month ends for the projection, asOf.
        TreeSet<LocalDate> days = new TreeSet<>();
        days.add(b);
        days.add(asOf);
        for (int m : new int[] {3, 6, 12}) {
            days.add(asOf.minusMonths(m));
        }
        LocalDate windowStart = asOf.minusMonths(12).isAfter(b) ? asOf.minusMonths(12) : b;
        List<LocalDate> projectionDays = new ArrayList<>();
        for (YearMonth m = YearMonth.from(windowStart); m.isBefore(YearMonth.from(asOf)); m = m.plusMonths(1)) {
            LocalDate end = m.atEndOfMonth();
            if (!end.isBefore(windowStart)) {
                projectionDays.add(end);
                days.add(end);
            }
        }
        if (!projectionDays.contains(windowStart)) {
            projectionDays.add(0, windowStart);
            days.add(windowStart);
        }
        projectionDays.add(asOf);
        Values values = values(t, tree, new ArrayList<>(days));

        double baseline = values.at(b);
        double current = values.at(asOf);
        double target = t.targetValue.doubleValue();
        long daysLeft = Math.max(0, ChronoUnit.DAYS.between(asOf, t.deadline));
        double remaining = Math.max(0, target - current);
        Double requiredPerMonth = daysLeft == 0 ? null
                : ProgressMath.round(remaining / (daysLeft / ProgressMath.DAYS_PER_MONTH), 2);
        Pace pace = new Pace(paceOver(values, asOf, 3, b), paceOver(values, asOf, 6, b), paceOver(values, asOf, 12, b));
        List<Double> projectionValues = projectionDays.stream().map(values::at).toList();
        Double projected = ProgressMath.projectLinear(projectionDays, projectionValues, t.deadline);
        TargetStatus status = ProgressMath.status(baseline, current, target, projected, !asOf.isBefore(t.deadline));
        Point now = values.pointAt(asOf);

        List<Target> children = targetRepository.childrenOf(t.id);
        AllocationResponse allocation = children.isEmpty() ? null : targets.allocations(t, tree, asOf);
        List<BreakdownRow> breakdown = children.isEmpty()
                ? breakdownByUnits(t, tree, b, asOf, baseline, target)
                : breakdownByTargets(t, children, tree, b, asOf);

        return new ProgressResponse(t.id, t.name, t.metric, t.scopeUnitId, scope == null ? null : scope.name(),
                asOf, b, t.deadline, baseline, current, target,
                ProgressMath.percent(current, target),
                target == baseline ? null : ProgressMath.percent(current - baseline, target - baseline),
                ProgressMath.round(remaining, 2), daysLeft, requiredPerMonth, pace, projected, status,
                now.joined(), now.left(), now.transfersIn(), now.transfersOut(),
                values.eligible(asOf), values.covered(asOf), now.source(),
                breakdown.stream().map(r -> withPace(r, b, asOf)).sorted(order).toList(), allocation);
    }

    SeriesResponse series(long id, YearMonth fromParam, YearMonth toParam, Reach reach) {
        Target t = targets.find(id, reach);
        YearMonth from = fromParam == null ? YearMonth.from(t.baselineDate) : fromParam;
        YearMonth to = toParam == null ? YearMonth.from(t.deadline) : toParam;
        if (to.isBefore(from)) {
            throw ApiProblem.invalid("to", "must not be before from");
        }
        if (from.until(to, ChronoUnit.MONTHS) >= MAX_SERIES_MONTHS) {
            throw ApiProblem.invalid("to", "at most " + MAX_SERIES_MONTHS + " months per series");
        }
        LocalDate today = Today.date();
        UnitTree tree = figures.tree();
        List<LocalDate> days = new ArrayList<>();
        days.add(t.baselineDate);
        // The day before the first month, so that the first month's joins and departures are its own.
        LocalDate before = from.minusMonths(1).atEndOfMonth();
        if (!before.isAfter(today) && !days.contains(before)) {
            days.add(before);
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
            LocalDate end = m.atEndOfMonth();
            LocalDate day = end.isAfter(today) ? today : end;
            if (!m.atDay(1).isAfter(today) && !days.contains(day)) {
                days.add(day);
            }
        }
        days.sort(Comparator.naturalOrder());
        Values values = values(t, tree, days);
        double baseline = values.at(t.baselineDate);
        double target = t.targetValue.doubleValue();
        List<SeriesPoint> points = new ArrayList<>();
        for (YearMonth m : months) {
            LocalDate end = m.atEndOfMonth();
            boolean future = m.atDay(1).isAfter(today);
            LocalDate day = end.isAfter(today) ? today : end;
            double required = ProgressMath.required(t.baselineDate, baseline, t.deadline, target, end);
            if (future) {
                points.add(new SeriesPoint(m.toString(), end, null, required, null, null, null));
            } else {
                Point p = values.pointAt(day);
                long[] monthFlows = values.flowsInMonth(m, day);
                points.add(new SeriesPoint(m.toString(), day, values.at(day), required,
                        monthFlows[0], monthFlows[1], p.source()));
            }
        }
        return new SeriesResponse(t.id, t.metric, baseline, target, t.baselineDate, t.deadline, points, null);
    }

    /** The metric's value on each day, and the figures behind it. */
    private Values values(Target t, UnitTree tree, List<LocalDate> days) {
        List<LocalDate> sorted = new ArrayList<>(new TreeSet<>(days));
        List<Point> points = figures.points(t.scopeUnitId, tree, sorted.get(0), sorted);
        Map<LocalDate, Point> byDay = new HashMap<>();
        for (Point p : points) {
            byDay.put(p.date(), p);
        }
        Map<LocalDate, long[]> coverage = new HashMap<>();
        if (t.metric == TargetMetric.ENTERPRISE_COVERAGE) {
            for (LocalDate d : sorted) {
                coverage.put(d, figures.coverage(t.scopeUnitId, tree, t.effectiveMinWorkforce(), d));
            }
        }
        return new Values(t, sorted, byDay, coverage);
    }

    private static Double paceOver(Values values, LocalDate asOf, int months, LocalDate baseline) {
        LocalDate start = asOf.minusMonths(months);
        if (start.isBefore(baseline) && values.target.metric == TargetMetric.NEW_MEMBERS) {
            return null;
        }
        return ProgressMath.round((values.at(asOf) - values.at(start)) / months, 2);
    }

    private List<BreakdownRow> breakdownByTargets(Target parent, List<Target> children, UnitTree tree,
                                                  LocalDate b, LocalDate d) {
        List<Long> ids = children.stream().map(c -> c.scopeUnitId).toList();
        Map<Long, UnitLabel> byId = unitsById(ids);
        Map<Long, Point[]> points = parent.metric == TargetMetric.ENTERPRISE_COVERAGE ? Map.of()
                : figures.pointsOfMany(ids, tree, b, d);
        List<BreakdownRow> rows = new ArrayList<>();
        for (Target c : children) {
            UnitLabel u = byId.get(c.scopeUnitId);
            double[] v = rowValues(parent, tree, c.scopeUnitId, points.get(c.scopeUnitId), b, d);
            Point[] p = points.get(c.scopeUnitId);
            double tv = c.targetValue.doubleValue();
            rows.add(new BreakdownRow("UNIT", c.scopeUnitId, u == null ? null : u.code(), u == null ? null : u.name(),
                    c.id, tv, false, v[0], v[1], ProgressMath.percent(v[1], tv), ProgressMath.round(tv - v[1], 2),
                    null, p == null ? 0 : p[1].joined(), p == null ? 0 : p[1].left(),
                    p == null ? 0 : p[1].transfersIn(), p == null ? 0 : p[1].transfersOut()));
        }
        rows.sort(BY_GAP);
        return rows;
    }

    private List<BreakdownRow> breakdownByUnits(Target t, UnitTree tree, LocalDate b, LocalDate d,
                                                double baseline, double target) {
        List<Long> childUnits = tree.childrenOn(t.scopeUnitId, d);
        List<BreakdownRow> rows = new ArrayList<>();
        boolean proRata = t.metric != TargetMetric.NEW_MEMBERS && baseline > 0;
        if (!childUnits.isEmpty()) {
            Map<Long, UnitLabel> byId = unitsById(childUnits);
            Map<Long, Point[]> points = t.metric == TargetMetric.ENTERPRISE_COVERAGE ? Map.of()
                    : figures.pointsOfMany(childUnits, tree, b, d);
            for (Long id : childUnits) {
                UnitLabel u = byId.get(id);
                Point[] p = points.get(id);
                double[] v = rowValues(t, tree, id, p, b, d);
                rows.add(row("UNIT", id, u == null ? null : u.code(), u == null ? null : u.name(), v, p, proRata,
                        t.metric == TargetMetric.ENTERPRISE_COVERAGE ? target : v[0] * target / baseline));
            }
        } else if (t.metric != TargetMetric.ENTERPRISE_COVERAGE) {
            Map<Long, Point[]> points = figures.grassrootsPoints(t.scopeUnitId, b, d);
            Map<Long, GrassrootsUnion> byId = grassroots.byIds(points.keySet());
            for (Map.Entry<Long, Point[]> e : points.entrySet()) {
                GrassrootsUnion g = byId.get(e.getKey());
                Point[] p = e.getValue();
                double[] v = switch (t.metric) {
                    case GRASSROOTS_UNIONS -> new double[] {p[0].unions(), p[1].unions()};
                    case NEW_MEMBERS -> new double[] {0, p[1].joined()};
                    default -> new double[] {p[0].members(), p[1].members()};
                };
                rows.add(row("GRASSROOTS_UNION", e.getKey(), g == null ? null : g.code, g == null ? null : g.name,
                        v, p, proRata, v[0] * target / baseline));
            }
        }
        rows.sort(BY_GAP);
        return rows;
    }

    private static BreakdownRow row(String kind, Long id, String code, String name, double[] v, Point[] p,
                                    boolean proRata, double implied) {
        Double tv = proRata ? ProgressMath.round(implied, 2) : null;
        return new BreakdownRow(kind, id, code, name, null, tv, tv != null, v[0], v[1],
                tv == null ? null : ProgressMath.percent(v[1], tv),
                tv == null ? null : ProgressMath.round(tv - v[1], 2), null,
                p == null ? 0 : p[1].joined(), p == null ? 0 : p[1].left(),
                p == null ? 0 : p[1].transfersIn(), p == null ? 0 : p[1].transfersOut());
    }

    /** {baseline, current} of one child unit for the target's metric. */
    private double[] rowValues(Target t, UnitTree tree, long unitId, Point[] p, LocalDate b, LocalDate d) {
        return switch (t.metric) {
            case ACTIVE_MEMBERS -> new double[] {p == null ? 0 : p[0].members(), p == null ? 0 : p[1].members()};
            case GRASSROOTS_UNIONS -> new double[] {p == null ? 0 : p[0].unions(), p == null ? 0 : p[1].unions()};
            case NEW_MEMBERS -> new double[] {0, p == null ? 0 : p[1].joined()};
            case ENTERPRISE_COVERAGE -> new double[] {
                coveragePercent(figures.coverage(unitId, tree, t.effectiveMinWorkforce(), b)),
                coveragePercent(figures.coverage(unitId, tree, t.effectiveMinWorkforce(), d))};
        };
    }

    private Map<Long, UnitLabel> unitsById(List<Long> ids) {
        return units.labels(ids);
    }

    static double coveragePercent(long[] c) {
        return c[0] == 0 ? 0 : ProgressMath.round(c[1] * 100.0 / c[0], 2);
    }

    /** Biggest gap first; rows without a target last, by name. */
    /** A row with its pace since the baseline. */
    private static BreakdownRow withPace(BreakdownRow r, LocalDate b, LocalDate d) {
        long days = ChronoUnit.DAYS.between(b, d);
        Double pace = days == 0 ? null
                : ProgressMath.round((r.currentValue() - r.baselineValue()) / (days / ProgressMath.DAYS_PER_MONTH), 2);
        return new BreakdownRow(r.kind(), r.unitId(), r.code(), r.name(), r.targetId(), r.targetValue(),
                r.targetImplied(), r.baselineValue(), r.currentValue(), r.percentOfTarget(), r.gap(), pace,
                r.joined(), r.left(), r.transfersIn(), r.transfersOut());
    }

    static final Comparator<BreakdownRow> BY_GAP = Comparator
            .comparing((BreakdownRow r) -> r.gap() == null ? Double.NEGATIVE_INFINITY : r.gap(),
                    Comparator.reverseOrder())
            .thenComparing(r -> r.name() == null ? "" : r.name());

    /** The metric on given days, read from the figures' points. */
    private static final class Values {
        final Target target;
        final List<LocalDate> days;
        final Map<LocalDate, Point> points;
        final Map<LocalDate, long[]> coverage;

        Values(Target target, List<LocalDate> days, Map<LocalDate, Point> points, Map<LocalDate, long[]> coverage) {
            this.target = target;
            this.days = days;
            this.points = points;
            this.coverage = coverage;
        }

        Point pointAt(LocalDate d) {
            // Flows in the returned point are summed over (baseline, d].
            long joined = 0;
            long left = 0;
            long in = 0;
            long out = 0;
            for (LocalDate day : days) {
                if (day.isAfter(target.baselineDate) && !day.isAfter(d)) {
                    Point p = points.get(day);
                    joined += p.joined();
                    left += p.left();
                    in += p.transfersIn();
                    out += p.transfersOut();
                }
            }
            Point p = points.get(d);
            return new Point(d, p.members(), p.unions(), joined, left, in, out, p.source());
        }

        /** joined and left in the month of {@code day}, up to it (from the points before and on it). */
        long[] flowsInMonth(YearMonth m, LocalDate day) {
            long joined = 0;
            long left = 0;
            for (LocalDate d : days) {
                if (!d.isAfter(day) && !d.isBefore(m.atDay(1)) && d.isAfter(days.get(0))) {
                    joined += points.get(d).joined();
                    left += points.get(d).left();
                }
            }
            return new long[] {joined, left};
        }

        double at(LocalDate d) {
            return switch (target.metric) {
                case ACTIVE_MEMBERS -> points.get(d).members();
                case GRASSROOTS_UNIONS -> points.get(d).unions();
                case NEW_MEMBERS -> d.isAfter(target.baselineDate) ? pointAt(d).joined() : 0;
                case ENTERPRISE_COVERAGE -> coveragePercent(coverage.get(d));
            };
        }

        Long eligible(LocalDate d) {
            return target.metric == TargetMetric.ENTERPRISE_COVERAGE ? coverage.get(d)[0] : null;
        }

        Long covered(LocalDate d) {
            return target.metric == TargetMetric.ENTERPRISE_COVERAGE ? coverage.get(d)[1] : null;
        }
    }
}
