package vn.doanvien.figures;

import static vn.doanvien.common.SqlValues.text;

import vn.doanvien.common.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * What the figures by dimension are computed from, read from the registry: the grassroots unions under units or of an
 * enterprise, where their members work, their stays with the members' attributes, their founding and dissolution.
 * The ledger, the build, the recount and the statistics below level 2 read the same inputs through this class;
 * {@link DimensionFiguresRepository} holds the rows computed from them.
 */
@ApplicationScoped
class DimensionSources {

    private final EntityManager em;

    DimensionSources(EntityManager em) {
        this.em = em;
    }

    /**
     * Where each of these grassroots unions' members work: the enterprise's province, ownership, industry, investor
     * country and workforce, or, without an enterprise, the province of the upper-level unit it is placed under.
     */
    Map<Long, Workplace> workplacesOf(Collection<Long> grassrootsUnionIds) {
        Map<Long, Workplace> result = new HashMap<>();
        if (grassrootsUnionIds.isEmpty()) {
            return result;
        }
        em.flush();
        for (List<Long> chunk : chunks(grassrootsUnionIds)) {
            for (Object[] r : SqlValues.rows(em.createNativeQuery("""
                    select g.id, e.id, e.province_code, e.ownership, e.industry, e.investor_country, e.workforce,
                           u.province_code
                    from grassroots_union g left join enterprise e on e.id = g.enterprise_id
                    left join unit u on u.id = g.upper_level_unit_id where g.id in (:ids)""", Object[].class)
                    .setParameter("ids", chunk))) {
                long g = ((Number) r[0]).longValue();
                result.put(g, r[1] == null ? Workplace.withoutEnterprise(text(r[7]))
                        : new Workplace(text(r[2]), text(r[3]), text(r[4]), text(r[5]),
                        r[6] == null ? null : ((Number) r[6]).intValue(), true));
            }
        }
        return result;
    }

    /** The stays of these grassroots unions with their members' gender, date of birth and nationality, by union. */
    Map<Long, List<MembershipSpan>> spansOf(Collection<Long> grassrootsUnionIds) {
        Map<Long, List<MembershipSpan>> result = new HashMap<>();
        if (grassrootsUnionIds.isEmpty()) {
            return result;
        }
        em.flush();
        // Plain JDBC with the dates read as LocalDate: a statistic below level 2 reads a few hundred thousand
        // stays, and going through Hibernate's Object[] rows and java.sql.Date cost as much as the query.
        em.unwrap(Session.class).doWork(c -> {
            for (List<Long> chunk : chunks(grassrootsUnionIds)) {
                String sql = """
                        select p.grassroots_union_id, p.start_on, p.end_on, p.end_reason, m.joined_on, m.gender,
                               m.date_of_birth, m.nationality
                        from membership_period p join member m on m.id = p.member_id
                        where p.grassroots_union_id in (""" + "?,".repeat(chunk.size() - 1) + "?)";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setLong(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long g = rs.getLong(1);
                            LocalDate start = rs.getObject(2, LocalDate.class);
                            result.computeIfAbsent(g, k -> new ArrayList<>()).add(new MembershipSpan(g, start,
                                    start.isAfter(rs.getObject(5, LocalDate.class)), rs.getObject(3, LocalDate.class),
                                    "TRANSFER".equals(rs.getString(4)), rs.getString(6),
                                    rs.getObject(7, LocalDate.class), rs.getString(8)));
                        }
                    }
                }
            }
        });
        return result;
    }

    /** The founding and dissolution of each of these grassroots unions, as union flows. */
    Map<Long, Flow> livesOf(Collection<Long> grassrootsUnionIds) {
        Map<Long, Flow> result = new HashMap<>();
        if (grassrootsUnionIds.isEmpty()) {
            return result;
        }
        em.flush();
        for (List<Long> chunk : chunks(grassrootsUnionIds)) {
            for (Object[] r : SqlValues.rows(em.createNativeQuery(
                    "select id, founded_on, dissolved_on from grassroots_union where id in (:ids)", Object[].class)
                    .setParameter("ids", chunk))) {
                result.put(((Number) r[0]).longValue(), new Flow().add(SqlValues.date(r[1]), FlowKind.UNIONS_FOUNDED, 1)
                        .add(SqlValues.date(r[2]), FlowKind.UNIONS_DISSOLVED, 1));
            }
        }
        return result;
    }

    /** The grassroots unions ever placed under any of these units. */
    List<Long> unionsEverPlacedUnder(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        em.flush();
        List<Long> result = new ArrayList<>();
        for (List<Long> chunk : chunks(unitIds)) {
            for (Object id : em.createNativeQuery("select distinct grassroots_union_id from grassroots_union_link "
                    + "where unit_id in (:ids)").setParameter("ids", chunk).getResultList()) {
                result.add(((Number) id).longValue());
            }
        }
        return result;
    }

    /** The grassroots unions placed under this unit now. */
    List<Long> unionsPlacedUnder(long unitId) {
        return unionIds("select id from grassroots_union where upper_level_unit_id = :v", unitId);
    }

    /** The grassroots unions whose enterprise is this one. */
    List<Long> unionsOfEnterprise(long enterpriseId) {
        return unionIds("select id from grassroots_union where enterprise_id = :v", enterpriseId);
    }

    /** The ids a query selects, its one parameter {@code :v} set to {@code value}. */
    private List<Long> unionIds(String sql, long value) {
        em.flush();
        List<Long> result = new ArrayList<>();
        for (Object id : em.createNativeQuery(sql).setParameter("v", value).getResultList()) {
            result.add(((Number) id).longValue());
        }
        return result;
    }

    private static <T> List<List<T>> chunks(Collection<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        List<T> list = new ArrayList<>(all);
        for (int i = 0; i < list.size(); i += 1000) {
            chunks.add(list.subList(i, Math.min(list.size(), i + 1000)));
        }
        return chunks;
    }
}
