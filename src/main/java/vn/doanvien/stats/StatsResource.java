package vn.doanvien.stats;

import vn.doanvien.organisation.UnitRefs;
import vn.doanvien.security.Reach;
import vn.doanvien.security.CallerScope;
import jakarta.annotation.security.RolesAllowed;
import vn.doanvien.security.Roles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.Exports;
import vn.doanvien.common.Params;
import vn.doanvien.common.LineChart;
import vn.doanvien.common.SvgChart;
import vn.doanvien.security.SignedLinks;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.doanvien.stats.StatsDtos.GroupBy;
import vn.doanvien.stats.StatsDtos.Interval;
import vn.doanvien.stats.StatsDtos.MembershipResponse;
import vn.doanvien.stats.StatsDtos.SeriesPoint;
import vn.doanvien.stats.StatsDtos.SeriesResponse;

/** Membership statistics for analysts: grouped figures, time series, CSV and SVG. */
@Path("/api/v1/stats/membership")
@RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.ANALYST})
@Tag(name = "Statistics", description = "Membership of a unit's subtree grouped by unit, province, enterprise "
        + "attributes, gender or age; series by month, quarter or year. Add `Accept: text/csv` for a spreadsheet.")
public class StatsResource {

    private final StatsService service;
    private final CallerScope scope;

    private final UnitRefs unitRefs;

    StatsResource(StatsService service, CallerScope scope, UnitRefs unitRefs) {
        this.unitRefs = unitRefs;
        this.scope = scope;
        this.service = service;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Exports.TEXT_CSV, Exports.XLSX})
    @Operation(summary = "Membership statistics", description = "Active members and active grassroots unions on "
            + "asOf (today when absent), joins and departures in [from, asOf] (from: 1 January of asOf's year "
            + "when absent), and members per 100 workers (members of active grassroots unions in enterprises "
            + "whose workforce is known, per 100 of those enterprises' workers), for the unit's subtree grouped "
            + "by groupBy. Transfers are neither joins nor departures. The total comes from the maintained "
            + "figures with reported figures and member counts where units reported them (like target "
            + "progress); CHILD_UNIT rows too (one per child unit on asOf, or one per grassroots union under an "
            + "upper-level union). Every other groupBy is a dimension of the figures by dimension (one structure "
            + "for all of them, exact on any day): PROVINCE (the enterprise's province, else the nearest unit's), "
            + "OWNERSHIP, INVESTOR_COUNTRY, INDUSTRY and SIZE_BAND group grassroots unions by their enterprise "
            + "as it is now; GENDER and NATIONALITY (as recorded now) and AGE_BAND (age on asOf in completed "
            + "years: UNDER_25, 25_34, 35_44, 45_54, 55_AND_OVER, UNKNOWN without a date of birth) group members. "
            + "Two dimensions crossed: GENDER_AGE_BAND, OWNERSHIP_INDUSTRY and OWNERSHIP_SIZE_BAND, one row per "
            + "pair of values (key FEMALE|UNDER_25); summed over the second value they give the first "
            + "dimension's rows. Reported figures are not split by dimension: the NOT_SPLIT row holds them, so "
            + "the rows add up to the total. The CSV has the rows and then the total.")
    @APIResponse(responseCode = "200", description = "The grouped figures",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MembershipResponse.class)),
                    @Content(mediaType = Exports.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "A bad parameter, or a unit code that does not exist")
    @APIResponse(responseCode = "404", description = "No such unit")
    @APIResponse(responseCode = "503", description = "The database cannot be reached at the moment (retry after "
            + "Retry-After seconds), or, with type query-timeout, a query passed its time limit "
            + "(doanvien.stats.query-timeout): ask for a smaller unit "
            + "or a shorter period")
    public MembershipResponse getMembershipStats(
            @Parameter(description = "The unit: an id (42) or a code (LDLD-01, VGCL); by default the caller's own unit, the Confederation for a national user")
            @QueryParam("unitId") String unitId,
            @Parameter(description = "YYYY-MM-DD; today when absent", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("asOf") String asOf,
            @Parameter(description = "YYYY-MM-DD; 1 January of asOf's year when absent",
                    schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("from") String from,
            @Parameter(schema = @Schema(implementation = GroupBy.class, defaultValue = "CHILD_UNIT"))
            @QueryParam("groupBy") String groupBy,
            @Parameter(description = "A filter, DIMENSION:VALUE: only the members and unions with that value in "
                    + "that dimension (OWNERSHIP:FOREIGN_INVESTED with groupBy INDUSTRY or SIZE_BAND; "
                    + "INDUSTRY:C or SIZE_BAND:1000_AND_OVER with groupBy OWNERSHIP; GENDER:FEMALE with groupBy "
                    + "AGE_BAND; AGE_BAND:UNDER_25 with groupBy GENDER), or the filter's own dimension for its one "
                    + "row. Offered where the two dimensions are kept crossed (a 400 says which are); the total is "
                    + "then the rows' sum, from the registry.",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Z_]+:.+$"))
            @QueryParam("where") String where,
            @Context HttpHeaders headers) {
        return service.membership(unitRefs.unitOrOwn("unitId", unitId, scope.reach()), Params.date("asOf", asOf),
                Params.date("from", from), Params.enumValue("groupBy", groupBy, GroupBy.class), Where.parse(where),
                Labels.Language.of(headers), scope.reach());
    }

    @GET
    @Path("/series")
    @Produces({MediaType.APPLICATION_JSON, Exports.TEXT_CSV, Exports.XLSX})
    @Operation(summary = "Membership series", description = "Per month, quarter or year from the period holding "
            + "from to the one holding to (YYYY-MM; to defaults to the current month, from to 11 months before "
            + "to): members and grassroots unions active at the period's end (today for the current period), "
            + "joins and departures in the period, and net, the change of active members over the period. From "
            + "the maintained figures with reported figures where units reported them; source says which.")
    @APIResponse(responseCode = "200", description = "The series",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SeriesResponse.class)),
                    @Content(mediaType = Exports.TEXT_CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "A bad parameter, or a unit code that does not exist")
    @APIResponse(responseCode = "404", description = "No such unit")
    public SeriesResponse getMembershipSeries(
            @Parameter(description = "The unit: an id (42) or a code (LDLD-01, VGCL); by default the caller's own unit, the Confederation for a national user")
            @QueryParam("unitId") String unitId,
            @Parameter(description = "YYYY-MM") @QueryParam("from") String from,
            @Parameter(description = "YYYY-MM") @QueryParam("to") String to,
            @Parameter(description = "MONTH (default), QUARTER or YEAR, spelled as every enum of the API; the lower-case "
                    + "spelling of earlier versions is still accepted", schema = @Schema(enumeration = {"MONTH", "QUARTER",
                    "YEAR"}, defaultValue = "MONTH"))
            @QueryParam("interval") String interval,
            @Context UriInfo uri) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("unitId", unitId);
        query.put("from", from);
        query.put("to", to);
        query.put("interval", interval);
        return series(unitId, from, to, interval).withChartUrl(SignedLinks.absolute(uri.getBaseUri(),
                "/api/v1/stats/membership/series.png", query, scope.caller()));
    }

    @GET
    @Path("/series.png")
    @Produces(LineChart.IMAGE_PNG)
    @Operation(summary = "Membership series as a chart (picture)", description = "The series (same parameters) as a "
            + "PNG line chart, which Swagger UI shows as a picture: active members at each period's end, with joins "
            + "and departures per period. To open it in a browser tab, use the chartUrl of GET "
            + "/api/v1/stats/membership/series (signed for you, valid 10 minutes).")
    @APIResponse(responseCode = "200", description = "A PNG image",
            content = @Content(mediaType = LineChart.IMAGE_PNG, schema = @Schema(type = SchemaType.STRING,
                    format = "binary")))
    @APIResponse(responseCode = "400", description = "A bad parameter, or a unit code that does not exist",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such unit",
            content = @Content(mediaType = "application/problem+json"))
    public Response getMembershipSeriesChartPng(
            @Parameter(description = "The unit: an id (42) or a code (LDLD-01, VGCL); by default the caller's own unit, the Confederation for a national user")
            @QueryParam("unitId") String unitId,
            @Parameter(description = "YYYY-MM") @QueryParam("from") String from,
            @Parameter(description = "YYYY-MM") @QueryParam("to") String to,
            @Parameter(description = "MONTH (default), QUARTER or YEAR, spelled as every enum of the API; the lower-case "
                    + "spelling of earlier versions is still accepted", schema = @Schema(enumeration = {"MONTH", "QUARTER",
                    "YEAR"}, defaultValue = "MONTH"))
            @QueryParam("interval") String interval) {
        return chart(series(unitId, from, to, interval)).pngResponse("membership-series");
    }

    @GET
    @Path("/series.svg")
    @Produces(SvgChart.IMAGE_SVG)
    @Operation(summary = "Membership series as a chart (SVG)", description = "The same chart as series.png, as SVG: "
            + "sharp at any size, for documents and browsers (Swagger UI shows SVG as text; use series.png there).")
    @APIResponse(responseCode = "200", description = "An SVG image",
            content = @Content(mediaType = SvgChart.IMAGE_SVG, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Missing unitId or a bad parameter",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such unit",
            content = @Content(mediaType = "application/problem+json"))
    public Response getMembershipSeriesChart(
            @Parameter(description = "The unit: an id (42) or a code (LDLD-01, VGCL); by default the caller's own unit, the Confederation for a national user")
            @QueryParam("unitId") String unitId,
            @Parameter(description = "YYYY-MM") @QueryParam("from") String from,
            @Parameter(description = "YYYY-MM") @QueryParam("to") String to,
            @Parameter(description = "MONTH (default), QUARTER or YEAR, spelled as every enum of the API; the lower-case "
                    + "spelling of earlier versions is still accepted", schema = @Schema(enumeration = {"MONTH", "QUARTER",
                    "YEAR"}, defaultValue = "MONTH"))
            @QueryParam("interval") String interval) {
        return chart(series(unitId, from, to, interval)).svgResponse("membership-series");
    }

    private static LineChart chart(SeriesResponse s) {
        List<String> labels = new ArrayList<>();
        List<Double> active = new ArrayList<>();
        List<Double> joined = new ArrayList<>();
        List<Double> left = new ArrayList<>();
        for (SeriesPoint p : s.points()) {
            labels.add(p.period());
            active.add((double) p.activeMembers());
            joined.add((double) p.joined());
            left.add((double) p.left());
        }
        return new LineChart("Đoàn viên — " + s.unitName(),
                "Active members at the end of each " + s.interval().name().toLowerCase() + "; joins and departures in it",
                "Period", "Members", labels,
                List.of(new LineChart.Series("Active members", "#c0392b", active, false),
                        new LineChart.Series("Joined", "#2e86c1", joined, false),
                        new LineChart.Series("Left", "#7f8c8d", left, true)),
                null, null);
    }

    private SeriesResponse series(String unitId, String from, String to, String interval) {
        Interval i = interval == null || interval.isBlank() ? null
                : Params.enumValue("interval", interval.trim().toUpperCase(), Interval.class);
        return service.series(unitRefs.unitOrOwn("unitId", unitId, scope.reach()), month("from", from), month("to", to), i, scope.reach());
    }


    private static YearMonth month(String name, String value) {
        return Params.month(name, value);
    }
}
