package vn.doanvien.sync;

import java.util.Set;
import java.util.HashSet;
import vn.doanvien.security.Scoped;
import vn.doanvien.security.Reach;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads the change feed. An entry is placed at the unit it was filed under when it changed, and at the unit it
 * left on a move.
 */
@ApplicationScoped
@Scoped
class ChangeFeedRepository {

    record Row(long seq, ChangeEntityType type, long entityId, ChangeOperation operation, Long unitId,
               Long previousUnitId, OffsetDateTime changedAt) {
    }

    private final EntityManager em;

    ChangeFeedRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Up to {@code limit} changes after {@code after} in the reach, oldest first, in one statement (one snapshot);
     * when {@code unitIds} is not null, only those filed under one of the units, or moved away from one.
     */
    List<Row> after(long after, Collection<Long> unitIds, Reach reach, int limit) {
        Set<Long> reachUnits = reach.personalUnits();
        if (reachUnits != null) {
            Set<Long> limited = new HashSet<>(reachUnits);
            if (unitIds != null) {
                limited.retainAll(unitIds);
            }
            unitIds = limited;
        }
        if (unitIds != null && unitIds.isEmpty()) {
            return List.of();
        }
        String filter = unitIds == null ? "" : " and (unit_id in (:units) or previous_unit_id in (:units))";
        var q = em.createNativeQuery("select seq, entity_type, entity_id, operation, unit_id, previous_unit_id, "
                        + "changed_at from change_log where seq > :after" + filter + " order by seq", Object[].class)
                .setParameter("after", after)
                .setMaxResults(limit);
        if (unitIds != null) {
            q.setParameter("units", unitIds);
        }
        List<Row> rows = new ArrayList<>();
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            rows.add(new Row(((Number) r[0]).longValue(), ChangeEntityType.valueOf((String) r[1]),
                    ((Number) r[2]).longValue(), ChangeOperation.valueOf((String) r[3]), toLong(r[4]), toLong(r[5]),
                    toTime(r[6])));
        }
        return rows;
    }

    private static Long toLong(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    private static OffsetDateTime toTime(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return null;
    }
}
