package vn.doanvien.grassroots;

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
import vn.doanvien.member.MemberStatus;

/** Queries on grassroots unions, and on the members and names their responses show. */
@ApplicationScoped
public class GrassrootsUnionRepository implements PanacheRepository<GrassrootsUnion> {

    public Optional<GrassrootsUnion> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** The ACTIVE grassroots union of an enterprise, if any (there is at most one). */
    public Optional<GrassrootsUnion> findActiveInEnterprise(long enterpriseId) {
        return find("enterpriseId = ?1 and status = ?2", enterpriseId, GrassrootsUnionStatus.ACTIVE)
                .firstResultOptional();
    }

    /** One page of grassroots unions matching the filter; only the filters present become conditions. */
    PanacheQuery<GrassrootsUnion> search(GrassrootsUnionFilter f, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (f.upperLevelUnitId() != null) {
            where.add("upperLevelUnitId = :upperLevelUnitId");
            params.and("upperLevelUnitId", f.upperLevelUnitId());
        }
        if (f.upperLevelUnitIds() != null) {
            where.add("upperLevelUnitId in :upperLevelUnitIds");
            params.and("upperLevelUnitIds", f.upperLevelUnitIds());
        }
        if (f.enterpriseId() != null) {
            where.add("enterpriseId = :enterpriseId");
            params.and("enterpriseId", f.enterpriseId());
        }
        if (f.status() != null) {
            where.add("status = :status");
            params.and("status", f.status());
        }
        if (f.q() != null && !TextNormalizer.fold(f.q()).isEmpty()) {
            where.add("searchText like :q escape '\\'");
            params.and("q", TextNormalizer.containsPattern(f.q()));
        }
        return find(String.join(" and ", where), page.sort(), params).page(page.page(), page.size());
    }

    /** Members with status ACTIVE in this union now. */
    long countActiveMembers(long grassrootsUnionId) {
        return getEntityManager().createQuery("select count(m) from Member m"
                        + " where m.grassrootsUnionId = :id and m.status = :active", Long.class)
                .setParameter("id", grassrootsUnionId)
                .setParameter("active", MemberStatus.ACTIVE)
                .getSingleResult();
    }

    /** Active member counts of several unions in one grouped query; unions without members are absent. */
    Map<Long, Long> countActiveMembers(Collection<Long> grassrootsUnionIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (grassrootsUnionIds.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = getEntityManager().createQuery("select m.grassrootsUnionId, count(m) from Member m"
                        + " where m.grassrootsUnionId in :ids and m.status = :active"
                        + " group by m.grassrootsUnionId", Object[].class)
                .setParameter("ids", grassrootsUnionIds)
                .setParameter("active", MemberStatus.ACTIVE)
                .getResultList();
        for (Object[] row : rows) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** Whether the member exists, is ACTIVE and belongs to this union now (the condition to chair it). */
    boolean isActiveMemberOf(long memberId, long grassrootsUnionId) {
        return getEntityManager().createQuery("select count(m) from Member m"
                        + " where m.id = :member and m.grassrootsUnionId = :union and m.status = :active", Long.class)
                .setParameter("member", memberId)
                .setParameter("union", grassrootsUnionId)
                .setParameter("active", MemberStatus.ACTIVE)
                .getSingleResult() > 0;
    }

    /** Names of units by id, in one query. */
    Map<Long, String> unitNames(Collection<Long> unitIds) {
        return names("select u.id, u.name from Unit u where u.id in :ids", unitIds);
    }

    /** Names of enterprises by id, in one query. */
    Map<Long, String> enterpriseNames(Collection<Long> enterpriseIds) {
        return names("select e.id, e.name from Enterprise e where e.id in :ids", enterpriseIds);
    }

    private Map<Long, String> names(String query, Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        for (Object[] row : getEntityManager().createQuery(query, Object[].class)
                .setParameter("ids", ids).getResultList()) {
            names.put((Long) row[0], (String) row[1]);
        }
        return names;
    }
}
