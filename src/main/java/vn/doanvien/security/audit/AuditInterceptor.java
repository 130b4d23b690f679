package vn.doanvien.security.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hibernate.Interceptor;
import org.hibernate.type.Type;
import vn.doanvien.common.EntityWriteHook;

/**
 * Records every write that goes through Hibernate during a request, or during background work done on someone's
 * behalf (insert, update with the changed fields, delete) in {@code audit_entry}, in the same transaction as the
 * write, through {@link AuditTrail}. Personal data is masked, secrets and hashes are hidden. Writes outside a
 * request (the demo loader, start-up jobs) and bookkeeping tables (idempotency records, refresh tokens) are not
 * recorded.
 */
@EntityWriteHook
@ApplicationScoped
public class AuditInterceptor implements Interceptor {

    private static final Set<String> SKIPPED = Set.of("IdempotencyRecord", "RefreshToken", "AuditEntry",
            "ImportRejectedRow");
    private static final Set<String> NOISE = Set.of("version", "updatedAt", "createdAt", "lastUsedAt", "searchText");
    private static final Set<String> UNIT_FIELDS = Set.of("upperLevelUnitId", "unitId", "scopeUnitId",
            "organisingUnitId");

    private final AuditTrail trail;

    AuditInterceptor(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public boolean onPersist(Object entity, Object id, Object[] state, String[] names, Type[] types) {
        record(entity, id, "CREATE", null, state, names, types);
        return false;
    }

    @Override
    public boolean onFlushDirty(Object entity, Object id, Object[] current, Object[] previous, String[] names,
                                Type[] types) {
        record(entity, id, "UPDATE", previous, current, names, types);
        return false;
    }

    @Override
    public void onRemove(Object entity, Object id, Object[] state, String[] names, Type[] types) {
        record(entity, id, "DELETE", state, null, names, types);
    }

    private void record(Object entity, Object id, String action, Object[] before, Object[] after, String[] names,
                        Type[] types) {
        String type = entity.getClass().getSimpleName();
        if (SKIPPED.contains(type)) {
            return;
        }
        if (!AuditTrail.recording()) {
            return;
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        Long unitId = "Unit".equals(type) && id instanceof Long l ? l : null;
        Long guId = "GrassrootsUnion".equals(type) && id instanceof Long l ? l : null;
        for (int i = 0; i < names.length; i++) {
            if (types[i].isAssociationType() || types[i].isCollectionType()) {
                continue;
            }
            Object from = before == null ? null : before[i];
            Object to = after == null ? null : after[i];
            Object placed = to != null ? to : from;
            if (placed instanceof Long l) {
                if (unitId == null && UNIT_FIELDS.contains(names[i])) {
                    unitId = l;
                } else if (guId == null && "grassrootsUnionId".equals(names[i])) {
                    guId = l;
                }
            }
            if (NOISE.contains(names[i]) || Objects.equals(from, to)) {
                continue;
            }
            Map<String, Object> change = new LinkedHashMap<>();
            if (before != null) {
                change.put("from", AuditTrail.shown(names[i], from));
            }
            if (after != null) {
                change.put("to", AuditTrail.shown(names[i], to));
            }
            changes.put(names[i], change);
        }
        if ("UPDATE".equals(action) && changes.isEmpty()) {
            return;
        }
        trail.recordAll(List.of(new AuditTrail.Entry(type, id, action, unitId, guId, changes)));
    }
}
