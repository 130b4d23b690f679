package vn.doanvien.grassroots;

import jakarta.persistence.LockModeType;
import vn.doanvien.security.Unscoped;
import vn.doanvien.security.Scoped;
import vn.doanvien.security.Reach;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.InIdsFunction;
import vn.doanvien.common.PagedQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
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

/**
 * Queries on grassroots unions, and on the members and names their responses show. A grassroots union is placed
 * at its current upper-level union.
 */
@ApplicationScoped
@Scoped
public class GrassrootsUnionRepository implements PanacheRepository<GrassrootsUnion> {

    /** The union, or 404; 403 outside the caller's reach. */
    public GrassrootsUnion get(long id, Reach reach) {
        GrassrootsUnion g = findById(id);
        if (g == null) {
            throw ApiProblem.notFound("GrassrootsUnion", id);
        }
        reach.requireRegistry(g.upperLevelUnitId, "grassroots union " + id);
        return g;
    }

    /** The union for a change, or 404; 403 unless the caller may write where it is placed. */
    public GrassrootsUnion getForWrite(long id, Reach reach) {
        GrassrootsUnion g = get(id, reach);
        reach.requireWrite(g.upperLevelUnitId, "grassroots union " + id);
        return g;
    }

    /**
     * A union that a write places something in (a member, an official, a monthly count), or empty when there is
     * none; 403 unless the caller may write where it is placed. {@code lock} locks its row for the transaction.
     */
    public Optional<GrassrootsUnion> findForWrite(long id, Reach reach, boolean lock) {
        GrassrootsUnion g = lock ? findById(id, LockModeType.PESSIMISTIC_WRITE) : findById(id);
        if (g != null) {
            reach.requireWrite(g.upperLevelUnitId, "grassroots union " + id);
        }
        return Optional.ofNullable(g);
    }

    /** A union that a read names (a filter), or empty; 403 outside the reach. */
    public Optional<GrassrootsUnion> findInReach(long id, Reach reach) {
        GrassrootsUnion g = findById(id);
        if (g != null) {
            reach.requireRegistry(g.upperLevelUnitId, "grassroots union " + id);
        }
        return Optional.ofNullable(g);
    }

    /** Unions by id, for the names of a breakdown. */
    @Unscoped("the unions placed under a target's scope, which was read in reach")
    public Map<Long, GrassrootsUnion> byIds(Collection<Long> ids) {
        Map<Long, GrassrootsUnion> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            for (GrassrootsUnion g : list("id in ?1", List.copyOf(ids))) {
                byId.put(g.id, g);
            }
        }
        return byId;
    }

    @Unscoped("codes are unique in the whole country; the caller reads the union with get(id, reach) after")
    public Optional<GrassrootsUnion> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    @Unscoped("codes are unique in the whole country; the caller reads the union with get(id, reach) after")
    public Optional<GrassrootsUnion> findByCodeIgnoringCase(String code) {
        return find("lower(code) = ?1", code.toLowerCase(java.util.Locale.ROOT)).firstResultOptional();
    }

    /** The ACTIVE grassroots union of an enterprise, if any (there is at most one). */
    @Unscoped("one active union per enterprise is a national rule; join requests route by it")
    public Optional<GrassrootsUnion> findActiveInEnterprise(long enterpriseId) {
        return find("enterpriseId = ?1 and status = ?2", enterpriseId, GrassrootsUnionStatus.ACTIVE)
                .firstResultOptional();
    }

    /** One page of the unions in the reach matching the filter; only the filters present become conditions. */
    PagedQuery<GrassrootsUnion> search(GrassrootsUnionFilter f, Reach reach, PageRequest page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        where.add(Reach.condition(reach.registryUnits(), "upperLevelUnitId", "reach", params));
        if (f.upperLevelUnitId() != null) {
            where.add("upperLevelUnitId = :upperLevelUnitId");
            params.put("upperLevelUnitId", f.upperLevelUnitId());
        }
        if (f.upperLevelUnitIds() != null) {
            where.add("in_ids(:upperLevelUnitIds, upperLevelUnitId)");
            params.put("upperLevelUnitIds", InIdsFunction.ids(f.upperLevelUnitIds()));
        }
        if (f.enterpriseId() != null) {
            where.add("enterpriseId = :enterpriseId");
            params.put("enterpriseId", f.enterpriseId());
        }
        if (f.status() != null) {
            where.add("status = :status");
            params.put("status", f.status());
        }
        if (f.q() != null && !TextNormalizer.fold(f.q()).isEmpty()) {
            where.add("searchText like :q escape '\\'");
            params.put("q", TextNormalizer.containsPattern(f.q()));
        }
        PagedQuery<GrassrootsUnion> found = PagedQuery.of(this,
                "from GrassrootsUnion where " + String.join(" and ", where), page.sort(), params);
        found.query().page(page.page(), page.size());
        return found;
    }

    /** Members with status ACTIVE in this union now. */
    @Unscoped("a count for a union already read in reach")
    long countActiveMembers(long grassrootsUnionId) {
        return getEntityManager().createQuery("select count(m) from Member m"
                        + " where m.grassrootsUnionId = :id and m.status = :active", Long.class)
                .setParameter("id", grassrootsUnionId)
                .setParameter("active", MemberStatus.ACTIVE)
                .getSingleResult();
    }

    /** Active member counts of several unions in one grouped query; unions without members are absent. */
    @Unscoped("counts for unions already read in reach")
    Map<Long, Long> countActiveMembers(Collection<Long> grassrootsUnionIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (grassrootsUnionIds.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = getEntityManager().createQuery("select m.grassrootsUnionId, count(m) from Member m"
                        + " where in_ids(:ids, m.grassrootsUnionId) and m.status = :active"
                        + " group by m.grassrootsUnionId", Object[].class)
                .setParameter("ids", InIdsFunction.ids(grassrootsUnionIds))
                .setParameter("active", MemberStatus.ACTIVE)
                .getResultList();
        for (Object[] row : rows) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** Whether the member exists, is ACTIVE and belongs to this union now (the condition to chair it). */
    @Unscoped("asks about a union already read for a write in reach; the member must be in it")
    boolean isActiveMemberOf(long memberId, long grassrootsUnionId) {
        return getEntityManager().createQuery("select count(m) from Member m"
                        + " where m.id = :member and m.grassrootsUnionId = :union and m.status = :active", Long.class)
                .setParameter("member", memberId)
                .setParameter("union", grassrootsUnionId)
                .setParameter("active", MemberStatus.ACTIVE)
                .getSingleResult() > 0;
    }

    /** Names of units by id, in one query. */
    @Unscoped("names of the units of unions already read in reach")
    Map<Long, String> unitNames(Collection<Long> unitIds) {
        return names("select u.id, u.name from Unit u where in_ids(:ids, u.id)", unitIds);
    }

    /** Names of enterprises by id, in one query. */
    @Unscoped("names of the enterprises of unions already read in reach")
    Map<Long, String> enterpriseNames(Collection<Long> enterpriseIds) {
        return names("select e.id, e.name from Enterprise e where in_ids(:ids, e.id)", enterpriseIds);
    }

    private Map<Long, String> names(String query, Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        for (Object[] row : getEntityManager().createQuery(query, Object[].class)
                .setParameter("ids", InIdsFunction.ids(ids)).getResultList()) {
            names.put((Long) row[0], (String) row[1]);
        }
        return names;
    }
}
