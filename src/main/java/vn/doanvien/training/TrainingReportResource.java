package vn.doanvien.training;

import vn.doanvien.organisation.UnitRefs;
import vn.doanvien.security.Reach;
import vn.doanvien.security.CallerScope;
import jakarta.annotation.security.RolesAllowed;
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
import vn.doanvien.security.Roles;

/** HTTP face of the yearly training report a federation writes about its officials. */
@RolesAllowed({Roles.ADMIN, Roles.OFFICER})
@Path("/api/v1/training")
@Tag(name = "Training report", description = "The yearly training figures of a unit and its subtree, shaped like the "
        + "paragraph provinces publish (Yên Bái, 2024: 21 courses with 2,596 trainee-attendances, 8 / 691 by the "
        + "provincial federation and 13 / 1,905 by upper-level unions; 100% of full-time officials trained; 2,832 "
        + "attendances at courses run by others, 316 by full-time officials; 2,516 grassroots officials trained).")
@Produces(MediaType.APPLICATION_JSON)
public class TrainingReportResource {

    private final TrainingReportService service;
    private final CallerScope scope;

    private final UnitRefs unitRefs;

    TrainingReportResource(TrainingReportService service, CallerScope scope, UnitRefs unitRefs) {
        this.unitRefs = unitRefs;
        this.scope = scope;
        this.service = service;
    }

    @GET
    @Path("/report")
    @Operation(summary = "Get a unit's yearly training report", description = "year is required; unitId (an id or a "
            + "code) defaults to the caller's own unit, the Confederation for a national user (400 naming the parameter "
            + "for a unit that does not exist). Line by line: organised.total = courses "
            + "starting in the year organised by the unit or any unit below it, with their trainee-attendances (lượt: "
            + "enrolments with at least one session attended); organised.byUnitItself and .bySubordinateUnits split "
            + "them by organiser; fullTimeOfficials.percentTrained = full-time officials of the subtree who completed "
            + "a course of the year; attendancesElsewhere = trainee-attendances of the subtree's officials at courses "
            + "organised outside it, and byFullTimeOfficials of them; grassrootsOfficials.traineesAtOwnCourses = "
            + "trainee-attendances of grassroots officials at the subtree's courses; grassrootsOfficials.trained and "
            + "grassrootsChairs.trained = persons who completed a course of the year. See the TrainingReport schema "
            + "for the exact definitions (tree date, terms, persons).")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TrainingReport.class)))
    public TrainingReport getTrainingReport(
            @Parameter(description = "The unit reporting (levels 1-3): an id or a code; by default the caller's own unit, "
                    + "the Confederation for a national user")
            @QueryParam("unitId") String unitId,
            @Parameter(description = "The year, 1900..2200", required = true, example = "2024")
            @QueryParam("year") String year) {
        return service.report(unitRefs.unitOrOwn("unitId", unitId, scope.reach()), Params.integer("year", year), scope.reach());
    }
}
