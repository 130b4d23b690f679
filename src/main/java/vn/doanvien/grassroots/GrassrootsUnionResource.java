package vn.doanvien.grassroots;

import vn.doanvien.organisation.UnitRefs;
import jakarta.ws.rs.PATCH;
import vn.doanvien.common.UpdateBodies;
import com.fasterxml.jackson.databind.JsonNode;
import vn.doanvien.security.Reach;
import vn.doanvien.security.CallerScope;
import vn.doanvien.common.Exports;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.doanvien.idempotency.Idempotency;
import vn.doanvien.common.ETags;
import vn.doanvien.common.Page;
import vn.doanvien.common.PageRequest;
import vn.doanvien.common.Params;
import vn.doanvien.security.Roles;

/** HTTP face of the grassroots union registry. */
@RolesAllowed({Roles.ADMIN, Roles.OFFICER})
@Path("/api/v1/grassroots-unions")
@Tag(name = "Grassroots unions", description = "Công đoàn cơ sở: founded in an enterprise, agency or school under an"
        + " upper-level union; moved with dated placements and dissolved once its members have left")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
class GrassrootsUnionResource {

    private final GrassrootsUnionService service;
    private final Idempotency idempotency;
    private final CallerScope scope;

    private final UpdateBodies updates;

    private final UnitRefs unitRefs;

    GrassrootsUnionResource(GrassrootsUnionService service, Idempotency idempotency, CallerScope scope, UpdateBodies updates, UnitRefs unitRefs) {
        this.unitRefs = unitRefs;
        this.updates = updates;
        this.scope = scope;
        this.idempotency = idempotency;
        this.service = service;
    }

    @GET

    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.ANALYST})
    @Operation(summary = "List grassroots unions",
            description = "Filters combine with AND. `unitId` keeps the unions whose current upper-level union lies"
                    + " in that unit's subtree today (e.g. a whole province). `q` matches name or code, ignoring"
                    + " case and Vietnamese diacritics. Sort by name, code, foundedOn or createdAt; prefix `-` for"
                    + " descending.")
    @APIResponse(responseCode = "200", description = "One page of grassroots unions")
    @Produces({MediaType.APPLICATION_JSON, Exports.TEXT_CSV, Exports.XLSX})
    public Page<GrassrootsUnionResponse> listGrassrootsUnions(@Context HttpHeaders headers,
            @Parameter(description = "Current upper-level union", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("upperLevelUnitId") String upperLevelUnitId,
            @Parameter(description = "Any unit: unions anywhere in its subtree today",
                    schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("unitId") String unitId,
            @Parameter(description = "Enterprise", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("enterpriseId") String enterpriseId,
            @Parameter(schema = @Schema(implementation = GrassrootsUnionStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Search in name and code", example = "cong doan co so") @QueryParam("q") String q,
            @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
            @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20"))
            @QueryParam("size") String size,
            @Parameter(description = "Comma-separated fields: name, code, foundedOn, createdAt", example = "-foundedOn")
            @QueryParam("sort") String sort) {
        GrassrootsUnionFilter filter = new GrassrootsUnionFilter(unitRefs.unit("upperLevelUnitId", upperLevelUnitId),
                null, Params.id("enterpriseId", enterpriseId),
                Params.enumValue("status", status, GrassrootsUnionStatus.class), Params.search("q", q));
        Long unit = unitRefs.unit("unitId", unitId);
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size), sort,
                GrassrootsUnionService.SORTABLE, "name");
        Reach reach = scope.reach();
        return Exports.list(headers, request, p -> service.list(filter, unit, reach, p));
    }

    @GET

    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.ANALYST})
    @Path("/{id}")
    @Operation(summary = "Get a grassroots union",
            description = "With its live count of active members. The `ETag` header carries the version for `If-Match`.")
    @APIResponse(responseCode = "200", description = "The grassroots union",
            headers = @Header(name = "ETag", description = "Version of the grassroots union",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GrassrootsUnionResponse.class)))
    public Response getGrassrootsUnion(@PathParam("id") long id) {
        GrassrootsUnionResponse g = service.get(id, scope.reach());
        return Response.ok(g).header("ETag", ETags.of(g.version())).build();
    }

    @GET

    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.ANALYST})
    @Path("/{id}/placement-history")
    @Operation(summary = "Get a grassroots union's placement history",
            description = "Every upper-level union it sat under, oldest first; `validTo` is exclusive and null for"
                    + " the current placement.")
    @APIResponse(responseCode = "200", description = "The placements, oldest first")
    public List<PlacementResponse> getGrassrootsUnionPlacementHistory(@PathParam("id") long id) {
        return service.placementHistory(id, scope.reach());
    }

    @POST
    @Operation(summary = "Found a grassroots union",
            description = "Registers the union and its first placement (from foundedOn under upperLevelUnitId,"
                    + " which must be an upper-level union active that day). An enterprise has at most one active"
                    + " grassroots union: a second is refused with 409 and `existingId`. The chair is set later,"
                    + " once the union has members.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GrassrootsUnionCreateRequest.class)))
    @APIResponse(responseCode = "201", description = "Founded; `Location` points to the new grassroots union and"
            + " `ETag` carries its version",
            headers = {
                    @Header(name = "Location", description = "URL of the new grassroots union",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Version of the grassroots union",
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GrassrootsUnionResponse.class)))
    public Response createGrassrootsUnion(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                          @Valid @NotNull GrassrootsUnionCreateRequest request,
                                          @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, "POST", uri.getPath(), request, () -> {
            GrassrootsUnionResponse g = service.create(request, scope.reach());
            return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(g.id())).build())
                    .header("ETag", ETags.of(g.version())).entity(g).build();
        });
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a grassroots union's details, or move it",
            description = "Full replacement of code, name, enterpriseId and chairMemberId (an ACTIVE member of this"
                    + " union). A different upperLevelUnitId moves the union on effectiveOn (default today): the"
                    + " current placement ends and a new one begins. Dissolved unions cannot be edited (409). Send"
                    + " `If-Match` with the ETag you read: a stale one is refused with 412.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GrassrootsUnionUpdateRequest.class)))
    @APIResponse(responseCode = "200", description = "Updated; `ETag` carries the new version",
            headers = @Header(name = "ETag", description = "New version of the grassroots union",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GrassrootsUnionResponse.class)))
    public Response updateGrassrootsUnion(@PathParam("id") long id,
                                          @Parameter(description = "ETag from a previous read, e.g. \"3\"")
                                          @HeaderParam("If-Match") String ifMatch,
                                          JsonNode body) {
        GrassrootsUnionUpdateRequest request = updates.put(body, service.get(id, scope.reach()), GrassrootsUnionUpdateRequest.class);
        GrassrootsUnionResponse g = service.update(id, request, ifMatch, scope.reach());
        return Response.ok(g).header("ETag", ETags.of(g.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({UpdateBodies.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Change some fields of a grassroots union",
            description = UpdateBodies.MERGE_PATCH_DESCRIPTION)
    @RequestBody(content = @Content(mediaType = UpdateBodies.MERGE_PATCH,
            schema = @Schema(implementation = GrassrootsUnionUpdateRequest.class)))
    @APIResponse(responseCode = "200", description = "The changed resource; ETag carries the new version",
            headers = @Header(name = "ETag", description = "New version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GrassrootsUnionResponse.class)))
    public Response patchGrassrootsUnion(@PathParam("id") long id,
                                          @Parameter(description = "ETag from a previous read, e.g. \"3\"")
                                          @HeaderParam("If-Match") String ifMatch,
                                          JsonNode patch) {
        GrassrootsUnionUpdateRequest request = updates.mergePatch(patch, service.get(id, scope.reach()), GrassrootsUnionUpdateRequest.class);
        GrassrootsUnionResponse g = service.update(id, request, ifMatch, scope.reach());
        return Response.ok(g).header("ETag", ETags.of(g.version())).build();
    }

    @POST
    @Path("/{id}/dissolution")
    @Operation(summary = "Dissolve a grassroots union",
            description = "Only once it has no ACTIVE members (they leave or transfer first; 409 otherwise). Sets"
                    + " dissolvedOn and status DISSOLVED, ends the current placement on that date and clears the"
                    + " chair. Dissolving twice is 409.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = GrassrootsUnionDissolutionRequest.class)))
    @APIResponse(responseCode = "200", description = "Dissolved; `ETag` carries the new version",
            headers = @Header(name = "ETag", description = "New version of the grassroots union",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GrassrootsUnionResponse.class)))
    public Response dissolveGrassrootsUnion(@PathParam("id") long id,
                                            @Parameter(description = "ETag from a previous read, e.g. \"3\"")
                                            @HeaderParam("If-Match") String ifMatch,
                                            @Valid @NotNull GrassrootsUnionDissolutionRequest request) {
        GrassrootsUnionResponse g = service.dissolve(id, request, ifMatch, scope.reach());
        return Response.ok(g).header("ETag", ETags.of(g.version())).build();
    }
}
