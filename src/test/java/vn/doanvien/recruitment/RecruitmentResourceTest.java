package vn.doanvien.recruitment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;
import vn.doanvien.common.CsvParser;
import vn.doanvien.organisation.Unit;
import vn.doanvien.organisation.UnitKind;

/**
 * A hand-computed registry of enterprises under two provinces:
 *
 * <pre>
 * root ─ P1 ─ U1: E1 FDI KR C 500 workers, E2 PRIVATE C 30 (independent workers' organisation),
 *      │           E5 PRIVATE G 200 with an active union
 *      └ P2 ─ U2: E3 STATE F 1000, E4 PRIVATE C 20 (below 25), E6 PRIVATE C 100 whose union was dissolved
 * </pre>
 */
@QuarkusTest
class RecruitmentResourceTest {

    static final LocalDate FROM = LocalDate.of(2020, 1, 1);

    @Inject
    TestData data;

    Unit root;
    Unit p1;
    Unit p2;
    Unit u1;
    Unit u2;
    long e1;
    long e2;
    long e3;
    long e4;
    long e5;
    long e6;

    @BeforeEach
    void registry() {
        root = data.unit(UnitKind.CONFEDERATION, null, FROM);
        p1 = data.unit(UnitKind.PROVINCIAL_FEDERATION, root.id, FROM);
        p2 = data.unit(UnitKind.PROVINCIAL_FEDERATION, root.id, FROM);
        u1 = data.unit(UnitKind.UPPER_LEVEL_UNION, p1.id, FROM);
        u2 = data.unit(UnitKind.UPPER_LEVEL_UNION, p2.id, FROM);
        e1 = enterprise("Công ty TNHH Điện tử \"Hàn Việt\", Bắc Ninh", "FOREIGN_INVESTED", "KR", "C", 500, u1.id, false);
        e2 = enterprise("Công ty Cổ phần May Đức Giang", "PRIVATE", null, "C", 30, u1.id, true);
        e3 = enterprise("Tổng công ty Xây dựng Hà Nội", "STATE", null, "F", 1000, u2.id, false);
        e4 = enterprise("Cơ sở In Ánh Dương", "PRIVATE", null, "C", 20, u2.id, false);
        e5 = enterprise("Siêu thị Bình Minh", "PRIVATE", null, "G", 200, u1.id, false);
        e6 = enterprise("Công ty TNHH Gỗ Phú Tài", "PRIVATE", null, "C", 100, u2.id, false);
        union(u1.id, e5, "2021-01-01");
        long dissolved = union(u2.id, e6, "2021-01-01");
        given().contentType(ContentType.JSON).body(Map.of("dissolvedOn", "2023-06-30"))
                .when().post("/api/v1/grassroots-unions/{id}/dissolution", dissolved).then().statusCode(200);
    }

    @Test
    void leadsAreTheEnterprisesWithoutAnActiveUnionLargestFirst() {
        given().queryParam("unitId", root.id).when().get("/api/v1/recruitment/leads")
                .then().statusCode(200)
                .body("totalItems", equalTo(4))
                .body("items.enterpriseId", contains((int) e3, (int) e1, (int) e6, (int) e2))
                .body("items.workforce", contains(1000, 500, 100, 30))
                .body("items[0].upperLevelUnitId", equalTo(u2.id.intValue()))
                .body("items[0].upperLevelUnitCode", equalTo(u2.code))
                .body("items[0].upperLevelUnitName", equalTo(u2.name))
                .body("items[3].hasIndependentWorkersOrganisation", equalTo(true))
                .body("items[1].hasIndependentWorkersOrganisation", equalTo(false))
                .body("items[1].investorCountry", equalTo("KR"));
        given().queryParam("unitId", p1.id).when().get("/api/v1/recruitment/leads")
                .then().statusCode(200).body("items.enterpriseId", contains((int) e1, (int) e2));
        given().queryParam("unitId", root.id).queryParam("ownership", "PRIVATE").when().get("/api/v1/recruitment/leads")
                .then().statusCode(200).body("items.enterpriseId", contains((int) e6, (int) e2));
        given().queryParam("unitId", root.id).queryParam("industry", "F").when().get("/api/v1/recruitment/leads")
                .then().statusCode(200).body("items.enterpriseId", contains((int) e3));
        given().queryParam("unitId", root.id).queryParam("minWorkforce", 20).when().get("/api/v1/recruitment/leads")
                .then().statusCode(200).body("totalItems", equalTo(5));
        given().queryParam("unitId", root.id).queryParam("minWorkforce", 600).when().get("/api/v1/recruitment/leads")
                .then().statusCode(200).body("items.enterpriseId", contains((int) e3));
        given().queryParam("unitId", root.id).queryParam("size", 2).queryParam("page", 1)
                .when().get("/api/v1/recruitment/leads")
                .then().statusCode(200).body("items.enterpriseId", contains((int) e6, (int) e2))
                .body("totalPages", equalTo(2));
    }

    @Test
    void leadsAsCsvAreEveryRowOfTheJsonWhateverThePageSize() {
        List<Map<String, Object>> json = given().queryParam("unitId", root.id).when().get("/api/v1/recruitment/leads")
                .then().statusCode(200).extract().jsonPath().getList("items");
        byte[] csv = given().accept("text/csv").queryParam("unitId", root.id).queryParam("size", 1)
                .when().get("/api/v1/recruitment/leads")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asByteArray();
        List<Map<String, String>> rows = CsvParser.rows(csv);
        assertEquals(List.of("enterpriseId", "taxCode", "name", "ownership", "investorCountry", "industry",
                "provinceCode", "address", "workforce", "workforceAsOf", "upperLevelUnitId", "upperLevelUnitCode",
                "upperLevelUnitName", "hasIndependentWorkersOrganisation"), CsvParser.header(csv));
        CsvParser.assertRowsMatch(json, rows);
        assertEquals("Công ty TNHH Điện tử \"Hàn Việt\", Bắc Ninh", rows.get(1).get("name"));
    }

    @Test
    void coveragePerChildUnitAndTotalAgreeWithTheCoverageTarget() {
        var body = given().queryParam("unitId", root.id).when().get("/api/v1/recruitment/coverage")
                .then().statusCode(200)
                .body("minWorkforce", equalTo(25))
                .body("rows", hasSize(2))
                // P2: E3 and E6 eligible, none unionized; P1: E1, E2, E5 eligible, E5 unionized (2 without a union each).
                .body("rows.unitId", containsInAnyOrder(p2.id.intValue(), p1.id.intValue()))
                .body("rows.find { it.unitId == " + p2.id + " }.unitCode", equalTo(p2.code))
                .body("rows.find { it.unitId == " + p2.id + " }.unitName", equalTo(p2.name))
                .body("rows.find { it.unitId == " + p1.id + " }.unitCode", equalTo(p1.code))
                .body("rows.find { it.unitId == " + p1.id + " }.unitName", equalTo(p1.name))
                .body("rows.find { it.unitId == " + p2.id + " }.enterprises", equalTo(2))
                .body("rows.find { it.unitId == " + p2.id + " }.unionized", equalTo(0))
                .body("rows.find { it.unitId == " + p2.id + " }.withoutUnion", equalTo(2))
                .body("rows.find { it.unitId == " + p2.id + " }.sharePercent", equalTo(0.0f))
                .body("rows.find { it.unitId == " + p2.id + " }.workers", equalTo(1100))
                .body("rows.find { it.unitId == " + p2.id + " }.workersCovered", equalTo(0))
                .body("rows.find { it.unitId == " + p1.id + " }.enterprises", equalTo(3))
                .body("rows.find { it.unitId == " + p1.id + " }.unionized", equalTo(1))
                .body("rows.find { it.unitId == " + p1.id + " }.sharePercent", equalTo(33.33f))
                .body("rows.find { it.unitId == " + p1.id + " }.workers", equalTo(730))
                .body("rows.find { it.unitId == " + p1.id + " }.workersCovered", equalTo(200))
                .body("total.unitId", nullValue())
                .body("total.unitCode", equalTo("TOTAL"))
                .body("total.enterprises", equalTo(5))
                .body("total.unionized", equalTo(1))
                .body("total.sharePercent", equalTo(20.0f))
                .body("total.workers", equalTo(1830))
                .body("total.workersCovered", equalTo(200))
                .extract().jsonPath();

        long target = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Công đoàn cơ sở ở mọi doanh nghiệp", "scopeUnitId", root.id,
                        "metric", "ENTERPRISE_COVERAGE", "targetValue", 100, "baselineDate", "2024-01-01",
                        "deadline", "2028-12-31"))
                .when().post("/api/v1/targets").then().statusCode(201).extract().jsonPath().getLong("id");
        given().when().get("/api/v1/targets/{id}/progress", target).then().statusCode(200)
                .body("eligibleEnterprises", equalTo(body.getInt("total.enterprises")))
                .body("coveredEnterprises", equalTo(body.getInt("total.unionized")));

        given().queryParam("unitId", root.id).queryParam("minWorkforce", 10).when().get("/api/v1/recruitment/coverage")
                .then().statusCode(200).body("total.enterprises", equalTo(6)).body("total.workers", equalTo(1850));

        byte[] csv = given().accept("text/csv").queryParam("unitId", root.id).when().get("/api/v1/recruitment/coverage")
                .then().statusCode(200).extract().asByteArray();
        List<Map<String, Object>> expected = new java.util.ArrayList<>(body.getList("rows"));
        expected.add(body.getMap("total"));
        CsvParser.assertRowsMatch(expected, CsvParser.rows(csv));
    }

    @Test
    void badParametersAreProblems() {
        given().queryParam("unitId", "NO-SUCH-CODE").when().get("/api/v1/recruitment/leads").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("unitId"));
        given().queryParam("unitId", "abc").when().get("/api/v1/recruitment/leads").then().statusCode(400)
                .body("errors[0].field", equalTo("unitId"));
        given().queryParam("unitId", root.id).queryParam("minWorkforce", -1).when().get("/api/v1/recruitment/leads")
                .then().statusCode(400).body("errors[0].field", equalTo("minWorkforce"));
        given().queryParam("unitId", root.id).queryParam("industry", "Z").when().get("/api/v1/recruitment/leads")
                .then().statusCode(400).body("errors[0].field", equalTo("industry"));
        given().queryParam("unitId", root.id).queryParam("ownership", "COOPERATIVE")
                .when().get("/api/v1/recruitment/leads").then().statusCode(400)
                .body("errors[0].field", equalTo("ownership"));
        given().queryParam("unitId", root.id).queryParam("size", 101).when().get("/api/v1/recruitment/leads")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().accept("text/csv").queryParam("unitId", 999_999_999L).when().get("/api/v1/recruitment/leads")
                .then().statusCode(404).contentType("application/problem+json");
        given().queryParam("unitId", 999_999_999L).when().get("/api/v1/recruitment/coverage")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().queryParam("unitId", root.id).queryParam("minWorkforce", "x").when().get("/api/v1/recruitment/coverage")
                .then().statusCode(400).body("errors[0].field", equalTo("minWorkforce"));
    }

    private long enterprise(String name, String ownership, String country, String industry, int workforce,
                            long upper, boolean independent) {
        Map<String, Object> b = new HashMap<>();
        b.put("taxCode", TestData.taxCode());
        b.put("name", name);
        b.put("ownership", ownership);
        b.put("investorCountry", country);
        b.put("industry", industry);
        b.put("provinceCode", "24");
        b.put("workforce", workforce);
        b.put("workforceAsOf", "2024-12-31");
        b.put("upperLevelUnitId", upper);
        b.put("hasIndependentWorkersOrganisation", independent);
        return given().contentType(ContentType.JSON).body(b).when().post("/api/v1/enterprises")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private long union(long upper, long enterprise, String foundedOn) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("code", TestData.unique("G"), "name", "Công đoàn cơ sở " + TestData.unique("G"),
                        "upperLevelUnitId", upper, "enterpriseId", enterprise, "foundedOn", foundedOn))
                .when().post("/api/v1/grassroots-unions").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
