package vn.doanvien.sync;

import vn.doanvien.common.EntityInterceptors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.engine.spi.SessionImplementor;

/** Records changes made without going through the entities (bulk JDBC), in the current transaction's feed. */
@ApplicationScoped
class ChangeRecorder {

    private final EntityManager em;

    ChangeRecorder(EntityManager em) {
        this.em = em;
    }

    /** A member was written directly; it is filed under the upper-level unit of its grassroots union. */
    void member(long memberId, ChangeOperation op, long grassrootsUnionId, Long previousGrassrootsUnionId) {
        PendingChanges.Entry e = pending().record(ChangeEntityType.MEMBER, memberId, op);
        if (e != null) {
            e.viaGrassrootsUnionId = grassrootsUnionId;
            if (previousGrassrootsUnionId != null && e.previousViaGrassrootsUnionId == null
                    && previousGrassrootsUnionId != grassrootsUnionId) {
                e.previousViaGrassrootsUnionId = previousGrassrootsUnionId;
            }
        }
    }

    private PendingChanges pending() {
        if (em.unwrap(SessionImplementor.class).getInterceptor() instanceof EntityInterceptors all) {
            return all.hook(ChangeInterceptor.class).pending();
        }
        throw new IllegalStateException("the change interceptor is not installed on this session");
    }
}
