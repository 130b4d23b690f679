package vn.doanvien.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.doanvien.figures.PersonKey;

/**
 * Queries of membership statistics. Per grassroots union it reads the maintained figures (its all-time
 * {@code grassroots_union_total} and the {@code grassroots_union_month} rows from the period's first month on)
 * and corrects the first and last month of a period by the stays that start or end in the part of the month
 * outside it (indexed by date, so a few days of events). By gender and by year of birth likewise, from the
 * unions' figures by those attributes; members born in the parts of years an age band boundary cuts are counted
 * from their stays, by exact date of birth.
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
            u.id = n(r[0]);
            u.code = s(r[1]);
            u.name = s(r[2]);
            u.foundedOn = date(r[3]);
            u.dissolvedOn = date(r[4]);
            u.enterpriseId = r[5] == null ? null : n(r[5]);
            u.ownership = s(r[6]);
            u.investorCountry = s(r[7]);
            u.industry = s(r[8]);
            u.enterpriseProvince = s(r[9]);
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
            UnionFigures u = result.get(n(r[0]));
            if (u != null) {
                u.unitId = n(r[1]);
                u.placedUntil = date(r[3]);
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
            UnionFigures u = result.get(n(r[0]));
            if (u != null) {
                u.members = n(r[1]);
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
            UnionFigures u = result.get(n(r[0]));
            if (u != null) {
                u.members -= n(r[1]);
                u.joined = n(r[2]);
                u.left = n(r[3]);
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
            UnionFigures u = result.get(n(r[0]));
            if (u != null) {
                u.members -= n(r[1]) - n(r[2]);
                u.joined -= n(r[3]) + n(r[5]);
                u.left -= n(r[4]) + n(r[6]);
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

    /**
     * Members by one person dimension ({@link PersonKey#GENDER} or {@link PersonKey#BIRTH_YEAR}) from the grassroots
     * unions' maintained figures by that dimension, per key: {members on d, joined in [f, d], left in [f, d]}.
     * Members on d of the unions placed under the units on d, as their all-time totals less their months after d's
     * month; joins and departures of the unions in scope, as their months from f's month to d's month; both
     * corrected by the stays that start or end in the days of those months outside [f, d] (indexed by date).
     */
    Map<String, long[]> byPersonKey(String dimension, Collection<Long> units, LocalDate f, LocalDate d) {
        Map<String, long[]> keys = new java.util.TreeMap<>();
        if (units.isEmpty()) {
            return keys;
        }
        LocalDate fm = f.withDayOfMonth(1);
        LocalDate dm = d.withDayOfMonth(1);
        LocalDate de = d.withDayOfMonth(d.lengthOfMonth());
        for (Object[] r : rows(scoped(em.createNativeQuery("""
                select t.person_key, sum(t.joined + t.transfers_in - t.left_count - t.transfers_out)
                from grassroots_union_person_total t join (""" + SCOPE_PLACED + """
                ) s on s.id = t.grassroots_union_id
                where t.dimension = :dim and s.placed = 1 group by t.person_key""", Object[].class), units, f, d)
                .setParameter("dim", dimension))) {
            keys.computeIfAbsent(s(r[0]), k -> new long[3])[0] += n(r[1]);
        }
        for (Object[] r : rows(scoped(em.createNativeQuery("""
                select m.person_key,
                       sum(case when m.month_start > :dm and s.placed = 1
                                then m.joined + m.transfers_in - m.left_count - m.transfers_out else 0 end),
                       sum(case when m.month_start <= :dm then m.joined else 0 end),
                       sum(case when m.month_start <= :dm then m.left_count else 0 end)
                from grassroots_union_person_month m join (""" + SCOPE_PLACED + """
                ) s on s.id = m.grassroots_union_id
                where m.dimension = :dim and m.month_start >= :fm group by m.person_key""", Object[].class),
                units, f, d).setParameter("dim", dimension).setParameter("fm", fm).setParameter("dm", dm))) {
            long[] k = keys.computeIfAbsent(s(r[0]), x -> new long[3]);
            k[0] -= n(r[1]);
            k[1] += n(r[2]);
            k[2] += n(r[3]);
        }
        // The year of birth is on the stay itself (its copy of the member's date of birth); the gender is read
        // from the member.
        boolean gender = PersonKey.GENDER.equals(dimension);
        String key = gender ? "mb.gender" : "extract(year from p.member_born_on)";
        String sql = "select " + key + ", s.placed, " + EDGE_SUMS
                + " from membership_period p" + (gender ? " join member mb on mb.id = p.member_id" : "")
                + " join (" + SCOPE_PLACED + ") s on s.id = p.grassroots_union_id"
                + " where " + EDGE_DAYS + " group by " + key + ", s.placed";
        for (Object[] r : rows(scoped(em.createNativeQuery(sql, Object[].class), units, f, d)
                .setParameter("de", de).setParameter("fm", fm))) {
            long[] k = keys.computeIfAbsent(r[0] == null ? PersonKey.UNKNOWN
                    : gender ? s(r[0]) : Long.toString(n(r[0])), x -> new long[3]);
            if (n(r[1]) == 1) {
                k[0] -= n(r[2]) - n(r[3]);
            }
            k[1] -= n(r[4]) + n(r[6]);
            k[2] -= n(r[5]) + n(r[7]);
        }
        return keys;
    }

    /** Members by date of birth: {dateOfBirth, active on d, joined in [f, d], left in [f, d]}. */
    record BirthRow(LocalDate dateOfBirth, long active, long joined, long left) {
    }

    /**
     * As {@link #byPersonKey} by exact date of birth, counted from the stays, for the members born in the given
     * ranges of days only ({from, to}, both included; the parts of years of birth an age band boundary cuts). The
     * stays are found by the copy of their member's date of birth they carry (indexed), wherever the scope: every
     * stay of such a member is among them, so the transfers that end one of the member's stays are too.
     */
    List<BirthRow> byBirthDates(Collection<Long> units, LocalDate f, LocalDate d, List<LocalDate[]> births) {
        List<BirthRow> result = new ArrayList<>();
        if (units.isEmpty() || births.isEmpty()) {
            return result;
        }
        // A stay that starts the day the member's other stay ended by TRANSFER is a transfer in, not a join: the
        // transfer ends of the period, one row per member and day, are joined once.
        Query q = scoped(em.createNativeQuery("""
                select p.member_born_on,
                  sum(case when p.start_on <= :d and (p.end_on is null or p.end_on > :d)
                           and p.grassroots_union_id in (""" + PLACED_ON_D + """
                      ) then 1 else 0 end),
                  sum(case when p.start_on >= :f and p.start_on <= :d
                           and (t.member_id is null or (t.stays = 1 and t.stay_id = p.id)) then 1 else 0 end),
                  sum(case when p.end_on >= :f and p.end_on <= :d and p.end_reason <> 'TRANSFER' then 1 else 0 end)
                from """ + bornIn(births.size()) + " p\n" + """
                left join (select q.member_id, q.end_on, min(q.id) as stay_id, count(*) as stays
                           from """ + bornIn(births.size()) + " q\n" + """
                           where q.end_reason = 'TRANSFER' and q.end_on >= :f and q.end_on <= :d
                           group by q.member_id, q.end_on) t on t.member_id = p.member_id and t.end_on = p.start_on
                where p.start_on <= :d and (p.end_on is null or p.end_on >= :f)
                  and p.grassroots_union_id in (""" + IN_SCOPE + """
                ) group by p.member_born_on""", Object[].class), units, f, d);
        for (int i = 0; i < births.size(); i++) {
            q.setParameter("b" + i, births.get(i)[0]).setParameter("e" + i, births.get(i)[1]);
        }
        for (Object[] r : rows(q)) {
            result.add(new BirthRow(date(r[0]), n(r[1]), n(r[2]), n(r[3])));
        }
        return result;
    }

    /**
     * The stays whose member was born in one of n ranges of days, [:b0, :e0] to [:b(n-1), :e(n-1)]: one range scan
     * each of the index on member_born_on, which holds these columns on PostgreSQL (the ranges joined by OR would
     * make PostgreSQL read the table: 4.5 s instead of 0.5 s for the Confederation).
     */
    private static String bornIn(int n) {
        StringBuilder stays = new StringBuilder("(");
        for (int i = 0; i < n; i++) {
            stays.append(i == 0 ? "" : " union all ")
                    .append("select id, member_id, grassroots_union_id, start_on, end_on, end_reason, member_born_on")
                    .append(" from membership_period where member_born_on >= :b").append(i)
                    .append(" and member_born_on <= :e").append(i);
        }
        return stays.append(')').toString();
    }

    private Query scoped(Query q, Collection<Long> units, LocalDate f, LocalDate d) {
        return q.setParameter("units", units).setParameter("f", f).setParameter("d", d)
                .setHint("jakarta.persistence.query.timeout", queryTimeoutMillis);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query q) {
        return q.getResultList();
    }

    /** Text of a column; one-letter columns come back as Character. */
    private static String s(Object o) {
        return o == null ? null : o.toString();
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof LocalDate d ? d : ((java.sql.Date) o).toLocalDate();
    }
}
