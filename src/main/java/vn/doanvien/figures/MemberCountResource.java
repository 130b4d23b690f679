package vn.doanvien.figures;

import vn.doanvien.security.CallerScope;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.doanvien.figures.MemberCountDtos.MemberCountRequest;
import vn.doanvien.figures.MemberCountDtos.MemberCountResponse;
import vn.doanvien.security.Roles;

/** Monthly member counts of grassroots unions that do not keep member lists in the registry. */
@RolesAllowed({Roles.ADMIN, Roles.OFFICER})
@Path("/api/v1/grassroots-unions/{id}/member-counts")
@Tag(name = "Member counts", description = "Monthly counts (members, joined, left, workforce) of grassroots "
        + "unions that do not keep member lists here. How they combine with the registry, never counting a union "
        + "twice: a union's count for a month replaces its registry stock at the end of that month, and registry "
        + "changes after that month are added on top; its reported joins and departures replace the registry's "
        + "for that month. A reported figure of a unit above the union covers the union, which is then not "
        + "counted again.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberCountResource {

    static final String COMBINE = " Counts combine with the registry as the tag describes.";

    private final MemberCountService service;
    private final CallerScope scope;

    MemberCountResource(MemberCountService service, CallerScope scope) {
        this.scope = scope;
        this.service = service;
    }

    @PUT
    @Path("/{month}")
    @Operation(summary = "Record a grassroots union's member count for a month",
            description = "Creates (201) or replaces (200); the same values again change nothing." + COMBINE)
    @APIResponse(responseCode = "200", description = "Replaced or unchanged",
            content = @Content(schema = @Schema(implementation = MemberCountResponse.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = MemberCountResponse.class)))
    public Response putMemberCount(@PathParam("id") long id,
                                   @Parameter(description = "YYYY-MM", example = "2026-10") @PathParam("month") String month,
                                   @HeaderParam("If-Match") String ifMatch, @Valid @NotNull MemberCountRequest request) {
        MemberCountService.Saved saved = service.put(id, MemberCountService.month(month), ifMatch, request, scope.reach());
        Response.ResponseBuilder b = saved.outcome() == MemberCountDtos.Outcome.CREATED
                ? Response.created(MemberCountService.location(id, saved.count().month()))
                : Response.ok();
        return b.entity(saved.count()).tag(new EntityTag(String.valueOf(saved.count().version()))).build();
    }

    @GET

    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.ANALYST})
    @Operation(summary = "List a grassroots union's member counts, oldest month first")
    public List<MemberCountResponse> listMemberCounts(@PathParam("id") long id) {
        return service.list(id, scope.reach());
    }

    @GET

    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.ANALYST})
    @Path("/{month}")
    @Operation(summary = "Get a grassroots union's member count for a month")
    public Response getMemberCount(@PathParam("id") long id, @PathParam("month") String month) {
        MemberCountResponse c = service.get(id, MemberCountService.month(month), scope.reach());
        return Response.ok(c).tag(new EntityTag(String.valueOf(c.version()))).build();
    }

    @DELETE
    @Path("/{month}")
    @Operation(summary = "Delete a grassroots union's member count for a month")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteMemberCount(@PathParam("id") long id, @PathParam("month") String month) {
        service.delete(id, MemberCountService.month(month), scope.reach());
    }
}
