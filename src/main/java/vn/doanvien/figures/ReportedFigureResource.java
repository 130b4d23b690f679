package vn.doanvien.figures;

import vn.doanvien.common.Params;
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
import java.net.URI;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.doanvien.security.Roles;

/** Official monthly figures of a unit, for months before the registry held its members. */
@RolesAllowed({Roles.ADMIN, Roles.OFFICER})
@Path("/api/v1/units/{unitId}/reported-figures")
@Tag(name = "Reported figures", description = "Official aggregate figures a unit reported per month; target "
        + "progress and series use them where the registry has no data")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReportedFigureResource {

    private final ReportedFigureService service;
    private final CallerScope scope;

    ReportedFigureResource(ReportedFigureService service, CallerScope scope) {
        this.scope = scope;
        this.service = service;
    }

    @PUT
    @Path("/{month}")
    @Operation(summary = "Record a unit's reported figures for a month", description = "Creates (201) or replaces "
            + "(200) the figures. members and grassroots unions are stocks at the end of the month; joined and "
            + "left are the month's flows. How they combine with the registry: a report replaces the unit's "
            + "registry stock at the end of that month, and registry changes after it are added on top; a "
            + "report of a unit also covers every unit below it, so nothing is counted twice.")
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(schema = @Schema(implementation = ReportedFigureResponse.class)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ReportedFigureResponse.class)))
    public Response putReportedFigure(@PathParam("unitId") long unitId,
                                      @Parameter(description = "YYYY-MM", example = "2024-10") @PathParam("month") String month,
                                      @HeaderParam("If-Match") String ifMatch,
                                      @Valid @NotNull ReportedFigureRequest request) {
        ReportedFigureService.Saved saved = service.put(unitId, month(month), ifMatch, request, scope.reach());
        Response.ResponseBuilder builder = saved.created()
                ? Response.created(URI.create("/api/v1/units/" + unitId + "/reported-figures/" + saved.figure().month()))
                : Response.ok();
        return builder.entity(saved.figure()).tag(new EntityTag(String.valueOf(saved.figure().version()))).build();
    }

    @GET

    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.ANALYST})
    @Operation(summary = "List a unit's reported figures, oldest month first")
    public List<ReportedFigureResponse> listReportedFigures(@PathParam("unitId") long unitId) {
        return service.list(unitId, scope.reach());
    }

    @GET

    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.ANALYST})
    @Path("/{month}")
    @Operation(summary = "Get a unit's reported figures for a month")
    public Response getReportedFigure(@PathParam("unitId") long unitId, @PathParam("month") String month) {
        ReportedFigureResponse f = service.get(unitId, month(month), scope.reach());
        return Response.ok(f).tag(new EntityTag(String.valueOf(f.version()))).build();
    }

    @DELETE
    @Path("/{month}")
    @Operation(summary = "Delete a unit's reported figures for a month")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteReportedFigure(@PathParam("unitId") long unitId, @PathParam("month") String month) {
        service.delete(unitId, month(month), scope.reach());
    }

    private static YearMonth month(String value) {
        return Params.requiredMonth("month", value);
    }
}
