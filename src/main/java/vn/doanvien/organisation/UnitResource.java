package vn.doanvien.organisation;

import vn.doanvien.organisation.UnitRefs;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import jakarta.ws.rs.PATCH;
import vn.doanvien.common.UpdateBodies;
import com.fasterxml.jackson.databind.JsonNode;
import vn.doanvien.common.Exports;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.doanvien.idempotency.Idempotency;
import vn.doanvien.common.ETags;
import vn.doanvien.common.Page;
import vn.doanvien.common.PageRequest;
import vn.doanvien.common.Params;
import vn.doanvien.common.Today;
import vn.doanvien.security.CallerScope;
import vn.doanvien.security.Reach;
import vn.doanvien.security.Roles;

/** HTTP face of the organisation tree: units of levels 1-3 and their dated parent links. */
@RolesAllowed({Roles.ADMIN, Roles.OFFICER})
@Path("/api/v1/units")
@Tag(name = "Units", description = "The organisation tree above the grassroots: the Confederation, provincial "
        + "federations, sectoral unions and upper-level unions, with dated parent links (the tree changed on "
        + "2025-07-01 when 63 provinces became 34 and districts were abolished; use asOf for history)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
class UnitResource {

    private static final Map<String, String> SORTABLE = new LinkedHashMap<>();

    static {
        SORTABLE.put("name", "name");
        SORTABLE.put("code", "code");
        SORTABLE.put("kind", "kind");
        SORTABLE.put("validFrom", "validFrom");
        SORTABLE.put("createdAt", "createdAt");
    }

    private static final String AS_OF = "The date the tree is read on (YYYY-MM-DD); default today";
    private static final String PAGE = "0-based page number, default 0";
    private static final String SIZE = "Page size, 1 to 100, default 20";

    private final UnitService service;
    private final Idempotency idempotency;
    private final CallerScope scope;

    private final UpdateBodies updates;

    private final UnitRefs unitRefs;

    UnitResource(UnitService service, Idempotency idempotency, CallerScope scope, UpdateBodies updates, UnitRefs unitRefs) {
        this.unitRefs = unitRefs;
        this.updates = updates;
        this.idempotency = idempotency;
        this.service = service;
        this.scope = scope;
    }

    @POST
    @Operation(summary = "Create a unit",
            description = "Creates a Confederation (no parent, only one active at a time), a provincial federation or "
                    + "sectoral union (under the Confederation) or an upper-level union (under a provincial "
                    + "federation, sectoral union or another upper-level union; category required). The parent must "
                    + "be active on validFrom, which defaults to today and cannot be in the future.")
    @APIResponse(responseCode = "201",
            description = "Created; Location points to the unit and ETag carries its version",
            headers = {@Header(name = "Location", description = "URL of the new unit"),
                       @Header(name = "ETag", description = "Version of the unit, for If-Match")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UnitResponse.class)))
    public Response createUnit(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull UnitCreateRequest request,
                               @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, "POST", uri.getPath(), request, () -> {
            UnitResponse created = service.create(request, scope.reach());
            return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                    .header(HttpHeaders.ETAG, ETags.of(created.version()))
                    .entity(created)
                    .build();
        });
    }

    @GET

    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.ANALYST})
    @Operation(summary = "List units",
            description = "Units valid on asOf (default today), filtered by kind, category, parentId (direct children "
                    + "on asOf), provinceCode and q (name or code, accents and case ignored: \"cong doan\" finds "
                    + "\"Công đoàn\"). Sortable by name, code, kind, validFrom, createdAt; '-' for descending.")
    @APIResponse(responseCode = "200", description = "A page of units")
    @Produces({MediaType.APPLICATION_JSON, Exports.TEXT_CSV, Exports.XLSX})
    public Page<UnitResponse> listUnits(@Context HttpHeaders headers,
            @Parameter(description = "Only units of this kind", schema = @Schema(implementation = UnitKind.class))
            @QueryParam("kind") String kind,
            @Parameter(description = "Only upper-level unions of this category",
                    schema = @Schema(implementation = UnitCategory.class))
            @QueryParam("category") String category,
            @Parameter(description = "Only the direct children of this unit on asOf",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
            @QueryParam("parentId") String parentId,
            @Parameter(description = "Two-digit province code", example = "27")
            @QueryParam("provinceCode") String provinceCode,
            @Parameter(description = "Search in name and code", example = "cong doan khu cong nghiep")
            @QueryParam("q") String q,
            @Parameter(description = AS_OF, schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("asOf") String asOf,
            @Parameter(description = PAGE, schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("page") String page,
            @Parameter(description = SIZE, schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("size") String size,
            @Parameter(description = "e.g. name,-validFrom", example = "name") @QueryParam("sort") String sort) {
        UnitRepository.Filter filter = new UnitRepository.Filter(
                Params.enumValue("kind", kind, UnitKind.class),
                Params.enumValue("category", category, UnitCategory.class),
                unitRefs.unit("parentId", parentId),
                blankToNull(provinceCode),
                Params.search("q", q),
                Today.orToday(Params.date("asOf", asOf)));
        PageRequest request = pageRequest(page, size, sort);
        Reach reach = scope.reach();
        return Exports.list(headers, request, p -> service.list(filter, reach, p));
    }

    @GET

    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.ANALYST})
    @Path("/{id}")
    @Operation(summary = "Get a unit",
            description = "The unit with its parent on asOf (default today; parentId is null if it had none then).")
    @APIResponse(responseCode = "200", description = "The unit; ETag carries its version",
            headers = @Header(name = "ETag", description = "Version of the unit, for If-Match"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UnitResponse.class)))
    public Response getUnit(
            @PathParam("id") long id,
            @Parameter(description = AS_OF, schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("asOf") String asOf) {
        UnitResponse unit = service.get(id, Params.date("asOf", asOf), scope.reach());
        return Response.ok(unit).header(HttpHeaders.ETAG, ETags.of(unit.version())).build();
    }

    @GET

    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.ANALYST})
    @Path("/{id}/children")
    @Operation(summary = "List a unit's children", description = "The units directly under this one on asOf.")
    @APIResponse(responseCode = "200", description = "A page of units")
    @Produces({MediaType.APPLICATION_JSON, Exports.TEXT_CSV, Exports.XLSX})
    public Page<UnitResponse> listUnitChildren(@Context HttpHeaders headers,
            @PathParam("id") long id,
            @Parameter(description = AS_OF, schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("asOf") String asOf,
            @Parameter(description = PAGE, schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("page") String page,
            @Parameter(description = SIZE, schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("size") String size,
            @Parameter(description = "e.g. name,-validFrom") @QueryParam("sort") String sort) {
        PageRequest request = pageRequest(page, size, sort);
        Reach reach = scope.reach();
        return Exports.list(headers, request, p -> service.children(id, Params.date("asOf", asOf), reach, p));
    }

    @GET

    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.ANALYST})
    @Path("/{id}/subtree")
    @Operation(summary = "List a unit's subtree",
            description = "Every unit below this one on asOf (the unit itself excluded), with its depth (1 = child) "
                    + "and parent, ordered by depth, name and id; kind keeps only units of that kind.")
    @APIResponse(responseCode = "200", description = "A page of descendants")
    @Produces({MediaType.APPLICATION_JSON, Exports.TEXT_CSV, Exports.XLSX})
    public Page<UnitTreeNodeResponse> listUnitSubtree(@Context HttpHeaders headers,
            @PathParam("id") long id,
            @Parameter(description = AS_OF, schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("asOf") String asOf,
            @Parameter(description = "Only descendants of this kind", schema = @Schema(implementation = UnitKind.class))
            @QueryParam("kind") String kind,
            @Parameter(description = PAGE, schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("page") String page,
            @Parameter(description = SIZE, schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("size") String size) {
        // The subtree has a fixed order (depth, name, id); PageRequest is used only to validate page and size.
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size),
                null, Map.of("name", "name"), "name");
        Reach reach = scope.reach();
        return Exports.list(headers, request, p -> service.subtree(id, Params.date("asOf", asOf),
                Params.enumValue("kind", kind, UnitKind.class), reach, p));
    }

    @GET

    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.ANALYST})
    @Path("/{id}/parent-history")
    @Operation(summary = "List a unit's parent history",
            description = "Every parent the unit has had, oldest first, each for [validFrom, validTo).")
    @APIResponse(responseCode = "200", description = "The parent links")
    public List<UnitParentLinkResponse> listUnitParentHistory(@PathParam("id") long id) {
        return service.parentHistory(id, scope.reach());
    }

    @PUT
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UnitUpdateRequest.class)))
    @Path("/{id}")
    @Operation(summary = "Update a unit",
            description = "Replaces code, name, category, provinceCode and parentId (kind and validFrom are fixed). "
                    + "A different parentId moves the unit on effectiveOn (default today, not in the future, not "
                    + "before the current parent link); a unit cannot move under itself or its own descendants. "
                    + "Dissolved units cannot be changed. If-Match is optional; a stale one is refused with 412.")
    @APIResponse(responseCode = "200", description = "The updated unit; ETag carries its new version",
            headers = @Header(name = "ETag", description = "New version of the unit"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UnitResponse.class)))
    public Response updateUnit(@PathParam("id") long id,
                               @Parameter(description = "ETag from a previous read, e.g. \"3\"")
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               JsonNode body) {
        UnitUpdateRequest request = updates.put(body, service.get(id, null, scope.reach()), UnitUpdateRequest.class);
        UnitResponse unit = service.update(id, request, ifMatch, scope.reach());
        return Response.ok(unit).header(HttpHeaders.ETAG, ETags.of(unit.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({UpdateBodies.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Change some fields of a unit",
            description = UpdateBodies.MERGE_PATCH_DESCRIPTION)
    @RequestBody(content = @Content(mediaType = UpdateBodies.MERGE_PATCH,
            schema = @Schema(implementation = UnitUpdateRequest.class)))
    @APIResponse(responseCode = "200", description = "The changed resource; ETag carries the new version",
            headers = @Header(name = "ETag", description = "New version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitResponse.class)))
    public Response patchUnit(@PathParam("id") long id,
                               @Parameter(description = "ETag from a previous read, e.g. \"3\"")
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               JsonNode patch) {
        UnitUpdateRequest request = updates.mergePatch(patch, service.get(id, null, scope.reach()), UnitUpdateRequest.class);
        UnitResponse unit = service.update(id, request, ifMatch, scope.reach());
        return Response.ok(unit).header(HttpHeaders.ETAG, ETags.of(unit.version())).build();
    }

    @POST
    @Path("/{id}/dissolution")
    @Operation(summary = "Dissolve a unit",
            description = "Ends the unit and its parent link on dissolvedOn (not in the future, after validFrom). "
                    + "Refused while child units or grassroots unions still sit under it on that date: "
                    + "move them first.")
    @APIResponse(responseCode = "200", description = "The dissolved unit",
            headers = @Header(name = "ETag", description = "New version of the unit"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = UnitResponse.class)))
    public Response dissolveUnit(@PathParam("id") long id,
                                 @Parameter(description = "ETag from a previous read, e.g. \"3\"")
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @Valid @NotNull UnitDissolutionRequest request) {
        UnitResponse unit = service.dissolve(id, request, ifMatch, scope.reach());
        return Response.ok(unit).header(HttpHeaders.ETAG, ETags.of(unit.version())).build();
    }

    private static PageRequest pageRequest(String page, String size, String sort) {
        return PageRequest.of(Params.integer("page", page), Params.integer("size", size), sort, SORTABLE, "name");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
