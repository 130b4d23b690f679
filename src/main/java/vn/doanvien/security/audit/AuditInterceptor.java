package vn.doanvien.security.audit;

import vn.doanvien.common.EntityWriteHook;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hibernate.Interceptor;
import org.hibernate.type.Type;
import vn.doanvien.security.Caller;
import vn.doanvien.security.ClientInfo;
import vn.doanvien.security.PersonalData;

/**
 * Records every write that goes through Hibernate during a request (insert, update with the changed fields,
 * delete) in {@code audit_entry}, in the same transaction as the write (the insert uses the transaction's
 * connection). Personal data is masked, secrets and hashes are hidden. Writes outside a request (the demo
 * loader, start-up jobs) and bookkeeping tables (idempotency records, refresh tokens) are not recorded.
 */
@EntityWriteHook
@ApplicationScoped
public class AuditInterceptor implements Interceptor {

    private static final Set<String> SKIPPED = Set.of("IdempotencyRecord", "RefreshToken", "AuditEntry");
    private static final Set<String> MASKED = Set.of("nationalId", "passportNumber", "phone");
    private static final Set<String> HIDDEN = Set.of("nationalIdHash", "identityKey", "activeIdentityKey",
            "passwordHash", "keyHash", "tokenHash", "secretHash");
    private static final Set<String> NOISE = Set.of("version", "updatedAt", "createdAt", "lastUsedAt", "searchText");
    private static final Set<String> UNIT_FIELDS = Set.of("upperLevelUnitId", "unitId", "scopeUnitId",
            "organisingUnitId");

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    AuditInterceptor(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
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
        ArcContainer arc = Arc.container();
        if (arc == null || !arc.requestContext().isActive()) {
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
                change.put("from", shown(names[i], from));
            }
            if (after != null) {
                change.put("to", shown(names[i], to));
            }
            changes.put(names[i], change);
        }
        if ("UPDATE".equals(action) && changes.isEmpty()) {
            return;
        }
        insert(type, id, action, unitId, guId, changes);
    }

    private static Object shown(String field, Object value) {
        if (value == null) {
            return null;
        }
        if (HIDDEN.contains(field)) {
            return "[hidden]";
        }
        if (MASKED.contains(field)) {
            return PersonalData.mask(String.valueOf(value));
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return String.valueOf(value);
    }

    private void insert(String type, Object id, String action, Long unitId, Long guId, Map<String, Object> changes) {
        ArcContainer arc = Arc.container();
        RoutingContext routing = arc.instance(CurrentVertxRequest.class).get().getCurrent();
        Caller caller = routing == null ? new Caller("system", null, null, null, null)
                : Caller.of(arc.instance(SecurityIdentity.class).get());
        String text;
        try {
            text = json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            text = "{}";
        }
        if (text.length() > 8000) {
            text = text.substring(0, 7990) + "…";
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into audit_entry (id, occurred_at, actor, actor_role, "
                     + "api_key_id, client_address, user_agent, entity_type, entity_id, action, unit_id, "
                     + "grassroots_union_id, changes) values (nextval('audit_entry_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                     + "?, ?, ?)")) {
            ps.setObject(1, OffsetDateTime.now());
            ps.setString(2, caller.name());
            ps.setString(3, caller.role());
            setLong(ps, 4, caller.apiKeyId());
            ps.setString(5, routing == null ? null : ClientInfo.address(routing.request()));
            ps.setString(6, routing == null ? null : ClientInfo.userAgent(routing.request()));
            ps.setString(7, type);
            ps.setString(8, id == null ? null : String.valueOf(id));
            ps.setString(9, action);
            setLong(ps, 10, unitId);
            setLong(ps, 11, guId);
            ps.setString(12, text);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the audit trail", e);
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
