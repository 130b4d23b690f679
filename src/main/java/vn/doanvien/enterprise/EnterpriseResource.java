package vn.doanvien.enterprise;

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
import jakarta.ws.rs.DELETE;
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

/** HTTP face of the enterprise registry. */
@RolesAllowed({Roles.ADMIN, Roles.OFFICER})
@Path("/api/v1/enterprises")
@Tag(name = "Enterprises", description = "Employers identified by tax code, where grassroots unions are founded;"
        + " `unionized` shows whether one is active there")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
class EnterpriseResource {

    private final EnterpriseService service;
    private final Idempotency idempotency;
    private final CallerScope scope;

    private final UpdateBodies updates;

    private final UnitRefs unitRefs;

    EnterpriseResource(EnterpriseService service, Idempotency idempotency, CallerScope scope, UpdateBodies updates, UnitRefs unitRefs) {
        this.unitRefs = unitRefs;
        this.updates = updates;
        this.scope = scope;
        this.idempotency = idempotency;
        this.service = service;
    }

    @GET

    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.ANALYST})
    @Operation(summary = "List enterprises",
            description = "Filters combine with AND. `unionized=false` finds enterprises with no active grassroots"
                    + " union, the recruitment targets. `q` matches name or tax code, ignoring case and Vietnamese"
                    + " diacritics. Sort by name, taxCode, workforce or createdAt; prefix `-` for descending.")
    @APIResponse(responseCode = "200", description = "One page of enterprises")
    @Produces({MediaType.APPLICATION_JSON, Exports.TEXT_CSV, Exports.XLSX})
    public Page<EnterpriseResponse> listEnterprises(@Context HttpHeaders headers,
            @Parameter(description = "2-digit province code", example = "24") @QueryParam("provinceCode") String provinceCode,
            @Parameter(schema = @Schema(implementation = Ownership.class)) @QueryParam("ownership") String ownership,
            @Parameter(description = "VSIC section letter", example = "C") @QueryParam("industry") String industry,
            @Parameter(description = "ISO 3166 alpha-2", example = "KR") @QueryParam("investorCountry") String investorCountry,
            @Parameter(description = "At least this many workers", example = "25") @QueryParam("minWorkforce") String minWorkforce,
            @Parameter(description = "true: has an active grassroots union; false: has none",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("unionized") String unionized,
            @Parameter(description = "Upper-level union in charge", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("upperLevelUnitId") String upperLevelUnitId,
            @Parameter(description = "Search in name and tax code", example = "cong ty dien tu") @QueryParam("q") String q,
            @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
            @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20"))
            @QueryParam("size") String size,
            @Parameter(description = "Comma-separated fields: name, taxCode, workforce, createdAt", example = "-workforce,name")
            @QueryParam("sort") String sort) {
        EnterpriseFilter filter = new EnterpriseFilter(blankToNull(provinceCode),
                Params.enumValue("ownership", ownership, Ownership.class), blankToNull(industry),
                blankToNull(investorCountry), Params.integer("minWorkforce", minWorkforce),
                Params.bool("unionized", unionized), unitRefs.unit("upperLevelUnitId", upperLevelUnitId), Params.search("q", q));
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size), sort,
                EnterpriseService.SORTABLE, "name");
        Reach reach = scope.reach();
        return Exports.list(headers, request, p -> service.list(filter, reach, p));
    }

    @GET

    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.ANALYST})
    @Path("/{id}")
    @Operation(summary = "Get an enterprise", description = "The `ETag` header carries the version for `If-Match`.")
    @APIResponse(responseCode = "200", description = "The enterprise",
            headers = @Header(name = "ETag", description = "Version of the enterprise",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EnterpriseResponse.class)))
    public Response getEnterprise(@PathParam("id") long id) {
        EnterpriseResponse e = service.get(id, scope.reach());
        return Response.ok(e).header("ETag", ETags.of(e.version())).build();
    }

    @POST
    @Operation(summary = "Register an enterprise",
            description = "The tax code must be unused (409 with `existingId` otherwise). `investorCountry` is"
                    + " required for FOREIGN_INVESTED and must be absent otherwise; `workforceAsOf` is required"
                    + " with `workforce`.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EnterpriseRequest.class)))
    @APIResponse(responseCode = "201", description = "Created; `Location` points to the new enterprise and `ETag`"
            + " carries its version",
            headers = {
                    @Header(name = "Location", description = "URL of the new enterprise",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Version of the enterprise",
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EnterpriseResponse.class)))
    public Response createEnterprise(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull EnterpriseRequest request,
                                     @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, "POST", uri.getPath(), request, () -> {
            EnterpriseResponse e = service.create(request, scope.reach());
            return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(e.id())).build())
                    .header("ETag", ETags.of(e.version())).entity(e).build();
        });
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace an enterprise's details",
            description = "Full replacement of the editable fields (omitted optional fields become empty)."
                    + " Send `If-Match` with the ETag you read: a stale one is refused with 412.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = EnterpriseRequest.class)))
    @APIResponse(responseCode = "200", description = "Updated; `ETag` carries the new version",
            headers = @Header(name = "ETag", description = "New version of the enterprise",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EnterpriseResponse.class)))
    public Response updateEnterprise(@PathParam("id") long id,
                                     @Parameter(description = "ETag from a previous read, e.g. \"3\"")
                                     @HeaderParam("If-Match") String ifMatch,
                                     JsonNode body) {
        EnterpriseRequest request = updates.put(body, service.get(id, scope.reach()), EnterpriseRequest.class);
        EnterpriseResponse e = service.update(id, request, ifMatch, scope.reach());
        return Response.ok(e).header("ETag", ETags.of(e.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({UpdateBodies.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Change some fields of an enterprise",
            description = UpdateBodies.MERGE_PATCH_DESCRIPTION)
    @RequestBody(content = @Content(mediaType = UpdateBodies.MERGE_PATCH,
            schema = @Schema(implementation = EnterpriseRequest.class)))
    @APIResponse(responseCode = "200", description = "The changed resource; ETag carries the new version",
            headers = @Header(name = "ETag", description = "New version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnterpriseResponse.class)))
    public Response patchEnterprise(@PathParam("id") long id,
                                     @Parameter(description = "ETag from a previous read, e.g. \"3\"")
                                     @HeaderParam("If-Match") String ifMatch,
                                     JsonNode patch) {
        EnterpriseRequest request = updates.mergePatch(patch, service.get(id, scope.reach()), EnterpriseRequest.class);
        EnterpriseResponse e = service.update(id, request, ifMatch, scope.reach());
        return Response.ok(e).header("ETag", ETags.of(e.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an enterprise",
            description = "Only an enterprise no grassroots union (active or dissolved) ever referenced can be"
                    + " deleted; otherwise 409.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteEnterprise(@PathParam("id") long id) {
        service.delete(id, scope.reach());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
