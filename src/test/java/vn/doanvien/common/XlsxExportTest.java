package vn.doanvien.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;
import vn.doanvien.organisation.Unit;
import vn.doanvien.organisation.UnitKind;

/**
 * XLSX beside CSV: by Accept or ?format=xlsx, Vietnamese headers, typed cells (dates as dates, numbers as numbers),
 * a frozen header row, an autofilter, text that looks like a formula kept as text; and counts that are integers in
 * every CSV.
 */
@QuarkusTest
class XlsxExportTest {

    @Inject
    TestData data;

    @Test
    void membersAsAWorkbook() throws IOException {
        Unit[] chain = data.chain();
        long union = data.grassrootsUnion(chain[2].id, data.enterprise(chain[2].id, 50).id,
                LocalDate.of(2023, 1, 1)).id;
        String formula = "=HYPERLINK(\"http://x.example\",\"Bấm\")";
        data.member(union, formula, LocalDate.of(2023, 5, 1));
        data.member(union, "Lê Thị Bình", LocalDate.of(2023, 5, 3));
        byte[] byAccept = given().accept(Exports.XLSX).queryParam("unitId", chain[0].id).queryParam("sort", "joinedOn")
                .get("/api/v1/members").then().statusCode(200).contentType(Exports.XLSX)
                .header("Content-Disposition", containsString("member.xlsx")).extract().asByteArray();
        byte[] byFormat = given().queryParam("format", "xlsx").queryParam("unitId", chain[0].id)
                .queryParam("sort", "joinedOn").get("/api/v1/members").then().statusCode(200)
                .contentType(Exports.XLSX).extract().asByteArray();
        for (byte[] file : List.of(byAccept, byFormat)) {
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
                XSSFSheet sheet = wb.getSheetAt(0);
                assertEquals("Đoàn viên", sheet.getSheetName());
                Map<String, Integer> columns = header(sheet.getRow(0));
                assertTrue(columns.containsKey("Họ và tên"), columns.toString());
                assertTrue(columns.containsKey("Ngày vào công đoàn"), columns.toString());
                assertEquals(2, sheet.getLastRowNum());
                Cell name = sheet.getRow(1).getCell(columns.get("Họ và tên"));
                assertEquals(CellType.STRING, name.getCellType(), "text is never a formula");
                assertEquals(formula, name.getStringCellValue());
                Cell joined = sheet.getRow(1).getCell(columns.get("Ngày vào công đoàn"));
                assertEquals(CellType.NUMERIC, joined.getCellType());
                assertTrue(DateUtil.isCellDateFormatted(joined));
                assertEquals(LocalDate.of(2023, 5, 1), joined.getLocalDateTimeCellValue().toLocalDate());
                Cell id = sheet.getRow(1).getCell(columns.get("Mã số"));
                assertEquals(CellType.NUMERIC, id.getCellType());
                assertNotNull(sheet.getPaneInformation(), "the header row stays in view");
                assertTrue(sheet.getPaneInformation().isFreezePane());
                assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition());
                assertNotNull(sheet.getCTWorksheet().getAutoFilter(), "an autofilter over the table");
                assertTrue(sheet.getColumnWidth(columns.get("Họ và tên")) > 256 * 10, "widths fit the text");
            }
        }
        given().queryParam("format", "pdf").get("/api/v1/members").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("format"));
        given().queryParam("format", "xlsx").get("/api/v1/enterprises/1").then().statusCode(406);
    }

    @Test
    void progressBreakdownAsAWorkbookAndCountsAsIntegersInCsv() throws IOException {
        Unit root = data.unit(UnitKind.CONFEDERATION, null, LocalDate.of(2020, 1, 1));
        Unit upper = data.unit(UnitKind.UPPER_LEVEL_UNION, root.id, LocalDate.of(2020, 1, 1));
        long g = data.grassrootsUnion(upper.id, null, LocalDate.of(2024, 1, 1)).id;
        for (int i = 0; i < 3; i++) {
            data.member(g, "Đoàn Viên " + i, LocalDate.of(2024, 2, 1 + i));
        }
        long target = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Chỉ tiêu", "scopeUnitId", root.id, "metric", "ACTIVE_MEMBERS", "targetValue", 12,
                        "baselineDate", "2024-01-31", "deadline", "2024-12-31"))
                .when().post("/api/v1/targets").then().statusCode(201).extract().jsonPath().getLong("id");
        String csv = given().accept("text/csv").queryParam("asOf", "2024-06-30")
                .get("/api/v1/targets/{id}/progress", target).then().statusCode(200).extract().asString();
        List<Map<String, String>> rows = CsvParser.rows(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertFalse(rows.isEmpty());
        for (Map<String, String> row : rows) {
            for (String column : List.of("currentValue", "baselineValue", "targetValue", "gap")) {
                String v = row.get(column);
                if (v != null && !v.isEmpty()) {
                    assertFalse(v.endsWith(".0"), column + " is a count: " + v);
                }
            }
        }
        assertEquals("3", rows.get(0).get("currentValue"));
        byte[] xlsx = given().queryParam("format", "xlsx").queryParam("asOf", "2024-06-30")
                .get("/api/v1/targets/{id}/progress", target).then().statusCode(200).contentType(Exports.XLSX)
                .extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            Map<String, Integer> columns = header(sheet.getRow(0));
            Cell actual = sheet.getRow(1).getCell(columns.get("Giá trị hiện tại"));
            assertEquals(CellType.NUMERIC, actual.getCellType());
            assertEquals(3.0, actual.getNumericCellValue());
        }
        byte[] stats = given().queryParam("format", "xlsx").queryParam("unitId", root.id)
                .queryParam("groupBy", "GENDER").get("/api/v1/stats/membership").then().statusCode(200)
                .contentType(Exports.XLSX).extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(stats))) {
            assertTrue(wb.getSheetAt(0).getLastRowNum() >= 1);
        }
    }

    private static Map<String, Integer> header(Row row) {
        Map<String, Integer> columns = new HashMap<>();
        for (Cell c : row) {
            columns.put(c.getStringCellValue(), c.getColumnIndex());
        }
        return columns;
    }
}
