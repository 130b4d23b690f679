package vn.doanvien.security.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.Page;
import vn.doanvien.common.PageRequest;
import vn.doanvien.common.Params;
import vn.doanvien.common.Today;
import vn.doanvien.security.CallerScope;
import vn.doanvien.security.Roles;

/** The audit trail: every write, who made it, from where, and what changed. */
@Path("/api/v1/audit")
@Tag(name = "Audit", description = "Who changed what, when and from which client; personal data masked")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OFFICER})
public class AuditResource {

    /** One entry as the API shows it. */
    @Schema(name = "AuditEntry")
    public record AuditEntryResponse(Long id, OffsetDateTime occurredAt, String actor, String actorRole, Long apiKeyId,
                                     String clientAddress, String userAgent, String entityType, String entityId,
                                     String action, Long unitId, Long grassrootsUnionId,
                                     @Schema(description = "Changed fields: {field: {from, to}}", type = SchemaType.OBJECT,
                                             additionalProperties = Schema.True.class, implementation = Void.class)
                                     JsonNode changes) {
    }

    private final AuditService audit;

    AuditResource(AuditService audit) {
        this.audit = audit;
    }

    @GET
    @Operation(summary = "Search the audit trail",
            description = "Newest first. Officers see the entries of their unit's subtree (entities placed there "
                    + "when written).")
    @APIResponse(responseCode = "200", description = "A page of entries")
    public Page<AuditEntryResponse> listAuditEntries(
            @Parameter(description = "Member, GrassrootsUnion, Unit, Enterprise, ...", example = "Member")
            @QueryParam("entityType") String entityType,
            @Parameter(description = "The entity's id", example = "1001") @QueryParam("entityId") String entityId,
            @Parameter(description = "Who wrote: a username or api-key:<id>", example = "admin")
            @QueryParam("actor") String actor,
            @Parameter(description = "From this day (YYYY-MM-DD, inclusive)") @QueryParam("from") String from,
            @Parameter(description = "To this day (YYYY-MM-DD, inclusive)") @QueryParam("to") String to,
            @Parameter(description = "0-based page number") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size), null,
                java.util.Map.of("occurredAt", "occurredAt"), "-occurredAt");
        return audit.search(entityType, entityId, actor, Params.date("from", from), Params.date("to", to), request);
    }

    /** The query behind the resource. */
    @ApplicationScoped
    @Transactional
    static class AuditService {

        private final CallerScope scope;
        private final ObjectMapper json;

        AuditService(CallerScope scope, ObjectMapper json) {
            this.scope = scope;
            this.json = json;
        }

        Page<AuditEntryResponse> search(String entityType, String entityId, String actor, LocalDate from,
                                        LocalDate to, PageRequest page) {
            if (from != null && to != null && to.isBefore(from)) {
                throw ApiProblem.invalid("to", "must not be before from");
            }
            List<String> where = new ArrayList<>();
            Parameters params = new Parameters();
            if (entityType != null && !entityType.isBlank()) {
                where.add("entityType = :type");
                params.and("type", entityType.trim());
            }
            if (entityId != null && !entityId.isBlank()) {
                where.add("entityId = :eid");
                params.and("eid", entityId.trim());
            }
            if (actor != null && !actor.isBlank()) {
                where.add("actor = :actor");
                params.and("actor", actor.trim());
            }
            if (from != null) {
                where.add("occurredAt >= :from");
                params.and("from", from.atStartOfDay(Today.ZONE).toOffsetDateTime());
            }
            if (to != null) {
                where.add("occurredAt < :to");
                params.and("to", to.plusDays(1).atStartOfDay(Today.ZONE).toOffsetDateTime());
            }
            Set<Long> units = scope.unitFilter();
            if (units != null) {
                if (units.isEmpty()) {
                    return Page.of(List.of(), page, 0);
                }
                where.add("(unitId in :units or grassrootsUnionId in (select g.id from GrassrootsUnion g "
                        + "where g.upperLevelUnitId in :units))");
                params.and("units", units);
            }
            String query = where.isEmpty() ? "" : String.join(" and ", where);
            var q = AuditEntry.<AuditEntry>find(query, Sort.descending("occurredAt").and("id", Sort.Direction.Descending),
                    params);
            long total = q.count();
            List<AuditEntryResponse> items = q.page(page.page(), page.size()).list().stream().map(this::of).toList();
            return Page.of(items, page, total);
        }

        private AuditEntryResponse of(AuditEntry e) {
            JsonNode changes;
            try {
                changes = e.changes == null ? null : json.readTree(e.changes);
            } catch (IOException ex) {
                changes = null;
            }
            return new AuditEntryResponse(e.id, e.occurredAt, e.actor, e.actorRole, e.apiKeyId, e.clientAddress,
                    e.userAgent, e.entityType, e.entityId, e.action, e.unitId, e.grassrootsUnionId, changes);
        }
    }
}
