package vn.doanvien.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;
import vn.doanvien.enterprise.Enterprise;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.member.Member;
import vn.doanvien.organisation.Unit;

/**
 * The most common client pattern on every updatable resource: GET, change a field, PUT the whole thing back
 * (read-only fields included); and the same change as a JSON Merge Patch. Read-only fields that differ, a stale
 * version and unknown fields are refused and change nothing.
 */
@QuarkusTest
class GetModifyPutTest {

    private static final String PROBLEM = "application/problem+json";
    /** RestAssured would encode an unknown type as ISO-8859-1; JSON is UTF-8. */
    private static final String MERGE_PATCH = UpdateBodies.MERGE_PATCH + "; charset=UTF-8";

    @Inject
    TestData data;

    /** A resource, a text field to change, and another field that must stay as it is. */
    record Case(String path, String field, String kept) {
    }

    @Test
    void everyUpdatableResourceTakesBackWhatItsGetGave() {
        Unit[] chain = data.chain();
        Enterprise enterprise = data.enterprise(chain[2].id, 80);
        GrassrootsUnion union = data.grassrootsUnion(chain[2].id, enterprise.id, LocalDate.of(2020, 1, 1));
        Member member = data.member(union.id, "Nguyễn Văn Sửa", LocalDate.of(2021, 1, 1));
        long target = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Chỉ tiêu sửa", "scopeUnitId", chain[0].id, "metric", "ACTIVE_MEMBERS",
                        "targetValue", 100, "baselineDate", "2024-01-31", "deadline", "2028-12-31"))
                .post("/api/v1/targets").then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> official = new LinkedHashMap<>();
        official.put("fullName", "Cán Bộ Sửa");
        official.put("unitId", chain[1].id);
        official.put("post", "STAFF");
        official.put("employment", "FULL_TIME");
        official.put("termStart", "2023-01-01");
        long officialId = given().contentType(ContentType.JSON).body(official).post("/api/v1/officials").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> course = new LinkedHashMap<>();
        course.put("organisingUnitId", chain[1].id);
        course.put("title", "Lớp sửa");
        course.put("topic", "UNION_LAW_AND_ORGANISATION");
        course.put("audience", "GRASSROOTS_OFFICIALS");
        course.put("startsOn", "2030-03-01");
        course.put("endsOn", "2030-03-05");
        course.put("place", "Hội trường");
        course.put("capacity", 30);
        course.put("sessions", 4);
        long courseId = given().contentType(ContentType.JSON).body(course).post("/api/v1/training-courses").then()
                .statusCode(201).extract().jsonPath().getLong("id");

        for (Case c : List.of(
                new Case("/api/v1/members/" + member.id, "fullName", "joinedOn"),
                new Case("/api/v1/grassroots-unions/" + union.id, "name", "code"),
                new Case("/api/v1/enterprises/" + enterprise.id, "name", "taxCode"),
                new Case("/api/v1/units/" + chain[2].id, "name", "code"),
                new Case("/api/v1/targets/" + target, "name", "targetValue"),
                new Case("/api/v1/officials/" + officialId, "fullName", "post"),
                new Case("/api/v1/training-courses/" + courseId, "title", "capacity"))) {
            check(c);
        }
    }

    private static void check(Case c) {
        Response read = given().get(c.path()).then().statusCode(200).extract().response();
        Map<String, Object> body = read.jsonPath().getMap("");
        Object kept = body.get(c.kept());
        String etag = read.header("ETag");

        // GET, change one field, PUT everything back
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(c.field(), "Đã sửa " + c.field());
        Response put = given().contentType(ContentType.JSON).header("If-Match", etag).body(changed).put(c.path())
                .then().statusCode(200).body(c.field(), equalTo("Đã sửa " + c.field())).extract().response();
        assertEquals(kept, put.jsonPath().get(c.kept()), c.path());

        // the same stale copy again: its version is no longer the current one
        given().contentType(ContentType.JSON).body(changed).put(c.path()).then().statusCode(412).contentType(PROBLEM);
        given().contentType(ContentType.JSON).header("If-Match", etag).body(changed).put(c.path())
                .then().statusCode(412).contentType(PROBLEM);

        // a read-only field that differs is named; nothing changes
        Map<String, Object> fresh = given().get(c.path()).then().extract().jsonPath().getMap("");
        Map<String, Object> forged = new LinkedHashMap<>(fresh);
        forged.put("id", 987_654_321);
        forged.put(c.field(), "Không được lưu");
        given().contentType(ContentType.JSON).body(forged).put(c.path()).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("id")).body("errors[0].message", containsString("read-only"));
        Map<String, Object> unknown = new LinkedHashMap<>(fresh);
        unknown.put("salary", 1);
        given().contentType(ContentType.JSON).body(unknown).put(c.path()).then().statusCode(400)
                .body("errors[0].field", equalTo("salary"));
        given().get(c.path()).then().body(c.field(), equalTo("Đã sửa " + c.field()));

        // JSON Merge Patch: only the field sent changes
        Response patched = given().contentType(MERGE_PATCH).header("If-Match", put.header("ETag"))
                .body(Map.of(c.field(), "Vá " + c.field())).patch(c.path()).then().log().ifValidationFails().statusCode(200)
                .body(c.field(), equalTo("Vá " + c.field())).extract().response();
        assertEquals(kept, patched.jsonPath().get(c.kept()), c.path());
        given().contentType(MERGE_PATCH).header("If-Match", put.header("ETag"))
                .body(Map.of(c.field(), "Cũ")).patch(c.path()).then().statusCode(412);
        given().contentType(MERGE_PATCH).body(Map.of("version", 0, c.field(), "Cũ")).patch(c.path())
                .then().statusCode(412);
        given().contentType(MERGE_PATCH).body(Map.of("salary", 1)).patch(c.path()).then()
                .statusCode(400).body("errors[0].field", equalTo("salary"));
        given().get(c.path()).then().body(c.field(), equalTo("Vá " + c.field()));
    }

    @Test
    void aMergePatchClearsAnOptionalFieldWithNull() {
        Unit[] chain = data.chain();
        GrassrootsUnion union = data.grassrootsUnion(chain[2].id, null, LocalDate.of(2020, 1, 1));
        Member member = data.member(union.id, "Có Số Điện Thoại", LocalDate.of(2021, 1, 1));
        String path = "/api/v1/members/" + member.id;
        given().contentType(MERGE_PATCH).body(Map.of("phone", "0903 111 222")).patch(path)
                .then().statusCode(200).body("phone", equalTo("0903 111 222"));
        Map<String, Object> clear = new LinkedHashMap<>();
        clear.put("phone", null);
        given().contentType(MERGE_PATCH).body(clear).patch(path).then().statusCode(200)
                .body("phone", equalTo(null)).body("fullName", equalTo("Có Số Điện Thoại"));
        // a patch that breaks a rule is refused as a PUT would be
        given().contentType(MERGE_PATCH).body(Map.of("fullName", " ")).patch(path).then()
                .statusCode(400).body("errors[0].field", equalTo("fullName"));
    }

    @Test
    void aDeleteThatAcceptsOnlyProblemsIsAnsweredNotRefusedWith406() {
        Unit[] chain = data.chain();
        GrassrootsUnion union = data.grassrootsUnion(chain[2].id, null, LocalDate.of(2020, 1, 1));
        Member member = data.member(union.id, "Xoá Được", LocalDate.of(2021, 1, 1));
        String path = "/api/v1/members/" + member.id;
        // Without credentials: authentication answers first (401), never content negotiation (406).
        given().header("X-Test-Anonymous", "true").accept(PROBLEM).delete(path).then().statusCode(401)
                .contentType(PROBLEM);
        given().get(path).then().statusCode(200);
        // With them, the delete happens.
        given().accept(PROBLEM).delete(path).then().statusCode(204);
        given().get(path).then().statusCode(404);
        // An Accept the API cannot serve at all is still a 406.
        given().accept("image/png").get("/api/v1/members?size=1").then().statusCode(406).contentType(PROBLEM);
    }
}
