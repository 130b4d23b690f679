package vn.doanvien.target;

import vn.doanvien.organisation.UnitRefs;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import jakarta.ws.rs.PATCH;
import vn.doanvien.common.UpdateBodies;
import com.fasterxml.jackson.databind.JsonNode;
import vn.doanvien.security.Reach;
import vn.doanvien.security.CallerScope;
import vn.doanvien.common.Exports;
import jakarta.ws.rs.core.Context;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.Page;
import vn.doanvien.common.LineChart;
import vn.doanvien.common.SvgChart;
import vn.doanvien.security.SignedLinks;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.doanvien.common.PageRequest;
import vn.doanvien.common.Params;
import vn.doanvien.idempotency.Idempotency;
import vn.doanvien.target.TargetDtos.AllocationRequest;
import vn.doanvien.target.TargetDtos.AllocationResponse;
import vn.doanvien.target.TargetDtos.ProgressResponse;
import vn.doanvien.target.TargetDtos.SeriesResponse;
import vn.doanvien.target.TargetDtos.TargetCreateRequest;
import vn.doanvien.target.TargetDtos.TargetResponse;
import vn.doanvien.target.TargetDtos.TargetUpdateRequest;
import vn.doanvien.security.Roles;

/** Targets, their allocation down the tree, progress and monthly series. */
@RolesAllowed({Roles.ADMIN, Roles.OFFICER})
@Path("/api/v1/targets")
@Tag(name = "Targets", description = "Targets (chỉ tiêu) that cascade down the tree, progress rolled up it, "
        + "projections to the deadline")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TargetResource {

    private final TargetService targets;
    private final ProgressService progress;
    private final Idempotency idempotency;
    private final CallerScope scope;
    private final TargetCharts charts;

    private final UpdateBodies updates;

    private final UnitRefs unitRefs;

    TargetResource(TargetService targets, ProgressService progress, Idempotency idempotency, CallerScope scope, UpdateBodies updates, UnitRefs unitRefs, TargetCharts charts) {
        this.charts = charts;
        this.unitRefs = unitRefs;
        this.updates = updates;
        this.scope = scope;
        this.targets = targets;
        this.progress = progress;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(summary = "Create a target", description = "metric ACTIVE_MEMBERS counts members active on a day in "
            + "the scope's subtree; NEW_MEMBERS the members who joined after baselineDate; GRASSROOTS_UNIONS the "
            + "active grassroots unions; ENTERPRISE_COVERAGE the percentage of enterprises with at least "
            + "minWorkforce workers (25 unless set) recruited by upper-level unions of the subtree that have an "
            + "active grassroots union. Send an Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag set",
            content = @Content(schema = @Schema(implementation = TargetResponse.class)))
    public Response createTarget(@HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                 @Valid @NotNull TargetCreateRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, "POST", "/api/v1/targets", request, () -> {
            TargetResponse created = targets.create(request, scope.reach());
            return Response.created(URI.create("/api/v1/targets/" + created.id()))
                    .tag(new EntityTag(String.valueOf(created.version()))).entity(created).build();
        });
    }

    @GET

    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.ANALYST})
    @Operation(summary = "List targets", description = "Filter by scope unit, metric or parent target; "
            + "topLevel=true lists only targets that were not allocated from another.")
    @Produces({MediaType.APPLICATION_JSON, Exports.TEXT_CSV, Exports.XLSX})
    public Page<TargetResponse> listTargets(@Context HttpHeaders headers, @QueryParam("scopeUnitId") String scopeUnitId,
                                            @QueryParam("metric") String metric,
                                            @QueryParam("parentTargetId") String parentTargetId,
                                            @QueryParam("topLevel") String topLevel,
                                            @QueryParam("page") String page, @QueryParam("size") String size,
                                            @Parameter(description = "name, deadline, metric, createdAt; - for descending")
                                            @QueryParam("sort") String sort) {
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size), sort,
                TargetDtos.sortable(), "name");
        Boolean top = Params.bool("topLevel", topLevel);
        Long scopeUnit = unitRefs.unit("scopeUnitId", scopeUnitId);
        TargetMetric metricValue = Params.enumValue("metric", metric, TargetMetric.class);
        Long parent = Params.id("parentTargetId", parentTargetId);
        Reach reach = scope.reach();
        return Exports.list(headers, request, p -> targets.list(scopeUnit, metricValue, parent, top != null && top,
                reach, p));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.ANALYST})
    @Path("/{id}")
    @Operation(summary = "Get a target")
    @APIResponse(responseCode = "200", description = "The target; ETag carries its version",
            headers = @Header(name = "ETag", description = "Version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TargetResponse.class)))
    public Response getTarget(@PathParam("id") long id) {
        TargetResponse t = targets.get(id, scope.reach());
        return Response.ok(t).tag(new EntityTag(String.valueOf(t.version()))).build();
    }

    @PUT
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TargetUpdateRequest.class)))
    @Path("/{id}")
    @Operation(summary = "Update a target", description = "Scope and metric are fixed; send If-Match with the ETag "
            + "you read to avoid overwriting a concurrent change (412 if stale).")
    public Response updateTarget(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                                 JsonNode body) {
        TargetUpdateRequest request = updates.put(body, targets.get(id, scope.reach()), TargetUpdateRequest.class);
        TargetResponse t = targets.update(id, ifMatch, request, scope.reach());
        return Response.ok(t).tag(new EntityTag(String.valueOf(t.version()))).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({UpdateBodies.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Change some fields of a target",
            description = UpdateBodies.MERGE_PATCH_DESCRIPTION)
    @RequestBody(content = @Content(mediaType = UpdateBodies.MERGE_PATCH,
            schema = @Schema(implementation = TargetUpdateRequest.class)))
    @APIResponse(responseCode = "200", description = "The changed resource; ETag carries the new version",
            headers = @Header(name = "ETag", description = "New version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TargetResponse.class)))
    public Response patchTarget(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                                 JsonNode patch) {
        TargetUpdateRequest request = updates.mergePatch(patch, targets.get(id, scope.reach()), TargetUpdateRequest.class);
        TargetResponse t = targets.update(id, ifMatch, request, scope.reach());
        return Response.ok(t).tag(new EntityTag(String.valueOf(t.version()))).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a target", description = "Refused (409) while it has allocations.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteTarget(@PathParam("id") long id) {
        targets.delete(id, scope.reach());
    }

    @POST
    @Path("/{id}/allocations")
    @Operation(summary = "Allocate a target among child units", description = "Creates (or replaces the value of) "
            + "one child target per listed unit; each unit must be a child of the target's scope today. The "
            + "response shows the allocated sum and what is still unallocated or over-allocated. Allocations "
            + "to units that were later re-parented or dissolved stay listed with current=false and stop "
            + "counting as allocated.")
    @APIResponse(responseCode = "200", description = "The target's allocations after the change",
            content = @Content(schema = @Schema(implementation = AllocationResponse.class)))
    public AllocationResponse allocateTarget(@PathParam("id") long id, @Valid @NotNull AllocationRequest request) {
        return targets.allocate(id, request.allocations(), scope.reach());
    }

    @GET

    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.ANALYST})
    @Path("/{id}/allocations")
    @Operation(summary = "List a target's allocations")
    public AllocationResponse listTargetAllocations(@PathParam("id") long id) {
        return targets.allocations(id, scope.reach());
    }

    @GET

    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.ANALYST})
    @Path("/{id}/progress")
    @Operation(summary = "Progress of a target", description = "Values come from the maintained monthly and daily "
            + "figures (and units' reported figures where the registry has none), never from counting members. "
            + "percentOfGainAchieved = (current - baseline) / (target - baseline). requiredPerMonth = remaining / "
            + "months left. actualPerMonth = change of the value over the trailing 3, 6 and 12 months divided by "
            + "the months. projectedAtDeadline: ordinary least squares of the value against the day over the "
            + "month-end values of the trailing 12 months (not before the baseline) plus asOf, evaluated at the "
            + "deadline. status: ACHIEVED when current >= target; OFF_TRACK when the deadline has passed "
            + "without it; else ON_TRACK when projectedAtDeadline >= target, AT_RISK when it reaches at least "
            + "90% of the gain from baseline to target, OFF_TRACK below; AT_RISK when there is too little "
            + "history to project. joined and left (gross joins and departures since the baseline) show churn. "
            + "breakdown (first, before the allocation): one row per child target where the target was allocated, "
            + "else per child unit (or per grassroots union under an upper-level union) with a pro-rata target, "
            + "biggest gap first unless sort says otherwise (by share reached, pace or name).")
    @Produces({MediaType.APPLICATION_JSON, Exports.TEXT_CSV, Exports.XLSX})
    @APIResponse(responseCode = "200", description = "Progress; as CSV, the breakdown rows",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ProgressResponse.class)),
                    @Content(mediaType = Exports.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    public ProgressResponse getTargetProgress(@PathParam("id") long id,
                                              @Parameter(description = "YYYY-MM-DD; today when absent",
                                                      schema = @Schema(type = SchemaType.STRING, format = "date"))
                                              @QueryParam("asOf") String asOf,
                                              @Parameter(description = "Order of the breakdown: one of "
                                                      + BreakdownOrder.FIELDS + " (share reached: percentOfTarget; "
                                                      + "pace: pacePerMonth), ascending, or descending with a leading "
                                                      + "-; by default -gap, the biggest gap first",
                                                      schema = @Schema(type = SchemaType.STRING, enumeration = {"-gap",
                                                              "gap", "percentOfTarget", "-percentOfTarget",
                                                              "pacePerMonth", "-pacePerMonth", "currentValue",
                                                              "-currentValue", "name", "-name"}))
                                              @QueryParam("sort") String sort) {
        return progress.progress(id, Params.date("asOf", asOf), BreakdownOrder.parse(sort), scope.reach());
    }

    @GET

    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.ANALYST})
    @Path("/{id}/series")
    @Operation(summary = "Monthly series of a target", description = "The actual value at each month end (today "
            + "for the current month, null for future months) against the straight line from the baseline value "
            + "to the target at the deadline; source says whether each month came from the registry, the scope's "
            + "own report, or both combined.")
    @Produces({MediaType.APPLICATION_JSON, Exports.TEXT_CSV, Exports.XLSX})
    @APIResponse(responseCode = "200", description = "The series; as CSV, one row per month",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SeriesResponse.class)),
                    @Content(mediaType = Exports.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    public SeriesResponse getTargetSeries(@Context UriInfo uri, @PathParam("id") long id,
                                          @Parameter(description = "YYYY-MM; the baseline month when absent")
                                          @QueryParam("from") String from,
                                          @Parameter(description = "YYYY-MM; the deadline month when absent")
                                          @QueryParam("to") String to) {
        SeriesResponse series = progress.series(id, month("from", from), month("to", to), scope.reach());
        Map<String, String> query = new LinkedHashMap<>();
        query.put("from", from);
        query.put("to", to);
        return series.withChartUrl(SignedLinks.absolute(uri.getBaseUri(), "/api/v1/targets/" + id + "/chart.png",
                query, scope.caller()));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.ANALYST})
    @Path("/{id}/chart.png")
    @Produces(LineChart.IMAGE_PNG)
    @Operation(summary = "Chart of a target (picture)", description = "The monthly series (same from and to) as a "
            + "PNG line chart, which Swagger UI shows as a picture: the actual value at each month end against the "
            + "straight line the target requires from the baseline value to the target at the deadline, with the "
            + "deadline marked. To open it in a browser tab, use the chartUrl of GET /api/v1/targets/{id}/series "
            + "(signed for you, valid 10 minutes).")
    @APIResponse(responseCode = "200", description = "A PNG image",
            content = @Content(mediaType = LineChart.IMAGE_PNG, schema = @Schema(type = SchemaType.STRING,
                    format = "binary")))
    @APIResponse(responseCode = "400", description = "Bad from or to",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such target",
            content = @Content(mediaType = "application/problem+json"))
    public Response getTargetChartPng(@PathParam("id") long id,
                                      @Parameter(description = "YYYY-MM; the baseline month when absent")
                                      @QueryParam("from") String from,
                                      @Parameter(description = "YYYY-MM; the deadline month when absent")
                                      @QueryParam("to") String to) {
        return charts.chart(id, month("from", from), month("to", to), scope.reach()).pngResponse("target-" + id);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.ANALYST})
    @Path("/{id}/chart.svg")
    @Produces(SvgChart.IMAGE_SVG)
    @Operation(summary = "Chart of a target (SVG)", description = "The same chart as chart.png, as SVG: sharp at any "
            + "size, for documents and browsers (Swagger UI shows SVG as text; use chart.png there).")
    @APIResponse(responseCode = "200", description = "An SVG image",
            content = @Content(mediaType = SvgChart.IMAGE_SVG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Bad from or to",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such target",
            content = @Content(mediaType = "application/problem+json"))
    public Response getTargetChart(@PathParam("id") long id,
                                   @Parameter(description = "YYYY-MM; the baseline month when absent")
                                   @QueryParam("from") String from,
                                   @Parameter(description = "YYYY-MM; the deadline month when absent")
                                   @QueryParam("to") String to) {
        return charts.chart(id, month("from", from), month("to", to), scope.reach()).svgResponse("target-" + id);
    }

    static YearMonth month(String name, String value) {
        return Params.month(name, value);
    }

}
