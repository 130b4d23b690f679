package vn.doanvien.member;

import vn.doanvien.grassroots.UnionRefs;
import vn.doanvien.organisation.UnitRefs;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
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

/** HTTP API for union members: registration, edits, departures, transfers, history and yearly classification. */
@RolesAllowed({Roles.ADMIN, Roles.OFFICER})
@Path("/api/v1/members")
@Tag(name = "Members", description = "Union members (đoàn viên): each belongs to one grassroots union at a time, "
        + "with a dated history of memberships and a yearly classification")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberResource {

    private static final String MEMBER_EXAMPLE = """
            {"id": 1001, "cardNumber": "DV0000001001", "fullName": "Nguyễn Văn An", "dateOfBirth": "1995-04-12",
             "gender": "MALE", "nationality": "VN", "nationalId": "079095001234", "passportNumber": null,
             "phone": "0903 123 456", "email": "an.nguyen@example.vn", "grassrootsUnionId": 51,
             "grassrootsUnionName": "Công đoàn cơ sở Công ty TNHH Samsung Electronics Việt Nam",
             "joinedOn": "2024-03-01", "status": "ACTIVE", "leftOn": null, "leaveReason": null, "version": 0,
             "createdAt": "2024-03-01T09:15:00+07:00", "updatedAt": "2024-03-01T09:15:00+07:00"}""";

    private final MemberService service;
    private final Idempotency idempotency;
    private final CallerScope scope;

    private final UpdateBodies updates;

    private final UnitRefs unitRefs;

    private final UnionRefs unionRefs;

    MemberResource(MemberService service, Idempotency idempotency, CallerScope scope, UpdateBodies updates, UnitRefs unitRefs, UnionRefs unionRefs) {
        this.unionRefs = unionRefs;
        this.unitRefs = unitRefs;
        this.updates = updates;
        this.scope = scope;
        this.idempotency = idempotency;
        this.service = service;
    }

    @GET
    @Operation(summary = "List members",
            description = "Pages through members, filtered by grassroots union, status, gender, or unitId (members "
                    + "whose current grassroots union sits today under that unit or any unit below it). q searches "
                    + "names with or without Vietnamese diacritics, and matches a card number or national ID exactly.")
    @APIResponse(responseCode = "200", description = "A page of members")
    @Produces({MediaType.APPLICATION_JSON, Exports.TEXT_CSV, Exports.XLSX})
    public Page<MemberResponse> listMembers(@Context HttpHeaders headers,
            @Parameter(description = "0-based page number", example = "0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100", example = "20") @QueryParam("size") String size,
            @Parameter(description = "Comma-separated fields (fullName, joinedOn, cardNumber, createdAt); "
                    + "a leading - sorts descending", example = "fullName,-joinedOn") @QueryParam("sort") String sort,
            @Parameter(description = "Name (diacritics optional), card number or national ID", example = "nguyen van an")
            @QueryParam("q") String q,
            @Parameter(description = "Current grassroots union id", example = "130")
            @QueryParam("grassrootsUnionId") String grassrootsUnionId,
            @Parameter(description = "ACTIVE, LEFT, DECEASED or EXPELLED", example = "ACTIVE")
            @QueryParam("status") String status,
            @Parameter(description = "A unit of the tree: members of grassroots unions placed under it today",
                    example = "157") @QueryParam("unitId") String unitId,
            @Parameter(description = "MALE, FEMALE or OTHER", example = "FEMALE") @QueryParam("gender") String gender) {
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size), sort,
                MemberService.SORTABLE, "fullName");
        MemberFilter filter = new MemberFilter(
                unionRefs.union("grassrootsUnionId", grassrootsUnionId),
                Params.enumValue("status", status, MemberStatus.class),
                unitRefs.unit("unitId", unitId),
                Params.enumValue("gender", gender, Gender.class),
                Params.search("q", q));
        Reach reach = scope.reach();
        return Exports.list(headers, request, p -> service.list(filter, reach, p));
    }

    @POST
    @Operation(summary = "Register a member",
            description = "Creates an ACTIVE member in a grassroots union that is active on joinedOn, opens their "
                    + "first membership period and assigns the card number. Past dates are accepted so unions can "
                    + "enter their history. A person may have only one ACTIVE membership (409 with existingId).")
    @APIResponse(responseCode = "201", description = "Created; sets Location to the new member and ETag to its version",
            headers = {@Header(name = "Location", description = "URL of the new member",
                    schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Version of the new member",
                            schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MemberResponse.class),
                    examples = @ExampleObject(name = "member", value = MEMBER_EXAMPLE)))
    public Response createMember(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @NotNull @Valid MemberCreateRequest body,
                                 @Context UriInfo uriInfo) {
        return idempotency.execute(idempotencyKey, "POST", uriInfo.getPath(), body, () -> {
            MemberResponse created = service.create(body, scope.reach());
            return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                    .header(HttpHeaders.ETAG, ETags.of(created.version()))
                    .entity(created)
                    .build();
        });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a member", description = "One member, with an ETag for conditional updates.")
    @APIResponse(responseCode = "200", description = "The member; ETag carries its version",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MemberResponse.class),
                    examples = @ExampleObject(name = "member", value = MEMBER_EXAMPLE)))
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.MEMBER})
    public Response getMember(@PathParam("id") long id) {
        MemberResponse member = service.get(id, scope.reach());
        return Response.ok(member).header(HttpHeaders.ETAG, ETags.of(member.version())).build();
    }

    @PUT
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MemberUpdateRequest.class)))
    @Path("/{id}")
    @Operation(summary = "Update a member",
            description = "Replaces the editable fields. Setting status LEFT, DECEASED or EXPELLED needs leftOn and "
                    + "closes the current membership period; a member who is gone cannot become ACTIVE again "
                    + "(register them anew). The grassroots union changes only through a transfer. "
                    + "Send If-Match with the ETag to avoid overwriting someone else's change (412 if stale).")
    @APIResponse(responseCode = "200", description = "The updated member; ETag carries the new version",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Response updateMember(@PathParam("id") long id,
                                 @Parameter(description = "ETag from a previous read", example = "\"0\"")
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 JsonNode body) {
        MemberUpdateRequest request = updates.put(body, service.get(id, scope.reach()), MemberUpdateRequest.class);
        MemberResponse member = service.update(id, request, ifMatch, scope.reach());
        return Response.ok(member).header(HttpHeaders.ETAG, ETags.of(member.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({UpdateBodies.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Change some fields of a member",
            description = UpdateBodies.MERGE_PATCH_DESCRIPTION)
    @RequestBody(content = @Content(mediaType = UpdateBodies.MERGE_PATCH,
            schema = @Schema(implementation = MemberUpdateRequest.class)))
    @APIResponse(responseCode = "200", description = "The changed resource; ETag carries the new version",
            headers = @Header(name = "ETag", description = "New version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberResponse.class)))
    public Response patchMember(@PathParam("id") long id,
                                 @Parameter(description = "ETag from a previous read", example = "\"0\"")
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 JsonNode patch) {
        MemberUpdateRequest request = updates.mergePatch(patch, service.get(id, scope.reach()),
                MemberUpdateRequest.class);
        MemberResponse member = service.update(id, request, ifMatch, scope.reach());
        return Response.ok(member).header(HttpHeaders.ETAG, ETags.of(member.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a member",
            description = "Removes a member entered by mistake, with their history and classifications; if they chair "
                    + "a grassroots union the chair becomes vacant. To record a departure use PUT with status LEFT.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteMember(@PathParam("id") long id) {
        service.delete(id, scope.reach());
    }

    @POST
    @Path("/{id}/transfers")
    @Operation(summary = "Transfer a member",
            description = "Moves an ACTIVE member to another grassroots union from effectiveOn: the current period "
                    + "ends (reason TRANSFER) and a new one starts. If the member chaired the old union, its chair "
                    + "becomes vacant.")
    @APIResponse(responseCode = "200", description = "The member in their new union; ETag carries the new version",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)))
    public Response transferMember(@PathParam("id") long id,
                                   @Parameter(description = "ETag from a previous read", example = "\"0\"")
                                   @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                   @NotNull @Valid MemberTransferRequest body) {
        return idempotency.execute(idempotencyKey, "POST", "/api/v1/members/" + id + "/transfers", body, () -> {
            MemberResponse member = service.transfer(id, body, ifMatch, scope.reach());
            return Response.ok(member).header(HttpHeaders.ETAG, ETags.of(member.version())).build();
        });
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Get a member's history",
            description = "The member's periods in grassroots unions, oldest first; endOn is exclusive and null "
                    + "for the current one.")
    @APIResponse(responseCode = "200", description = "The periods, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = MembershipPeriodResponse.class),
                    examples = @ExampleObject(name = "history", value = """
                            [{"grassrootsUnionId": 51, "grassrootsUnionCode": "CDCS-SEV",
                              "grassrootsUnionName": "Công đoàn cơ sở Công ty TNHH Samsung Electronics Việt Nam",
                              "startOn": "2020-03-01", "endOn": "2024-07-01", "endReason": "TRANSFER"},
                             {"grassrootsUnionId": 52, "grassrootsUnionCode": "CDCS-CANON",
                              "grassrootsUnionName": "Công đoàn cơ sở Công ty TNHH Canon Việt Nam",
                              "startOn": "2024-07-01", "endOn": null, "endReason": null}]""")))
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.MEMBER})
    public List<MembershipPeriodResponse> getMemberHistory(@PathParam("id") long id) {
        return service.history(id, scope.reach());
    }

    @PUT
    @Path("/{id}/classifications/{year}")
    @Operation(summary = "Classify a member for a year",
            description = "Creates or replaces the member's evaluation (EXCELLENT, GOOD, AVERAGE, WEAK) for a year "
                    + "between the year they joined and the current year.")
    @APIResponse(responseCode = "200", description = "The classification",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClassificationResponse.class),
                    examples = @ExampleObject(name = "classification",
                            value = "{\"year\": 2024, \"classification\": \"EXCELLENT\", \"version\": 0}")))
    public ClassificationResponse putMemberClassification(
            @PathParam("id") long id,
            @Parameter(description = "The evaluation year", example = "2024") @PathParam("year") String year,
            @NotNull @Valid ClassificationRequest body) {
        return service.classify(id, year, body, scope.reach());
    }

    @GET
    @Path("/{id}/classifications")
    @Operation(summary = "List a member's classifications", description = "The member's yearly evaluations, oldest first.")
    @APIResponse(responseCode = "200", description = "Classifications by year")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.MEMBER})
    public List<ClassificationResponse> listMemberClassifications(@PathParam("id") long id) {
        return service.classifications(id, scope.reach());
    }
}
