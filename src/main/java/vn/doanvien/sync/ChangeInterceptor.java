package vn.doanvien.sync;

import vn.doanvien.common.EntityWriteHook;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import java.util.Objects;
import org.hibernate.Interceptor;
import org.hibernate.Session;
import org.hibernate.Transaction;
import org.hibernate.type.Type;
import vn.doanvien.enterprise.Enterprise;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.grassroots.GrassrootsUnionLink;
import vn.doanvien.member.Member;
import vn.doanvien.member.MembershipPeriod;
import vn.doanvien.organisation.Unit;
import vn.doanvien.organisation.UnitLink;

/**
 * Sees every entity write of a session (one per transaction, this bean is {@code @Dependent}) and records the
 * changes of units, enterprises, grassroots unions and members, including those made through their dated
 * links and membership periods, for the change feed. Writes that bypass the entities (bulk JDBC in the sync
 * path) record themselves through {@link ChangeRecorder}. The feed rows are written after Hibernate's last
 * flush, just before the commit ({@link PendingChanges} explains why that ordering matters).
 */
@Dependent
@EntityWriteHook
public class ChangeInterceptor implements Interceptor {

    private final PendingChanges pending = new PendingChanges();

    PendingChanges pending() {
        return pending;
    }

    @Override
    public boolean onPersist(Object entity, Object id, Object[] state, String[] names, Type[] types) {
        changed(entity, ChangeOperation.CREATED, null, names);
        return false;
    }

    @Override
    public boolean onFlushDirty(Object entity, Object id, Object[] current, Object[] previous, String[] names,
                                Type[] types) {
        changed(entity, ChangeOperation.UPDATED, previous, names);
        return false;
    }

    @Override
    public void onRemove(Object entity, Object id, Object[] state, String[] names, Type[] types) {
        changed(entity, ChangeOperation.DELETED, null, names);
    }

    @Override
    public void beforeTransactionCompletion(Transaction tx) {
        if (pending.isEmpty()) {
            return;
        }
        // Called by Hibernate after its last flush of the transaction: nothing else writes after this.
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        em.unwrap(Session.class).doWork(pending::write);
    }

    @Override
    public void afterTransactionCompletion(Transaction tx) {
        pending.clear();
    }

    private void changed(Object entity, ChangeOperation op, Object[] previous, String[] names) {
        if (entity instanceof Member m) {
            PendingChanges.Entry e = pending.record(ChangeEntityType.MEMBER, m.id, op);
            if (e != null) {
                e.viaGrassrootsUnionId = m.grassrootsUnionId;
                Object before = valueOf(previous, names, "grassrootsUnionId");
                if (before != null && !before.equals(m.grassrootsUnionId) && e.previousViaGrassrootsUnionId == null) {
                    e.previousViaGrassrootsUnionId = (Long) before;
                }
            }
        } else if (entity instanceof MembershipPeriod p) {
            // A period opened, closed or removed changes the member it belongs to.
            PendingChanges.Entry e = pending.record(ChangeEntityType.MEMBER, p.memberId,
                    op == ChangeOperation.DELETED ? ChangeOperation.UPDATED : op == ChangeOperation.CREATED
                            ? ChangeOperation.UPDATED : op);
            if (e != null && e.viaGrassrootsUnionId == null) {
                e.viaGrassrootsUnionId = p.grassrootsUnionId;
            }
        } else if (entity instanceof GrassrootsUnion g) {
            PendingChanges.Entry e = pending.record(ChangeEntityType.GRASSROOTS_UNION, g.id, op);
            if (e != null) {
                e.unitId = g.upperLevelUnitId;
                Object before = valueOf(previous, names, "upperLevelUnitId");
                if (before != null && !before.equals(g.upperLevelUnitId) && e.previousUnitId == null) {
                    e.previousUnitId = (Long) before;
                }
            }
        } else if (entity instanceof GrassrootsUnionLink l) {
            PendingChanges.Entry e = pending.record(ChangeEntityType.GRASSROOTS_UNION, l.grassrootsUnionId,
                    ChangeOperation.UPDATED);
            if (e != null && e.previousUnitId == null && e.operation != ChangeOperation.CREATED) {
                e.previousUnitId = l.unitId;
            }
        } else if (entity instanceof Enterprise x) {
            PendingChanges.Entry e = pending.record(ChangeEntityType.ENTERPRISE, x.id, op);
            if (e != null) {
                e.unitId = x.upperLevelUnitId;
                Object before = valueOf(previous, names, "upperLevelUnitId");
                if (before != null && !Objects.equals(before, x.upperLevelUnitId) && e.previousUnitId == null) {
                    e.previousUnitId = (Long) before;
                }
            }
        } else if (entity instanceof Unit u) {
            PendingChanges.Entry e = pending.record(ChangeEntityType.UNIT, u.id, op);
            if (e != null) {
                e.unitId = u.id;
            }
        } else if (entity instanceof UnitLink l) {
            // A re-parenting: the unit changes; filed also under the parent it leaves, for subtree followers.
            PendingChanges.Entry e = pending.record(ChangeEntityType.UNIT, l.unitId, ChangeOperation.UPDATED);
            if (e != null) {
                e.unitId = l.unitId;
                if (e.previousUnitId == null && e.operation != ChangeOperation.CREATED) {
                    e.previousUnitId = l.parentId;
                }
            }
        }
    }

    private static Object valueOf(Object[] state, String[] names, String property) {
        if (state == null) {
            return null;
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(property)) {
                return state[i];
            }
        }
        return null;
    }
}
