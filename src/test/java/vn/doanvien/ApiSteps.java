package vn.doanvien;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;

/**
 * Registry changes made through the API, as a client makes them, for tests whose subject is what those changes book
 * (the figures, a target's progress) rather than the endpoints themselves. Each expects success.
 */
public final class ApiSteps {

    private ApiSteps() {
    }

    /** A new grassroots union under the upper-level unit, founded on that day; its id. */
    public static long createUnion(long upperLevelUnitId, String foundedOn) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("code", TestData.unique("G"), "name", "Công đoàn cơ sở " + TestData.unique("G"),
                        "upperLevelUnitId", upperLevelUnitId, "foundedOn", foundedOn))
                .when().post("/api/v1/grassroots-unions").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** A new member of the union, joined on that day; their id. */
    public static long join(long union, String name, String joinedOn) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("fullName", name, "nationalId", TestData.nationalId(), "grassrootsUnionId", union,
                        "joinedOn", joinedOn))
                .when().post("/api/v1/members").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The member leaves on that day (status LEFT), the rest of their record unchanged. */
    public static void leave(long member, String leftOn) {
        var current = given().when().get("/api/v1/members/{id}", member).then().statusCode(200).extract().jsonPath();
        given().contentType(ContentType.JSON)
                .body(Map.of("fullName", current.getString("fullName"), "nationality", "VN",
                        "nationalId", current.getString("nationalId"), "status", "LEFT", "leftOn", leftOn))
                .when().put("/api/v1/members/{id}", member).then().statusCode(200);
    }
}
