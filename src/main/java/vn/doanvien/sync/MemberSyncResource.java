package vn.doanvien.sync;

import vn.doanvien.security.Reach;
import vn.doanvien.security.CallerScope;
import jakarta.annotation.security.RolesAllowed;
import vn.doanvien.security.Roles;
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
import vn.doanvien.common.Problem;
import vn.doanvien.idempotency.Idempotency;

/** Bulk upsert of members, as upper-level unions' systems and officers' phones push them. */
@Path("/api/v1/sync/members")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER})
@Tag(name = "Sync", description = "Bulk member upsert, the change feed and file imports, for systems that mirror "
        + "or feed the registry")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberSyncResource {

    private final MemberSyncService service;
    private final Idempotency idempotency;
    private final CallerScope scope;

    MemberSyncResource(MemberSyncService service, Idempotency idempotency, CallerScope scope) {
        this.scope = scope;
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(summary = "Create or update many members at once",
            description = "Up to 1,000 members in one transaction. Each item is matched on externalId (scoped to "
                    + "upperLevelUnitId, the sending upper-level union), else on the ACTIVE member with its national "
                    + "ID (or nationality and passport), else on a past member with those papers and the same "
                    + "joinedOn; otherwise it is a new member. A different grassrootsUnionId with transferredOn "
                    + "transfers the member; leftOn (status LEFT by default, or DECEASED, EXPELLED) records a "
                    + "departure. Each item answers CREATED, UPDATED, UNCHANGED or REJECTED with a problem; "
                    + "rejected items change nothing and the others are committed together. An item naming the "
                    + "same person or externalId as an earlier item of the request is REJECTED (409). Send an "
                    + "Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "200", description = "Every item's outcome, in the order sent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SyncMembersResponse.class)))
    @APIResponse(responseCode = "400", description = "No members, more than 1,000, an unknown upperLevelUnitId or "
            + "malformed JSON; nothing is written",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A concurrent write took the same national ID; retry",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response syncMembers(@HeaderParam(Idempotency.HEADER) String idempotencyKey, SyncMembersRequest request) {
        return idempotency.execute(idempotencyKey, "POST", "/api/v1/sync/members", request,
                () -> Response.ok(service.sync(request, scope.reach())).build());
    }
}
