package vn.doanvien.stats;

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
import vn.doanvien.figures.PersonKey;
import vn.doanvien.figures.Figures.Point;
import vn.doanvien.figures.UnitTree;
import vn.doanvien.organisation.Unit;
import vn.doanvien.organisation.UnitRepository;
import vn.doanvien.stats.StatsDtos.GroupBy;
import vn.doanvien.stats.StatsDtos.Interval;
import vn.doanvien.stats.StatsDtos.MembershipResponse;
import vn.doanvien.stats.StatsDtos.MembershipRow;
import vn.doanvien.stats.StatsDtos.SeriesPoint;
import vn.doanvien.stats.StatsDtos.SeriesResponse;

/**
 * Membership statistics of a unit's subtree. The total and the CHILD_UNIT rows come from the maintained figures
 * ({@link Figures}: registry, reported figures and member counts, as target progress); groupings by an
 * enterprise's attributes, by province, by gender and by age band from the per-grassroots-union monthly figures
 * (age bands from the figures by year of birth, with the members born in the days a band boundary cuts counted
 * from their stays). See {@code StatsResource} for the definitions.
 */
@ApplicationScoped
@Transactional
class StatsService {

    static final int MAX_PERIODS = 240;
    static final String[] AGE_BANDS = {"UNDER_25", "25_34", "35_44", "45_54", "55_AND_OVER", "UNKNOWN"};

    private final Figures figures;
    private final UnitRepository units;
    private final StatsRepository repository;

    StatsService(Figures figures, UnitRepository units, StatsRepository repository) {
        this.figures = figures;
        this.units = units;
        this.repository = repository;
    }

    MembershipResponse membership(long unitId, LocalDate asOfParam, LocalDate fromParam, GroupBy groupByParam,
                                  Reach reach) {
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
        UnitTree tree = figures.tree();
        Set<Long> onD = tree.subtreeOn(unit.id, d);
        Set<Long> scope = new HashSet<>(onD);
        scope.addAll(tree.subtreeOn(unit.id, f));
        LocalDate dayBefore = f.minusDays(1);

        Point total = figures.point(unit.id, tree, dayBefore, d);
        Map<Long, StatsRepository.UnionFigures> unions = groupBy == GroupBy.GENDER || groupBy == GroupBy.AGE_BAND
                ? Map.of() : repository.unionFigures(scope, f, d);
        Acc all = new Acc();
        unions.values().forEach(u -> all.add(u, onD, d));

        List<MembershipRow> rows = switch (groupBy) {
            case CHILD_UNIT -> byChild(unit, tree, unions.values(), onD, dayBefore, d);
            case PROVINCE -> {
                Map<Long, Unit> scopeUnits = units.byIds(scope);
                yield grouped(unions.values(), onD, d, u -> u.enterpriseProvince != null
                        ? u.enterpriseProvince : provinceOf(u, tree, scopeUnits, d));
            }
            case OWNERSHIP -> grouped(unions.values(), onD, d, u -> u.enterpriseId == null ? "NO_ENTERPRISE"
                    : u.ownership);
            case INVESTOR_COUNTRY -> grouped(unions.values(), onD, d, u -> u.enterpriseId == null ? "NO_ENTERPRISE"
                    : u.investorCountry == null ? "NONE" : u.investorCountry);
            case INDUSTRY -> grouped(unions.values(), onD, d, u -> u.enterpriseId == null ? "NO_ENTERPRISE"
                    : u.industry);
            case GENDER -> byGender(repository.byPersonKey(PersonKey.GENDER, scope, f, d));
            case AGE_BAND -> {
                List<YearCut> cuts = yearCuts(d);
                yield byAgeBand(repository.byPersonKey(PersonKey.BIRTH_YEAR, scope, f, d),
                        repository.byBirthDates(scope, f, d, cuts.stream().map(YearCut::read).toList()), cuts, d);
            }
        };
        boolean people = groupBy == GroupBy.GENDER || groupBy == GroupBy.AGE_BAND;
        MembershipRow totalRow = new MembershipRow("TOTAL", unit.name, unit.id, total.members(), total.unions(),
                total.joined(), total.left(), people ? null : all.workforce, people ? null : all.ratio());
        return new MembershipResponse(unit.id, unit.code, unit.name, groupBy, f, d, rows, totalRow, total.source());
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
        return new SeriesResponse(unit.id, unit.code, unit.name, interval, result);
    }

    /** Rows per child unit on d from the maintained figures, or per grassroots union under an upper-level union. */
    private List<MembershipRow> byChild(Unit unit, UnitTree tree, java.util.Collection<StatsRepository.UnionFigures> unions,
                                        Set<Long> onD, LocalDate dayBefore, LocalDate d) {
        List<Long> children = tree.childrenOn(unit.id, d);
        List<MembershipRow> rows = new ArrayList<>();
        if (children.isEmpty()) {
            for (StatsRepository.UnionFigures u : unions) {
                Acc a = new Acc();
                a.add(u, onD, d);
                if (a.touched) {
                    rows.add(new MembershipRow(u.code, u.name, u.id, a.members, a.unions, a.joined, a.left,
                            a.workforce, a.ratio()));
                }
            }
            rows.sort(Comparator.comparing(MembershipRow::label).thenComparing(MembershipRow::id));
            return rows;
        }
        Map<Long, Acc> byChild = new LinkedHashMap<>();
        children.forEach(c -> byChild.put(c, new Acc()));
        for (StatsRepository.UnionFigures u : unions) {
            if (u.unitId == null) {
                continue;
            }
            for (Long above : tree.chainOn(u.unitId, d)) {
                Acc a = byChild.get(above);
                if (a != null) {
                    a.add(u, onD, d);
                    break;
                }
            }
        }
        Map<Long, Point[]> points = figures.pointsOfMany(children, tree, dayBefore, d);
        Map<Long, Unit> byId = units.byIds(children);
        for (Long c : children) {
            Point p = points.get(c)[1];
            Unit cu = byId.get(c);
            Acc a = byChild.get(c);
            rows.add(new MembershipRow(cu == null ? null : cu.code, cu == null ? null : cu.name, c, p.members(),
                    p.unions(), p.joined(), p.left(), a.workforce, a.ratio()));
        }
        rows.sort(Comparator.comparing((MembershipRow r) -> r.label() == null ? "" : r.label())
                .thenComparing(MembershipRow::id));
        return rows;
    }

    private static List<MembershipRow> grouped(java.util.Collection<StatsRepository.UnionFigures> unions,
                                               Set<Long> onD, LocalDate d,
                                               Function<StatsRepository.UnionFigures, String> key) {
        TreeMap<String, Acc> groups = new TreeMap<>();
        for (StatsRepository.UnionFigures u : unions) {
            String k = key.apply(u);
            groups.computeIfAbsent(k == null ? "UNKNOWN" : k, x -> new Acc()).add(u, onD, d);
        }
        List<MembershipRow> rows = new ArrayList<>();
        groups.forEach((k, a) -> {
            if (a.touched) {
                rows.add(new MembershipRow(k, k, null, a.members, a.unions, a.joined, a.left, a.workforce,
                        a.ratio()));
            }
        });
        return rows;
    }

    private static List<MembershipRow> byGender(Map<String, long[]> byKey) {
        Map<String, long[]> groups = new LinkedHashMap<>();
        for (vn.doanvien.member.Gender g : vn.doanvien.member.Gender.values()) {
            groups.put(g.name(), new long[3]);
        }
        groups.put(PersonKey.UNKNOWN, new long[3]);
        byKey.forEach((k, v) -> add(groups.computeIfAbsent(k, x -> new long[3]), v, 1));
        return personRows(groups);
    }

    /**
     * Age bands on d from the figures by year of birth, each year counted in the band of the age its members
     * reach on their birthday in d's year; then the members whose birthday in that year is after d move to the band
     * of their actual age. Of each year a boundary cuts, {@code read} holds the members of the smaller side (by
     * exact date of birth): the cut itself, moved one by one, or the rest of the year, in their year's band already,
     * so that the cut is the year's figures less the rest.
     */
    static List<MembershipRow> byAgeBand(Map<String, long[]> byYear, List<StatsRepository.BirthRow> read,
                                         List<YearCut> cuts, LocalDate d) {
        Map<String, long[]> groups = new LinkedHashMap<>();
        for (String band : AGE_BANDS) {
            groups.put(band, new long[3]);
        }
        byYear.forEach((year, v) -> add(groups.get(PersonKey.UNKNOWN.equals(year) ? "UNKNOWN"
                : yearBand(Integer.parseInt(year), d)), v, 1));
        Map<Integer, long[]> readByYear = new HashMap<>();
        for (StatsRepository.BirthRow b : read) {
            long[] v = {b.active(), b.joined(), b.left()};
            add(readByYear.computeIfAbsent(b.dateOfBirth().getYear(), y -> new long[3]), v, 1);
            String byItsYear = yearBand(b.dateOfBirth().getYear(), d);
            String exact = ageBand(b.dateOfBirth(), d);
            if (!exact.equals(byItsYear)) {
                add(groups.get(byItsYear), v, -1);
                add(groups.get(exact), v, 1);
            }
        }
        for (YearCut c : cuts) {
            if (!c.readCut()) {
                int year = c.from().getYear();
                long[] cut = new long[3];
                add(cut, byYear.getOrDefault(Integer.toString(year), new long[3]), 1);
                add(cut, readByYear.getOrDefault(year, new long[3]), -1);
                add(groups.get(yearBand(year, d)), cut, -1);
                add(groups.get(ageBand(c.from(), d)), cut, 1);
            }
        }
        return personRows(groups);
    }

    private static void add(long[] into, long[] v, long sign) {
        for (int i = 0; i < 3; i++) {
            into[i] += sign * v[i];
        }
    }

    private static List<MembershipRow> personRows(Map<String, long[]> groups) {
        List<MembershipRow> rows = new ArrayList<>();
        groups.forEach((k, g) -> {
            if (g[0] != 0 || g[1] != 0 || g[2] != 0) {
                rows.add(new MembershipRow(k, k, null, g[0], null, g[1], g[2], null, null));
            }
        });
        return rows;
    }

    /** The band of members born in {@code year} on d, had they all had their birthday of d's year by d. */
    static String yearBand(int year, LocalDate d) {
        return year > d.getYear() ? "UNKNOWN" : bandOfAge(d.getYear() - year);
    }

    /**
     * The dates of birth whose band on d is not {@link #yearBand} of their year: in each year where a birthday
     * that has not come yet changes the band (ages 25, 35, 45 and 55 in d's year, and births in d's year, not yet
     * born on d), the days after d's date in that year, {from, to} both included.
     */
    static List<LocalDate[]> cutBirthDates(LocalDate d) {
        List<LocalDate[]> cut = new ArrayList<>();
        for (int age : new int[] {0, 25, 35, 45, 55}) {
            LocalDate from = d.minusYears(age).plusDays(1);
            LocalDate to = LocalDate.of(d.getYear() - age, 12, 31);
            if (!from.isAfter(to)) {
                cut.add(new LocalDate[] {from, to});
            }
        }
        return cut;
    }

    /**
     * A part of one year of birth whose band on d is not its year's ({@link #cutBirthDates}): born in [from, to].
     * {@code readCut}: whether its members are read by date of birth, or those of the rest of the year, the days
     * before {@code from}, when those are fewer.
     */
    record YearCut(LocalDate from, LocalDate to, boolean readCut) {

        /** The days of birth to read, {from, to}, both included. */
        LocalDate[] read() {
            return readCut ? new LocalDate[] {from, to} : new LocalDate[] {from.withDayOfYear(1), from.minusDays(1)};
        }
    }

    /** The {@link #cutBirthDates} of d, each read by the smaller side of its year. */
    static List<YearCut> yearCuts(LocalDate d) {
        List<YearCut> cuts = new ArrayList<>();
        for (LocalDate[] c : cutBirthDates(d)) {
            long cutDays = ChronoUnit.DAYS.between(c[0], c[1]) + 1;
            long restDays = c[0].getDayOfYear() - 1;
            cuts.add(new YearCut(c[0], c[1], cutDays <= restDays));
        }
        return cuts;
    }

    /** Age on d in completed years: under 25, 25-34, 35-44, 45-54, 55 and over. */
    static String ageBand(LocalDate birth, LocalDate d) {
        if (birth == null || birth.isAfter(d)) {
            return "UNKNOWN";
        }
        return bandOfAge(Period.between(birth, d).getYears());
    }

    private static String bandOfAge(int age) {
        if (age < 25) {
            return "UNDER_25";
        }
        if (age >= 55) {
            return "55_AND_OVER";
        }
        int low = age / 10 * 10 + 5;
        if (low > age) {
            low -= 10;
        }
        return low + "_" + (low + 9);
    }

    /** A union outside enterprises: the province of the nearest unit above it that has one. */
    private static String provinceOf(StatsRepository.UnionFigures u, UnitTree tree, Map<Long, Unit> scopeUnits,
                                     LocalDate d) {
        if (u.unitId == null) {
            return null;
        }
        for (Long above : tree.chainOn(u.unitId, d)) {
            Unit unit = scopeUnits.get(above);
            if (unit != null && unit.provinceCode != null) {
                return unit.provinceCode;
            }
        }
        return null;
    }

    /** Sums of one group over its grassroots unions. */
    private static final class Acc {
        boolean touched;
        long members;
        long unions;
        long joined;
        long left;
        long workforce;
        long membersWithWorkforce;

        void add(StatsRepository.UnionFigures u, Set<Long> onD, LocalDate d) {
            touched = true;
            joined += u.joined;
            left += u.left;
            boolean here = u.unitId != null && onD.contains(u.unitId) && u.placedOn(d);
            if (!here) {
                return;
            }
            members += u.members;
            if (u.activeOn(d)) {
                unions++;
                if (u.workforce != null) {
                    workforce += u.workforce;
                    membersWithWorkforce += u.members;
                }
            }
        }

        Double ratio() {
            return workforce == 0 ? null : Math.round(membersWithWorkforce * 10000.0 / workforce) / 100.0;
        }
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
