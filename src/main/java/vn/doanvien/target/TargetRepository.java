package vn.doanvien.target;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.PagedQuery;
import vn.doanvien.security.Reach;
import vn.doanvien.security.Scoped;
import vn.doanvien.security.Unscoped;

/** Queries on targets. A target is placed at its scope unit. */
@ApplicationScoped
@Scoped
class TargetRepository implements PanacheRepository<Target> {

    /** The target, or 404; 403 outside the caller's reach. */
    Target get(long id, Reach reach) {
        Target t = findById(id);
        if (t == null) {
            throw ApiProblem.notFound("Target", id);
        }
        reach.requireRegistry(t.scopeUnitId, "target " + id);
        return t;
    }

    /** The target for a change, or 404; 403 unless the caller may write where it is placed. */
    Target getForWrite(long id, Reach reach) {
        Target t = get(id, reach);
        reach.requireWrite(t.scopeUnitId, "target " + id);
        return t;
    }

    /** A target that a request names (a parent target, a filter), or empty; 403 outside the reach. */
    Optional<Target> findInReach(long id, Reach reach) {
        Target t = findById(id);
        if (t != null) {
            reach.requireRegistry(t.scopeUnitId, "target " + id);
        }
        return Optional.ofNullable(t);
    }

    /** Targets in the reach matching the filters present, for paging. */
    PagedQuery<Target> search(Long scopeUnitId, TargetMetric metric, Long parentTargetId, boolean topLevel,
                              Reach reach, Sort sort) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder q = new StringBuilder("from Target where ")
                .append(Reach.condition(reach.registryUnits(), "scopeUnitId", "reach", params));
        if (scopeUnitId != null) {
            q.append(" and scopeUnitId = :scope");
            params.put("scope", scopeUnitId);
        }
        if (metric != null) {
            q.append(" and metric = :metric");
            params.put("metric", metric);
        }
        if (parentTargetId != null) {
            q.append(" and parentTargetId = :parent");
            params.put("parent", parentTargetId);
        } else if (topLevel) {
            q.append(" and parentTargetId is null");
        }
        return PagedQuery.of(this, q.toString(), sort, params);
    }

    @Unscoped("the allocations of a target already read in reach: its scope's children, in the same subtree")
    List<Target> childrenOf(long parentTargetId) {
        return list("parentTargetId = ?1 order by id", parentTargetId);
    }

    @Unscoped("the allocations of a target already read in reach: its scope's children, in the same subtree")
    Optional<Target> childFor(long parentTargetId, long scopeUnitId) {
        return find("parentTargetId = ?1 and scopeUnitId = ?2", parentTargetId, scopeUnitId).firstResultOptional();
    }

    @Unscoped("the allocations of a target already read in reach")
    long countChildren(long parentTargetId) {
        return count("parentTargetId", parentTargetId);
    }
}
