package vn.doanvien.security.audit;

import vn.doanvien.security.Reach;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.Page;
import vn.doanvien.common.PageRequest;
import vn.doanvien.common.Params;
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
                                     @Schema(description = "Changed fields: {field: {from, to}}") Map<String, Object> changes) {
    }

    private final AuditService audit;
    private final CallerScope scope;

    AuditResource(AuditService audit, CallerScope scope) {
        this.audit = audit;
        this.scope = scope;
    }

    @GET
    @Operation(summary = "Search the audit trail",
            description = "Newest first. Officers see the entries of their unit's subtree (entities placed there "
                    + "when written).")
    @APIResponse(responseCode = "200", description = "A page of entries")
    public Page<AuditEntryResponse> listAuditEntries(
            @Parameter(description = "Member, GrassrootsUnion, Unit, Enterprise, ...", example = "Member")
            @QueryParam("entityType") String entityType,
            @Parameter(description = "The entity's id", example = "1185") @QueryParam("entityId") String entityId,
            @Parameter(description = "Who wrote: a username or api-key:<id>", example = "admin")
            @QueryParam("actor") String actor,
            @Parameter(description = "From this day (YYYY-MM-DD, inclusive)") @QueryParam("from") String from,
            @Parameter(description = "To this day (YYYY-MM-DD, inclusive)") @QueryParam("to") String to,
            @Parameter(description = "0-based page number") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size), null,
                java.util.Map.of("occurredAt", "occurredAt"), "-occurredAt");
        return audit.search(entityType, entityId, actor, Params.date("from", from), Params.date("to", to),
                scope.reach(), request);
    }

    /** The query behind the resource. */
    @ApplicationScoped
    @Transactional
    static class AuditService {

        private final AuditRepository entries;
        private final ObjectMapper json;

        AuditService(AuditRepository entries, ObjectMapper json) {
            this.entries = entries;
            this.json = json;
        }

        Page<AuditEntryResponse> search(String entityType, String entityId, String actor, LocalDate from,
                                        LocalDate to, Reach reach, PageRequest page) {
            if (from != null && to != null && to.isBefore(from)) {
                throw ApiProblem.invalid("to", "must not be before from");
            }
            return entries.search(new AuditRepository.Criteria(trimmed(entityType), trimmed(entityId),
                    trimmed(actor), from, to), reach).page(page).map(this::of);
        }

        private static String trimmed(String s) {
            return s == null || s.isBlank() ? null : s.trim();
        }

        private static final TypeReference<Map<String, Object>> CHANGES = new TypeReference<>() {
        };

        private AuditEntryResponse of(AuditEntry e) {
            Map<String, Object> changes;
            try {
                changes = e.changes == null ? null : json.readValue(e.changes, CHANGES);
            } catch (IOException ex) {
                changes = null;
            }
            return new AuditEntryResponse(e.id, e.occurredAt, e.actor, e.actorRole, e.apiKeyId, e.clientAddress,
                    e.userAgent, e.entityType, e.entityId, e.action, e.unitId, e.grassrootsUnionId, changes);
        }
    }
}
