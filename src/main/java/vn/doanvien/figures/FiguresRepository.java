package vn.doanvien.figures;

import static vn.doanvien.common.SqlValues.rows;
import static vn.doanvien.common.SqlValues.number;

import vn.doanvien.common.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the maintained figures for answers: curves, coverage, reported counts (many units' totals up to two days,
 * for breakdowns, are {@link UnitTotalsRepository}). What changes are
 * attributed through (the dated tree, placements, a union's flows) is {@link FigureSources}; writing the rows, and
 * reading them all back for a recount, is {@link FigureRows}.
 */
@ApplicationScoped
public class FiguresRepository {

    private final EntityManager em;
    private final FigureSources sources;

    FiguresRepository(EntityManager em, FigureSources sources) {
        this.em = em;
        this.sources = sources;
    }

    /**
     * A unit's figures up to the last of {@code days}, oldest first, as few rows as answer every one of those
     * days exactly (and every month end): a month that holds none of the days (or only its last day) is one
     * row dated on its last day, from the rollup; a month that holds a day before its end comes as its day rows.
     */
    List<DayFigure> curveRows(long unitId, Collection<LocalDate> days) {
        if (days.isEmpty()) {
            return List.of();
        }
        LocalDate last = java.util.Collections.max(days);
        java.util.TreeSet<LocalDate> detailMonths = new java.util.TreeSet<>();
        for (LocalDate x : days) {
            if (!isMonthEnd(x)) {
                detailMonths.add(x.withDayOfMonth(1));
            }
        }
        List<DayFigure> result = new ArrayList<>();
        for (Object[] r : rows(em.createNativeQuery("""
                select month_start, joined, left_count, transfers_in, transfers_out,
                       unions_founded + unions_moved_in - unions_dissolved - unions_moved_out
                from unit_month_figure where unit_id = :u and month_start <= :m
                """, Object[].class).setParameter("u", unitId).setParameter("m", last.withDayOfMonth(1)))) {
            LocalDate month = SqlValues.date(r[0]);
            if (!detailMonths.contains(month)) {
                result.add(new DayFigure(month.withDayOfMonth(month.lengthOfMonth()), number(r[1]), number(r[2]), number(r[3]),
                        number(r[4]), number(r[5])));
            }
        }
        if (!detailMonths.isEmpty()) {
            StringBuilder ranges = new StringBuilder();
            int i = 0;
            for (LocalDate m : detailMonths) {
                ranges.append(i == 0 ? "" : " or ").append("(figure_day >= :a").append(i)
                        .append(" and figure_day <= :b").append(i).append(')');
                i++;
            }
            jakarta.persistence.Query q = em.createNativeQuery("""
                    select figure_day, joined, left_count, transfers_in, transfers_out,
                           unions_founded + unions_moved_in - unions_dissolved - unions_moved_out
                    from unit_day_figure where unit_id = :u and (""" + ranges + ")", Object[].class)
                    .setParameter("u", unitId);
            i = 0;
            for (LocalDate m : detailMonths) {
                LocalDate end = m.withDayOfMonth(m.lengthOfMonth());
                q.setParameter("a" + i, m).setParameter("b" + i, end.isAfter(last) ? last : end);
                i++;
            }
            for (Object[] r : rows(q)) {
                result.add(new DayFigure(SqlValues.date(r[0]), number(r[1]), number(r[2]), number(r[3]), number(r[4]), number(r[5])));
            }
        }
        result.sort(java.util.Comparator.comparing(DayFigure::day));
        return result;
    }

    static boolean isMonthEnd(LocalDate x) {
        return x.getDayOfMonth() == x.lengthOfMonth();
    }

    /** {eligible, covered}: enterprises of at least minWorkforce recruited by these units, and those with an active union on d. */
    long[] coverage(Collection<Long> unitIds, int minWorkforce, LocalDate d) {
        if (unitIds.isEmpty()) {
            return new long[] {0, 0};
        }
        Object[] r = (Object[]) em.createNativeQuery("""
                select count(*),
                       sum(case when exists (select 1 from grassroots_union g where g.enterprise_id = e.id
                                   and g.founded_on <= :d and (g.dissolved_on is null or g.dissolved_on > :d))
                           then 1 else 0 end)
                from enterprise e
                where e.upper_level_unit_id in (:units) and e.workforce >= :min
                """, Object[].class)
                .setParameter("units", unitIds).setParameter("min", minWorkforce).setParameter("d", d)
                .getSingleResult();
        return new long[] {number(r[0]), number(r[1])};
    }

    /**
     * The grassroots unions placed directly under a unit on d, each with its figures on b and on d (flows in
     * (b, d]), from its monthly rows corrected by the stays that start or end after b or d in their month.
     */
    Map<Long, Figures.Point[]> grassrootsPoints(long unitId, LocalDate b, LocalDate d) {
        List<Long> ids = SqlValues.longs(em.createNativeQuery("""
                select grassroots_union_id from grassroots_union_link
                where unit_id = :u and valid_from <= :d and (valid_to is null or valid_to > :d)
                """).setParameter("u", unitId).setParameter("d", d));
        Map<Long, Figures.Point[]> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        Map<Long, long[]> monthly = new HashMap<>();
        for (Object[] r : rows(em.createNativeQuery("""
                select grassroots_union_id,
                  sum(case when month_start <= :mb then joined + transfers_in - left_count - transfers_out else 0 end),
                  sum(case when month_start <= :md then joined + transfers_in - left_count - transfers_out else 0 end),
                  sum(case when month_start > :mb and month_start <= :md then joined else 0 end),
                  sum(case when month_start > :mb and month_start <= :md then left_count else 0 end),
                  sum(case when month_start > :mb and month_start <= :md then transfers_in else 0 end),
                  sum(case when month_start > :mb and month_start <= :md then transfers_out else 0 end)
                from grassroots_union_month where grassroots_union_id in (:ids)
                group by grassroots_union_id
                """, Object[].class).setParameter("ids", ids)
                .setParameter("mb", b.withDayOfMonth(1)).setParameter("md", d.withDayOfMonth(1)))) {
            monthly.put(((Number) r[0]).longValue(),
                    new long[] {number(r[1]), number(r[2]), number(r[3]), number(r[4]), number(r[5]), number(r[6])});
        }
        Map<Long, long[]> afterB = eventsAfterInMonth(ids, b);
        Map<Long, long[]> afterD = eventsAfterInMonth(ids, d);
        Map<Long, long[]> unions = new HashMap<>();
        for (Object[] r : rows(em.createNativeQuery("""
                select id,
                  case when founded_on <= :b and (dissolved_on is null or dissolved_on > :b) then 1 else 0 end,
                  case when founded_on <= :d and (dissolved_on is null or dissolved_on > :d) then 1 else 0 end
                from grassroots_union where id in (:ids)
                """, Object[].class).setParameter("ids", ids).setParameter("b", b).setParameter("d", d))) {
            unions.put(((Number) r[0]).longValue(), new long[] {number(r[1]), number(r[2])});
        }
        for (Long g : ids) {
            long[] m = monthly.getOrDefault(g, new long[6]);
            long[] eb = afterB.getOrDefault(g, new long[4]);
            long[] ed = afterD.getOrDefault(g, new long[4]);
            long[] u = unions.getOrDefault(g, new long[2]);
            long atB = m[0] - (eb[0] + eb[2] - eb[1] - eb[3]);
            long atD = m[1] - (ed[0] + ed[2] - ed[1] - ed[3]);
            result.put(g, new Figures.Point[] {
                new Figures.Point(b, atB, u[0], 0, 0, 0, 0, Figures.Source.REGISTRY),
                new Figures.Point(d, atD, u[1], m[2] + eb[0] - ed[0], m[3] + eb[1] - ed[1],
                        m[4] + eb[2] - ed[2], m[5] + eb[3] - ed[3], Figures.Source.REGISTRY)});
        }
        return result;
    }

    /** Per grassroots union: joins, departures, transfers in and out dated after x and within x's month. */
    private Map<Long, long[]> eventsAfterInMonth(List<Long> ids, LocalDate x) {
        LocalDate end = x.withDayOfMonth(x.lengthOfMonth());
        Map<Long, long[]> result = new HashMap<>();
        if (!x.isBefore(end)) {
            return result;
        }
        for (Object[] r : rows(em.createNativeQuery("""
                select p.grassroots_union_id,
                  sum(case when p.start_on > :x and p.start_on <= :e and not exists (select 1 from membership_period q
                        where q.member_id = p.member_id and q.id <> p.id and q.end_on = p.start_on
                          and q.end_reason = 'TRANSFER') then 1 else 0 end),
                  sum(case when p.end_on > :x and p.end_on <= :e and p.end_reason <> 'TRANSFER' then 1 else 0 end),
                  sum(case when p.start_on > :x and p.start_on <= :e and exists (select 1 from membership_period q
                        where q.member_id = p.member_id and q.id <> p.id and q.end_on = p.start_on
                          and q.end_reason = 'TRANSFER') then 1 else 0 end),
                  sum(case when p.end_on > :x and p.end_on <= :e and p.end_reason = 'TRANSFER' then 1 else 0 end)
                from membership_period p
                where p.grassroots_union_id in (:ids)
                  and ((p.start_on > :x and p.start_on <= :e) or (p.end_on > :x and p.end_on <= :e))
                group by p.grassroots_union_id
                """, Object[].class).setParameter("ids", ids).setParameter("x", x).setParameter("e", end))) {
            result.put(((Number) r[0]).longValue(), new long[] {number(r[1]), number(r[2]), number(r[3]), number(r[4])});
        }
        return result;
    }

    /** A reported monthly count of a grassroots union: {members, joined, left} (null when not reported). */
    record CountRow(long grassrootsUnionId, LocalDate month, Long members, Long joined, Long left) {
    }

    /** Counts up to {@code lastMonth} of grassroots unions ever placed under any of the units. */
    List<CountRow> countsUnder(Collection<Long> unitIds, LocalDate lastMonth) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        // Few grassroots unions report counts; a national subtree has over a thousand units. Read the counts up
        // to the month, then keep those of unions ever placed under one of the units (their own links only), so
        // the query never binds the whole subtree.
        List<CountRow> counts = new ArrayList<>();
        for (Object[] r : rows(em.createNativeQuery("""
                select c.grassroots_union_id, c.month_start, c.members, c.joined, c.left_count
                from grassroots_union_member_count c
                where c.month_start <= :m
                order by c.month_start
                """, Object[].class).setParameter("m", lastMonth))) {
            counts.add(new CountRow(((Number) r[0]).longValue(), SqlValues.date(r[1]), nullable(r[2]), nullable(r[3]),
                    nullable(r[4])));
        }
        if (counts.isEmpty()) {
            return counts;
        }
        Set<Long> wanted = unitIds instanceof Set<Long> set ? set : new HashSet<>(unitIds);
        Set<Long> under = new HashSet<>();
        for (Map.Entry<Long, List<Timeline.Placement>> e
                : sources.placementsOfMany(counts.stream().map(CountRow::grassrootsUnionId).distinct().toList()).entrySet()) {
            if (e.getValue().stream().anyMatch(p -> wanted.contains(p.unitId()))) {
                under.add(e.getKey());
            }
        }
        return counts.stream().filter(c -> under.contains(c.grassrootsUnionId())).toList();
    }

    /** Each union's monthly rows {joined, left, transfers in, transfers out}, by month. */
    Map<Long, java.util.TreeMap<LocalDate, long[]>> unionMonths(Collection<Long> grassrootsUnionIds) {
        Map<Long, java.util.TreeMap<LocalDate, long[]>> result = new HashMap<>();
        if (grassrootsUnionIds.isEmpty()) {
            return result;
        }
        for (Object[] r : rows(em.createNativeQuery("""
                select grassroots_union_id, month_start, joined, left_count, transfers_in, transfers_out
                from grassroots_union_month where grassroots_union_id in (:ids)
                """, Object[].class).setParameter("ids", grassrootsUnionIds))) {
            result.computeIfAbsent(((Number) r[0]).longValue(), k -> new java.util.TreeMap<>())
                    .put(SqlValues.date(r[1]), new long[] {number(r[2]), number(r[3]), number(r[4]), number(r[5])});
        }
        return result;
    }

    private static Long nullable(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

}
