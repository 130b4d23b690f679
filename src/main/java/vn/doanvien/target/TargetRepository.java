package vn.doanvien.target;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Queries on targets. */
@ApplicationScoped
class TargetRepository implements PanacheRepository<Target> {

    List<Target> childrenOf(long parentTargetId) {
        return list("parentTargetId = ?1 order by id", parentTargetId);
    }

    Optional<Target> childFor(long parentTargetId, long scopeUnitId) {
        return find("parentTargetId = ?1 and scopeUnitId = ?2", parentTargetId, scopeUnitId).firstResultOptional();
    }

    long countChildren(long parentTargetId) {
        return count("parentTargetId", parentTargetId);
    }
}
