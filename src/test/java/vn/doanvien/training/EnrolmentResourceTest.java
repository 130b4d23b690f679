package vn.doanvien.training;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static vn.doanvien.training.TrainingApi.course;
import static vn.doanvien.training.TrainingApi.createCourse;
import static vn.doanvien.training.TrainingApi.createOfficial;
import static vn.doanvien.training.TrainingApi.enrol;
import static vn.doanvien.training.TrainingApi.rollCall;
import static vn.doanvien.training.TrainingApi.submitAssignment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;
import vn.doanvien.common.Today;
import vn.doanvien.organisation.Unit;

@QuarkusTest
class EnrolmentResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    TestData data;

    private String enrolments(long courseId) {
        return "/api/v1/training-courses/" + courseId + "/enrolments";
    }

    @Test
    void enrolsAgainstCapacityOnlyOnce() {
        Unit province = data.chain()[1];
        long course = createCourse(course(province.id, "Lớp nhỏ", "2024-04-01", "2024-04-02", 2, 2));
        long a = createOfficial("Trần Thị An", province.id, null, "STAFF", "FULL_TIME");
        long b = createOfficial("Lê Văn Bảo", province.id, null, "STAFF", "PART_TIME");
        long c = createOfficial("Phạm Văn Công", province.id, null, "STAFF", "PART_TIME");

        var created = given().contentType(ContentType.JSON).body(Map.of("officialId", a))
                .when().post(enrolments(course))
                .then().statusCode(201).header("ETag", "\"0\"")
                .body("courseId", equalTo((int) course)).body("officialId", equalTo((int) a))
                .body("fullName", equalTo("Trần Thị An")).body("employment", equalTo("FULL_TIME"))
                .body("sessions", equalTo(2)).body("attendedSessions", equalTo(0))
                .body("assignmentSubmitted", equalTo(false)).body("status", equalTo("NEVER_ATTENDED"))
                .extract();
        long enrolmentA = created.jsonPath().getLong("id");
        org.hamcrest.MatcherAssert.assertThat(created.header("Location"), endsWith(enrolments(course) + "/" + enrolmentA));

        given().contentType(ContentType.JSON).body(Map.of("officialId", a))
                .when().post(enrolments(course))
                .then().statusCode(409).contentType(PROBLEM)
                .body("existingId", equalTo((int) enrolmentA)).body("errors.field", contains("officialId"));
        enrol(course, b);
        given().contentType(ContentType.JSON).body(Map.of("officialId", c))
                .when().post(enrolments(course))
                .then().statusCode(409).contentType(PROBLEM).body("title", equalTo("Conflict"));
        given().contentType(ContentType.JSON).body(Map.of("officialId", 987654321L))
                .when().post(enrolments(course))
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("officialId"));
        given().contentType(ContentType.JSON).body(Map.of())
                .when().post(enrolments(course))
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("officialId"));
        given().contentType(ContentType.JSON).body(Map.of("officialId", a))
                .when().post(enrolments(987654321L))
                .then().statusCode(404).contentType(PROBLEM);

        given().when().get(enrolments(course))
                .then().statusCode(200).body("totalItems", equalTo(2))
                .body("items.officialId", contains((int) a, (int) b));
        given().when().get("/api/v1/training-courses/" + course)
                .then().body("enrolled", equalTo(2)).body("placesLeft", equalTo(0));

        // Withdrawing before attending frees the place; after attending it is refused.
        given().when().delete(enrolments(course) + "/" + enrolmentA).then().statusCode(204);
        given().when().get(enrolments(course) + "/" + enrolmentA).then().statusCode(404).contentType(PROBLEM);
        long enrolmentC = enrol(course, c);
        rollCall(course, 1, Map.of(c, 1));
        given().when().get(enrolments(course) + "?status=NOT_COMPLETED").then().body("items.id", contains((int) enrolmentC));
        given().when().delete(enrolments(course) + "/" + enrolmentC).then().statusCode(409).contentType(PROBLEM);
        given().when().get(enrolments(course) + "/" + enrolmentC).then().statusCode(200)
                .body("attendedSessions", equalTo(1));
    }

    @Test
    void rollCallReplacesTheSessionAndIsIdempotent() {
        Unit province = data.chain()[1];
        long course = createCourse(course(province.id, "Lớp điểm danh", "2024-04-01", "2024-04-03", 10, 3));
        long a = createOfficial("Trần Thị An", province.id, null, "STAFF", "PART_TIME");
        long b = createOfficial("Lê Văn Bảo", province.id, null, "STAFF", "PART_TIME");
        long c = createOfficial("Phạm Văn Công", province.id, null, "STAFF", "PART_TIME");
        long outsider = createOfficial("Ngoài Lớp", province.id, null, "STAFF", "PART_TIME");
        long ea = enrol(course, a);
        long eb = enrol(course, b);
        enrol(course, c);
        String session1 = "/api/v1/training-courses/" + course + "/sessions/1/attendance";

        given().when().get(session1).then().statusCode(200)
                .body("recorded", equalTo(false)).body("unmarked", equalTo(3))
                .body("attendance.present", contains(nullValue(), nullValue(), nullValue()));

        Map<String, Object> body = Map.of("attendance", List.of(
                Map.of("officialId", a, "present", true),
                Map.of("enrolmentId", eb, "present", false)));
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).body(body).when().put(session1)
                    .then().statusCode(200)
                    .body("session", equalTo(1)).body("recorded", equalTo(true))
                    .body("present", equalTo(1)).body("absent", equalTo(1)).body("unmarked", equalTo(1));
        }
        given().when().get(session1).then().statusCode(200)
                .body("attendance.officialId", contains((int) a, (int) b, (int) c))
                .body("attendance.present", contains(true, false, null))
                .body("attendance[0].fullName", equalTo("Trần Thị An"));

        // Replace: the second call is the whole roll-call of the session.
        given().contentType(ContentType.JSON)
                .body(Map.of("attendance", List.of(Map.of("officialId", c, "present", true))))
                .when().put(session1).then().statusCode(200).body("present", equalTo(1)).body("unmarked", equalTo(2));
        given().when().get(session1).then().body("attendance.present", contains(null, null, true));
        given().when().get(enrolments(course) + "/" + ea).then().body("attendedSessions", equalTo(0));

        // Errors name the mark; nothing changes.
        given().contentType(ContentType.JSON).body(Map.of("attendance", List.of(
                        Map.of("officialId", outsider, "present", true),
                        Map.of("present", true),
                        Map.of("enrolmentId", 987654321L, "present", true),
                        Map.of("officialId", b, "enrolmentId", ea, "present", true),
                        Map.of("officialId", a, "present", true),
                        Map.of("enrolmentId", ea, "present", false))))
                .when().put(session1)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("attendance[0].officialId", "attendance[1].officialId",
                        "attendance[2].enrolmentId", "attendance[3].officialId", "attendance[5]"));
        given().contentType(ContentType.JSON)
                .body(Map.of("attendance", List.of(Map.of("officialId", a))))
                .when().put(session1)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("attendance[0].present"));
        given().contentType(ContentType.JSON).body(Map.of())
                .when().put(session1)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("attendance"));
        given().when().get(session1).then().body("attendance.present", contains(null, null, true));

        given().contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/training-courses/" + course + "/sessions/4/attendance")
                .then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/training-courses/" + course + "/sessions/0/attendance")
                .then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/training-courses/987654321/sessions/1/attendance")
                .then().statusCode(404).contentType(PROBLEM);

        // An empty roll-call clears the session.
        given().contentType(ContentType.JSON).body(Map.of("attendance", List.of()))
                .when().put(session1).then().statusCode(200).body("recorded", equalTo(false));
    }

    @Test
    void completionFollowsTheCourseRule() {
        Unit province = data.chain()[1];
        long course = createCourse(course(province.id, "Lớp 5 buổi", "2024-04-01", "2024-04-05", 10, 5));
        long fourWithPaper = createOfficial("Bốn Buổi Có Bài", province.id, null, "STAFF", "PART_TIME");
        long threeWithPaper = createOfficial("Ba Buổi Có Bài", province.id, null, "STAFF", "PART_TIME");
        long fiveNoPaper = createOfficial("Năm Buổi Không Bài", province.id, null, "STAFF", "PART_TIME");
        long never = createOfficial("Ghi Danh Không Học", null, data.grassrootsUnion(province.id, null,
                LocalDate.of(2020, 1, 1)).id, "CHAIR", "PART_TIME");
        long e4 = enrol(course, fourWithPaper);
        long e3 = enrol(course, threeWithPaper);
        long e5 = enrol(course, fiveNoPaper);
        long e0 = enrol(course, never);
        rollCall(course, 5, Map.of(fourWithPaper, 4, threeWithPaper, 3, fiveNoPaper, 5, never, 0));
        submitAssignment(course, e4);
        submitAssignment(course, e3);

        String one = enrolments(course) + "/";
        given().when().get(one + e4).then().statusCode(200)
                .body("attendedSessions", equalTo(4)).body("attendancePercent", equalTo(80.0f))
                .body("assignmentSubmitted", equalTo(true)).body("assignmentGrade", equalTo(8.5f))
                .body("status", equalTo("COMPLETED"));
        given().when().get(one + e3).then()
                .body("attendedSessions", equalTo(3)).body("attendancePercent", equalTo(60.0f))
                .body("status", equalTo("NOT_COMPLETED"));
        given().when().get(one + e5).then()
                .body("attendedSessions", equalTo(5)).body("attendancePercent", equalTo(100.0f))
                .body("status", equalTo("NOT_COMPLETED"));
        given().when().get(one + e0).then()
                .body("attendedSessions", equalTo(0)).body("status", equalTo("NEVER_ATTENDED"));

        // Enrolled but never attended is visible on its own.
        given().when().get(enrolments(course) + "?status=NEVER_ATTENDED").then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].officialId", equalTo((int) never))
                .body("items[0].fullName", equalTo("Ghi Danh Không Học"))
                .body("items[0].post", equalTo("CHAIR"));
        given().when().get(enrolments(course) + "?status=COMPLETED").then().body("items.id", contains((int) e4));
        given().when().get(enrolments(course) + "?status=SOMETIMES").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("status"));
        given().when().get(enrolments(course) + "?size=2&page=1").then().statusCode(200)
                .body("items.id", contains((int) e5, (int) e0)).body("totalItems", equalTo(4));

        // The rule stored with the course decides: without a required assignment, 5 of 5 completes.
        Map<String, Object> relaxed = course(province.id, "Lớp 5 buổi", "2024-04-01", "2024-04-05", 10, 5);
        relaxed.put("assignmentRequired", false);
        given().contentType(ContentType.JSON).body(relaxed).when().put("/api/v1/training-courses/" + course)
                .then().statusCode(200);
        given().when().get(one + e5).then().body("status", equalTo("COMPLETED"));
        given().when().get(one + e3).then().body("status", equalTo("NOT_COMPLETED"));
    }

    @Test
    void assignmentRecordsSubmissionAndGrade() {
        Unit province = data.chain()[1];
        long course = createCourse(course(province.id, "Lớp bài thu hoạch", "2024-04-01", "2024-04-01", 10, 1));
        long a = createOfficial("Trần Thị An", province.id, null, "STAFF", "PART_TIME");
        long e = enrol(course, a);
        String assignment = enrolments(course) + "/" + e + "/assignment";

        given().contentType(ContentType.JSON).header("If-Match", "\"3\"").body(Map.of("submitted", true))
                .when().put(assignment).then().statusCode(412).contentType(PROBLEM);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("submitted", true, "grade", 9.5))
                .when().put(assignment).then().statusCode(200).header("ETag", "\"1\"")
                .body("assignmentSubmitted", equalTo(true)).body("assignmentGrade", equalTo(9.5f))
                .body("status", equalTo("NEVER_ATTENDED"));
        given().when().get(enrolments(course) + "/" + e).then().header("ETag", "\"1\"")
                .body("assignmentGrade", equalTo(9.5f));

        given().contentType(ContentType.JSON).body(Map.of("submitted", false, "grade", 5))
                .when().put(assignment).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("grade"));
        given().contentType(ContentType.JSON).body(Map.of("submitted", true, "grade", 10.5))
                .when().put(assignment).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("grade"));
        given().contentType(ContentType.JSON).body(Map.of("submitted", true, "grade", 7.25))
                .when().put(assignment).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("grade"));
        given().contentType(ContentType.JSON).body(Map.of("grade", 7))
                .when().put(assignment).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("submitted"));
        given().when().get(enrolments(course) + "/" + e).then().body("assignmentGrade", equalTo(9.5f));

        given().contentType(ContentType.JSON).body(Map.of("submitted", true))
                .when().put(enrolments(course) + "/987654321/assignment").then().statusCode(404).contentType(PROBLEM);
        long other = createCourse(course(province.id, "Lớp khác", "2024-04-01", "2024-04-01", 10, 1));
        given().contentType(ContentType.JSON).body(Map.of("submitted", true))
                .when().put(enrolments(other) + "/" + e + "/assignment").then().statusCode(404).contentType(PROBLEM);

        rollCall(course, 1, Map.of(a, 1));
        given().when().get(enrolments(course) + "/" + e).then().body("status", equalTo("COMPLETED"));
        given().when().delete(enrolments(course) + "/" + e).then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void aRunningCourseIsInProgress() {
        Unit province = data.chain()[1];
        LocalDate today = Today.date();
        long course = createCourse(course(province.id, "Lớp đang học", today.minusDays(1).toString(),
                today.plusDays(3).toString(), 10, 4));
        long a = createOfficial("Trần Thị An", province.id, null, "STAFF", "PART_TIME");
        long b = createOfficial("Lê Văn Bảo", province.id, null, "STAFF", "PART_TIME");
        long ea = enrol(course, a);
        long eb = enrol(course, b);
        rollCall(course, 1, Map.of(a, 1, b, 0));
        given().when().get(enrolments(course) + "/" + ea).then().body("status", equalTo("IN_PROGRESS"))
                .body("attendancePercent", equalTo(25.0f));
        given().when().get(enrolments(course) + "/" + eb).then().body("status", equalTo("IN_PROGRESS"))
                .body("attendedSessions", equalTo(0));
    }
}
