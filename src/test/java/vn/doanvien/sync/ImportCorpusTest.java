package vn.doanvien.sync;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vn.doanvien.TestData;
import vn.doanvien.common.CsvParser;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.member.Member;
import vn.doanvien.organisation.Unit;

/**
 * Every file of the import corpus ({@code src/test/resources/imports}, written by {@link ImportCorpus} with POI and
 * Commons CSV as spreadsheet programs write them) gives the outcome {@code corpus.tsv} says; then what some of them
 * stored is checked cell by cell.
 */
@QuarkusTest
class ImportCorpusTest {

    @Inject
    TestData data;

    @Inject
    SyncFixtures fixtures;

    private static Unit[] chain;
    private static GrassrootsUnion[] unions;

    @BeforeEach
    void unionsNamedByTheCorpus() {
        if (fixtures.unionIdByCode(ImportCorpus.UNION_A) != null) {
            return;
        }
        chain = data.chain();
        unions = new GrassrootsUnion[2];
        String[] codes = {ImportCorpus.UNION_A, ImportCorpus.UNION_B};
        for (int i = 0; i < 2; i++) {
            unions[i] = data.grassrootsUnion(chain[2].id, null, LocalDate.of(2015, 1, 1));
            fixtures.setUnionCode(unions[i].id, codes[i]);
        }
    }

    @TestFactory
    Stream<DynamicTest> eachFileGivesItsOutcome() throws IOException {
        List<ImportCorpus.Expectation> expectations = new ArrayList<>();
        for (String line : read("corpus.tsv").lines().toList()) {
            if (!line.startsWith("#") && !line.isBlank()) {
                expectations.add(ImportCorpus.Expectation.parse(line));
            }
        }
        assertTrue(expectations.size() >= 15, "the corpus is there");
        return expectations.stream().map(e -> DynamicTest.dynamicTest(e.file() + " " + e.query(), () -> check(e)));
    }

    private void check(ImportCorpus.Expectation e) throws Exception {
        long jobsBefore = QuarkusTransaction.requiringNew().call(() -> ImportJob.count());
        var request = given().contentType(e.contentType()).body(bytes(e.file())).queryParam("fileName", e.file());
        for (String pair : e.query().isEmpty() ? new String[0] : e.query().split("&")) {
            String[] kv = pair.split("=", 2);
            request.queryParam(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        Response response = request.post(ImportTest.IMPORTS);
        assertEquals(e.status(), response.statusCode(), e.file() + ": " + response.asString());
        if (e.status() != 202) {
            assertEquals(SyncApi.PROBLEM, response.contentType().split(";")[0]);
            String detail = response.jsonPath().getString("detail");
            assertTrue(detail.contains(e.detail()), e.file() + ": " + detail);
            assertEquals(jobsBefore, QuarkusTransaction.requiringNew().call(() -> ImportJob.count()),
                    "a refused file creates no job");
            return;
        }
        assertEquals(e.headerRow(), response.jsonPath().getInt("headerRow"), e.file());
        assertEquals(e.sheet().isEmpty() ? null : e.sheet(), response.jsonPath().getString("sheet"), e.file());
        JsonPath job = ImportTest.awaitDone(response.jsonPath().getLong("id"));
        assertEquals("DONE", job.getString("status"), e.file());
        assertEquals(e.created(), job.getInt("created"), e.file() + ": " + job.prettify());
        assertEquals(e.rejected(), job.getInt("rejected"), e.file());
    }

    @Test
    void whatTheFilesHoldIsWhatIsStored() throws Exception {
        // run after (or without) the factory: each file is imported here if it was not yet
        importOnce("danh-sach-cdcs.xlsx", ImportCorpus.UNION_A);
        Member lan = member("001190001001");
        assertEquals("Nguyễn Thị Lan", lan.fullName);
        assertEquals(LocalDate.of(1990, 4, 12), lan.dateOfBirth);
        assertEquals(LocalDate.of(2021, 3, 1), lan.joinedOn);
        assertEquals("0903 111 222", lan.phone);
        // typed as a number in Excel: the two zeros it lost are back
        assertEquals(LocalDate.of(1999, 12, 31), member("001190001003").dateOfBirth);

        importOnce("cccd-dang-so.xlsx", ImportCorpus.UNION_A);
        assertEquals("Số Mười Chữ", member("001190006001").fullName);
        assertEquals("Số Mười Một", member(ImportCorpus.ELEVEN_DIGITS).fullName);
        assertEquals("Có Định Dạng", member("001190006003").fullName);

        importOnce("cong-thuc.xlsx", ImportCorpus.UNION_A);
        assertEquals("Trần Văn Công", member("001190003001").fullName);
        assertEquals(LocalDate.of(2022, 5, 1), member("001190003001").joinedOn);
        assertEquals("Lý Thị Thức", member("001190003002").fullName);
        assertEquals(LocalDate.of(2022, 6, 1), member("001190003002").joinedOn);

        importOnce("ngay-dang-chu.xlsx", ImportCorpus.UNION_A);
        for (int i = 1; i <= 3; i++) {
            Member m = member(String.format("0011900050%02d", i));
            assertEquals(LocalDate.of(1990, 3, 5), m.dateOfBirth, m.fullName);
            assertEquals(LocalDate.of(2021, 2, 1), m.joinedOn, m.fullName);
        }

        importOnce("ghi-chu-truoc.xlsx", null);
        assertEquals(fixtures.unionIdByCode(ImportCorpus.UNION_A), member("001190002001").grassrootsUnionId);
        assertEquals(fixtures.unionIdByCode(ImportCorpus.UNION_B), member("001190002002").grassrootsUnionId);

        long failed = importOnce("dong-loi.xlsx", null);
        if (failed > 0) {
            List<List<String>> rows = CsvParser.parse(given().get(ImportTest.IMPORTS + "/" + failed + "/rejected")
                    .then().statusCode(200).extract().asString().replace("\uFEFF", ""));
            List<String> reasons = rows.subList(1, rows.size()).stream().map(r -> r.get(0) + " " + r.get(r.size() - 1))
                    .toList();
            assertEquals(6, reasons.size(), reasons.toString());
            assertTrue(reasons.get(0).startsWith("4 dateOfBirth: not a date"), reasons.toString());
            assertTrue(reasons.get(1).startsWith("5 ") && reasons.get(1).contains("12 digits"), reasons.toString());
            assertTrue(reasons.get(2).startsWith("7 Row 3 of this file already names"), reasons.toString());
            assertTrue(reasons.get(3).startsWith("8 ") && reasons.get(3).contains("CDCS-KHONG-CO"), reasons.toString());
            assertTrue(reasons.get(4).startsWith("9 gender"), reasons.toString());
            assertTrue(reasons.get(5).startsWith("10 dateOfBirth"), reasons.toString());
        }
        if (chain != null) {
            assertEquals("", fixtures.figureDifferences(chain, unions));
        }
    }

    /** Imports a corpus file unless the factory already did; the job's id when imported here, else 0. */
    private long importOnce(String file, String union) throws Exception {
        ImportCorpus.Expectation e = null;
        for (String line : read("corpus.tsv").lines().toList()) {
            if (line.startsWith(file + "\t")) {
                e = ImportCorpus.Expectation.parse(line);
                break;
            }
        }
        String firstCccd = Map.of("danh-sach-cdcs.xlsx", "001190001001", "cccd-dang-so.xlsx", "001190006001",
                "cong-thuc.xlsx", "001190003001", "ngay-dang-chu.xlsx", "001190005001",
                "ghi-chu-truoc.xlsx", "001190002001", "dong-loi.xlsx", "001190013001").get(file);
        if (!fixtures.membersWithNationalId(firstCccd).isEmpty()) {
            return 0;
        }
        var request = given().contentType(e.contentType()).body(bytes(file));
        if (union != null) {
            request.queryParam("grassrootsUnionId", union);
        }
        long id = request.post(ImportTest.IMPORTS).then().statusCode(202).extract().jsonPath().getLong("id");
        ImportTest.awaitDone(id);
        return id;
    }

    private Member member(String nationalId) {
        List<Member> found = fixtures.membersWithNationalId(nationalId);
        assertEquals(1, found.size(), nationalId);
        return found.get(0);
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = ImportCorpusTest.class.getResourceAsStream("/imports/" + name)) {
            if (in == null) {
                throw new IOException("no corpus file " + name);
            }
            return in.readAllBytes();
        }
    }

    private static String read(String name) throws IOException {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
