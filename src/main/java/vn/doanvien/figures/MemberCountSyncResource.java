package vn.doanvien.figures;

import vn.doanvien.security.CallerScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.doanvien.figures.MemberCountDtos.BulkResponse;
import vn.doanvien.figures.MemberCountDtos.MemberCountBulkRequest;
import vn.doanvien.idempotency.Idempotency;
import vn.doanvien.security.Roles;

/** Bulk monthly member counts, as upper-level unions' systems push them. */
@RolesAllowed({Roles.ADMIN, Roles.OFFICER})
@Path("/api/v1/sync/member-counts")
@Tag(name = "Member counts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberCountSyncResource {

    private static final String COMBINE = MemberCountResource.COMBINE;

    private final MemberCountService service;
    private final Idempotency idempotency;
    private final CallerScope scope;

    MemberCountSyncResource(MemberCountService service, Idempotency idempotency, CallerScope scope) {
        this.scope = scope;
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(summary = "Record many member counts at once", description = "Up to 1,000 items in one transaction: "
            + "valid items are stored together, each invalid item is REJECTED with a problem and changes nothing. "
            + "Each item says CREATED, UPDATED, UNCHANGED or REJECTED. An item repeating an earlier item's union "
            + "and month is rejected. Send an Idempotency-Key to make retries safe." + COMBINE)
    @APIResponse(responseCode = "200", description = "Every item's outcome",
            content = @Content(schema = @Schema(implementation = BulkResponse.class)))
    public Response syncMemberCounts(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                     @Valid @NotNull MemberCountBulkRequest request) {
        return idempotency.execute(idempotencyKey, "POST", "/api/v1/sync/member-counts", request,
                () -> Response.ok(service.bulk(request.items(), scope.reach())).build());
    }
}
