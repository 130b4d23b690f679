package vn.doanvien.sync;

import vn.doanvien.organisation.UnitRefs;
import vn.doanvien.security.Reach;
import vn.doanvien.security.CallerScope;
import jakarta.annotation.security.RolesAllowed;
import vn.doanvien.security.Roles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.doanvien.common.Params;
import vn.doanvien.common.Problem;

/** HTTP API of the change feed. */
@Path("/api/v1/sync/changes")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER})
@Tag(name = "Sync")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeFeedResource {

    private final ChangeFeedService service;
    private final CallerScope scope;

    private final UnitRefs unitRefs;

    ChangeFeedResource(ChangeFeedService service, CallerScope scope, UnitRefs unitRefs) {
        this.unitRefs = unitRefs;
        this.scope = scope;
        this.service = service;
    }

    @GET
    @Operation(summary = "Follow the changes of the registry",
            description = "Creations, updates and deletions (tombstones) of units, enterprises, grassroots unions and "
                    + "members, in the order their transactions committed. Start without since, then send the "
                    + "nextCursor of each answer: a client that does so sees every change exactly once, also while "
                    + "others write. One entry per entity and transaction; read the entity at href for its state. "
                    + "unitId keeps the changes filed under that unit or a unit below it today (an entity is filed "
                    + "under the unit it sat under when it changed; a move also under the unit it left).")
    @APIResponse(responseCode = "200", description = "Changes after the cursor, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ChangeFeedResponse.class)))
    @APIResponse(responseCode = "400", description = "since is not a cursor of this feed, or a bad limit or unitId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No unit with that unitId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ChangeFeedResponse listChanges(
            @Parameter(description = "nextCursor of the previous answer; absent to start from the beginning")
            @QueryParam("since") String since,
            @Parameter(description = "At most this many changes, 1 to 200 (default 100)", example = "100")
            @QueryParam("limit") String limit,
            @Parameter(description = "Only changes within this unit's subtree", example = "157")
            @QueryParam("unitId") String unitId) {
        return service.changes(since, Params.integer("limit", limit), unitRefs.unit("unitId", unitId), scope.reach());
    }
}
