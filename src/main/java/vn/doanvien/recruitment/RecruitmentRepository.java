package vn.doanvien.recruitment;

import static vn.doanvien.common.SqlValues.date;
import static vn.doanvien.common.SqlValues.number;
import static vn.doanvien.common.SqlValues.text;

import vn.doanvien.security.Unscoped;
import vn.doanvien.security.Scoped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import vn.doanvien.enterprise.Ownership;

/** Queries for recruitment: enterprises without an active grassroots union, workers of eligible enterprises. */
@ApplicationScoped
@Scoped
class RecruitmentRepository {

    /** A grassroots union is active on :d from its founding to the day before its dissolution. */
    static final String ACTIVE_UNION = "select 1 from grassroots_union g where g.enterprise_id = e.id"
            + " and g.founded_on <= :d and (g.dissolved_on is null or g.dissolved_on > :d)";

    private final EntityManager em;

    RecruitmentRepository(EntityManager em) {
        this.em = em;
    }

    record LeadFilter(Collection<Long> unitIds, int minWorkforce, Ownership ownership, String industry, LocalDate day) {
    }

    @Unscoped("the units are limited to the reach by the service (Reach.registryPart) or lie below a unit read in reach")
    List<LeadResponse> leads(LeadFilter f, int page, int size) {
        Query q = em.createNativeQuery("""
                select e.id, e.tax_code, e.name, e.ownership, e.investor_country, e.industry, e.province_code,
                       e.address, e.workforce, e.workforce_as_of, u.id, u.code, u.name,
                       e.has_independent_workers_organisation
                from enterprise e join unit u on u.id = e.upper_level_unit_id
                """ + where(f) + " order by e.workforce desc, e.id", Object[].class);
        bind(q, f).setFirstResult(page * size).setMaxResults(size);
        List<LeadResponse> result = new ArrayList<>();
        for (Object r : q.getResultList()) {
            Object[] c = (Object[]) r;
            result.add(new LeadResponse(number(c[0]), text(c[1]), text(c[2]), Ownership.valueOf(text(c[3])),
                    text(c[4]), text(c[5]), text(c[6]), text(c[7]),
                    c[8] == null ? null : ((Number) c[8]).intValue(), date(c[9]), number(c[10]), text(c[11]),
                    text(c[12]), Boolean.TRUE.equals(c[13])));
        }
        return result;
    }

    @Unscoped("the units are limited to the reach by the service (Reach.registryPart) or lie below a unit read in reach")
    long countLeads(LeadFilter f) {
        Query q = em.createNativeQuery("select count(*) from enterprise e " + where(f)); // no result class (SqlValues.longs)
        return ((Number) bind(q, f).getSingleResult()).longValue();
    }

    /** {workers of eligible enterprises, workers of those with an active grassroots union on d}. */
    @Unscoped("the units are limited to the reach by the service (Reach.registryPart) or lie below a unit read in reach")
    long[] workers(Collection<Long> unitIds, int minWorkforce, LocalDate d) {
        if (unitIds.isEmpty()) {
            return new long[2];
        }
        Object[] r = (Object[]) em.createNativeQuery("""
                select sum(e.workforce), sum(case when exists (""" + ACTIVE_UNION + """
                ) then e.workforce else 0 end)
                from enterprise e where e.upper_level_unit_id in (:units) and e.workforce >= :min
                """, Object[].class).setParameter("units", unitIds).setParameter("min", minWorkforce)
                .setParameter("d", d).getSingleResult();
        return new long[] {number(r[0]), number(r[1])};
    }

    private static String where(LeadFilter f) {
        StringBuilder w = new StringBuilder(" where e.upper_level_unit_id in (:units) and e.workforce >= :min"
                + " and not exists (" + ACTIVE_UNION + ")");
        if (f.ownership() != null) {
            w.append(" and e.ownership = :ownership");
        }
        if (f.industry() != null) {
            w.append(" and e.industry = :industry");
        }
        return w.toString();
    }

    private static Query bind(Query q, LeadFilter f) {
        q.setParameter("units", f.unitIds()).setParameter("min", f.minWorkforce()).setParameter("d", f.day());
        if (f.ownership() != null) {
            q.setParameter("ownership", f.ownership().name());
        }
        if (f.industry() != null) {
            q.setParameter("industry", f.industry());
        }
        return q;
    }
}
