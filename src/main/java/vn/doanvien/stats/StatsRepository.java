package vn.doanvien.stats;

import static vn.doanvien.common.SqlValues.number;
import static vn.doanvien.common.SqlValues.rows;
import static vn.doanvien.common.SqlValues.text;

import vn.doanvien.common.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Queries of membership statistics per grassroots union, for the grassroots unions listed under an upper-level
 * union: each union's maintained figures (its all-time {@code grassroots_union_total} and its
 * {@code grassroots_union_month} rows from the period's first month on), the first and last month corrected by the
 * stays that start or end in the part of the month outside the period (indexed by date, so a few days of events).
 * Every other grouping reads the figures by dimension ({@code figures.DimensionFigures}).
 */
@ApplicationScoped
class StatsRepository {

    /** Grassroots unions placed under one of :units on some day of [:f, :d]. */
    private static final String IN_SCOPE = "select l.grassroots_union_id from grassroots_union_link l"
            + " where l.unit_id in (:units) and l.valid_from <= :d and (l.valid_to is null or l.valid_to > :f)";

    /** Grassroots unions placed under one of :units on :d. */
    private static final String PLACED_ON_D = "select l.grassroots_union_id from grassroots_union_link l"
            + " where l.unit_id in (:units) and l.valid_from <= :d and (l.valid_to is null or l.valid_to > :d)";

    private static final String NOT_TRANSFER_IN = " not exists (select 1 from membership_period q where q.member_id = p.member_id"
            + " and q.id <> p.id and q.end_on = p.start_on and q.end_reason = 'TRANSFER')";

    /**
     * Per group of stays: started and ended in (:d, :de], of all kinds and then joins and departures only, and
     * joins and departures in [:fm, :f): the days of the first and last months outside the period [:f, :d].
     */
    private static final String EDGE_SUMS = """
            sum(case when p.start_on > :d and p.start_on <= :de then 1 else 0 end),
            sum(case when p.end_on > :d and p.end_on <= :de then 1 else 0 end),
            sum(case when p.start_on > :d and p.start_on <= :de and """ + NOT_TRANSFER_IN + """
                then 1 else 0 end),
            sum(case when p.end_on > :d and p.end_on <= :de and p.end_reason <> 'TRANSFER' then 1 else 0 end),
            sum(case when p.start_on >= :fm and p.start_on < :f and """ + NOT_TRANSFER_IN + """
                then 1 else 0 end),
            sum(case when p.end_on >= :fm and p.end_on < :f and p.end_reason <> 'TRANSFER' then 1 else 0 end)""";

    /** The stays {@link #EDGE_SUMS} counts (indexed by start_on and by end_on). */
    private static final String EDGE_DAYS = "((p.start_on > :d and p.start_on <= :de) or (p.end_on > :d and "
            + "p.end_on <= :de) or (p.start_on >= :fm and p.start_on < :f) or (p.end_on >= :fm and p.end_on < :f))";

    private final EntityManager em;
    /** Each query's time limit, below the transaction's: a scope too large to group by gender or age in time is a
     *  clear 503 problem ({@code ProblemMappers}), not a transaction that times out into a 500. */
    private final int queryTimeoutMillis;

    StatsRepository(EntityManager em,
                    @ConfigProperty(name = "doanvien.stats.query-timeout", defaultValue = "PT45S") Duration timeout) {
        this.em = em;
        this.queryTimeoutMillis = Math.toIntExact(timeout.toMillis());
    }

    /** A grassroots union in scope with its enterprise's attributes, where it sat on d and its figures. */
    static final class UnionFigures {
        long id;
        String code;
        String name;
        LocalDate foundedOn;
        LocalDate dissolvedOn;
        Long enterpriseId;
        String ownership;
        String investorCountry;
        String industry;
        String enterpriseProvince;
        Integer workforce;
        /** Its upper-level union on d (or the last one before d). */
        Long unitId;
        LocalDate placedUntil;
        long members;
        long joined;
        long left;

        boolean activeOn(LocalDate d) {
            return !foundedOn.isAfter(d) && (dissolvedOn == null || dissolvedOn.isAfter(d));
        }

        boolean placedOn(LocalDate d) {
            return placedUntil == null || placedUntil.isAfter(d);
        }
    }

    /** The grassroots unions under the units on some day of [f, d], each with its registry figures: members on d, joins and departures in [f, d]. */
    Map<Long, UnionFigures> unionFigures(Collection<Long> units, LocalDate f, LocalDate d) {
        Map<Long, UnionFigures> result = new HashMap<>();
        if (units.isEmpty()) {
            return result;
        }
        for (Object[] r : rows(scoped(em.createNativeQuery("""
                select g.id, g.code, g.name, g.founded_on, g.dissolved_on, g.enterprise_id, e.ownership,
                       e.investor_country, e.industry, e.province_code, e.workforce
                from grassroots_union g left join enterprise e on e.id = g.enterprise_id
                where g.id in (""" + IN_SCOPE + ")", Object[].class), units, f, d))) {
            UnionFigures u = new UnionFigures();
            u.id = number(r[0]);
            u.code = text(r[1]);
            u.name = text(r[2]);
            u.foundedOn = SqlValues.date(r[3]);
            u.dissolvedOn = SqlValues.date(r[4]);
            u.enterpriseId = r[5] == null ? null : number(r[5]);
            u.ownership = text(r[6]);
            u.investorCountry = text(r[7]);
            u.industry = text(r[8]);
            u.enterpriseProvince = text(r[9]);
            u.workforce = r[10] == null ? null : ((Number) r[10]).intValue();
            result.put(u.id, u);
        }
        if (result.isEmpty()) {
            return result;
        }
        // Where each sat on d: its latest placement starting on or before d.
        for (Object[] r : rows(scoped(em.createNativeQuery("""
                select grassroots_union_id, unit_id, valid_from, valid_to from grassroots_union_link
                where valid_from <= :d and grassroots_union_id in (""" + IN_SCOPE + ") order by valid_from",
                Object[].class), units, f, d))) {
            UnionFigures u = result.get(number(r[0]));
            if (u != null) {
                u.unitId = number(r[1]);
                u.placedUntil = SqlValues.date(r[3]);
            }
        }
        // Members on d's month end: each union's all-time total less its months after d's month; joins and
        // departures: its months from f's month to d's month. Only the months from f's month on are read, from
        // the index on month_start, not each union's whole history.
        LocalDate fm = f.withDayOfMonth(1);
        LocalDate dm = d.withDayOfMonth(1);
        for (Object[] r : rows(scoped(em.createNativeQuery("""
                select t.grassroots_union_id, t.joined + t.transfers_in - t.left_count - t.transfers_out
                from grassroots_union_total t
                where t.grassroots_union_id in (""" + IN_SCOPE + ")", Object[].class), units, f, d))) {
            UnionFigures u = result.get(number(r[0]));
            if (u != null) {
                u.members = number(r[1]);
            }
        }
        for (Object[] r : rows(scoped(em.createNativeQuery("""
                select m.grassroots_union_id,
                       sum(case when m.month_start > :dm
                                then m.joined + m.transfers_in - m.left_count - m.transfers_out else 0 end),
                       sum(case when m.month_start <= :dm then m.joined else 0 end),
                       sum(case when m.month_start <= :dm then m.left_count else 0 end)
                from grassroots_union_month m
                where m.month_start >= :fm and m.grassroots_union_id in (""" + IN_SCOPE + """
                ) group by m.grassroots_union_id""", Object[].class), units, f, d)
                .setParameter("fm", fm).setParameter("dm", dm))) {
            UnionFigures u = result.get(number(r[0]));
            if (u != null) {
                u.members -= number(r[1]);
                u.joined = number(r[2]);
                u.left = number(r[3]);
            }
        }
        LocalDate de = d.withDayOfMonth(d.lengthOfMonth());
        for (Object[] r : rows(scoped(em.createNativeQuery("""
                select p.grassroots_union_id, """ + EDGE_SUMS + """
                from membership_period p
                where """ + EDGE_DAYS + """
                  and p.grassroots_union_id in (""" + IN_SCOPE + """
                ) group by p.grassroots_union_id""", Object[].class), units, f, d)
                .setParameter("de", de).setParameter("fm", fm))) {
            UnionFigures u = result.get(number(r[0]));
            if (u != null) {
                u.members -= number(r[1]) - number(r[2]);
                u.joined -= number(r[3]) + number(r[5]);
                u.left -= number(r[4]) + number(r[6]);
            }
        }
        return result;
    }

    /**
     * The grassroots unions of {@link #IN_SCOPE}, each with {@code placed} = 1 when it is also placed under one of
     * :units on :d ({@link #PLACED_ON_D}).
     */
    private static final String SCOPE_PLACED = "select l.grassroots_union_id as id,"
            + " max(case when l.valid_to is null or l.valid_to > :d then 1 else 0 end) as placed"
            + " from grassroots_union_link l where l.unit_id in (:units) and l.valid_from <= :d"
            + " and (l.valid_to is null or l.valid_to > :f) group by l.grassroots_union_id";

    private Query scoped(Query q, Collection<Long> units, LocalDate f, LocalDate d) {
        return q.setParameter("units", units).setParameter("f", f).setParameter("d", d)
                .setHint("jakarta.persistence.query.timeout", queryTimeoutMillis);
    }

}
