package vn.doanvien.training;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Calls to the training endpoints shared by the tests: each returns the id of what it created. */
final class TrainingApi {

    private TrainingApi() {
    }

    static Map<String, Object> official(String fullName, Long unitId, Long grassrootsUnionId, String post,
                                        String employment, String termStart, String termEnd) {
        Map<String, Object> body = new HashMap<>();
        body.put("fullName", fullName);
        body.put("unitId", unitId);
        body.put("grassrootsUnionId", grassrootsUnionId);
        body.put("post", post);
        body.put("employment", employment);
        body.put("termStart", termStart);
        body.put("termEnd", termEnd);
        return body;
    }

    static long createOfficial(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/officials")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long createOfficial(String fullName, Long unitId, Long grassrootsUnionId, String post, String employment) {
        return createOfficial(official(fullName, unitId, grassrootsUnionId, post, employment, "2020-01-01", null));
    }

    static Map<String, Object> course(long organisingUnitId, String title, String startsOn, String endsOn,
                                      int capacity, int sessions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organisingUnitId", organisingUnitId);
        body.put("title", title);
        body.put("topic", "UNION_LAW_AND_ORGANISATION");
        body.put("audience", "GRASSROOTS_OFFICIALS");
        body.put("startsOn", startsOn);
        body.put("endsOn", endsOn);
        body.put("place", "Hội trường Liên đoàn Lao động tỉnh");
        body.put("capacity", capacity);
        body.put("sessions", sessions);
        return body;
    }

    static long createCourse(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/training-courses")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long createCourse(long organisingUnitId, String startsOn, String endsOn, int sessions) {
        return createCourse(course(organisingUnitId, "Tập huấn nghiệp vụ công đoàn", startsOn, endsOn, 50, sessions));
    }

    static long enrol(long courseId, long officialId) {
        return given().contentType(ContentType.JSON).body(Map.of("officialId", officialId))
                .when().post("/api/v1/training-courses/" + courseId + "/enrolments")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /**
     * Calls the roll of every session: an official listed with k is present at sessions 1..k and marked absent
     * at the others.
     */
    static void rollCall(long courseId, int sessions, Map<Long, Integer> attendedByOfficial) {
        for (int s = 1; s <= sessions; s++) {
            List<Map<String, Object>> marks = new ArrayList<>();
            for (Map.Entry<Long, Integer> e : attendedByOfficial.entrySet()) {
                marks.add(Map.of("officialId", e.getKey(), "present", s <= e.getValue()));
            }
            given().contentType(ContentType.JSON).body(Map.of("attendance", marks))
                    .when().put("/api/v1/training-courses/" + courseId + "/sessions/" + s + "/attendance")
                    .then().statusCode(200);
        }
    }

    static void submitAssignment(long courseId, long enrolmentId) {
        given().contentType(ContentType.JSON).body(Map.of("submitted", true, "grade", 8.5))
                .when().put("/api/v1/training-courses/" + courseId + "/enrolments/" + enrolmentId + "/assignment")
                .then().statusCode(200);
    }

    static String today() {
        return LocalDate.now(vn.doanvien.common.Today.ZONE).toString();
    }
}
