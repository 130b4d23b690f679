package vn.doanvien.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.panache.common.Sort;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;
import vn.doanvien.organisation.Unit;
import vn.doanvien.organisation.UnitKind;

/** Every list answers Accept: text/csv with all matching rows (page size ignored), equal to the JSON. */
@QuarkusTest
class CsvExportTest {

    @Inject
    TestData data;

    @Test
    void everyListExportsTheRowsOfItsJson() {
        Unit[] chain = data.chain();
        Unit upper = chain[2];
        List<Long> unions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long e = data.enterprise(upper.id, 100 + i).id;
            unions.add(data.grassrootsUnion(upper.id, e, LocalDate.of(2023, 1, 1)).id);
        }
        data.member(unions.get(0), "Nguyễn Thị \"Hoa\", Hà Nội", LocalDate.of(2023, 5, 1));
        data.member(unions.get(0), "Trần Văn Bình\nxã Mậu A", LocalDate.of(2023, 6, 1));
        data.member(unions.get(1), "Lê Đức Thọ", LocalDate.of(2023, 7, 1));

        compare("/api/v1/units", Map.of("parentId", chain[1].id), 1);
        compare("/api/v1/units/" + chain[0].id + "/children", Map.of(), 1);
        compare("/api/v1/units/" + chain[0].id + "/subtree", Map.of(), 2);
        compare("/api/v1/enterprises", Map.of("upperLevelUnitId", upper.id, "sort", "-workforce"), 3);
        compare("/api/v1/grassroots-unions", Map.of("upperLevelUnitId", upper.id), 3);
        List<Map<String, String>> members = compare("/api/v1/members", Map.of("unitId", chain[0].id, "sort", "fullName"), 3);
        assertTrue(members.stream().anyMatch(m -> m.get("fullName").equals("Nguyễn Thị \"Hoa\", Hà Nội")));
        assertTrue(members.stream().anyMatch(m -> m.get("fullName").equals("Trần Văn Bình\nxã Mậu A")));
        compare("/api/v1/targets", Map.of("scopeUnitId", chain[0].id), 0);
        compare("/api/v1/officials", Map.of("unitId", chain[0].id), 0);
        compare("/api/v1/training-courses", Map.of("organisingUnitId", chain[0].id), 0);

        // JSON stays the default, for no Accept, */* and JSON preferred over CSV.
        given().accept("*/*").when().get("/api/v1/enterprises").then().statusCode(200).contentType(startsWith("application/json"));
        given().accept("application/json, text/csv;q=0.5").when().get("/api/v1/enterprises").then().statusCode(200)
                .contentType(startsWith("application/json"));
        // Bad parameters are still problems.
        given().accept("text/csv").queryParam("sort", "salary").when().get("/api/v1/enterprises").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("sort"));
        // Endpoints without CSV say so.
        given().accept("text/csv").when().get("/api/v1/enterprises/1").then().statusCode(406);
    }

    private static List<Map<String, String>> compare(String path, Map<String, ?> params, int expected) {
        List<Map<String, Object>> json = given().queryParams(params).queryParam("size", 100).when().get(path)
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(expected, json.size(), path);
        byte[] body = given().accept("text/csv").queryParams(params).queryParam("size", 1).queryParam("page", 5)
                .when().get(path).then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment"))
                .extract().asByteArray();
        List<Map<String, String>> rows = CsvParser.rows(body);
        CsvParser.assertRowsMatch(json, rows);
        assertFalse(CsvParser.header(body).isEmpty(), path);
        return rows;
    }

    @Test
    void exportsReadTheListChunkByChunk() {
        List<Integer> asked = new ArrayList<>();
        Page<Integer> all = Exports.allPages(new PageRequest(3, 7, Sort.by("id")), p -> {
            asked.add(p.page());
            assertEquals(Exports.CHUNK, p.size());
            List<Integer> items = new ArrayList<>();
            for (int i = p.page() * p.size(); i < Math.min(12003, (p.page() + 1) * p.size()); i++) {
                items.add(i);
            }
            return new Page<>(items, p.page(), p.size(), 12003, 3);
        });
        assertEquals(List.of(0), asked);
        int expected = 0;
        for (Integer i : all.items()) {
            assertEquals(expected++, i);
        }
        assertEquals(12003, expected);
        assertEquals(List.of(0, 1, 2), asked);
    }

    @Test
    void textASpreadsheetWouldRunAsAFormulaIsExportedInert() {
        Unit[] chain = data.chain();
        long union = data.grassrootsUnion(chain[2].id, data.enterprise(chain[2].id, 50).id,
                LocalDate.of(2023, 1, 1)).id;
        String formula = "=HYPERLINK(\"http://x.example\",\"Bấm\")";
        data.member(union, formula, LocalDate.of(2023, 5, 1));
        data.member(union, "@SUM(A1:A9)", LocalDate.of(2023, 5, 2));
        data.member(union, "Lê Thị -Bình", LocalDate.of(2023, 5, 3));
        given().queryParam("unitId", chain[0].id).queryParam("sort", "joinedOn").when().get("/api/v1/members")
                .then().statusCode(200).body("items[0].fullName", equalTo(formula));
        List<Map<String, String>> rows = CsvParser.rows(given().accept("text/csv").queryParam("unitId", chain[0].id)
                .queryParam("sort", "joinedOn").when().get("/api/v1/members").then().statusCode(200)
                .extract().asByteArray());
        assertEquals("'" + formula, rows.get(0).get("fullName"));
        assertEquals("'@SUM(A1:A9)", rows.get(1).get("fullName"));
        assertEquals("Lê Thị -Bình", rows.get(2).get("fullName"));
        assertEquals("'-1+2", Exports.inert("-1+2"));
        assertEquals("'+84 903 111 222", Exports.inert("+84 903 111 222"));
        assertEquals("'\tx", Exports.inert("\tx"));
        assertEquals("Đoàn viên", Exports.inert("Đoàn viên"));
        assertEquals("", Exports.inert(""));
    }

    @Test
    void quotingFollowsRfc4180() {
        assertEquals(List.of(List.of("a", "b,c", "d\"e", "f\ng"), List.of("", "Đoàn viên")),
                CsvParser.parse("a,\"b,c\",\"d\"\"e\",\"f\ng\"\r\n,Đoàn viên\r\n"));
    }
}
