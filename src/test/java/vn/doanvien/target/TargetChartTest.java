package vn.doanvien.target;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.doanvien.TestData;
import vn.doanvien.common.CsvParser;
import vn.doanvien.common.SvgXml;
import vn.doanvien.organisation.Unit;
import vn.doanvien.organisation.UnitKind;

/** The target chart is well-formed SVG with the title, axes, both lines and the deadline; CSV of progress and series. */
@QuarkusTest
class TargetChartTest {

    @Inject
    TestData data;

    @Test
    void chartShowsActualAgainstRequiredWithTheDeadline() {
        Unit root = data.unit(UnitKind.CONFEDERATION, null, LocalDate.of(2020, 1, 1));
        Unit upper = data.unit(UnitKind.UPPER_LEVEL_UNION, root.id, LocalDate.of(2020, 1, 1));
        long g = given().contentType(ContentType.JSON)
                .body(Map.of("code", TestData.unique("G"), "name", "Công đoàn cơ sở A", "upperLevelUnitId", upper.id,
                        "foundedOn", "2024-01-01"))
                .when().post("/api/v1/grassroots-unions").then().statusCode(201).extract().jsonPath().getLong("id");
        for (String day : new String[] {"2024-02-10", "2024-03-05", "2024-03-20"}) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("fullName", "Nguyễn Thị Hoa", "nationalId", TestData.nationalId(),
                            "grassrootsUnionId", g, "joinedOn", day))
                    .when().post("/api/v1/members").then().statusCode(201);
        }
        String name = "Chỉ tiêu <Quý 1> & \"đoàn viên\"";
        long target = given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "scopeUnitId", root.id, "metric", "ACTIVE_MEMBERS", "targetValue", 12,
                        "baselineDate", "2024-01-31", "deadline", "2024-12-31"))
                .when().post("/api/v1/targets").then().statusCode(201).extract().jsonPath().getLong("id");

        byte[] svg = given().when().get("/api/v1/targets/{id}/chart.svg", target)
                .then().statusCode(200).contentType(startsWith("image/svg+xml")).extract().asByteArray();
        Document doc = SvgXml.parse(svg);
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals(name, SvgXml.elements(doc, "title").get(0).getTextContent());
        assertEquals(List.of(name), SvgXml.texts(doc, "chart-title"));
        assertEquals(List.of("Month"), SvgXml.texts(doc, "x-title"));
        assertEquals(List.of("Active members"), SvgXml.texts(doc, "y-title"));
        assertEquals(List.of("Deadline 2024-12-31"), SvgXml.texts(doc, "marker-label"));
        List<String> months = SvgXml.texts(doc, "x-tick");
        assertEquals("2024-01", months.get(0));
        assertEquals("2024-12", months.get(months.size() - 1));
        assertEquals(List.of("Actual", "Required trajectory"), SvgXml.texts(doc, "legend-label"));
        List<Element> lines = SvgXml.elements(doc, "polyline");
        assertEquals(2, lines.size());
        // Every month from January to December has an actual value (all in the past) and a required one.
        assertEquals(12, lines.get(0).getAttribute("points").split(" ").length);
        assertEquals(12, lines.get(1).getAttribute("points").split(" ").length);
        assertTrue(SvgXml.elements(doc, "line").stream().anyMatch(l -> "marker".equals(l.getAttribute("class"))));
        assertEquals(List.of("0", "5", "10", "15"), SvgXml.texts(doc, "y-tick"));

        given().when().get("/api/v1/targets/{id}/chart.svg", 999_999_999L).then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("from", "2024-13").when().get("/api/v1/targets/{id}/chart.svg", target).then()
                .statusCode(400).body("errors[0].field", equalTo("from"));

        // CSV of the series and of the progress breakdown match their JSON.
        var series = given().when().get("/api/v1/targets/{id}/series", target).then().statusCode(200)
                .extract().jsonPath();
        byte[] csv = given().accept("text/csv").when().get("/api/v1/targets/{id}/series", target).then()
                .statusCode(200).extract().asByteArray();
        CsvParser.assertRowsMatch(series.getList("points"), CsvParser.rows(csv));
        var progress = given().queryParam("asOf", "2024-06-30").when().get("/api/v1/targets/{id}/progress", target)
                .then().statusCode(200).extract().jsonPath();
        csv = given().accept("text/csv").queryParam("asOf", "2024-06-30")
                .when().get("/api/v1/targets/{id}/progress", target).then().statusCode(200).extract().asByteArray();
        CsvParser.assertRowsMatch(progress.getList("breakdown"), CsvParser.rows(csv));
        assertEquals(1, progress.getList("breakdown").size());
    }
}
