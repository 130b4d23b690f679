package vn.doanvien.enterprise;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.InIdsFunction;
import vn.doanvien.common.PageRequest;
import vn.doanvien.common.PagedQuery;
import vn.doanvien.common.TextNormalizer;
import vn.doanvien.grassroots.GrassrootsUnionStatus;
import vn.doanvien.security.Reach;
import vn.doanvien.security.Scoped;
import vn.doanvien.security.Unscoped;

/**
 * Queries on enterprises. An enterprise is placed at the upper-level union responsible for it; one without is
 * reached by admins and analysts only.
 */
@ApplicationScoped
@Scoped
public class EnterpriseRepository implements PanacheRepository<Enterprise> {

    /** The enterprise, or 404; 403 outside the caller's reach. */
    public Enterprise get(long id, Reach reach) {
        return check(findById(id), id, reach, false);
    }

    /** The enterprise, locked for a change, or 404; 403 unless the caller may write where it is placed. */
    public Enterprise getForWrite(long id, Reach reach) {
        return check(findById(id, LockModeType.PESSIMISTIC_WRITE), id, reach, true);
    }

    /**
     * An enterprise that a write names (a grassroots union founded in it), locked so that two writers cannot both
     * found a union in it, or empty when there is none; 403 unless the caller may write where it is placed.
     */
    public Optional<Enterprise> findForWrite(long id, Reach reach) {
        Enterprise e = findById(id, LockModeType.PESSIMISTIC_WRITE);
        return e == null ? Optional.empty() : Optional.of(check(e, id, reach, true));
    }

    /** An enterprise that a read names (a filter), or empty; 403 outside the reach. */
    public Optional<Enterprise> findInReach(long id, Reach reach) {
        Enterprise e = findById(id);
        return e == null ? Optional.empty() : Optional.of(check(e, id, reach, false));
    }

    private static Enterprise check(Enterprise e, long id, Reach reach, boolean write) {
        if (e == null) {
            throw ApiProblem.notFound("Enterprise", id);
        }
        reach.requireRegistry(e.upperLevelUnitId, "enterprise " + id);
        if (write) {
            reach.requireWrite(e.upperLevelUnitId, "enterprise " + id);
        }
        return e;
    }

    /** A grassroots union "unionizes" its enterprise while ACTIVE. */
    private static final String ACTIVE_UNION_OF_E = "select 1 from GrassrootsUnion g"
            + " where g.enterpriseId = e.id and g.status = :active";

    @Unscoped("tax codes are unique in the whole country; join requests look the employer up by it")
    public Optional<Enterprise> findByTaxCode(String taxCode) {
        return find("taxCode", taxCode).firstResultOptional();
    }

    /** One page of the enterprises in the reach matching the filter; only the filters present become conditions. */
    PagedQuery<Enterprise> search(EnterpriseFilter f, Reach reach, PageRequest page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add(Reach.condition(reach.registryUnits(), "e.upperLevelUnitId", "reach", params));
        if (f.provinceCode() != null) {
            where.add("e.provinceCode = :provinceCode");
            params.put("provinceCode", f.provinceCode());
        }
        if (f.ownership() != null) {
            where.add("e.ownership = :ownership");
            params.put("ownership", f.ownership());
        }
        if (f.industry() != null) {
            where.add("e.industry = :industry");
            params.put("industry", f.industry());
        }
        if (f.investorCountry() != null) {
            where.add("e.investorCountry = :investorCountry");
            params.put("investorCountry", f.investorCountry());
        }
        if (f.minWorkforce() != null) {
            where.add("e.workforce >= :minWorkforce");
            params.put("minWorkforce", f.minWorkforce());
        }
        if (f.unionized() != null) {
            where.add((f.unionized() ? "exists (" : "not exists (") + ACTIVE_UNION_OF_E + ")");
            params.put("active", GrassrootsUnionStatus.ACTIVE);
        }
        if (f.upperLevelUnitId() != null) {
            where.add("e.upperLevelUnitId = :upperLevelUnitId");
            params.put("upperLevelUnitId", f.upperLevelUnitId());
        }
        if (f.q() != null && !TextNormalizer.fold(f.q()).isEmpty()) {
            where.add("e.searchText like :q escape '\\'");
            params.put("q", TextNormalizer.containsPattern(f.q()));
        }
        String query = "from Enterprise e" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        PagedQuery<Enterprise> found = PagedQuery.of(this, query, page.sort(), params);
        found.query().page(page.page(), page.size());
        return found;
    }

    /** The ACTIVE grassroots union of each of these enterprises that has one, in one query: enterprise id to union id. */
    @Unscoped("the unions of enterprises already read in reach")
    Map<Long, Long> activeGrassrootsUnionIds(Collection<Long> enterpriseIds) {
        Map<Long, Long> result = new HashMap<>();
        if (enterpriseIds.isEmpty()) {
            return result;
        }
        List<Object[]> rows = getEntityManager().createQuery(
                        "select g.enterpriseId, g.id from GrassrootsUnion g"
                                + " where in_ids(:ids, g.enterpriseId) and g.status = :active", Object[].class)
                .setParameter("ids", InIdsFunction.ids(enterpriseIds))
                .setParameter("active", GrassrootsUnionStatus.ACTIVE)
                .getResultList();
        for (Object[] row : rows) {
            result.put((Long) row[0], (Long) row[1]);
        }
        return result;
    }

    /** How many grassroots unions, active or dissolved, were ever founded in this enterprise. */
    @Unscoped("of an enterprise already read for a write in reach")
    long countGrassrootsUnions(long enterpriseId) {
        return getEntityManager().createQuery(
                        "select count(g) from GrassrootsUnion g where g.enterpriseId = :id", Long.class)
                .setParameter("id", enterpriseId)
                .getSingleResult();
    }
}
