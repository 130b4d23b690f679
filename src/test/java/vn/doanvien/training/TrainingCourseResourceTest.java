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

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;
import vn.doanvien.organisation.Unit;

@QuarkusTest
class TrainingCourseResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    TestData data;

    @Test
    void createsACourseWithTheDefaultRuleAndReadsItBack() {
        Unit province = data.chain()[1];
        Map<String, Object> body = course(province.id, "Tập huấn kỹ năng thương lượng tập thể", "2024-05-14",
                "2024-05-16", 120, 6);
        body.put("topic", "COLLECTIVE_BARGAINING_AND_DIALOGUE");
        body.put("audience", "GRASSROOTS_CHAIRS");
        var created = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/training-courses")
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("organisingUnitId", equalTo(province.id.intValue()))
                .body("title", equalTo("Tập huấn kỹ năng thương lượng tập thể"))
                .body("topic", equalTo("COLLECTIVE_BARGAINING_AND_DIALOGUE"))
                .body("audience", equalTo("GRASSROOTS_CHAIRS"))
                .body("online", equalTo(false))
                .body("capacity", equalTo(120))
                .body("sessions", equalTo(6))
                .body("minAttendancePercent", equalTo(80))
                .body("assignmentRequired", equalTo(true))
                .body("enrolled", equalTo(0))
                .body("placesLeft", equalTo(120))
                .extract();
        long id = created.jsonPath().getLong("id");
        org.hamcrest.MatcherAssert.assertThat(created.header("Location"), endsWith("/api/v1/training-courses/" + id));

        given().when().get("/api/v1/training-courses/" + id)
                .then().statusCode(200).header("ETag", "\"0\"")
                .body("startsOn", equalTo("2024-05-14")).body("endsOn", equalTo("2024-05-16"))
                .body("place", equalTo("Hội trường Liên đoàn Lao động tỉnh"))
                .body("minAttendancePercent", equalTo(80)).body("assignmentRequired", equalTo(true));

        // Online courses need no place; planned courses may lie in the future; the rule can be set.
        Map<String, Object> online = course(province.id, "Kỹ năng số cho cán bộ công đoàn", "2030-01-10",
                "2030-01-10", 500, 1);
        online.put("online", true);
        online.remove("place");
        online.put("topic", "DIGITAL_SKILLS");
        online.put("minAttendancePercent", 100);
        online.put("assignmentRequired", false);
        long onlineId = createCourse(online);
        given().when().get("/api/v1/training-courses/" + onlineId)
                .then().statusCode(200).body("online", equalTo(true)).body("place", nullValue())
                .body("minAttendancePercent", equalTo(100)).body("assignmentRequired", equalTo(false));
    }

    @Test
    void validationErrorsNameTheFields() {
        Unit province = data.chain()[1];
        given().contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/v1/training-courses")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("organisingUnitId", "title", "topic", "startsOn", "endsOn",
                        "capacity", "sessions"));

        Map<String, Object> bad = course(province.id, "Lớp A", "2024-05-14", "2024-05-16", 0, 0);
        bad.put("minAttendancePercent", 101);
        given().contentType(ContentType.JSON).body(bad)
                .when().post("/api/v1/training-courses")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("capacity", "sessions", "minAttendancePercent"));

        Map<String, Object> crossField = course(987654321L, "Lớp A", "2024-05-14", "2024-05-10", 10, 2);
        crossField.remove("place");
        given().contentType(ContentType.JSON).body(crossField)
                .when().post("/api/v1/training-courses")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("organisingUnitId", "endsOn", "place"));

        Map<String, Object> badTopic = course(province.id, "Lớp A", "2024-05-14", "2024-05-16", 10, 2);
        badTopic.put("topic", "COOKING");
        given().contentType(ContentType.JSON).body(badTopic)
                .when().post("/api/v1/training-courses")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", containsInAnyOrder("topic"));

        given().contentType(ContentType.JSON).body("{\"title\": ")
                .when().post("/api/v1/training-courses")
                .then().statusCode(400).contentType(PROBLEM);

        given().when().get("/api/v1/training-courses?organisingUnitId=" + province.id)
                .then().statusCode(200).body("totalItems", equalTo(0));
        given().when().get("/api/v1/training-courses/987654321").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void listsByUnitYearTopicAndTitle() {
        Unit province = data.chain()[1];
        String tag = TestData.unique("L").replace("-", "");
        Map<String, Object> a = course(province.id, "Pháp luật lao động " + tag, "2024-03-01", "2024-03-02", 30, 2);
        a.put("topic", "LABOUR_LAW");
        long labourLaw = createCourse(a);
        long finance = createCourse(course(province.id, "Tài chính công đoàn " + tag, "2024-09-01", "2024-09-02", 30, 2));
        long nextYear = createCourse(course(province.id, "Đối ngoại " + tag, "2025-02-01", "2025-02-02", 30, 2));

        given().when().get("/api/v1/training-courses?organisingUnitId=" + province.id)
                .then().statusCode(200).body("items.id", contains((int) labourLaw, (int) finance, (int) nextYear));
        given().when().get("/api/v1/training-courses?organisingUnitId=" + province.id + "&year=2024&sort=-startsOn")
                .then().statusCode(200).body("items.id", contains((int) finance, (int) labourLaw));
        given().when().get("/api/v1/training-courses?organisingUnitId=" + province.id + "&topic=LABOUR_LAW")
                .then().statusCode(200).body("items.id", contains((int) labourLaw));
        given().when().get("/api/v1/training-courses?q=phap luat LAO ĐỘNG " + tag)
                .then().statusCode(200).body("items.id", contains((int) labourLaw));
        given().when().get("/api/v1/training-courses?q=" + tag + "&audience=GRASSROOTS_OFFICIALS&size=1")
                .then().statusCode(200).body("totalItems", equalTo(3)).body("totalPages", equalTo(3));

        given().when().get("/api/v1/training-courses?year=twenty")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("year"));
        given().when().get("/api/v1/training-courses?year=99999")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("year"));
        given().when().get("/api/v1/training-courses?topic=COOKING")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("topic"));
        given().when().get("/api/v1/training-courses?sort=place")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("sort"));
    }

    @Test
    void updatesButNeverBelowWhatIsRecorded() {
        Unit province = data.chain()[1];
        long id = createCourse(course(province.id, "Lớp bồi dưỡng", "2024-04-01", "2024-04-03", 3, 3));
        long a = createOfficial("Trần Thị An", province.id, null, "STAFF", "PART_TIME");
        long b = createOfficial("Lê Văn Bảo", province.id, null, "STAFF", "PART_TIME");
        enrol(id, a);
        enrol(id, b);
        TrainingApi.rollCall(id, 2, Map.of(a, 2, b, 1));

        Map<String, Object> smaller = course(province.id, "Lớp bồi dưỡng", "2024-04-01", "2024-04-03", 1, 3);
        given().contentType(ContentType.JSON).body(smaller)
                .when().put("/api/v1/training-courses/" + id)
                .then().statusCode(409).contentType(PROBLEM);
        Map<String, Object> fewerSessions = course(province.id, "Lớp bồi dưỡng", "2024-04-01", "2024-04-03", 3, 1);
        given().contentType(ContentType.JSON).body(fewerSessions)
                .when().put("/api/v1/training-courses/" + id)
                .then().statusCode(409).contentType(PROBLEM);
        given().when().get("/api/v1/training-courses/" + id)
                .then().body("capacity", equalTo(3)).body("sessions", equalTo(3)).body("version", equalTo(0));

        Map<String, Object> ok = course(province.id, "Lớp bồi dưỡng (sửa)", "2024-04-01", "2024-04-02", 2, 2);
        ok.put("minAttendancePercent", 50);
        given().contentType(ContentType.JSON).header("If-Match", "\"5\"").body(ok)
                .when().put("/api/v1/training-courses/" + id)
                .then().statusCode(412).contentType(PROBLEM);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(ok)
                .when().put("/api/v1/training-courses/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("capacity", equalTo(2)).body("sessions", equalTo(2)).body("enrolled", equalTo(2))
                .body("placesLeft", equalTo(0));
        given().when().get("/api/v1/training-courses/" + id)
                .then().body("title", equalTo("Lớp bồi dưỡng (sửa)")).body("minAttendancePercent", equalTo(50))
                .body("endsOn", equalTo("2024-04-02"));

        Map<String, Object> invalid = course(province.id, "Lớp", "2024-04-01", "2024-03-01", 2, 2);
        given().contentType(ContentType.JSON).body(invalid)
                .when().put("/api/v1/training-courses/" + id)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("endsOn"));
        given().contentType(ContentType.JSON).body(ok)
                .when().put("/api/v1/training-courses/987654321")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void deletesOnlyEmptyCourses() {
        Unit province = data.chain()[1];
        long empty = createCourse(province.id, "2024-04-01", "2024-04-01", 1);
        given().when().delete("/api/v1/training-courses/" + empty).then().statusCode(204);
        given().when().get("/api/v1/training-courses/" + empty).then().statusCode(404).contentType(PROBLEM);

        long full = createCourse(province.id, "2024-04-01", "2024-04-01", 1);
        enrol(full, createOfficial("Trần Văn Cường", province.id, null, "STAFF", "PART_TIME"));
        given().when().delete("/api/v1/training-courses/" + full).then().statusCode(409).contentType(PROBLEM);
        given().when().get("/api/v1/training-courses/" + full).then().statusCode(200).body("enrolled", equalTo(1));
        given().when().get("/api/v1/training-courses?organisingUnitId=" + province.id)
                .then().body("items.enrolled", equalTo(List.of(1)));
    }
}
