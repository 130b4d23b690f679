package vn.doanvien.sync;

import vn.doanvien.security.Roles;
import vn.doanvien.security.Reach;
import vn.doanvien.security.Caller;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.member.Member;
import vn.doanvien.organisation.Unit;

@QuarkusTest
class ImportTest {

    private static final String IMPORTS = "/api/v1/imports";

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

    private static JsonPath awaitDone(long id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
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

        String rejected = given().get(IMPORTS + "/" + created.getLong("id") + "/rejected").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        String[] lines = rejected.replace("\uFEFF", "").split("\r\n");
        assertEquals("row,reason,data", lines[0]);
        assertEquals(3, lines.length);
        assertTrue(lines[1].startsWith("4,\"dateOfBirth: not a date"), lines[1]);
        assertTrue(lines[2].startsWith("6,\"nationalId: must be 12 digits"), lines[2]);
        assertEquals("", fixtures.figureDifferences(chain, union));
    }

    @Test
    void xlsxWithHeadersWithoutDiacriticsAndSpreadsheetDates() throws Exception {
        String a = "0" + TestData.nationalId().substring(1);
        byte[] xlsx = xlsx(List.of(
                List.of("Ho va ten", "Ngay sinh", "Gioi tinh", "So CCCD", "Ma CDCS", "Ngay vao cong doan"),
                List.of("Đặng Thu Hà", "#33000", "Nữ", "#" + a.substring(1), "#" + union.id, "2021-05-01"),
                List.of("Bùi Không Ngày", "", "Nam", "#" + TestData.nationalId(), "#" + union.id, "")));
        JsonPath created = given().contentType(ImportResource.XLSX).body(xlsx).post(IMPORTS)
                .then().statusCode(202).body("format", equalTo("XLSX")).body("rowsTotal", equalTo(2))
                .extract().jsonPath();
        JsonPath job = awaitDone(created.getLong("id"));
        assertEquals(1, job.getInt("created"));
        assertEquals(1, job.getInt("rejected"));
        List<Member> ha = fixtures.membersWithNationalId(a);
        assertEquals(1, ha.size());
        assertEquals(LocalDate.of(1990, 5, 7), ha.get(0).dateOfBirth);
        given().get(IMPORTS + "/" + created.getLong("id") + "/rejected").then().statusCode(200)
                .body(containsString("3,\"joinedOn:"));
    }

    @Test
    void badFilesAreProblemsAndCreateNoJob() {
        long before = QuarkusTransaction.requiringNew().call(() -> ImportJob.count());
        given().contentType("text/csv").body(new byte[0]).queryParam("grassrootsUnionId", union.id).post(IMPORTS)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("file"));
        given().contentType("text/csv").body("Tên;Tuổi\r\nA;3\r\n".getBytes(StandardCharsets.UTF_8))
                .queryParam("grassrootsUnionId", union.id).post(IMPORTS)
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("joinedOn"));
        given().contentType("text/csv").body("Họ và tên;Số CCCD;Ngày vào công đoàn\r\n".getBytes(StandardCharsets.UTF_8))
                .queryParam("grassrootsUnionId", union.id).post(IMPORTS)
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("no rows"));
        given().contentType("text/csv").body("Họ và tên;Số CCCD;Ngày vào công đoàn\r\nA;1;2020-01-01\r\n"
                        .getBytes(StandardCharsets.UTF_8)).post(IMPORTS)
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("grassrootsUnionId"));
        given().contentType("text/csv").body(new byte[] {(byte) 0xff, (byte) 0xfe, 'a'})
                .queryParam("grassrootsUnionId", union.id).post(IMPORTS)
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("UTF-8"));
        given().contentType(ImportResource.XLSX).body(new byte[] {'P', 'K', 1, 2}).queryParam("grassrootsUnionId", union.id)
                .post(IMPORTS).then().statusCode(400).contentType(PROBLEM);
        given().contentType("text/csv").body("a".getBytes(StandardCharsets.UTF_8))
                .queryParam("grassrootsUnionId", "abc").post(IMPORTS)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("grassrootsUnionId"));
        given().contentType("text/csv").body("a".getBytes(StandardCharsets.UTF_8))
                .queryParam("grassrootsUnionId", 987_654_321).post(IMPORTS)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("grassrootsUnionId"));
        given().get(IMPORTS + "/987654321").then().statusCode(404).contentType(PROBLEM);
        given().get(IMPORTS + "/987654321/rejected").then().statusCode(404).contentType(PROBLEM);
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> ImportJob.count()));
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
    void aRestartResumesAfterTheLastCommittedChunk() {
        StringBuilder csv = new StringBuilder("Họ và tên,Số CCCD,Ngày vào công đoàn\r\n");
        String[] ids = new String[5];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = TestData.nationalId();
            csv.append("Người Thứ ").append(i).append(',').append(ids[i]).append(",2021-01-0").append(i + 1).append("\r\n");
        }
        // Created but not started, then one chunk (2 rows) committed: the state a crash leaves behind.
        long id = imports.create(csv.toString().getBytes(StandardCharsets.UTF_8), "restart.csv", union.id, null,
                new Caller("admin", Roles.ADMIN, null, null, null), Reach.background("the test's upload")).id();
        assertTrue(QuarkusTransaction.requiringNew().call(() -> imports.processChunk(id)));
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
        assertEquals(5, done.getInt("rowsDone"));
        assertEquals(5, done.getInt("created"));
        assertEquals(0, done.getInt("rejected"));
        for (String nid : ids) {
            assertEquals(1, fixtures.membersWithNationalId(nid).size(), nid);
        }
        assertEquals("", fixtures.figureDifferences(chain, union));
    }

    /** A minimal XLSX workbook; cells starting with # are numbers, the others shared strings. */
    static byte[] xlsx(List<List<String>> rows) throws IOException {
        List<String> shared = new java.util.ArrayList<>();
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (int r = 0; r < rows.size(); r++) {
            sheet.append("<row r=\"").append(r + 1).append("\">");
            for (int c = 0; c < rows.get(r).size(); c++) {
                String v = rows.get(r).get(c);
                if (v.isEmpty()) {
                    continue;
                }
                String ref = (char) ('A' + c) + String.valueOf(r + 1);
                if (v.startsWith("#")) {
                    sheet.append("<c r=\"").append(ref).append("\"><v>").append(v.substring(1)).append("</v></c>");
                } else {
                    shared.add(v);
                    sheet.append("<c r=\"").append(ref).append("\" t=\"s\"><v>").append(shared.size() - 1)
                            .append("</v></c>");
                }
            }
            sheet.append("</row>");
        }
        sheet.append("</sheetData></worksheet>");
        StringBuilder strings = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        shared.forEach(s -> strings.append("<si><t>").append(s).append("</t></si>"));
        strings.append("</sst>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                    + "package/2006/content-types\"/>");
            put(zip, "xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/"
                    + "spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                    + "relationships\"><sheets><sheet name=\"DS\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            put(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
                    + "openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://"
                    + "schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                    + "Target=\"worksheets/sheet1.xml\"/></Relationships>");
            put(zip, "xl/worksheets/sheet1.xml", sheet.toString());
            put(zip, "xl/sharedStrings.xml", strings.toString());
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
