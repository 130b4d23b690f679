package vn.doanvien.enterprise;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.doanvien.common.PageRequest;
import vn.doanvien.common.TextNormalizer;
import vn.doanvien.grassroots.GrassrootsUnionStatus;

/** Queries on enterprises. */
@ApplicationScoped
public class EnterpriseRepository implements PanacheRepository<Enterprise> {

    /** A grassroots union "unionizes" its enterprise while ACTIVE. */
    private static final String ACTIVE_UNION_OF_E = "select 1 from GrassrootsUnion g"
            + " where g.enterpriseId = e.id and g.status = :active";

    public Optional<Enterprise> findByTaxCode(String taxCode) {
        return find("taxCode", taxCode).firstResultOptional();
    }

    /** One page of enterprises matching the filter; only the filters present become conditions. */
    PanacheQuery<Enterprise> search(EnterpriseFilter f, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (f.provinceCode() != null) {
            where.add("e.provinceCode = :provinceCode");
            params.and("provinceCode", f.provinceCode());
        }
        if (f.ownership() != null) {
            where.add("e.ownership = :ownership");
            params.and("ownership", f.ownership());
        }
        if (f.industry() != null) {
            where.add("e.industry = :industry");
            params.and("industry", f.industry());
        }
        if (f.investorCountry() != null) {
            where.add("e.investorCountry = :investorCountry");
            params.and("investorCountry", f.investorCountry());
        }
        if (f.minWorkforce() != null) {
            where.add("e.workforce >= :minWorkforce");
            params.and("minWorkforce", f.minWorkforce());
        }
        if (f.unionized() != null) {
            where.add((f.unionized() ? "exists (" : "not exists (") + ACTIVE_UNION_OF_E + ")");
            params.and("active", GrassrootsUnionStatus.ACTIVE);
        }
        if (f.upperLevelUnitId() != null) {
            where.add("e.upperLevelUnitId = :upperLevelUnitId");
            params.and("upperLevelUnitId", f.upperLevelUnitId());
        }
        if (f.q() != null && !TextNormalizer.fold(f.q()).isEmpty()) {
            where.add("e.searchText like :q escape '\\'");
            params.and("q", TextNormalizer.containsPattern(f.q()));
        }
        String query = "from Enterprise e" + (where.isEmpty() ? "" : " where " + String.join(" and ", where));
        return find(query, page.sort(), params).page(page.page(), page.size());
    }

    /** The ACTIVE grassroots union of each of these enterprises that has one, in one query: enterprise id to union id. */
    Map<Long, Long> activeGrassrootsUnionIds(Collection<Long> enterpriseIds) {
        Map<Long, Long> result = new HashMap<>();
        if (enterpriseIds.isEmpty()) {
            return result;
        }
        List<Object[]> rows = getEntityManager().createQuery(
                        "select g.enterpriseId, g.id from GrassrootsUnion g"
                                + " where g.enterpriseId in :ids and g.status = :active", Object[].class)
                .setParameter("ids", enterpriseIds)
                .setParameter("active", GrassrootsUnionStatus.ACTIVE)
                .getResultList();
        for (Object[] row : rows) {
            result.put((Long) row[0], (Long) row[1]);
        }
        return result;
    }

    /** How many grassroots unions, active or dissolved, were ever founded in this enterprise. */
    long countGrassrootsUnions(long enterpriseId) {
        return getEntityManager().createQuery(
                        "select count(g) from GrassrootsUnion g where g.enterpriseId = :id", Long.class)
                .setParameter("id", enterpriseId)
                .getSingleResult();
    }
}
