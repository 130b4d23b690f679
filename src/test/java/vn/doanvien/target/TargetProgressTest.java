package vn.doanvien.target;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.doanvien.ApiSteps.createUnion;
import static vn.doanvien.ApiSteps.join;
import static vn.doanvien.ApiSteps.leave;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;
import vn.doanvien.figures.FiguresRecount;
import vn.doanvien.organisation.Unit;
import vn.doanvien.organisation.UnitKind;

/**
 * A small registry with hand-computed figures: two provinces under a root, one upper-level union and one
 * grassroots union in each, members who join, leave and transfer across provinces, and a regrouping.
 *
 * <pre>
 * root ─ P1 ─ U1 ─ g1     A joins 2024-02-10, B 2024-03-05, D 2024-05-01; B leaves 2024-06-15
 *      └ P2 ─ U2 ─ g2     C joins 2024-03-20; A transfers g1 → g2 on 2024-07-01
 * </pre>
 */
@QuarkusTest
class TargetProgressTest {

    static final LocalDate FROM = LocalDate.of(2020, 1, 1);

    @Inject
    TestData data;

    @Inject
    FiguresRecount recount;

    Unit root;
    Unit p1;
    Unit p2;
    Unit u1;
    Unit u2;
    long g1;
    long g2;
    long a;
    long b;
    long c;
    long d;

    @BeforeEach
    void registry() {
        root = data.unit(UnitKind.CONFEDERATION, null, FROM);
        p1 = data.unit(UnitKind.PROVINCIAL_FEDERATION, root.id, FROM);
        p2 = data.unit(UnitKind.PROVINCIAL_FEDERATION, root.id, FROM);
        u1 = data.unit(UnitKind.UPPER_LEVEL_UNION, p1.id, FROM);
        u2 = data.unit(UnitKind.UPPER_LEVEL_UNION, p2.id, FROM);
        g1 = createUnion(u1.id, "2024-01-01");
        g2 = createUnion(u2.id, "2024-01-01");
        a = join(g1, "Nguyễn Văn An", "2024-02-10");
        b = join(g1, "Trần Thị Bình", "2024-03-05");
        c = join(g2, "Lê Văn Cường", "2024-03-20");
        d = join(g1, "Phạm Thị Dung", "2024-05-01");
        leave(b, "2024-06-15");
        given().contentType(ContentType.JSON)
                .body(Map.of("toGrassrootsUnionId", g2, "effectiveOn", "2024-07-01"))
                .when().post("/api/v1/members/{id}/transfers", a)
                .then().statusCode(200);
    }

    @Test
    void progressAtTheRootCountsJoinsDeparturesAndIgnoresInternalTransfers() {
        long target = createTarget(root.id, "ACTIVE_MEMBERS", 10, "2024-01-31", "2025-12-31");

        given().queryParam("asOf", "2024-06-30").when().get("/api/v1/targets/{id}/progress", target)
                .then().statusCode(200)
                .body("baselineValue", equalTo(0.0f))
                .body("currentValue", equalTo(3.0f))
                .body("targetValue", equalTo(10.0f))
                .body("percentOfTarget", equalTo(30.0f))
                .body("percentOfGainAchieved", equalTo(30.0f))
                .body("remaining", equalTo(7.0f))
                .body("joined", equalTo(4))
                .body("left", equalTo(1))
                .body("transfersIn", equalTo(0))
                .body("transfersOut", equalTo(0))
                .body("daysLeft", equalTo(549))
                .body("source", equalTo("REGISTRY"))
                .body("breakdown", hasSize(2));

        // Mid-month: on 10 March only A and B had joined.
        given().queryParam("asOf", "2024-03-10").when().get("/api/v1/targets/{id}/progress", target)
                .then().statusCode(200).body("currentValue", equalTo(2.0f)).body("joined", equalTo(2));
    }

    @Test
    void aTransferAcrossProvincesMovesAMemberWithoutAddingOrLosingAny() {
        long target = createTarget(root.id, "ACTIVE_MEMBERS", 10, "2024-01-31", "2025-12-31");
        var body = given().queryParam("asOf", "2024-07-31").when().get("/api/v1/targets/{id}/progress", target)
                .then().statusCode(200)
                .body("currentValue", equalTo(3.0f))
                .extract().jsonPath();
        List<Map<String, Object>> rows = body.getList("breakdown");
        Map<String, Object> rowP1 = rows.stream().filter(r -> ((Number) r.get("unitId")).longValue() == p1.id).findFirst().orElseThrow();
        Map<String, Object> rowP2 = rows.stream().filter(r -> ((Number) r.get("unitId")).longValue() == p2.id).findFirst().orElseThrow();
        assertEquals(1.0, ((Number) rowP1.get("currentValue")).doubleValue()); // D
        assertEquals(2.0, ((Number) rowP2.get("currentValue")).doubleValue()); // C and A
        assertEquals(1, rowP1.get("transfersOut"));
        assertEquals(1, rowP2.get("transfersIn"));
        assertEquals(3, rowP1.get("joined")); // A, B, D
        assertEquals(1, rowP1.get("left"));   // B

        long provinceTarget = createTarget(p1.id, "ACTIVE_MEMBERS", 5, "2024-01-31", "2025-12-31");
        given().queryParam("asOf", "2024-07-31").when().get("/api/v1/targets/{id}/progress", provinceTarget)
                .then().statusCode(200).body("currentValue", equalTo(1.0f))
                .body("transfersOut", equalTo(1)).body("joined", equalTo(3)).body("left", equalTo(1));
        assertEquals("", recount.differences(List.of(root.id, p1.id, p2.id, u1.id, u2.id), List.of(g1, g2)));
    }

    @Test
    void breakdownUnderAnUpperLevelUnionIsByGrassrootsUnion() {
        long target = createTarget(u1.id, "ACTIVE_MEMBERS", 4, "2024-01-31", "2025-12-31");
        given().queryParam("asOf", "2024-06-20").when().get("/api/v1/targets/{id}/progress", target)
                .then().statusCode(200)
                .body("currentValue", equalTo(2.0f)) // A and D; B left on 15 June
                .body("breakdown", hasSize(1))
                .body("breakdown[0].kind", equalTo("GRASSROOTS_UNION"))
                .body("breakdown[0].unitId", equalTo((int) g1))
                .body("breakdown[0].currentValue", equalTo(2.0f))
                .body("breakdown[0].joined", equalTo(3))
                .body("breakdown[0].left", equalTo(1));
    }

    @Test
    void regroupingMovesFiguresFromTheRegroupingDateAndKeepsHistory() {
        // U1 moves from P1 to P2 on 2025-01-01.
        given().contentType(ContentType.JSON)
                .body(Map.of("code", u1.code, "name", u1.name, "category", "INDUSTRIAL_ZONE",
                        "provinceCode", "79", "parentId", p2.id, "effectiveOn", "2025-01-01"))
                .when().put("/api/v1/units/{id}", u1.id).then().statusCode(200);
        long t1 = createTarget(p1.id, "ACTIVE_MEMBERS", 5, "2024-01-31", "2025-12-31");
        long t2 = createTarget(p2.id, "ACTIVE_MEMBERS", 5, "2024-01-31", "2025-12-31");
        given().queryParam("asOf", "2024-07-31").when().get("/api/v1/targets/{id}/progress", t1)
                .then().body("currentValue", equalTo(1.0f));
        given().queryParam("asOf", "2025-01-31").when().get("/api/v1/targets/{id}/progress", t1)
                .then().body("currentValue", equalTo(0.0f)).body("transfersOut", equalTo(2));
        given().queryParam("asOf", "2025-01-31").when().get("/api/v1/targets/{id}/progress", t2)
                .then().body("currentValue", equalTo(3.0f)).body("transfersIn", equalTo(2));
        assertEquals("", recount.differences(List.of(root.id, p1.id, p2.id, u1.id, u2.id), List.of(g1, g2)));
    }

    @Test
    void seriesGivesMonthEndValuesJoinsAndDeparturesAgainstTheRequiredLine() {
        long target = createTarget(root.id, "ACTIVE_MEMBERS", 12, "2024-01-31", "2025-01-31");
        given().queryParam("from", "2024-01").queryParam("to", "2024-08")
                .when().get("/api/v1/targets/{id}/series", target)
                .then().statusCode(200)
                .body("points.month", contains("2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06",
                        "2024-07", "2024-08"))
                .body("points.actual", contains(0.0f, 1.0f, 3.0f, 3.0f, 4.0f, 3.0f, 3.0f, 3.0f))
                .body("points.joined", contains(0, 1, 2, 0, 1, 0, 0, 0))
                .body("points.left", contains(0, 0, 0, 0, 0, 1, 0, 0))
                .body("points[0].required", equalTo(0.0f))
                .body("points.source[1]", equalTo("REGISTRY"));
    }

    @Test
    void newMembersAndGrassrootsUnionMetrics() {
        long newMembers = createTarget(root.id, "NEW_MEMBERS", 8, "2024-02-29", "2025-12-31");
        given().queryParam("asOf", "2024-12-31").when().get("/api/v1/targets/{id}/progress", newMembers)
                .then().statusCode(200).body("baselineValue", equalTo(0.0f)).body("currentValue", equalTo(3.0f));
        long unions = createTarget(root.id, "GRASSROOTS_UNIONS", 3, "2023-12-31", "2025-12-31");
        given().queryParam("asOf", "2024-12-31").when().get("/api/v1/targets/{id}/progress", unions)
                .then().statusCode(200).body("baselineValue", equalTo(0.0f)).body("currentValue", equalTo(2.0f));
    }

    @Test
    void reportedFiguresFillTheMonthsBeforeTheRegistry() {
        given().contentType(ContentType.JSON).body(Map.of("members", 100, "note", "báo cáo tháng 12/2023"))
                .when().put("/api/v1/units/{id}/reported-figures/2023-12", root.id)
                .then().statusCode(201).body("members", equalTo(100)).body("month", equalTo("2023-12"));
        long target = createTarget(root.id, "ACTIVE_MEMBERS", 200, "2023-12-31", "2025-12-31");
        given().queryParam("asOf", "2024-06-30").when().get("/api/v1/targets/{id}/progress", target)
                .then().statusCode(200)
                .body("baselineValue", equalTo(100.0f))
                .body("currentValue", equalTo(103.0f))
                .body("source", equalTo("COMBINED"));
        // A report for June replaces the registry's stock at the end of June; July adds registry changes.
        given().contentType(ContentType.JSON).body(Map.of("members", 50))
                .when().put("/api/v1/units/{id}/reported-figures/2024-06", root.id).then().statusCode(201);
        given().queryParam("from", "2024-05").queryParam("to", "2024-07")
                .when().get("/api/v1/targets/{id}/series", target)
                .then().statusCode(200)
                .body("points.actual", contains(104.0f, 50.0f, 50.0f))
                .body("points.source", contains("COMBINED", "REPORTED", "COMBINED"));
    }

    @Test
    void allocationsShowWhatIsUnallocatedAndFollowDissolution() {
        long target = createTarget(root.id, "ACTIVE_MEMBERS", 10, "2024-01-31", "2025-12-31");
        given().contentType(ContentType.JSON)
                .body(Map.of("allocations", List.of(Map.of("unitId", p1.id, "targetValue", 3),
                        Map.of("unitId", p2.id, "targetValue", 6))))
                .when().post("/api/v1/targets/{id}/allocations", target)
                .then().statusCode(200)
                .body("allocatedValue", equalTo(9))
                .body("unallocatedValue", equalTo(1))
                .body("overAllocatedValue", equalTo(0))
                .body("allocations", hasSize(2));
        given().queryParam("asOf", "2024-07-31").when().get("/api/v1/targets/{id}/progress", target)
                .then().statusCode(200)
                .body("allocation.unallocatedValue", equalTo(1))
                // P2: target 6, 2 members, gap 4; P1: target 3, 1 member, gap 2. Biggest gap first.
                .body("breakdown.targetValue", contains(6.0f, 3.0f))
                .body("breakdown.gap", contains(4.0f, 2.0f))
                .body("breakdown.currentValue", contains(2.0f, 1.0f))
                // the labels of the scope, the breakdown's rows and the allocations are the units' own
                .body("scopeUnitName", equalTo(root.name))
                .body("breakdown.code", contains(p2.code, p1.code))
                .body("breakdown.name", contains(p2.name, p1.name))
                .body("allocation.allocations.unitCode", containsInAnyOrder(p1.code, p2.code))
                .body("allocation.allocations.unitName", containsInAnyOrder(p1.name, p2.name));
        // The breakdown comes before the allocation, and sorts by share reached, pace, value or name.
        String json = given().queryParam("asOf", "2024-07-31").when().get("/api/v1/targets/{id}/progress", target)
                .then().statusCode(200).extract().asString();
        assertTrue(json.indexOf("\"breakdown\"") < json.indexOf("\"allocation\""), json);
        // 182 days since the baseline: P2 gained 2 (0.33 a month), P1 gained 1 (0.17 a month).
        given().queryParam("asOf", "2024-07-31").queryParam("sort", "pacePerMonth")
                .when().get("/api/v1/targets/{id}/progress", target).then().statusCode(200)
                .body("breakdown.unitId", contains(p1.id.intValue(), p2.id.intValue()))
                .body("breakdown.pacePerMonth", contains(0.17f, 0.33f));
        given().queryParam("asOf", "2024-07-31").queryParam("sort", "-currentValue")
                .when().get("/api/v1/targets/{id}/progress", target).then().statusCode(200)
                .body("breakdown.unitId", contains(p2.id.intValue(), p1.id.intValue()));
        given().queryParam("asOf", "2024-07-31").queryParam("sort", "-percentOfTarget")
                .when().get("/api/v1/targets/{id}/progress", target).then().statusCode(200)
                .body("breakdown.percentOfTarget", contains(33.33f, 33.33f));
        given().queryParam("sort", "share").when().get("/api/v1/targets/{id}/progress", target)
                .then().statusCode(400).body("errors[0].field", equalTo("sort"));
        // Over-allocation is shown, not refused.
        given().contentType(ContentType.JSON)
                .body(Map.of("allocations", List.of(Map.of("unitId", p2.id, "targetValue", 8))))
                .when().post("/api/v1/targets/{id}/allocations", target)
                .then().statusCode(200).body("allocatedValue", equalTo(11)).body("overAllocatedValue", equalTo(1))
                .body("unallocatedValue", equalTo(0));
        // A unit that is not a child of the scope is refused, naming the item.
        given().contentType(ContentType.JSON)
                .body(Map.of("allocations", List.of(Map.of("unitId", u1.id, "targetValue", 1))))
                .when().post("/api/v1/targets/{id}/allocations", target)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("allocations[0].unitId"));
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "x", "scopeUnitId", root.id, "metric", "ACTIVE_MEMBERS", "targetValue", 10,
                        "baselineDate", "2025-01-01", "deadline", "2024-01-01"))
                .when().post("/api/v1/targets").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("deadline"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "x", "scopeUnitId", root.id, "metric", "MEMBERS", "targetValue", 10,
                        "baselineDate", "2024-01-01", "deadline", "2025-01-01"))
                .when().post("/api/v1/targets").then().statusCode(400).body("errors[0].field", equalTo("metric"));
        long target = createTarget(root.id, "ACTIVE_MEMBERS", 10, "2024-01-31", "2025-12-31");
        given().queryParam("asOf", "2023-01-01").when().get("/api/v1/targets/{id}/progress", target)
                .then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        given().queryParam("asOf", "2024-02-30").when().get("/api/v1/targets/{id}/progress", target)
                .then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        given().when().get("/api/v1/targets/{id}/progress", 999_999_999L).then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("scopeUnitId", root.id).when().get("/api/v1/targets")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo((int) target))
                .body("items[0].parentTargetId", nullValue());
    }

    private long createTarget(long scope, String metric, int value, String baseline, String deadline) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "Chỉ tiêu " + metric, "scopeUnitId", scope, "metric", metric,
                        "targetValue", value, "baselineDate", baseline, "deadline", deadline))
                .when().post("/api/v1/targets").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }
}
