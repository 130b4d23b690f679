package vn.doanvien.member;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.doanvien.TestData;

/** Request bodies and calls shared by the member tests. */
final class MemberApi {

    static final String MEMBERS = "/api/v1/members";
    static final String PROBLEM = "application/problem+json";

    private MemberApi() {
    }

    /** A valid create body for a Vietnamese member with a fresh national ID. */
    static Map<String, Object> createBody(long unionId, String fullName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", fullName);
        body.put("dateOfBirth", "1990-05-20");
        body.put("gender", "MALE");
        body.put("nationality", "VN");
        body.put("nationalId", TestData.nationalId());
        body.put("phone", "0903 123 456");
        body.put("email", "member@example.vn");
        body.put("grassrootsUnionId", unionId);
        body.put("joinedOn", "2021-03-01");
        return body;
    }

    /** The PUT body that leaves a created member as it is. */
    static Map<String, Object> updateBody(Map<String, Object> created) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : new String[] {"fullName", "dateOfBirth", "gender", "nationality", "nationalId",
                "passportNumber", "phone", "email", "status", "leftOn", "leaveReason"}) {
            body.put(field, created.get(field));
        }
        return body;
    }

    static ValidatableResponse post(Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post(MEMBERS).then();
    }

    static long create(Map<String, Object> body) {
        return post(body).statusCode(201).extract().jsonPath().getLong("id");
    }

    static long create(long unionId, String fullName) {
        return create(createBody(unionId, fullName));
    }

    static Map<String, Object> get(long id) {
        return given().when().get(MEMBERS + "/" + id).then().statusCode(200).extract().jsonPath().getMap("");
    }

    static ValidatableResponse put(long id, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().put(MEMBERS + "/" + id).then();
    }

    /** Records the member's departure. */
    static void leave(long id, LocalDate leftOn) {
        Map<String, Object> body = updateBody(get(id));
        body.put("status", "LEFT");
        body.put("leftOn", leftOn.toString());
        put(id, body).statusCode(200);
    }

    static ValidatableResponse transfer(long id, Object toUnionId, String effectiveOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("toGrassrootsUnionId", toUnionId);
        body.put("effectiveOn", effectiveOn);
        return given().contentType(ContentType.JSON).body(body).when().post(MEMBERS + "/" + id + "/transfers").then();
    }

    static int count(String query) {
        return given().when().get(MEMBERS + "?" + query).then().statusCode(200)
                .extract().jsonPath().getInt("totalItems");
    }
}
