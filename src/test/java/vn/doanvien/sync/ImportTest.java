package vn.doanvien.sync;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.doanvien.sync.SyncApi.PROBLEM;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;
import vn.doanvien.common.CsvParser;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.member.Member;
import vn.doanvien.organisation.Unit;
import vn.doanvien.security.Caller;
import vn.doanvien.security.Reach;
import vn.doanvien.security.Roles;

@QuarkusTest
class ImportTest {

    static final String IMPORTS = "/api/v1/imports";

    @Inject
    TestData data;

    @Inject
    SyncFixtures fixtures;

    @Inject
    ImportService imports;

    @Inject
    ImportRunner runner;

    private Unit[] chain;
    private GrassrootsUnion union;

    @BeforeEach
    void setUp() {
        chain = data.chain();
        union = data.grassrootsUnion(chain[2].id, null, LocalDate.of(2020, 1, 1));
    }

    static JsonPath awaitDone(long id) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            JsonPath job = given().get(IMPORTS + "/" + id).then().statusCode(200).extract().jsonPath();
            if (!"RUNNING".equals(job.getString("status"))) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    @Test
    void csvWithBomSemicolonsAndVietnameseHeaders() throws Exception {
        String a = TestData.nationalId();
        String b = TestData.nationalId();
        String c = TestData.nationalId();
        String csv = "\uFEFFSTT;Họ và tên;Ngày sinh;Giới tính;Số CCCD;Số điện thoại;Ngày vào công đoàn\r\n"
                + "1;Nguyễn Thị Lan;12/04/1990;Nữ;" + a + ";0903 111 222;01/03/2021\r\n"
                + "2;\"Trần Văn Bình; con\";1985-01-30;Nam;" + b + ";;2022-07-15\r\n"
                + "3;Lê Văn Sai Ngày;31/02/1990;Nam;" + TestData.nationalId() + ";;2022-07-15\r\n"
                + "\r\n"
                + "4;Phạm Thị Thiếu Số;1990-01-01;Nữ;12345;;2022-07-15\r\n"
                + "5;Hoàng Văn Cuối;1991-02-02;Khác;" + c + ";;2023-01-01\r\n";
        JsonPath created = given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .queryParam("grassrootsUnionId", union.id).queryParam("fileName", "ds.csv")
                .post(IMPORTS).then().statusCode(202).header("Location", containsString(IMPORTS + "/"))
                .body("status", equalTo("RUNNING")).body("rowsTotal", equalTo(5)).body("format", equalTo("CSV"))
                .body("dryRun", equalTo(false)).body("headerRow", equalTo(1))
                .extract().jsonPath();
        JsonPath job = awaitDone(created.getLong("id"));
        assertEquals("DONE", job.getString("status"));
        assertEquals(5, job.getInt("rowsDone"));
        assertEquals(3, job.getInt("created"));
        assertEquals(2, job.getInt("rejected"));

        List<Member> lan = fixtures.membersWithNationalId(a);
        assertEquals(1, lan.size());
        assertEquals("Nguyễn Thị Lan", lan.get(0).fullName);
        assertEquals(LocalDate.of(1990, 4, 12), lan.get(0).dateOfBirth);
        assertEquals(LocalDate.of(2021, 3, 1), lan.get(0).joinedOn);
        assertEquals("Trần Văn Bình; con", fixtures.membersWithNationalId(b).get(0).fullName);
        assertEquals(1, fixtures.membersWithNationalId(c).size());

        byte[] rejected = given().get(IMPORTS + "/" + created.getLong("id") + "/rejected").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asByteArray();
        List<List<String>> lines = CsvParser.parse(new String(rejected, StandardCharsets.UTF_8).replace("\uFEFF", ""));
        assertEquals(List.of("Dòng trong tệp gốc", "STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD",
                "Số điện thoại", "Ngày vào công đoàn", "Lý do từ chối"), lines.get(0));
        assertEquals(3, lines.size());
        assertEquals(List.of("4", "3", "Lê Văn Sai Ngày", "31/02/1990"), lines.get(1).subList(0, 4));
        assertTrue(lines.get(1).get(8).startsWith("dateOfBirth: not a date"), lines.get(1).get(8));
        assertEquals("6", lines.get(2).get(0));
        assertTrue(lines.get(2).get(8).contains("nationalId: must be 12 digits"), lines.get(2).get(8));
        assertEquals("", fixtures.figureDifferences(chain, union));
    }

    @Test
    void multipartUploadAsCurlAndBrowsersSendIt() throws Exception {
        String a = TestData.nationalId();
        byte[] xlsx = workbook(List.of(
                List.of("Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Ngày vào công đoàn"),
                List.of("Đặng Thu Hà", LocalDate.of(1990, 5, 7), "Nữ", a, LocalDate.of(2021, 5, 1))));
        JsonPath created = given().multiPart("file", "danh-sach.xlsx", xlsx, ImportResource.XLSX)
                .multiPart("grassrootsUnionId", String.valueOf(union.id))
                .post(IMPORTS).then().statusCode(202).body("format", equalTo("XLSX")).body("rowsTotal", equalTo(1))
                .body("fileName", equalTo("danh-sach.xlsx")).extract().jsonPath();
        JsonPath job = awaitDone(created.getLong("id"));
        assertEquals(1, job.getInt("created"));
        List<Member> ha = fixtures.membersWithNationalId(a);
        assertEquals(LocalDate.of(1990, 5, 7), ha.get(0).dateOfBirth);
        assertEquals(LocalDate.of(2021, 5, 1), ha.get(0).joinedOn);

        // the union as a query parameter and a different one in the form: refused, nothing created
        given().multiPart("file", "x.xlsx", xlsx, ImportResource.XLSX).multiPart("grassrootsUnionId", "1")
                .queryParam("grassrootsUnionId", union.id).post(IMPORTS)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("grassrootsUnionId"));
        given().multiPart("other", "x.xlsx", xlsx, ImportResource.XLSX).post(IMPORTS)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("file"));
    }

    @Test
    void theUnionIsNamedByItsCodeAsOnItsPapers() throws Exception {
        String a = TestData.nationalId();
        String b = TestData.nationalId();
        GrassrootsUnion other = data.grassrootsUnion(chain[2].id, null, LocalDate.of(2020, 1, 1));
        byte[] xlsx = workbook(List.of(
                List.of("Họ và tên", "Số CCCD", "Mã CĐCS", "Ngày vào công đoàn"),
                List.of("Mã Theo Giấy", a, union.code.toLowerCase(), LocalDate.of(2021, 5, 1)),
                List.of("Mã Số Nội Bộ", b, (double) other.id, LocalDate.of(2021, 5, 2)),
                List.of("Mã Không Có", TestData.nationalId(), "CDCS-KHONG-CO-THAT", LocalDate.of(2021, 5, 3))));
        long id = given().contentType(ImportResource.XLSX).body(xlsx).post(IMPORTS).then().statusCode(202)
                .extract().jsonPath().getLong("id");
        JsonPath job = awaitDone(id);
        assertEquals(2, job.getInt("created"));
        assertEquals(1, job.getInt("rejected"));
        assertEquals(union.id, fixtures.membersWithNationalId(a).get(0).grassrootsUnionId);
        assertEquals(other.id, fixtures.membersWithNationalId(b).get(0).grassrootsUnionId);
        given().get(IMPORTS + "/" + id + "/rejected").then().statusCode(200)
                .body(containsString("no grassroots union with code CDCS-KHONG-CO-THAT"));
        // the parameter takes a code too
        long byCode = given().contentType("text/csv").body(("Họ và tên,Số CCCD,Ngày vào công đoàn\r\nTheo Mã," + TestData.nationalId()
                        + ",2021-01-01\r\n").getBytes(StandardCharsets.UTF_8))
                .queryParam("grassrootsUnionId", union.code).queryParam("upperLevelUnitId", chain[2].code)
                .post(IMPORTS).then().statusCode(202).body("grassrootsUnionId", equalTo(union.id.intValue()))
                .body("upperLevelUnitId", equalTo(chain[2].id.intValue())).extract().jsonPath().getLong("id");
        // the job runs after the answer: the figures are compared once it is done, not while it writes
        assertEquals(1, awaitDone(byCode).getInt("created"));
        given().contentType("text/csv").body("a".getBytes(StandardCharsets.UTF_8))
                .queryParam("grassrootsUnionId", "CDCS-KHONG-CO-THAT").post(IMPORTS)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("grassrootsUnionId"));
        assertEquals("", fixtures.figureDifferences(chain, union, other));
    }

    @Test
    void aDryRunReportsExactlyWhatTheImportThenDoesAndWritesNothing() throws Exception {
        String a = TestData.nationalId();
        String b = TestData.nationalId();
        List<List<Object>> rows = new ArrayList<>(List.of(
                List.<Object>of("Họ và tên", "Ngày sinh", "Số CCCD", "Ngày vào công đoàn"),
                List.<Object>of("Mới Văn A", "1990-01-01", a, "2021-01-01"),
                List.<Object>of("Sai Ngày", "31/02/1990", TestData.nationalId(), "2021-01-01"),
                List.<Object>of("Mới Thị B", "1991-01-01", b, "2021-02-01"),
                List.<Object>of("Nhắc Lại A", "1990-01-01", a, "2021-01-01"),
                List.<Object>of("Còn Nhỏ", "2012-01-01", TestData.nationalId(), "2021-01-01")));
        byte[] file = workbook(rows);
        long before = fixtures.memberCount();
        JsonPath dry = awaitDone(given().contentType(ImportResource.XLSX).body(file)
                .queryParam("grassrootsUnionId", union.id).queryParam("dryRun", "true")
                .post(IMPORTS).then().statusCode(202).body("dryRun", equalTo(true)).extract().jsonPath().getLong("id"));
        assertEquals("DONE", dry.getString("status"));
        assertEquals(before, fixtures.memberCount(), "a dry run writes no member");
        assertTrue(fixtures.membersWithNationalId(a).isEmpty());
        byte[] dryRejected = given().get(IMPORTS + "/" + dry.getLong("id") + "/rejected").then().statusCode(200)
                .extract().asByteArray();

        JsonPath real = awaitDone(given().contentType(ImportResource.XLSX).body(file)
                .queryParam("grassrootsUnionId", union.id).post(IMPORTS).then().statusCode(202)
                .extract().jsonPath().getLong("id"));
        for (String count : List.of("rowsTotal", "rowsDone", "created", "updated", "unchanged", "rejected")) {
            assertEquals(real.getInt(count), dry.getInt(count), count);
        }
        assertEquals(2, real.getInt("created"));
        assertEquals(3, real.getInt("rejected"));
        byte[] realRejected = given().get(IMPORTS + "/" + real.getLong("id") + "/rejected").then().statusCode(200)
                .extract().asByteArray();
        assertEquals(new String(realRejected, StandardCharsets.UTF_8), new String(dryRejected, StandardCharsets.UTF_8));
        assertTrue(new String(realRejected, StandardCharsets.UTF_8).contains("Row 2 of this file already names"));
        assertEquals(before + 2, fixtures.memberCount());
        assertEquals("", fixtures.figureDifferences(chain, union));
    }

    @Test
    void rejectedRowsComeBackAsAWorkbookThatImportsOnceFixed() throws Exception {
        String a = TestData.nationalId();
        byte[] file = workbook(List.of(
                List.of("DANH SÁCH"),
                List.of("STT", "Họ và tên", "Ngày sinh", "Số CCCD", "Ngày vào công đoàn", "Ghi chú"),
                List.of(1.0, "Sửa Ngày Sinh", "30/02/1991", a, LocalDate.of(2022, 3, 3), "=cộng(1)")));
        long id = given().contentType(ImportResource.XLSX).body(file).queryParam("grassrootsUnionId", union.id)
                .post(IMPORTS).then().statusCode(202).body("headerRow", equalTo(2)).extract().jsonPath().getLong("id");
        assertEquals(1, awaitDone(id).getInt("rejected"));
        byte[] rejected = given().queryParam("format", "xlsx").get(IMPORTS + "/" + id + "/rejected").then()
                .statusCode(200).contentType(ImportResource.XLSX)
                .header("Content-Disposition", containsString(".xlsx")).extract().asByteArray();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(rejected))) {
            Sheet s = wb.getSheetAt(0);
            assertEquals("Dòng trong tệp gốc", s.getRow(0).getCell(0).getStringCellValue());
            assertEquals("Lý do từ chối", s.getRow(0).getCell(7).getStringCellValue());
            assertEquals(3, (int) s.getRow(1).getCell(0).getNumericCellValue());
            assertEquals("=cộng(1)", s.getRow(1).getCell(6).getStringCellValue(), "text stays text, never a formula");
            assertTrue(s.getRow(1).getCell(7).getStringCellValue().startsWith("dateOfBirth: not a date"));
            // the officer fixes the date and uploads the same file again
            s.getRow(1).removeCell(s.getRow(1).getCell(3));
            s.getRow(1).createCell(3).setCellValue("28/02/1991");
            ByteArrayOutputStream fixed = new ByteArrayOutputStream();
            wb.write(fixed);
            long again = given().contentType(ImportResource.XLSX).body(fixed.toByteArray())
                    .queryParam("grassrootsUnionId", union.id).post(IMPORTS).then().statusCode(202)
                    .extract().jsonPath().getLong("id");
            JsonPath job = awaitDone(again);
            assertEquals(1, job.getInt("created"), () -> given().get(IMPORTS + "/" + again + "/rejected").asString());
            assertEquals(0, job.getInt("rejected"));
        }
        assertEquals(LocalDate.of(1991, 2, 28), fixtures.membersWithNationalId(a).get(0).dateOfBirth);
    }

    @Test
    void theTemplateImportsOnceFilledIn() throws Exception {
        byte[] template = given().get(IMPORTS + "/template").then().statusCode(200)
                .contentType(ImportResource.XLSX).extract().asByteArray();
        String a = TestData.nationalId();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertEquals("Danh sách đoàn viên", wb.getSheetName(0));
            assertEquals("Hướng dẫn", wb.getSheetName(1));
            Sheet list = wb.getSheetAt(0);
            assertEquals("Họ và tên *", list.getRow(0).getCell(1).getStringCellValue());
            assertTrue(list.getDataValidations().stream().anyMatch(v -> v.getValidationConstraint()
                    .getExplicitListValues() != null && List.of(v.getValidationConstraint().getExplicitListValues())
                    .contains("Nữ")), "a list for Giới tính");
            assertTrue(list.getDataValidations().size() >= 3, "dates and the CCCD are checked too");
            assertTrue(wb.getSheetAt(1).getLastRowNum() >= ImportTemplate.COLUMNS.size());
            Row r = list.createRow(1);
            r.createCell(0).setCellValue(1);
            r.createCell(1).setCellValue("Điền Từ Mẫu");
            r.createCell(2).setCellValue(LocalDate.of(1993, 3, 3));
            r.getCell(2).setCellStyle(list.getColumnStyle(2));
            r.createCell(3).setCellValue("Nam");
            r.createCell(5).setCellValue(a);
            r.createCell(9).setCellValue(union.code);
            r.createCell(10).setCellValue(LocalDate.of(2022, 2, 2));
            r.getCell(10).setCellStyle(list.getColumnStyle(10));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            long id = given().contentType(ImportResource.XLSX).body(out.toByteArray()).post(IMPORTS).then()
                    .statusCode(202).extract().jsonPath().getLong("id");
            JsonPath job = awaitDone(id);
            assertEquals(1, job.getInt("created"), job.prettify());
        }
        Member m = fixtures.membersWithNationalId(a).get(0);
        assertEquals(LocalDate.of(1993, 3, 3), m.dateOfBirth);
        assertEquals(LocalDate.of(2022, 2, 2), m.joinedOn);
        assertEquals(union.id, m.grassrootsUnionId);
    }

    @Test
    void badFilesAreProblemsAndCreateNoJob() {
        long before = QuarkusTransaction.requiringNew().call(() -> ImportJob.count());
        given().contentType("text/csv").body(new byte[0]).queryParam("grassrootsUnionId", union.id).post(IMPORTS)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("file"));
        given().contentType("text/csv").body("Tên;Tuổi\r\nA;3\r\n".getBytes(StandardCharsets.UTF_8))
                .queryParam("grassrootsUnionId", union.id).post(IMPORTS)
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("no header row"));
        given().contentType("text/csv").body("Họ và tên;Số CCCD\r\nA;1\r\n".getBytes(StandardCharsets.UTF_8))
                .queryParam("grassrootsUnionId", union.id).post(IMPORTS)
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("joinedOn"));
        given().contentType("text/csv").body("Họ và tên;Số CCCD;Ngày vào công đoàn\r\n".getBytes(StandardCharsets.UTF_8))
                .queryParam("grassrootsUnionId", union.id).post(IMPORTS)
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("no rows"));
        given().contentType("text/csv").body("Họ và tên;Số CCCD;Ngày vào công đoàn\r\nA;1;2020-01-01\r\n"
                        .getBytes(StandardCharsets.UTF_8)).post(IMPORTS)
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("grassrootsUnionId"));
        given().contentType("text/csv").body(new byte[] {'a', ',', (byte) 0xC3, (byte) 0x28, '\r', '\n'})
                .queryParam("grassrootsUnionId", union.id).post(IMPORTS)
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("UTF-8"));
        given().contentType(ImportResource.XLSX).body(new byte[] {'P', 'K', 3, 4, 9, 9, 9, 9, 9})
                .queryParam("grassrootsUnionId", union.id)
                .post(IMPORTS).then().statusCode(400).contentType(PROBLEM).body("detail", containsString("XLSX"));
        given().contentType("text/csv").body("a".getBytes(StandardCharsets.UTF_8))
                .queryParam("grassrootsUnionId", "abc").post(IMPORTS)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("grassrootsUnionId"));
        given().contentType("text/csv").body("a".getBytes(StandardCharsets.UTF_8))
                .queryParam("grassrootsUnionId", 987_654_321).post(IMPORTS)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("grassrootsUnionId"));
        given().contentType("text/csv").body("a".getBytes(StandardCharsets.UTF_8))
                .queryParam("grassrootsUnionId", union.id).queryParam("dryRun", "maybe").post(IMPORTS)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("dryRun"));
        given().get(IMPORTS + "/987654321").then().statusCode(404).contentType(PROBLEM);
        given().get(IMPORTS + "/987654321/rejected").then().statusCode(404).contentType(PROBLEM);
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> ImportJob.count()));
    }

    @Test
    void filesAreLargerThanJsonBodiesMayBe() throws Exception {
        // 3 MB: refused before #20 (the request limit was 2 MB); a large FDI enterprise's list is that big
        String notes = "x".repeat(1024 * 1024);
        StringBuilder csv = new StringBuilder("Họ và tên,Số CCCD,Ngày vào công đoàn,Ghi chú\r\n");
        for (int i = 0; i < 3; i++) {
            csv.append("Người Lớn ").append(i).append(',').append(TestData.nationalId()).append(",2021-01-0")
                    .append(i + 1).append(',').append(notes).append("\r\n");
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(body.length > 3_000_000);
        long id = given().contentType("text/csv").body(body).queryParam("grassrootsUnionId", union.id).post(IMPORTS)
                .then().statusCode(202).body("fileSize", equalTo(body.length)).extract().jsonPath().getLong("id");
        assertEquals(3, awaitDone(id).getInt("created"));
        // JSON keeps its small limit
        given().contentType("application/json").body("{\"fullName\":\"" + "y".repeat(3 * 1024 * 1024) + "\"}")
                .post("/api/v1/members").then().statusCode(413).contentType(PROBLEM);
    }

    @Test
    void aRetryWithTheSameKeyStartsNoSecondJob() throws Exception {
        byte[] csv = ("Họ và tên,Số CCCD,Ngày vào công đoàn\r\nNgô Văn Lặp," + TestData.nationalId()
                + ",2021-01-01\r\n").getBytes(StandardCharsets.UTF_8);
        String key = TestData.unique("import");
        long first = given().contentType("text/csv").header("Idempotency-Key", key).body(csv)
                .queryParam("grassrootsUnionId", union.id).post(IMPORTS).then().statusCode(202)
                .extract().jsonPath().getLong("id");
        long second = given().contentType("text/csv").header("Idempotency-Key", key).body(csv)
                .queryParam("grassrootsUnionId", union.id).post(IMPORTS).then().statusCode(202)
                .header("Idempotent-Replayed", "true").extract().jsonPath().getLong("id");
        assertEquals(first, second);
        assertEquals(1, awaitDone(first).getInt("created"));
    }

    @Test
    void aRestartResumesAfterTheLastCommittedChunk() throws IOException {
        StringBuilder csv = new StringBuilder("Họ và tên,Số CCCD,Ngày vào công đoàn\r\n");
        String[] ids = new String[5];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = TestData.nationalId();
            csv.append("Người Thứ ").append(i).append(',').append(ids[i]).append(",2021-01-0").append(i + 1).append("\r\n");
        }
        // the fourth row repeats the first: after the restart it must still be refused as a repeat
        csv.append("Người Thứ 0 Lần Hai,").append(ids[0]).append(",2021-01-01\r\n");
        Path file = Files.createTempFile("restart", ".csv");
        Files.writeString(file, csv);
        // Created but not started, then one chunk (2 rows) committed: the state a crash leaves behind.
        long id = QuarkusTransaction.requiringNew().call(() -> imports.create(
                new ImportService.Upload(file, Files.size(file), "restart.csv", null, false), union.id, null,
                new Caller("admin", Roles.ADMIN, null, null, null), Reach.background("the test's upload")).id());
        Files.delete(file);
        runner.run(id, 1);
        JsonPath half = given().get(IMPORTS + "/" + id).then().extract().jsonPath();
        assertEquals("RUNNING", half.getString("status"));
        assertEquals(2, half.getInt("rowsDone"));
        assertEquals(2, half.getInt("created"));

        // The restart: the job is found RUNNING and resumed.
        List<Long> running = QuarkusTransaction.requiringNew().call(imports::runningJobIds);
        assertTrue(running.contains(id));
        runner.run(id);

        JsonPath done = given().get(IMPORTS + "/" + id).then().extract().jsonPath();
        assertEquals("DONE", done.getString("status"));
        assertEquals(6, done.getInt("rowsDone"));
        assertEquals(5, done.getInt("created"));
        assertEquals(1, done.getInt("rejected"));
        for (String nid : ids) {
            assertEquals(1, fixtures.membersWithNationalId(nid).size(), nid);
        }
        given().get(IMPORTS + "/" + id + "/rejected").then().body(containsString("Row 2 of this file already names"));
        assertEquals("", fixtures.figureDifferences(chain, union));
    }

    /** An XLSX workbook written by POI: strings, numbers, LocalDates as date cells. */
    static byte[] workbook(List<? extends List<?>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Sheet1");
            var date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    var cell = row.createCell(c);
                    if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v != null) {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

}
