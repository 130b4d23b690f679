package vn.doanvien.training;

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

/** HTTP face of training courses, their enrolments, roll-call per session and written assignments. */
@RolesAllowed({Roles.ADMIN, Roles.OFFICER})
@Path("/api/v1/training-courses")
@Tag(name = "Training courses", description = "Courses for union officials (tập huấn, bồi dưỡng cán bộ công đoàn), "
        + "enrolment against capacity, roll-call per session (điểm danh) and the written assignment (bài thu hoạch). "
        + "Completion follows the rule stored with the course (default: at least 80% of sessions attended and the "
        + "assignment submitted), so that an official who enrolled and never came shows as NEVER_ATTENDED.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TrainingCourseResource {

    private static final Map<String, String> SORTABLE = new LinkedHashMap<>();

    static {
        SORTABLE.put("startsOn", "startsOn");
        SORTABLE.put("title", "title");
        SORTABLE.put("createdAt", "createdAt");
        SORTABLE.put("id", "id");
    }

    private static final String STATUS = "COMPLETED when the course's rule is met (attendedSessions * 100 >= "
            + "minAttendancePercent * sessions, and the assignment submitted when assignmentRequired); otherwise "
            + "IN_PROGRESS until the course's endsOn has passed; then NEVER_ATTENDED when no session was attended, "
            + "else NOT_COMPLETED.";

    private final TrainingCourseService courses;
    private final EnrolmentService enrolments;
    private final Idempotency idempotency;
    private final CallerScope scope;

    private final UpdateBodies updates;

    private final UnitRefs unitRefs;

    TrainingCourseResource(TrainingCourseService courses, EnrolmentService enrolments, Idempotency idempotency, CallerScope scope, UpdateBodies updates, UnitRefs unitRefs) {
        this.unitRefs = unitRefs;
        this.updates = updates;
        this.scope = scope;
        this.idempotency = idempotency;
        this.courses = courses;
        this.enrolments = enrolments;
    }

    @POST
    @Operation(summary = "Create a training course", description = "organisingUnitId must be an existing unit; endsOn "
            + "not before startsOn (both may be in the future, for planned courses); place required unless online; "
            + "capacity and sessions at least 1; minAttendancePercent defaults to 80 and assignmentRequired to true.")
    @APIResponse(responseCode = "201", description = "Created; Location points to the course and ETag carries its version",
            headers = {@Header(name = "Location", description = "URL of the new course"),
                       @Header(name = "ETag", description = "Version of the course, for If-Match")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CourseResponse.class)))
    public Response createTrainingCourse(@HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull CourseRequest request,
                                         @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, "POST", uri.getPath(), request, () -> {
            CourseResponse created = courses.create(request, scope.reach());
            return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                    .header(HttpHeaders.ETAG, ETags.of(created.version()))
                    .entity(created)
                    .build();
        });
    }

    @GET
    @Operation(summary = "List training courses", description = "Filters combine with AND; year keeps the courses "
            + "starting in that year; q searches the title without diacritics.")
    @APIResponse(responseCode = "200", description = "A page of courses")
    @Produces({MediaType.APPLICATION_JSON, Exports.TEXT_CSV, Exports.XLSX})
    public Page<CourseResponse> listTrainingCourses(@Context HttpHeaders headers,
            @Parameter(description = "0-based page") @QueryParam("page") String page,
            @Parameter(description = "1..100, default 20") @QueryParam("size") String size,
            @Parameter(description = "startsOn, title, createdAt, id; '-' for descending; default startsOn")
            @QueryParam("sort") String sort,
            @Parameter(description = "Title, with or without diacritics", example = "chu tich cong doan co so")
            @QueryParam("q") String q,
            @Parameter(description = "Organised by this unit") @QueryParam("organisingUnitId") String organisingUnitId,
            @Parameter(description = "Starting in this year", example = "2024") @QueryParam("year") String year,
            @Parameter(description = "A TrainingTopic") @QueryParam("topic") String topic,
            @Parameter(description = "A TrainingAudience") @QueryParam("audience") String audience) {
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size), sort,
                SORTABLE, "startsOn");
        TrainingCourseRepository.Filter filter = new TrainingCourseRepository.Filter(Params.search("q", q),
                unitRefs.unit("organisingUnitId", organisingUnitId), Params.integer("year", year),
                Params.enumValue("topic", topic, TrainingTopic.class),
                Params.enumValue("audience", audience, TrainingAudience.class));
        Reach reach = scope.reach();
        return Exports.list(headers, request, p -> courses.list(filter, reach, p));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a training course", description = "The course, with how many officials are enrolled.")
    @APIResponse(responseCode = "200", description = "The course; ETag carries its version",
            headers = @Header(name = "ETag", description = "Version, for If-Match"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CourseResponse.class)))
    public Response getTrainingCourse(@PathParam("id") long id) {
        CourseResponse c = courses.get(id, scope.reach());
        return Response.ok(c).header(HttpHeaders.ETAG, ETags.of(c.version())).build();
    }

    @PUT
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CourseRequest.class)))
    @Path("/{id}")
    @Operation(summary = "Replace a training course", description = "Full replacement with the creation rules. 409 "
            + "when capacity would drop below the officials already enrolled or sessions below a session that already "
            + "has a roll-call. Changing the completion rule re-computes every trainee's status. Optional If-Match.")
    @APIResponse(responseCode = "200", description = "Updated; ETag carries the new version",
            headers = @Header(name = "ETag", description = "New version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CourseResponse.class)))
    public Response updateTrainingCourse(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                                         JsonNode body) {
        CourseRequest request = updates.put(body, courses.get(id, scope.reach()), CourseRequest.class);
        CourseResponse c = courses.update(id, request, ifMatch, scope.reach());
        return Response.ok(c).header(HttpHeaders.ETAG, ETags.of(c.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({UpdateBodies.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(summary = "Change some fields of a training course",
            description = UpdateBodies.MERGE_PATCH_DESCRIPTION)
    @RequestBody(content = @Content(mediaType = UpdateBodies.MERGE_PATCH,
            schema = @Schema(implementation = CourseRequest.class)))
    @APIResponse(responseCode = "200", description = "The changed resource; ETag carries the new version",
            headers = @Header(name = "ETag", description = "New version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CourseResponse.class)))
    public Response patchTrainingCourse(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                                         JsonNode patch) {
        CourseRequest request = updates.mergePatch(patch, courses.get(id, scope.reach()), CourseRequest.class);
        CourseResponse c = courses.update(id, request, ifMatch, scope.reach());
        return Response.ok(c).header(HttpHeaders.ETAG, ETags.of(c.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a training course", description = "Only while nobody is enrolled (409 otherwise).")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void deleteTrainingCourse(@PathParam("id") long id) {
        courses.delete(id, scope.reach());
    }

    @POST
    @Path("/{id}/enrolments")
    @Operation(summary = "Enrol an official", description = "officialId must be an existing official (400 "
            + "otherwise). 409 when the course is full, and 409 with existingId when the official is already "
            + "enrolled. Courses in the past accept enrolments, so that a year can be recorded after the fact.")
    @APIResponse(responseCode = "201", description = "Enrolled; Location points to the enrolment and ETag carries its version",
            headers = {@Header(name = "Location", description = "URL of the enrolment"),
                       @Header(name = "ETag", description = "Version of the enrolment")},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EnrolmentResponse.class)))
    public Response createEnrolment(@PathParam("id") long id, @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                                    @Valid @NotNull EnrolmentRequest request, @Context UriInfo uri) {
        return idempotency.execute(idempotencyKey, "POST", uri.getPath(), request, () -> {
            EnrolmentResponse e = enrolments.enrol(id, request, scope.reach());
            return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(e.id())).build())
                    .header(HttpHeaders.ETAG, ETags.of(e.version()))
                    .entity(e)
                    .build();
        });
    }

    @GET
    @Path("/{id}/enrolments")
    @Operation(summary = "List a course's enrolments", description = "Every trainee in enrolment order with sessions "
            + "attended, attendance percent, assignment and status. " + STATUS + " status=NEVER_ATTENDED lists the "
            + "officials who enrolled and never came.")
    @APIResponse(responseCode = "200", description = "A page of enrolments")
    @Produces({MediaType.APPLICATION_JSON, Exports.TEXT_CSV, Exports.XLSX})
    public Page<EnrolmentResponse> listEnrolments(@Context HttpHeaders headers,
            @PathParam("id") long id,
            @Parameter(description = "0-based page") @QueryParam("page") String page,
            @Parameter(description = "1..100, default 20") @QueryParam("size") String size,
            @Parameter(description = "COMPLETED, IN_PROGRESS, NOT_COMPLETED or NEVER_ATTENDED")
            @QueryParam("status") String status) {
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size), null,
                Map.of("id", "id"), "id");
        CompletionStatus completion = Params.enumValue("status", status, CompletionStatus.class);
        Reach reach = scope.reach();
        return Exports.list(headers, request, p -> enrolments.list(id, completion, reach, p));
    }

    @GET
    @Path("/{id}/enrolments/{enrolmentId}")
    @Operation(summary = "Get an enrolment", description = "One trainee's attendance, assignment and status. " + STATUS)
    @APIResponse(responseCode = "200", description = "The enrolment; ETag carries its version",
            headers = @Header(name = "ETag", description = "Version, for If-Match on the assignment"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EnrolmentResponse.class)))
    public Response getEnrolment(@PathParam("id") long id, @PathParam("enrolmentId") long enrolmentId) {
        EnrolmentResponse e = enrolments.get(id, enrolmentId, scope.reach());
        return Response.ok(e).header(HttpHeaders.ETAG, ETags.of(e.version())).build();
    }

    @DELETE
    @Path("/{id}/enrolments/{enrolmentId}")
    @Operation(summary = "Withdraw an enrolment", description = "Only before the trainee attended any session or "
            + "submitted the assignment (409 otherwise: their absence is part of the record).")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    public void deleteEnrolment(@PathParam("id") long id, @PathParam("enrolmentId") long enrolmentId) {
        enrolments.withdraw(id, enrolmentId, scope.reach());
    }

    @PUT
    @Path("/{id}/enrolments/{enrolmentId}/assignment")
    @Operation(summary = "Record a written assignment", description = "Whether the trainee submitted the written "
            + "assignment (bài thu hoạch) and its grade on the 0-10 scale (one decimal at most, only when submitted). "
            + "Optional If-Match against the enrolment's version.")
    @APIResponse(responseCode = "200", description = "The enrolment with its new status; ETag carries the new version",
            headers = @Header(name = "ETag", description = "New version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = EnrolmentResponse.class)))
    public Response updateAssignment(@PathParam("id") long id, @PathParam("enrolmentId") long enrolmentId,
                                     @HeaderParam("If-Match") String ifMatch,
                                     @Valid @NotNull AssignmentRequest request) {
        EnrolmentResponse e = enrolments.recordAssignment(id, enrolmentId, request, ifMatch, scope.reach());
        return Response.ok(e).header(HttpHeaders.ETAG, ETags.of(e.version())).build();
    }

    @PUT
    @Path("/{id}/sessions/{session}/attendance")
    @Operation(summary = "Record a session's roll-call", description = "Replaces the whole roll-call of session n "
            + "(1..sessions; 404 otherwise) with the marks given: idempotent, safe to retry. Each mark names an "
            + "enrolled trainee by officialId or enrolmentId; a trainee not enrolled, a mark naming nobody, or the "
            + "same trainee twice is a 400 naming attendance[i]. Unlisted trainees have no mark for the session.")
    @APIResponse(responseCode = "200", description = "The session's roll-call as stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SessionAttendanceResponse.class)))
    public SessionAttendanceResponse updateSessionAttendance(@PathParam("id") long id,
                                                             @PathParam("session") int session,
                                                             @Valid @NotNull AttendanceRequest request) {
        return enrolments.recordAttendance(id, session, request, scope.reach());
    }

    @GET
    @Path("/{id}/sessions/{session}/attendance")
    @Operation(summary = "Get a session's roll-call", description = "Every enrolled trainee with present true, false, "
            + "or null when not marked, and the totals.")
    @APIResponse(responseCode = "200", description = "The session's roll-call",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SessionAttendanceResponse.class)))
    public SessionAttendanceResponse getSessionAttendance(@PathParam("id") long id, @PathParam("session") int session) {
        return enrolments.getAttendance(id, session, scope.reach());
    }
}
