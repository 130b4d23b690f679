package vn.doanvien.training;

import vn.doanvien.grassroots.UnionRefs;
import vn.doanvien.organisation.UnitRefs;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import jakarta.ws.rs.PATCH;
import vn.doanvien.common.UpdateBodies;
import com.fasterxml.jackson.databind.JsonNode;
import vn.doanvien.security.Reach;
import vn.doanvien.security.CallerScope;
import vn.doanvien.common.Exports;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
import vn.doanvien.security.Roles;

/** HTTP face of union officials: who holds which post where, full-time or part-time, for which term. */
@RolesAllowed({Roles.ADMIN, Roles.OFFICER})
@Path("/api/v1/officials")
@Tag(name = "Officials", description = "Union officials (cán bộ công đoàn): a person, linked to a member where they "
        + "are one, holding a post (CHAIR, VICE_CHAIR, ...) in a unit or a grassroots union, FULL_TIME (chuyên trách) "
        + "or PART_TIME (kiêm nhiệm), for a half-open term [termStart, termEnd). A grassroots union's chair is the "
        + "official holding CHAIR there; a unit or grassroots union has one chair at a time.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OfficialResource {

    private static final Map<String, String> SORTABLE = new LinkedHashMap<>();

    static {
        SORTABLE.put("fullName", "o.fullName");
        SORTABLE.put("post", "o.post");
        SORTABLE.put("termStart", "o.termStart");
        SORTABLE.put("createdAt", "o.createdAt");
        SORTABLE.put("id", "id");
    }

    private static final String CHAIR_RULE = " A CHAIR whose term overlaps another CHAIR's at the same unit or "
            + "grassroots union is refused with 409 and existingId naming the sitting chair.";

    private final OfficialService service;
    private final Idempotency idempotency;
    private final CallerScope scope;

    private final UpdateBodies updates;

    private final UnitRefs unitRefs;

    private final UnionRefs unionRefs;

    OfficialResource(OfficialService service, Idempotency idempotency, CallerScope scope, UpdateBodies updates, UnitRefs unitRefs, UnionRefs unionRefs) {
        this.unionRefs = unionRefs;
        this.unitRefs = unitRefs;
        this.updates = updates;
        this.scope = scope;
        this.idempotency = idempotency;
        this.service = service;
    }

    @POST
    @Operation(summary = "Create an official", description = "Records who holds which post where. Exactly one of "
            + "unitId and grassrootsUnionId (400 otherwise); memberId must name an existing member and then gives the "
            + "name (fullName is required without it); termStart cannot be in the future; termEnd, exclusive, must be "
            + "after termStart and may be planned." + CHAIR_RULE)
    @APIResponse(responseCode = "201", description = "Created; Location points to the official and ETag carries its version",
            headers = {@Header(name = "Location", description = "URL of the new official"),
                       @Header(name = "ETag", description = "Version of the official, for If-Match")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OfficialResponse.class)))
    public Response createOfficial(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull OfficialRequest request,
                                   @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, "POST", uri.getPath(), request, () -> {
            OfficialResponse created = service.create(request, scope.reach());
            return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                    .header(HttpHeaders.ETAG, ETags.of(created.version()))
                    .entity(created)
                    .build();
        });
    }

    @GET
    @Operation(summary = "List officials", description = "Filters combine with AND. unitId alone lists the officials "
            + "serving that unit; with subtree=true it lists everyone serving the unit, any unit below it, or a "
            + "grassroots union placed below it, in the tree as it stands today. activeOn keeps the officials whose "
            + "term covers that date. q searches the name without diacritics.")
    @APIResponse(responseCode = "200", description = "A page of officials")
    @Produces({MediaType.APPLICATION_JSON, Exports.TEXT_CSV, Exports.XLSX})
    public Page<OfficialResponse> listOfficials(@Context HttpHeaders headers,
            @Parameter(description = "0-based page") @QueryParam("page") String page,
            @Parameter(description = "1..100, default 20") @QueryParam("size") String size,
            @Parameter(description = "fullName, post, termStart, createdAt, id; '-' for descending; default fullName")
            @QueryParam("sort") String sort,
            @Parameter(description = "Name, with or without diacritics", example = "nguyen thi hoa") @QueryParam("q") String q,
            @Parameter(description = "Serving this unit") @QueryParam("unitId") String unitId,
            @Parameter(description = "true: anywhere in unitId's subtree today, grassroots unions included")
            @QueryParam("subtree") String subtree,
            @Parameter(description = "Serving this grassroots union") @QueryParam("grassrootsUnionId") String grassrootsUnionId,
            @Parameter(description = "CHAIR, VICE_CHAIR, EXECUTIVE_COMMITTEE, INSPECTION_COMMITTEE, STAFF, OTHER")
            @QueryParam("post") String post,
            @Parameter(description = "FULL_TIME or PART_TIME") @QueryParam("employment") String employment,
            @Parameter(description = "Term covers this date (YYYY-MM-DD)") @QueryParam("activeOn") String activeOn,
            @Parameter(description = "Linked to this member") @QueryParam("memberId") String memberId) {
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size), sort,
                SORTABLE, "fullName");
        OfficialRepository.Filter filter = new OfficialRepository.Filter(Params.search("q", q), unitRefs.unit("unitId", unitId), null, null,
                unionRefs.union("grassrootsUnionId", grassrootsUnionId), Params.enumValue("post", post, OfficialPost.class),
                Params.enumValue("employment", employment, Employment.class), Params.date("activeOn", activeOn),
                Params.id("memberId", memberId));
        boolean wholeSubtree = Boolean.TRUE.equals(Params.bool("subtree", subtree));
        Reach reach = scope.reach();
        return Exports.list(headers, request, p -> service.list(filter, wholeSubtree, reach, p));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an official", description = "The official with an ETag carrying its version.")
    @APIResponse(responseCode = "200", description = "The official; ETag header carries its version",
            headers = @Header(name = "ETag", description = "Version, for If-Match"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OfficialResponse.class)))
    public Response getOfficial(@PathParam("id") long id) {
        OfficialResponse o = service.get(id, scope.reach());
        return Response.ok(o).header(HttpHeaders.ETAG, ETags.of(o.version())).build();
    }

    @PUT
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OfficialRequest.class)))
    @Path("/{id}")
    @Operation(summary = "Replace an official", description = "Full replacement of the editable fields, with the "
            + "same rules as creation. Optional If-Match: a stale version is refused with 412." + CHAIR_RULE)
    @APIResponse(responseCode = "200", description = "Updated; ETag carries the new version",
            headers = @Header(name = "ETag", description = "New version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OfficialResponse.class)))
    public Response updateOfficial(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                                   JsonNode body) {
        OfficialRequest request = updates.put(body, service.get(id, scope.reach()), OfficialRequest.class);
        OfficialResponse o = service.update(id, request, ifMatch, scope.reach());
        return Response.ok(o).header(HttpHeaders.ETAG, ETags.of(o.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({UpdateBodies.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Change some fields of an official",
            description = UpdateBodies.MERGE_PATCH_DESCRIPTION)
    @RequestBody(content = @Content(mediaType = UpdateBodies.MERGE_PATCH,
            schema = @Schema(implementation = OfficialRequest.class)))
    @APIResponse(responseCode = "200", description = "The changed resource; ETag carries the new version",
            headers = @Header(name = "ETag", description = "New version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfficialResponse.class)))
    public Response patchOfficial(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                                   JsonNode patch) {
        OfficialRequest request = updates.mergePatch(patch, service.get(id, scope.reach()), OfficialRequest.class);
        OfficialResponse o = service.update(id, request, ifMatch, scope.reach());
        return Response.ok(o).header(HttpHeaders.ETAG, ETags.of(o.version())).build();
    }

    @POST
    @Path("/{id}/end-term")
    @Operation(summary = "End an official's term", description = "Sets termEnd (exclusive, after termStart; may be "
            + "a planned date). 409 when the term has already ended. Optional If-Match.")
    @APIResponse(responseCode = "200", description = "The official with its term ended; ETag carries the new version",
            headers = @Header(name = "ETag", description = "New version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OfficialResponse.class)))
    public Response endOfficialTerm(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                                    @Valid @NotNull OfficialEndTermRequest request) {
        OfficialResponse o = service.endTerm(id, request, ifMatch, scope.reach());
        return Response.ok(o).header(HttpHeaders.ETAG, ETags.of(o.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an official", description = "Removes an official recorded by mistake. 409 once the "
            + "official has training enrolments: end the term instead, so that training history still adds up.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteOfficial(@PathParam("id") long id) {
        service.delete(id, scope.reach());
    }
}
