package vn.doanvien.security.audit;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import vn.doanvien.security.Caller;
import vn.doanvien.security.ClientInfo;
import vn.doanvien.security.PersonalData;

/**
 * Writes {@code audit_entry} rows in the current transaction (the data source hands out the transaction's
 * connection): for Hibernate writes through {@link AuditInterceptor}, and for bulk JDBC writes that bypass
 * Hibernate (member sync and imports) through {@link #created}. The actor is the caller of the current HTTP
 * request, or, for work done in the background on someone's behalf (an import job), the actor set with
 * {@link #actingAs}. Writes with neither (the demo loader, start-up jobs) are not recorded.
 */
@ApplicationScoped
public class AuditTrail {

    /** Who did it and from where. */
    public record Actor(String name, String role, Long apiKeyId, String clientAddress, String userAgent) {
    }

    /** One recorded write. */
    public record Entry(String entityType, Object entityId, String action, Long unitId, Long grassrootsUnionId,
                        Map<String, Object> changes) {
    }

    static final Set<String> MASKED = Set.of("nationalId", "passportNumber", "phone");
    static final Set<String> HIDDEN = Set.of("nationalIdHash", "identityKey", "activeIdentityKey",
            "passwordHash", "keyHash", "tokenHash", "secretHash", "content");

    private static final ThreadLocal<Actor> BACKGROUND = new ThreadLocal<>();
    /** Set while start-up work that no one asked for writes (the demo loader): nothing is recorded. */
    private static final ThreadLocal<Boolean> UNRECORDED = new ThreadLocal<>();
    private static final int MAX_CHANGES = 8000;

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    AuditTrail(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Runs start-up work no caller asked for (the demo loader): its writes are not recorded. */
    public static <T> T unrecorded(Supplier<T> work) {
        UNRECORDED.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            UNRECORDED.remove();
        }
    }

    /** Runs background work on behalf of {@code actor}: its writes are recorded as theirs. */
    public static <T> T actingAs(Actor actor, Supplier<T> work) {
        Actor previous = BACKGROUND.get();
        BACKGROUND.set(actor);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                BACKGROUND.remove();
            } else {
                BACKGROUND.set(previous);
            }
        }
    }

    /** The caller of the current request with their address and user agent; null outside a request. */
    public static Actor currentRequestActor() {
        ArcContainer arc = Arc.container();
        if (arc == null || !arc.requestContext().isActive()) {
            return null;
        }
        RoutingContext routing = arc.instance(CurrentVertxRequest.class).get().getCurrent();
        if (routing == null) {
            return null;
        }
        Caller caller = Caller.of(arc.instance(SecurityIdentity.class).get());
        return new Actor(caller.name(), caller.role(), caller.apiKeyId(), ClientInfo.address(routing.request()),
                ClientInfo.userAgent(routing.request()));
    }

    /** Who the writes of this thread are recorded for: the background actor, else the request's caller. */
    static Actor actor() {
        Actor background = BACKGROUND.get();
        if (background != null) {
            return background;
        }
        ArcContainer arc = Arc.container();
        if (arc == null || !arc.requestContext().isActive()) {
            return null;
        }
        Actor request = currentRequestActor();
        return request != null ? request : new Actor("system", null, null, null, null);
    }

    /**
     * True when writes of this thread are recorded; cheap, and it does not resolve the caller (which must not be
     * asked for while the caller is being authenticated, e.g. when an API key's last use is written).
     */
    static boolean recording() {
        if (UNRECORDED.get() != null) {
            return false;
        }
        ArcContainer arc = Arc.container();
        return BACKGROUND.get() != null || (arc != null && arc.requestContext().isActive());
    }

    /** A creation: every non-null field shown as {@code to}, personal data masked, secrets hidden. */
    public static Entry created(String entityType, Object entityId, Long unitId, Long grassrootsUnionId,
                                Map<String, Object> fields) {
        Map<String, Object> changes = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (value != null) {
                changes.put(name, Map.of("to", shown(name, value)));
            }
        });
        return new Entry(entityType, entityId, "CREATE", unitId, grassrootsUnionId, changes);
    }

    /** A value as the trail shows it. */
    static Object shown(String field, Object value) {
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

    /** Records the entries for the current actor, in batches; nothing when no write is being recorded. */
    public void recordAll(List<Entry> entries) {
        Actor actor = actor();
        if (actor == null || entries.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into audit_entry (id, occurred_at, actor, actor_role, "
                     + "api_key_id, client_address, user_agent, entity_type, entity_id, action, unit_id, "
                     + "grassroots_union_id, changes) values (nextval('audit_entry_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                     + "?, ?, ?)")) {
            int n = 0;
            for (Entry e : entries) {
                ps.setObject(1, now);
                ps.setString(2, actor.name());
                ps.setString(3, actor.role());
                setLong(ps, 4, actor.apiKeyId());
                ps.setString(5, actor.clientAddress());
                ps.setString(6, actor.userAgent());
                ps.setString(7, e.entityType());
                ps.setString(8, e.entityId() == null ? null : String.valueOf(e.entityId()));
                ps.setString(9, e.action());
                setLong(ps, 10, e.unitId());
                setLong(ps, 11, e.grassrootsUnionId());
                ps.setString(12, text(e.changes()));
                if (entries.size() == 1) {
                    ps.executeUpdate();
                    return;
                }
                ps.addBatch();
                if (++n % 500 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the audit trail", e);
        }
    }

    private String text(Map<String, Object> changes) {
        String text;
        try {
            text = json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            text = "{}";
        }
        return text.length() > MAX_CHANGES ? text.substring(0, MAX_CHANGES - 10) + "…" : text;
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
