package vn.doanvien.figures;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.organisation.Unit;

/** Monthly counts of a union without a member list, and how progress combines them with the registry. */
@QuarkusTest
class MemberCountTest {

    @Inject
    TestData data;

    Unit province;
    Unit upper;
    GrassrootsUnion union;

    @BeforeEach
    void registry() {
        Unit[] chain = data.chain();
        province = chain[1];
        upper = chain[2];
        union = data.grassrootsUnion(upper.id, null, LocalDate.of(2025, 6, 1));
        data.member(union.id, "Nguyễn Văn An", LocalDate.of(2026, 1, 10));
        data.member(union.id, "Trần Thị Bình", LocalDate.of(2026, 1, 12));
    }

    @Test
    void aCountReplacesTheRegistryStockOfItsMonthAndLaterRegistryChangesAddOn() {
        given().contentType(ContentType.JSON).body(Map.of("members", 100, "joined", 5, "left", 1, "workforce", 140))
                .when().put("/api/v1/grassroots-unions/{id}/member-counts/2026-03", union.id)
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/member-counts/2026-03"))
                .body("members", equalTo(100)).body("workforce", equalTo(140));
        given().contentType(ContentType.JSON).body(Map.of("members", 100, "joined", 5, "left", 1, "workforce", 140))
                .when().put("/api/v1/grassroots-unions/{id}/member-counts/2026-03", union.id)
                .then().statusCode(200).body("version", equalTo(0));
        long target = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Chỉ tiêu", "scopeUnitId", province.id, "metric", "ACTIVE_MEMBERS",
                        "targetValue", 200, "baselineDate", "2025-12-31", "deadline", "2028-12-31"))
                .when().post("/api/v1/targets").then().statusCode(201).extract().jsonPath().getLong("id");
        given().queryParam("asOf", "2026-03-31").when().get("/api/v1/targets/{id}/progress", target)
                .then().statusCode(200).body("currentValue", equalTo(100.0f))
                // Two registry joins in January, five reported for March.
                .body("joined", equalTo(7)).body("left", equalTo(1)).body("source", equalTo("COMBINED"));
        given().queryParam("asOf", "2026-02-28").when().get("/api/v1/targets/{id}/progress", target)
                .then().body("currentValue", equalTo(2.0f)).body("source", equalTo("REGISTRY"));

        // A member registered in April adds to the reported count.
        data.member(union.id, "Lê Văn Cường", LocalDate.of(2026, 4, 5));
        given().queryParam("asOf", "2026-04-30").when().get("/api/v1/targets/{id}/progress", target)
                .then().body("currentValue", equalTo(101.0f));
        long upperTarget = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Chỉ tiêu", "scopeUnitId", upper.id, "metric", "ACTIVE_MEMBERS",
                        "targetValue", 150, "baselineDate", "2025-12-31", "deadline", "2028-12-31"))
                .when().post("/api/v1/targets").then().statusCode(201).extract().jsonPath().getLong("id");
        given().queryParam("asOf", "2026-04-30").when().get("/api/v1/targets/{id}/progress", upperTarget)
                .then().body("breakdown", hasSize(1))
                .body("breakdown[0].unitId", equalTo(union.id.intValue()))
                .body("breakdown[0].currentValue", equalTo(101.0f));

        // A province report covers the union: the union's count is then not counted again.
        given().contentType(ContentType.JSON).body(Map.of("members", 500))
                .when().put("/api/v1/units/{id}/reported-figures/2026-04", province.id).then().statusCode(201);
        given().queryParam("asOf", "2026-04-30").when().get("/api/v1/targets/{id}/progress", target)
                .then().body("currentValue", equalTo(500.0f)).body("source", equalTo("REPORTED"));
    }

    @Test
    void bulkStoresValidItemsAndRejectsTheRest() {
        Map<String, Object> ok = Map.of("grassrootsUnionId", union.id, "month", "2026-05", "members", 40);
        // Items the document calls invalid, on purpose: the bulk answer rejects them one by one with a 200.
        vn.doanvien.contract.Contract.invalidRequest().contentType(ContentType.JSON)
                .body(Map.of("items", List.of(ok,
                        Map.of("grassrootsUnionId", 999_999_999L, "month", "2026-05", "members", 3),
                        Map.of("grassrootsUnionId", union.id, "month", "2099-01", "members", 3),
                        Map.of("grassrootsUnionId", union.id, "month", "2026-05", "members", 41),
                        Map.of("grassrootsUnionId", union.id, "month", "2026-13", "members", 3),
                        Map.of("grassrootsUnionId", union.id, "month", "2026-06", "members", -1))))
                .when().post("/api/v1/sync/member-counts")
                .then().statusCode(200)
                .body("created", equalTo(1)).body("rejected", equalTo(5))
                .body("items.outcome", contains("CREATED", "REJECTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED"))
                .body("items[1].problem.errors[0].field", equalTo("grassrootsUnionId"))
                .body("items[2].problem.errors[0].field", equalTo("month"))
                .body("items[3].problem.errors[0].field", equalTo("month"))
                .body("items[4].problem.errors[0].field", equalTo("month"))
                .body("items[5].problem.errors[0].field", equalTo("members"));
        // The same item again is UNCHANGED; a new value UPDATED.
        given().contentType(ContentType.JSON).body(Map.of("items", List.of(ok)))
                .when().post("/api/v1/sync/member-counts").then().statusCode(200)
                .body("items[0].outcome", equalTo("UNCHANGED"));
        given().contentType(ContentType.JSON)
                .body(Map.of("items", List.of(Map.of("grassrootsUnionId", union.id, "month", "2026-05", "members", 42))))
                .when().post("/api/v1/sync/member-counts").then().statusCode(200)
                .body("items[0].outcome", equalTo("UPDATED")).body("items[0].count.members", equalTo(42));
        given().when().get("/api/v1/grassroots-unions/{id}/member-counts", union.id)
                .then().statusCode(200).body("month", contains("2026-05")).body("members", contains(42));
    }

    @Test
    void badInputIsAProblem() {
        given().contentType(ContentType.JSON).body(Map.of("members", 5))
                .when().put("/api/v1/grassroots-unions/{id}/member-counts/2026-13", union.id)
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("month"));
        given().contentType(ContentType.JSON).body(Map.of("note", "nothing"))
                .when().put("/api/v1/grassroots-unions/{id}/member-counts/2026-03", union.id)
                .then().statusCode(400).body("errors[0].field", equalTo("members"));
        given().contentType(ContentType.JSON).body(Map.of("members", 5))
                .when().put("/api/v1/grassroots-unions/{id}/member-counts/2026-03", 999_999_999L)
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("members", 5))
                .when().put("/api/v1/grassroots-unions/{id}/member-counts/2025-01", union.id)
                .then().statusCode(400).body("errors[0].field", equalTo("month"));
        given().contentType(ContentType.JSON).body(Map.of("items", List.of()))
                .when().post("/api/v1/sync/member-counts").then().statusCode(400)
                .body("errors[0].field", equalTo("items"));
        given().when().get("/api/v1/grassroots-unions/{id}/member-counts", union.id)
                .then().statusCode(200).body("$", hasSize(0));
    }
}
