package vn.doanvien.stats;

import vn.doanvien.figures.DimensionFigures;
import vn.doanvien.figures.Dimension;
import vn.doanvien.security.Reach;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.Today;
import vn.doanvien.figures.Figures;
import vn.doanvien.figures.Figures.Point;
import vn.doanvien.organisation.Unit;
import vn.doanvien.organisation.UnitLabel;
import vn.doanvien.organisation.UnitRepository;
import vn.doanvien.organisation.UnitTree;
import vn.doanvien.stats.StatsDtos.GroupBy;
import vn.doanvien.stats.StatsDtos.Interval;
import vn.doanvien.stats.StatsDtos.MembershipResponse;
import vn.doanvien.stats.StatsDtos.MembershipRow;
import vn.doanvien.stats.StatsDtos.SeriesPoint;
import vn.doanvien.stats.StatsDtos.SeriesResponse;

/**
 * Membership statistics of a unit's subtree. The total and the CHILD_UNIT rows come from the maintained figures
 * ({@link Figures}: registry, reported figures and member counts, as target progress); every other grouping is a
 * {@link Dimension} of the figures by dimension ({@link DimensionFigures}), the same structure for all of them.
 * See {@code StatsResource} for the definitions.
 */
@ApplicationScoped
@Transactional
class StatsService {

    static final int MAX_PERIODS = 240;
    /** The key of the row of what the rows cannot split (reported figures). */
    static final String NOT_SPLIT = "NOT_SPLIT";

    private final Figures figures;
    private final Labels labels;
    private final DimensionFigures dimensions;
    private final UnitRepository units;
    private final StatsRepository repository;

    StatsService(Figures figures, DimensionFigures dimensions, UnitRepository units, StatsRepository repository,
                 Labels labels) {
        this.figures = figures;
        this.labels = labels;
        this.dimensions = dimensions;
        this.units = units;
        this.repository = repository;
    }

    MembershipResponse membership(long unitId, LocalDate asOfParam, LocalDate fromParam, GroupBy groupByParam,
                                  Where where, Labels.Language language, Reach reach) {
        Unit unit = units.get(unitId, reach);
        LocalDate today = Today.date();
        LocalDate d = asOfParam == null ? today : asOfParam;
        if (d.isAfter(today)) {
            throw ApiProblem.invalid("asOf", "must not be in the future");
        }
        LocalDate f = fromParam == null ? d.withDayOfYear(1) : fromParam;
        if (f.isAfter(d)) {
            throw ApiProblem.invalid("from", "must not be after asOf");
        }
        GroupBy groupBy = groupByParam == null ? GroupBy.CHILD_UNIT : groupByParam;
        if (groupBy.dimension() != null && !groupBy.dimension().isKept()) {
            throw ApiProblem.invalid("groupBy", groupBy + " is not kept crossed in this deployment ("
                    + Dimension.PAIRS_PROPERTY + ")");
        }
        if (where != null) {
            return filtered(unit, f, d, groupBy, where, language);
        }
        UnitTree tree = figures.tree();
        LocalDate dayBefore = f.minusDays(1);
        Point total = figures.point(unit.id, tree, dayBefore, d);
        List<Grouped> grouped = groupBy == GroupBy.CHILD_UNIT ? byChild(unit, tree, f, dayBefore, d)
                : byDimension(dimensions.byDimension(unit.id, groupBy.dimension(), f, d, tree),
                        labels.forAnswer(groupBy.dimension(), language), groupBy.dimension());
        boolean workplace = groupBy == GroupBy.CHILD_UNIT || groupBy.dimension().workplace();
        long workforce = 0;
        long withWorkforce = 0;
        List<MembershipRow> rows = new ArrayList<>();
        for (Grouped g : grouped) {
            rows.add(g.row());
            workforce += g.row().workforce() == null ? 0 : g.row().workforce();
            withWorkforce += g.membersWithWorkforce();
        }
        MembershipRow totalRow = new MembershipRow("TOTAL", unit.name, unit.id, total.members(), total.unions(),
                total.joined(), total.left(), workplace ? workforce : null,
                workplace ? per100(withWorkforce, workforce) : null);
        notSplit(rows, totalRow, groupBy, language).ifPresent(rows::add);
        return new MembershipResponse(unit.id, unit.code, unit.name, groupBy, null, f, d, rows, totalRow,
                total.source());
    }

    /**
     * The rows of groupBy where the filter's dimension has its value, from the pair that crosses them; the total is
     * the rows' sum, from the registry (reported figures are not split by dimension, so they cannot be filtered).
     */
    private MembershipResponse filtered(Unit unit, LocalDate f, LocalDate d, GroupBy groupBy, Where where,
                                        Labels.Language language) {
        Dimension read = where.pairWith(groupBy);
        Dimension dimension = groupBy.dimension();
        Map<String, DimensionFigures.Point> selected = where.select(read,
                dimensions.byDimension(unit.id, read, f, d, figures.tree()));
        // read is groupBy's dimension or a pair holding it: a workplace dimension only when groupBy's is one too
        boolean workplace = read.workplace();
        List<Grouped> grouped = byDimension(selected, labels.forAnswer(dimension, language), read);
        long members = 0;
        long unions = 0;
        long joined = 0;
        long left = 0;
        long workforce = 0;
        long withWorkforce = 0;
        List<MembershipRow> rows = new ArrayList<>();
        for (Grouped g : grouped) {
            MembershipRow r = g.row();
            rows.add(r);
            members += r.activeMembers();
            unions += r.grassrootsUnions() == null ? 0 : r.grassrootsUnions();
            joined += r.joined();
            left += r.left();
            workforce += r.workforce() == null ? 0 : r.workforce();
            withWorkforce += g.membersWithWorkforce();
        }
        MembershipRow total = new MembershipRow("TOTAL", unit.name, unit.id, members, workplace ? unions : null,
                joined, left, workplace ? workforce : null, workplace ? per100(withWorkforce, workforce) : null);
        return new MembershipResponse(unit.id, unit.code, unit.name, groupBy, where.toString(), f, d, rows, total,
                Figures.Source.REGISTRY);
    }

    /** A row and the members behind its members per 100 workers (for the total's). */
    private record Grouped(MembershipRow row, long membersWithWorkforce) {
    }

    /**
     * The part of the total the rows cannot split, so that the rows add up to the total: figures that units reported
     * (and grassroots unions' monthly counts) replace the registry's in the total but are not split member by member.
     */
    private java.util.Optional<MembershipRow> notSplit(List<MembershipRow> rows, MembershipRow total, GroupBy groupBy,
                                                       Labels.Language language) {
        long members = total.activeMembers();
        long joined = total.joined();
        long left = total.left();
        long unions = total.grassrootsUnions() == null ? 0 : total.grassrootsUnions();
        for (MembershipRow r : rows) {
            members -= r.activeMembers();
            joined -= r.joined();
            left -= r.left();
            unions -= r.grassrootsUnions() == null ? 0 : r.grassrootsUnions();
        }
        if (members == 0 && joined == 0 && left == 0) {
            return java.util.Optional.empty();
        }
        Dimension dimension = groupBy == GroupBy.CHILD_UNIT ? Dimension.GENDER : groupBy.dimension(); // shared label
        boolean counted = groupBy == GroupBy.CHILD_UNIT || dimension.workplace();
        return java.util.Optional.of(new MembershipRow(NOT_SPLIT, labels.forAnswer(dimension, language)
                .label(NOT_SPLIT), null, members, counted ? unions : null, joined, left, null, null));
    }

    private static List<Grouped> byDimension(Map<String, DimensionFigures.Point> values, Labels.Labeller labels,
                                             Dimension dimension) {
        List<Grouped> rows = new ArrayList<>();
        boolean workplace = dimension.workplace();
        values.forEach((v, p) -> rows.add(new Grouped(new MembershipRow(v, labels.label(v), null, p.members(),
                workplace ? p.unions() : null, p.joined(), p.left(), workplace ? p.workforce() : null,
                workplace ? p.membersPer100Workers() : null), p.membersWithWorkforce())));
        return rows;
    }

    private static Double per100(long members, long workforce) {
        return workforce == 0 ? null : Math.round(members * 10000.0 / workforce) / 100.0;
    }

    SeriesResponse series(long unitId, YearMonth fromParam, YearMonth toParam, Interval intervalParam,
                          Reach reach) {
        Unit unit = units.get(unitId, reach);
        LocalDate today = Today.date();
        Interval interval = intervalParam == null ? Interval.MONTH : intervalParam;
        YearMonth to = toParam == null ? YearMonth.from(today) : toParam;
        YearMonth from = fromParam == null ? to.minusMonths(11) : fromParam;
        if (to.isAfter(YearMonth.from(today))) {
            throw ApiProblem.invalid("to", "must not be after the current month");
        }
        if (from.isAfter(to)) {
            throw ApiProblem.invalid("from", "must not be after to");
        }
        LocalDate start = periodStart(from.atDay(1), interval);
        List<LocalDate[]> periods = new ArrayList<>();
        for (LocalDate s = start; !s.isAfter(to.atEndOfMonth()); s = s.plus(step(interval))) {
            LocalDate end = s.plus(step(interval)).minusDays(1);
            periods.add(new LocalDate[] {s, end.isAfter(today) ? today : end});
            if (periods.size() > MAX_PERIODS) {
                throw ApiProblem.invalid("from", "at most " + MAX_PERIODS + " periods per series");
            }
        }
        UnitTree tree = figures.tree();
        LocalDate before = start.minusDays(1);
        List<LocalDate> days = new ArrayList<>();
        days.add(before);
        periods.forEach(p -> days.add(p[1]));
        List<Point> points = figures.points(unit.id, tree, before, days);
        List<SeriesPoint> result = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            Point previous = points.get(i);
            Point p = points.get(i + 1);
            result.add(new SeriesPoint(label(periods.get(i)[0], interval), periods.get(i)[0], periods.get(i)[1],
                    p.members(), p.unions(), p.joined(), p.left(), p.members() - previous.members(), p.source()));
        }
        return new SeriesResponse(unit.id, unit.code, unit.name, interval, result, null);
    }

    /**
     * Rows per child unit on d from the maintained figures, or, under an upper-level union, per grassroots union
     * from the union's own figures (with its enterprise's workforce and the members per 100 workers).
     */
    private List<Grouped> byChild(Unit unit, UnitTree tree, LocalDate f, LocalDate dayBefore, LocalDate d) {
        List<Long> children = tree.childrenOn(unit.id, d);
        List<Grouped> rows = new ArrayList<>();
        if (children.isEmpty()) {
            Set<Long> onD = tree.subtreeOn(unit.id, d);
            Set<Long> scope = new HashSet<>(onD);
            scope.addAll(tree.subtreeOn(unit.id, f));
            for (StatsRepository.UnionFigures u : repository.unionFigures(scope, f, d).values()) {
                boolean here = u.unitId != null && onD.contains(u.unitId) && u.placedOn(d);
                long members = here ? u.members : 0;
                boolean active = here && u.activeOn(d);
                long workforce = active && u.workforce != null ? u.workforce : 0;
                rows.add(new Grouped(new MembershipRow(u.code, u.name, u.id, members, active ? 1L : 0L, u.joined,
                        u.left, workforce, per100(members, workforce)), workforce == 0 ? 0 : members));
            }
            rows.sort(Comparator.comparing((Grouped g) -> g.row().label()).thenComparing(g -> g.row().id()));
            return rows;
        }
        Map<Long, Point[]> points = figures.pointsOfMany(children, tree, dayBefore, d);
        Map<Long, UnitLabel> byId = units.labels(children);
        Map<Long, long[]> workforce = childWorkforce(unit, children, tree, f, d);
        for (Long c : children) {
            Point p = points.get(c)[1];
            UnitLabel cu = byId.get(c);
            long[] w = workforce.getOrDefault(c, new long[2]);
            rows.add(new Grouped(new MembershipRow(cu == null ? null : cu.code(), cu == null ? null : cu.name(), c,
                    p.members(), p.unions(), p.joined(), p.left(), w[0], per100(w[1], w[0])), w[1]));
        }
        rows.sort(Comparator.comparing((Grouped g) -> g.row().label() == null ? "" : g.row().label())
                .thenComparing(g -> g.row().id()));
        return rows;
    }

    /**
     * Per child unit: the workforce of the enterprises of its active grassroots unions where known, and the members
     * of those unions. Children that keep figures by dimension for {@code d} (level 2; level 3 for a recent day)
     * read them; otherwise they are summed from their grassroots unions' own figures.
     */
    private Map<Long, long[]> childWorkforce(Unit unit, List<Long> children, UnitTree tree, LocalDate f,
                                             LocalDate d) {
        Map<Long, long[]> result = new HashMap<>();
        if (dimensions.childrenKeepRows(unit.id, d, tree)) {
            return dimensions.workforceOfKept(children, d);
        }
        Set<Long> onD = tree.subtreeOn(unit.id, d);
        for (StatsRepository.UnionFigures u : repository.unionFigures(onD, d, d).values()) {
            if (u.unitId == null || !onD.contains(u.unitId) || !u.placedOn(d) || !u.activeOn(d)
                    || u.workforce == null) {
                continue;
            }
            for (Long above : tree.chainOn(u.unitId, d)) {
                if (children.contains(above)) {
                    long[] w = result.computeIfAbsent(above, k -> new long[2]);
                    w[0] += u.workforce;
                    w[1] += u.members;
                    break;
                }
            }
        }
        return result;
    }

    private static Period step(Interval interval) {
        return switch (interval) {
            case MONTH -> Period.ofMonths(1);
            case QUARTER -> Period.ofMonths(3);
            case YEAR -> Period.ofYears(1);
        };
    }

    private static LocalDate periodStart(LocalDate d, Interval interval) {
        return switch (interval) {
            case MONTH -> d.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case YEAR -> d.withDayOfYear(1);
        };
    }

    private static String label(LocalDate start, Interval interval) {
        return switch (interval) {
            case MONTH -> YearMonth.from(start).toString();
            case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case YEAR -> String.valueOf(start.getYear());
        };
    }
}
