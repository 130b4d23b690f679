package vn.doanvien.training;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.doanvien.training.TrainingApi.course;
import static vn.doanvien.training.TrainingApi.createCourse;
import static vn.doanvien.training.TrainingApi.createOfficial;
import static vn.doanvien.training.TrainingApi.enrol;
import static vn.doanvien.training.TrainingApi.official;
import static vn.doanvien.training.TrainingApi.rollCall;
import static vn.doanvien.training.TrainingApi.submitAssignment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.member.Member;
import vn.doanvien.organisation.Unit;
import vn.doanvien.organisation.UnitKind;

/**
 * A small province's 2024 training year with the shape of Yên Bái's paragraph, every figure computed by hand
 * in the comments below.
 */
@QuarkusTest
class TrainingReportResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final LocalDate FROM = LocalDate.of(2020, 1, 1);

    @Inject
    TestData data;

    @Inject
    TrainingFixtures fixtures;

    @Test
    void reportsAProvinceTrainingYearLikeYenBai() {
        // Tree: confederation C > province P > upper-level unions U1, U2; another province Q under C.
        Unit[] chain = data.chain();
        Unit c = chain[0];
        Unit p = chain[1];
        Unit u1 = chain[2];
        Unit u2 = data.unit(UnitKind.UPPER_LEVEL_UNION, p.id, FROM);
        Unit q = data.unit(UnitKind.PROVINCIAL_FEDERATION, c.id, FROM);
        GrassrootsUnion g1 = data.grassrootsUnion(u1.id, null, FROM);
        GrassrootsUnion g2 = data.grassrootsUnion(u1.id, null, FROM);
        GrassrootsUnion g3 = data.grassrootsUnion(u2.id, null, FROM);
        GrassrootsUnion gq = data.grassrootsUnion(q.id, null, FROM);
        Member m1 = data.member(g1.id, "Nguyễn Văn Một", FROM);
        Member m2 = data.member(g1.id, "Trần Thị Hai", FROM);

        // Officials of P's subtree whose term overlaps 2024.
        long pFull1 = createOfficial("Phó Chủ tịch Tỉnh", p.id, null, "VICE_CHAIR", "FULL_TIME");
        long pFull2 = createOfficial("Chuyên trách KCN", u1.id, null, "STAFF", "FULL_TIME");
        createOfficial(official("Chuyên trách Huyện", u2.id, null, "STAFF", "FULL_TIME", "2022-01-01", null));
        long pPart = createOfficial("Ủy viên Huyện", u2.id, null, "EXECUTIVE_COMMITTEE", "PART_TIME");
        Map<String, Object> chair1Body = official(null, null, g1.id, "CHAIR", "PART_TIME", "2020-01-01", null);
        chair1Body.put("memberId", m1.id);
        long chair1 = createOfficial(chair1Body);
        long chair2 = createOfficial("Chủ tịch Vắng Mặt", null, g2.id, "CHAIR", "PART_TIME");
        long chair3 = createOfficial("Chủ tịch Ba", null, g3.id, "CHAIR", "PART_TIME");
        // The same member in two consecutive posts counts as one person.
        Map<String, Object> gOff1Old = official(null, null, g1.id, "INSPECTION_COMMITTEE", "PART_TIME",
                "2020-01-01", "2024-03-01");
        gOff1Old.put("memberId", m2.id);
        createOfficial(gOff1Old);
        Map<String, Object> gOff1Body = official(null, null, g1.id, "EXECUTIVE_COMMITTEE", "PART_TIME",
                "2024-03-01", null);
        gOff1Body.put("memberId", m2.id);
        long gOff1 = createOfficial(gOff1Body);
        long gOff2 = createOfficial("Ủy viên Kiểm tra", null, g3.id, "INSPECTION_COMMITTEE", "PART_TIME");
        // Not counted: a full-time official whose term ended in 2023, and a chair of province Q.
        createOfficial(official("Đã Nghỉ", p.id, null, "STAFF", "FULL_TIME", "2018-01-01", "2023-06-01"));
        long outsider = createOfficial("Chủ tịch Tỉnh Khác", null, gq.id, "CHAIR", "PART_TIME");

        // A: by P, 4 sessions. chair1 4/4+paper COMPLETED; chair2 0 NEVER; gOff1 3/4 (75%)+paper NOT; pFull1 4/4+paper
        // COMPLETED; outsider 4/4 without paper NOT. -> 5 enrolled, 4 trainees, 2 completed, 1 never.
        long a = createCourse(course(p.id, "Pháp luật công đoàn cho chủ tịch CĐCS", "2024-03-05", "2024-03-08", 50, 4));
        long aChair1 = enrol(a, chair1);
        enrol(a, chair2);
        long aGOff1 = enrol(a, gOff1);
        long aPFull1 = enrol(a, pFull1);
        enrol(a, outsider);
        rollCall(a, 4, Map.of(chair1, 4, chair2, 0, gOff1, 3, pFull1, 4, outsider, 4));
        submitAssignment(a, aChair1);
        submitAssignment(a, aGOff1);
        submitAssignment(a, aPFull1);
        // B: by P, 2 sessions, no assignment needed. chair3 2/2 COMPLETED; gOff2 1/2 NOT. -> 2, 2, 1, 0.
        Map<String, Object> bBody = course(p.id, "Kỹ năng đối thoại", "2024-04-10", "2024-04-11", 50, 2);
        bBody.put("assignmentRequired", false);
        long b = createCourse(bBody);
        enrol(b, chair3);
        enrol(b, gOff2);
        rollCall(b, 2, Map.of(chair3, 2, gOff2, 1));
        // C: by P, nobody enrolled. -> 1 course, 0.
        createCourse(p.id, "2024-05-20", "2024-05-20", 1);
        // D: by U1, 5 sessions. chair1 4/5 (80%)+paper COMPLETED; gOff1 5/5+paper COMPLETED; pFull2 5/5 no paper NOT.
        // -> 3, 3, 2, 0.
        long d = createCourse(u1.id, "2024-06-03", "2024-06-07", 5);
        long dChair1 = enrol(d, chair1);
        long dGOff1 = enrol(d, gOff1);
        enrol(d, pFull2);
        rollCall(d, 5, Map.of(chair1, 4, gOff1, 5, pFull2, 5));
        submitAssignment(d, dChair1);
        submitAssignment(d, dGOff1);
        // E: by U2, 3 sessions. chair3 3/3+paper COMPLETED; pPart 0 NEVER. -> 2, 1, 1, 1.
        long e = createCourse(u2.id, "2024-09-10", "2024-09-12", 3);
        long eChair3 = enrol(e, chair3);
        enrol(e, pPart);
        rollCall(e, 3, Map.of(chair3, 3, pPart, 0));
        submitAssignment(e, eChair3);
        // F: by the confederation (elsewhere). pFull1 2/2+paper, pFull2 2/2+paper COMPLETED; chair2 0 NEVER;
        // gOff2 1/2+paper NOT; outsider not P's.
        long f = createCourse(c.id, "2024-10-01", "2024-10-02", 2);
        long fPFull1 = enrol(f, pFull1);
        long fPFull2 = enrol(f, pFull2);
        enrol(f, chair2);
        long fGOff2 = enrol(f, gOff2);
        long fOutsider = enrol(f, outsider);
        rollCall(f, 2, Map.of(pFull1, 2, pFull2, 2, chair2, 0, gOff2, 1, outsider, 2));
        submitAssignment(f, fPFull1);
        submitAssignment(f, fPFull2);
        submitAssignment(f, fGOff2);
        submitAssignment(f, fOutsider);
        // G: by province Q (elsewhere), no assignment needed. pPart 1/1 COMPLETED.
        Map<String, Object> gBody = course(q.id, "Tài chính công đoàn", "2024-11-05", "2024-11-05", 50, 1);
        gBody.put("assignmentRequired", false);
        long g = createCourse(gBody);
        enrol(g, pPart);
        rollCall(g, 1, Map.of(pPart, 1));
        // Outside 2024 by startsOn: X starts in 2023 (ends in 2024), Y in 2025.
        long x = createCourse(p.id, "2023-12-28", "2024-01-02", 2);
        long xChair1 = enrol(x, chair1);
        rollCall(x, 2, Map.of(chair1, 2));
        submitAssignment(x, xChair1);
        long y = createCourse(p.id, "2025-01-05", "2025-01-06", 2);
        enrol(y, chair3);
        rollCall(y, 2, Map.of(chair3, 1));

        JsonPath r = given().when().get("/api/v1/training/report?unitId=" + p.id + "&year=2024")
                .then().statusCode(200).extract().jsonPath();

        assertCounts(r, "organised.total", 5, 12, 10, 6, 2);
        assertCounts(r, "organised.byUnitItself", 3, 7, 6, 3, 1);
        assertCounts(r, "organised.bySubordinateUnits", 2, 5, 4, 3, 1);
        assertCounts(r, "organised.bySubordinateUnit.find { it.unitId == " + u1.id + " }", 1, 3, 3, 2, 0);
        assertCounts(r, "organised.bySubordinateUnit.find { it.unitId == " + u2.id + " }", 1, 2, 1, 1, 1);
        assertEquals(2, r.getList("organised.bySubordinateUnit").size());
        // Full-time: pFull1, pFull2, the U2 one who did nothing; pFull1 and pFull2 completed A/F and F.
        assertGroup(r, "fullTimeOfficials", 3, 2, 66.7f, 2, 2, 2, 0);
        // Elsewhere (F, G): pFull1, pFull2, gOff2, pPart attended; chair2 never; 3 completed.
        assertEquals(5, r.getInt("attendancesElsewhere.enrolled"));
        assertEquals(4, r.getInt("attendancesElsewhere.trainees"));
        assertEquals(2, r.getInt("attendancesElsewhere.byFullTimeOfficials"));
        assertEquals(3, r.getInt("attendancesElsewhere.completed"));
        assertEquals(1, r.getInt("attendancesElsewhere.neverAttended"));
        // Grassroots: chair1, chair2, chair3, member m2 (two records), gOff2 = 5 persons; chair1, chair3, m2 trained.
        // At P's courses: chair1 A, D; chair3 B, E; gOff1 A, D; gOff2 B = 7. Elsewhere: gOff2 F. Never: chair2 A, F.
        assertGroup(r, "grassrootsOfficials", 5, 3, 60.0f, 4, 7, 1, 2);
        assertGroup(r, "grassrootsChairs", 3, 2, 66.7f, 2, 4, 0, 2);

        assertEquals(List.of(chair2, pPart, chair2),
                r.getList("enrolledButNeverAttended.officialId", Long.class));
        assertEquals(List.of(a, e, f),
                r.getList("enrolledButNeverAttended.courseId", Long.class));
        assertEquals("Chủ tịch Vắng Mặt", r.getString("enrolledButNeverAttended[0].fullName"));
        assertEquals("CHAIR", r.getString("enrolledButNeverAttended[0].post"));
        assertEquals(p.id, r.getLong("unitId"));
        assertEquals(2024, r.getInt("year"));
        assertEquals("2024-12-31", r.getString("treeAsOf"));
        assertEquals("2024, " + p.name + ": 5 courses with 10 trainee-attendances "
                + "(12 enrolled, 2 never attended); 3 courses / 6 trainee-attendances run by the unit itself and "
                + "2 / 4 by subordinate units; 66.7% of full-time officials trained (2 of 3); 4 trainee-attendances "
                + "at courses run by others, 2 of them by full-time officials; 7 trainee-attendances by grassroots "
                + "officials at the unit's courses; 3 grassroots officials trained, 2 of them chairs.",
                r.getString("paragraph"));

        // The same year seen from U1: only D is its own, A and F are elsewhere for its officials.
        JsonPath r1 = given().when().get("/api/v1/training/report?unitId=" + u1.id + "&year=2024")
                .then().statusCode(200).extract().jsonPath();
        assertCounts(r1, "organised.total", 1, 3, 3, 2, 0);
        assertCounts(r1, "organised.byUnitItself", 1, 3, 3, 2, 0);
        assertCounts(r1, "organised.bySubordinateUnits", 0, 0, 0, 0, 0);
        // chair1@A, gOff1@A, pFull2@F attended (chair1@A and pFull2@F completed); chair2@A and chair2@F never.
        assertEquals(5, r1.getInt("attendancesElsewhere.enrolled"));
        assertEquals(3, r1.getInt("attendancesElsewhere.trainees"));
        assertEquals(1, r1.getInt("attendancesElsewhere.byFullTimeOfficials"));
        assertEquals(2, r1.getInt("attendancesElsewhere.completed"));
        assertGroup(r1, "fullTimeOfficials", 1, 1, 100.0f, 1, 1, 1, 0);
        assertGroup(r1, "grassrootsOfficials", 3, 2, 66.7f, 2, 2, 2, 2);

        // 2023 holds only X, which started that year.
        JsonPath r2023 = given().when().get("/api/v1/training/report?unitId=" + p.id + "&year=2023")
                .then().statusCode(200).extract().jsonPath();
        assertCounts(r2023, "organised.total", 1, 1, 1, 1, 0);
        // Q sees its own course G and its chair's attendances at A and F.
        JsonPath rq = given().when().get("/api/v1/training/report?unitId=" + q.id + "&year=2024")
                .then().statusCode(200).extract().jsonPath();
        assertCounts(rq, "organised.total", 1, 1, 1, 1, 0);
        assertEquals(2, rq.getInt("attendancesElsewhere.trainees"));
        assertGroup(rq, "grassrootsChairs", 1, 1, 100.0f, 1, 0, 2, 0);
    }

    @Test
    void officialsOfAGrassrootsUnionDissolvedDuringTheYearStillCount() {
        Unit[] chain = data.chain();
        Unit province = chain[1];
        GrassrootsUnion closed = data.grassrootsUnion(chain[2].id, null, FROM);
        long chair = createOfficial("Chủ tịch Đã Giải Thể", null, closed.id, "CHAIR", "PART_TIME");
        long course = createCourse(province.id, "2024-03-05", "2024-03-05", 1);
        long enrolment = enrol(course, chair);
        rollCall(course, 1, Map.of(chair, 1));
        submitAssignment(course, enrolment);
        fixtures.dissolve(closed.id, LocalDate.of(2024, 6, 1));

        JsonPath r = given().when().get("/api/v1/training/report?unitId=" + province.id + "&year=2024")
                .then().statusCode(200).extract().jsonPath();
        assertGroup(r, "grassrootsChairs", 1, 1, 100.0f, 1, 1, 0, 0);
        // The next year the union no longer exists: its chair is nobody's official any more.
        given().when().get("/api/v1/training/report?unitId=" + province.id + "&year=2025")
                .then().statusCode(200).body("grassrootsOfficials.total", equalTo(0));
    }

    @Test
    void aUnitDissolvedDuringTheYearStillCounts() {
        // A district federation abolished on 2025-07-01 ran a course in March: it is the province's 2025 figure.
        Unit province = data.chain()[1];
        Unit district = data.unit(UnitKind.UPPER_LEVEL_UNION, province.id, FROM);
        long official = createOfficial("Chuyên trách Huyện Cũ", district.id, null, "STAFF", "FULL_TIME");
        long course = createCourse(district.id, "2025-03-10", "2025-03-10", 1);
        long enrolment = enrol(course, official);
        rollCall(course, 1, Map.of(official, 1));
        submitAssignment(course, enrolment);
        fixtures.dissolveUnit(district.id, LocalDate.of(2025, 7, 1));

        JsonPath r = given().when().get("/api/v1/training/report?unitId=" + province.id + "&year=2025")
                .then().statusCode(200).extract().jsonPath();
        assertCounts(r, "organised.bySubordinateUnits", 1, 1, 1, 1, 0);
        assertEquals(district.id, r.getLong("organised.bySubordinateUnit[0].unitId"));
        assertGroup(r, "fullTimeOfficials", 1, 1, 100.0f, 1, 1, 0, 0);
        // In 2026 the district no longer exists.
        given().when().get("/api/v1/training/report?unitId=" + province.id + "&year=2026")
                .then().statusCode(200).body("fullTimeOfficials.total", equalTo(0));
    }

    @Test
    void aUnitWithoutTrainingReportsZeros() {
        Unit province = data.chain()[1];
        given().when().get("/api/v1/training/report?unitId=" + province.id + "&year=2024")
                .then().statusCode(200)
                .body("organised.total.courses", equalTo(0))
                .body("organised.bySubordinateUnit.size()", equalTo(0))
                .body("fullTimeOfficials.total", equalTo(0))
                .body("fullTimeOfficials.percentTrained", equalTo(null))
                .body("enrolledButNeverAttended.size()", equalTo(0))
                .body("paragraph", org.hamcrest.Matchers.containsString("no full-time officials"));
    }

    @Test
    void parametersAreRequiredAndValidated() {
        Unit province = data.chain()[1];
        // unitId defaults to the caller's unit; year stays required.
        given().when().get("/api/v1/training/report")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("year"));
        // A unit's code names it as well as its id does.
        String byId = given().when().get("/api/v1/training/report?unitId=" + province.id + "&year=2024")
                .then().statusCode(200).extract().asString();
        given().when().get("/api/v1/training/report?unitId=" + province.code.toLowerCase() + "&year=2024")
                .then().statusCode(200).body(org.hamcrest.Matchers.equalTo(byId));
        given().when().get("/api/v1/training/report?unitId=x&year=2024")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("unitId"));
        given().when().get("/api/v1/training/report?unitId=" + province.id + "&year=MMXXIV")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("year"));
        given().when().get("/api/v1/training/report?unitId=" + province.id + "&year=1800")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("year"));
        given().when().get("/api/v1/training/report?unitId=987654321&year=2024")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("unitId"));
    }

    private static void assertCounts(JsonPath r, String path, long courses, long enrolled, long trainees,
                                     long completed, long neverAttended) {
        assertEquals(
                List.of(courses, enrolled, trainees, completed, neverAttended),
                List.of(r.getLong(path + ".courses"), r.getLong(path + ".enrolled"), r.getLong(path + ".trainees"),
                        r.getLong(path + ".completed"), r.getLong(path + ".neverAttended")), path);
    }

    private static void assertGroup(JsonPath r, String path, long total, long trained, float percent,
                                    long attended, long own, long elsewhere, long never) {
        assertEquals(
                List.of(total, trained, percent, attended, own, elsewhere, never),
                List.of(r.getLong(path + ".total"), r.getLong(path + ".trained"), r.getFloat(path + ".percentTrained"),
                        r.getLong(path + ".attended"),
                        r.getLong(path + ".traineesAtOwnCourses"), r.getLong(path + ".traineesElsewhere"),
                        r.getLong(path + ".neverAttended")), path);
    }
}
