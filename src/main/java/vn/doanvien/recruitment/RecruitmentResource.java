package vn.doanvien.recruitment;

import vn.doanvien.organisation.UnitRefs;
import vn.doanvien.security.Reach;
import vn.doanvien.security.CallerScope;
import jakarta.annotation.security.RolesAllowed;
import vn.doanvien.security.Roles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.Exports;
import vn.doanvien.common.Page;
import vn.doanvien.common.PageRequest;
import vn.doanvien.common.Params;
import vn.doanvien.enterprise.Ownership;

/** Recruitment leads and enterprise coverage. */
@Path("/api/v1/recruitment")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.ANALYST})
@Tag(name = "Recruitment", description = "Where to recruit next: enterprises without an active grassroots union, "
        + "and coverage of enterprises by unit. Add `Accept: text/csv` for a spreadsheet.")
@Produces({MediaType.APPLICATION_JSON, Exports.TEXT_CSV, Exports.XLSX})
public class RecruitmentResource {

    static final int DEFAULT_MIN_WORKFORCE = 25;

    private final RecruitmentService service;
    private final CallerScope scope;

    private final UnitRefs unitRefs;

    RecruitmentResource(RecruitmentService service, CallerScope scope, UnitRefs unitRefs) {
        this.unitRefs = unitRefs;
        this.scope = scope;
        this.service = service;
    }

    @GET
    @Path("/leads")
    @Operation(summary = "Recruitment leads", description = "Enterprises with at least minWorkforce workers "
            + "(25 unless set) and no grassroots union active today, whose upper-level union (upperLevelUnitId) "
            + "is in the unit's subtree in today's tree; largest workforce first, then id. Enterprises with no "
            + "upper-level union or unknown workforce are not listed. With Accept: text/csv every matching "
            + "row is exported (page and size ignored).")
    @APIResponse(responseCode = "200", description = "A page of leads")
    @APIResponse(responseCode = "400", description = "Missing unitId or a bad parameter")
    @APIResponse(responseCode = "404", description = "No such unit")
    public Page<LeadResponse> listRecruitmentLeads(
            @Context HttpHeaders headers,
            @Parameter(description = "The unit whose subtree is searched: an id (42) or a code (LDLD-01); by default the "
                    + "caller's own unit, the Confederation for a national user",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("unitId") String unitId,
            @Parameter(description = "At least this many workers; 25 when absent",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "25"))
            @QueryParam("minWorkforce") String minWorkforce,
            @Parameter(schema = @Schema(implementation = Ownership.class)) @QueryParam("ownership") String ownership,
            @Parameter(description = "VSIC section letter", example = "C") @QueryParam("industry") String industry,
            @Parameter(description = "0-based page", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
            @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20"))
            @QueryParam("size") String size) {
        long unit = unitRefs.unitOrOwn("unitId", unitId, scope.reach());
        int min = minWorkforce(minWorkforce);
        Ownership own = Params.enumValue("ownership", ownership, Ownership.class);
        String ind = industry(industry);
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size), null,
                Map.of("workforce", "workforce"), "workforce");
        Reach reach = scope.reach();
        return Exports.list(headers, request, p -> service.leads(unit, min, own, ind, reach, p));
    }

    @GET
    @Path("/coverage")
    @Operation(summary = "Enterprise coverage by unit", description = "For each child unit of the unit (today's "
            + "tree) and in total: enterprises with at least minWorkforce workers recruited by upper-level unions "
            + "of the subtree, how many have a grassroots union active today, the share in percent, and the "
            + "workers of all of them and of the unionized ones (workersCovered). Counts are those of the "
            + "ENTERPRISE_COVERAGE target metric. Rows: most enterprises without a union first. The CSV has the "
            + "rows and then the total (unitCode TOTAL).")
    @APIResponse(responseCode = "200", description = "Coverage per child unit and in total")
    @APIResponse(responseCode = "400", description = "Missing unitId or a bad parameter")
    @APIResponse(responseCode = "404", description = "No such unit")
    public CoverageResponse getRecruitmentCoverage(
            @Parameter(description = "The unit: an id (42) or a code (LDLD-01, VGCL); by default the caller's own unit, the Confederation for a national user")
            @QueryParam("unitId") String unitId,
            @Parameter(description = "At least this many workers; 25 when absent",
                    schema = @Schema(type = SchemaType.INTEGER, defaultValue = "25"))
            @QueryParam("minWorkforce") String minWorkforce) {
        return service.coverage(unitRefs.unitOrOwn("unitId", unitId, scope.reach()), minWorkforce(minWorkforce), scope.reach());
    }


    private static int minWorkforce(String value) {
        Integer min = Params.integer("minWorkforce", value);
        if (min == null) {
            return DEFAULT_MIN_WORKFORCE;
        }
        if (min < 0) {
            throw ApiProblem.invalid("minWorkforce", "must be 0 or more");
        }
        return min;
    }

    private static String industry(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (!v.matches("[A-U]")) {
            throw ApiProblem.invalid("industry", "must be a VSIC section letter A to U");
        }
        return v;
    }
}
