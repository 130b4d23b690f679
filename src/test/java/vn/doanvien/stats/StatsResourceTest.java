package vn.doanvien.stats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;
import vn.doanvien.common.CsvParser;
import vn.doanvien.figures.FiguresRecount;
import vn.doanvien.organisation.Unit;
import vn.doanvien.organisation.UnitKind;

/**
 * A hand-computed registry, every grouping checked for asOf 2024-03-25 and from 2024-02-05.
 *
 * <pre>
 * root ─ P1 ─ U1 ─ g1 (E1: FOREIGN_INVESTED, KR, industry C, province 24, 100 workers)
 *      └ P2 ─ U2 ─ g2 (E2: STATE, industry F, province 01, 50 workers)
 *                └ g3 (no enterprise; U2's province 79)
 * m1 g1 MALE   1990-05-20 joins 2024-01-15
 * m2 g1 FEMALE 2001-03-01 joins 2024-02-10, leaves 2024-03-20
 * m3 g1 FEMALE 1965-07-01 joins 2024-03-05
 * m4 g2 MALE   1980-01-01 joins 2023-12-01
 * m5 g2 FEMALE 2003-06-01 joins 2024-02-29
 * m6 g3 (no gender) 1995-01-01 joins 2024-02-01, transferred to g1 on 2024-03-10
 * m7 g2 MALE   1970-01-01 joins 2024-03-28 (after asOf)
 * m8 g1 MALE   1985-01-01 joins 2024-06-10, and m4 leaves 2024-08-01 (months after asOf's month: the
 *    figures on asOf are each union's all-time total less these months)
 * </pre>
 * Active on 2024-03-25: g1 m1 m3 m6, g2 m4 m5 = 5. Joined in [02-05, 03-25]: m2 m3 m5 = 3. Left: m2 = 1.
 */
@QuarkusTest
class StatsResourceTest {

    static final LocalDate FROM = LocalDate.of(2020, 1, 1);
    static final String STATS = "/api/v1/stats/membership";

    @Inject
    TestData data;

    Unit root;
    Unit p1;
    Unit p2;
    Unit u1;
    Unit u2;
    long g1;
    long g2;
    long g3;
    long m2;
    long m3;
    long m6;

    @Inject
    FiguresRecount recount;

    @BeforeEach
    void registry() {
        root = data.unit(UnitKind.CONFEDERATION, null, FROM);
        p1 = data.unit(UnitKind.PROVINCIAL_FEDERATION, root.id, FROM);
        p2 = data.unit(UnitKind.PROVINCIAL_FEDERATION, root.id, FROM);
        u1 = data.unit(UnitKind.UPPER_LEVEL_UNION, p1.id, FROM);
        u2 = data.unit(UnitKind.UPPER_LEVEL_UNION, p2.id, FROM);
        long e1 = enterprise("Công ty TNHH Điện tử Hàn Việt", "FOREIGN_INVESTED", "KR", "C", "24", 100, u1.id);
        long e2 = enterprise("Tổng công ty Xây dựng Hà Nội", "STATE", null, "F", "01", 50, u2.id);
        g1 = union(u1.id, e1);
        g2 = union(u2.id, e2);
        g3 = union(u2.id, null);
        join(g1, "Nguyễn Văn An", "MALE", "1990-05-20", "2024-01-15");
        m2 = join(g1, "Trần Thị Bình", "FEMALE", "2001-03-01", "2024-02-10");
        m3 = join(g1, "Lê Thị Cúc", "FEMALE", "1965-07-01", "2024-03-05");
        long m4 = join(g2, "Phạm Văn Dũng", "MALE", "1980-01-01", "2023-12-01");
        join(g2, "Hoàng Thị Én", "FEMALE", "2003-06-01", "2024-02-29");
        m6 = join(g3, "Vũ Minh Phương", null, "1995-01-01", "2024-02-01");
        join(g2, "Đặng Văn Giang", "MALE", "1970-01-01", "2024-03-28");
        join(g1, "Bùi Văn Hải", "MALE", "1985-01-01", "2024-06-10");
        leave(m4, "2024-08-01");
        leave(m2, "2024-03-20");
        given().contentType(ContentType.JSON).body(Map.of("toGrassrootsUnionId", g1, "effectiveOn", "2024-03-10"))
                .when().post("/api/v1/members/{id}/transfers", m6).then().statusCode(200);
    }

    private JsonPath stats(String groupBy) {
        return stats(groupBy, 5);
    }

    /** The statistics on 2024-03-25 from 2024-02-05, with {@code active} members in the total. */
    private JsonPath stats(String groupBy, int active) {
        return given().queryParam("unitId", root.id).queryParam("asOf", "2024-03-25").queryParam("from", "2024-02-05")
                .queryParam("groupBy", groupBy).when().get(STATS)
                .then().statusCode(200)
                .body("groupBy", equalTo(groupBy))
                .body("from", equalTo("2024-02-05"))
                .body("asOf", equalTo("2024-03-25"))
                .body("source", equalTo("REGISTRY"))
                .body("total.key", equalTo("TOTAL"))
                .body("total.activeMembers", equalTo(active))
                .body("total.grassrootsUnions", equalTo(3))
                .body("total.joined", equalTo(3))
                .body("total.left", equalTo(1))
                .extract().jsonPath();
    }

    @Test
    void byChildUnit() {
        JsonPath j = stats("CHILD_UNIT");
        List<Map<String, Object>> rows = j.getList("rows");
        assertEquals(2, rows.size());
        Map<String, Object> r1 = row(rows, "id", p1.id.intValue());
        Map<String, Object> r2 = row(rows, "id", p2.id.intValue());
        assertRow(r1, 3, 1, 2, 1, 100, 3.0);
        assertEquals(p1.code, r1.get("key"));
        assertEquals(p1.name, r1.get("label"));
        assertRow(r2, 2, 2, 1, 0, 50, 4.0);
        assertEquals(150, j.getInt("total.workforce"));
        assertEquals(3.33, j.getDouble("total.membersPer100Workers"), 1e-9);

        // Under an upper-level union: one row per grassroots union.
        List<Map<String, Object>> byUnion = given().queryParam("unitId", u2.id).queryParam("asOf", "2024-03-25")
                .queryParam("from", "2024-02-05").when().get(STATS).then().statusCode(200)
                .body("total.activeMembers", equalTo(2)).body("total.grassrootsUnions", equalTo(2))
                .extract().jsonPath().getList("rows");
        assertRow(row(byUnion, "id", (int) g2), 2, 1, 1, 0, 50, 4.0);
        assertRow(row(byUnion, "id", (int) g3), 0, 1, 0, 0, 0, null);
    }

    @Test
    void byChildUnitOfALevelTwoUnitAddsUpTheUnitsBelowEachChild() {
        // u3 under u2, with g4 (E3: 30 workers) and one member: P2's only child U2 carries them too.
        Unit u3 = data.unit(UnitKind.UPPER_LEVEL_UNION, u2.id, FROM);
        long e3 = enterprise("Công ty Cổ phần Dệt may Thành Công", "PRIVATE", null, "C", "79", 30, u3.id);
        long g4 = union(u3.id, e3);
        join(g4, "Ngô Thị Hoa", "FEMALE", "1992-04-04", "2024-01-10");
        List<Map<String, Object>> rows = given().queryParam("unitId", p2.id).queryParam("asOf", "2024-03-25")
                .queryParam("from", "2024-02-05").queryParam("groupBy", "CHILD_UNIT").when().get(STATS)
                .then().statusCode(200).body("total.activeMembers", equalTo(3))
                .extract().jsonPath().getList("rows");
        assertEquals(1, rows.size(), rows.toString());
        // g2: m4 and m5 on 03-25 (m7 joins on 03-28, m4 leaves in August: both after asOf), 50 workers; g3: none
        // left after m6's transfer, no enterprise; g4: one member, 30 workers. Joined in the period: m5.
        assertRow(row(rows, "id", u2.id.intValue()), 3, 3, 1, 0, 80, 3.75);
        assertEquals(u2.code, rows.get(0).get("key"));
    }

    @Test
    void byProvinceOwnershipCountryAndIndustry() {
        List<Map<String, Object>> rows = stats("PROVINCE").getList("rows");
        assertEquals(List.of("01", "24", "79"), rows.stream().map(r -> r.get("key")).toList());
        assertRow(rows.get(0), 2, 1, 1, 0, 50, 4.0);
        assertRow(rows.get(1), 3, 1, 2, 1, 100, 3.0);
        assertRow(rows.get(2), 0, 1, 0, 0, 0, null);

        rows = stats("OWNERSHIP").getList("rows");
        // values nobody has (members outside enterprises) come last
        assertEquals(List.of("FOREIGN_INVESTED", "STATE", "NO_ENTERPRISE"), rows.stream().map(r -> r.get("key")).toList());
        assertRow(rows.get(0), 3, 1, 2, 1, 100, 3.0);
        assertRow(rows.get(1), 2, 1, 1, 0, 50, 4.0);
        assertRow(rows.get(2), 0, 1, 0, 0, 0, null);

        rows = stats("INVESTOR_COUNTRY").getList("rows");
        assertEquals(List.of("KR", "NONE", "NO_ENTERPRISE"), rows.stream().map(r -> r.get("key")).toList());
        assertRow(rows.get(0), 3, 1, 2, 1, 100, 3.0);
        assertRow(rows.get(1), 2, 1, 1, 0, 50, 4.0);

        rows = stats("INDUSTRY").getList("rows");
        assertEquals(List.of("C", "F", "NO_ENTERPRISE"), rows.stream().map(r -> r.get("key")).toList());
        assertRow(rows.get(0), 3, 1, 2, 1, 100, 3.0);
        assertRow(rows.get(1), 2, 1, 1, 0, 50, 4.0);
        assertRow(rows.get(2), 0, 1, 0, 0, 0, null);
    }

    @Test
    void byGenderAndAgeBand() {
        JsonPath j = stats("GENDER");
        List<Map<String, Object>> rows = j.getList("rows");
        assertEquals(List.of("MALE", "FEMALE", "UNKNOWN"), rows.stream().map(r -> r.get("key")).toList());
        assertPeople(rows.get(0), 2, 0, 0);  // m1, m4
        assertPeople(rows.get(1), 2, 3, 1);  // m3, m5; joined m2 m3 m5; left m2
        assertPeople(rows.get(2), 1, 0, 0);  // m6: joined before from, then a transfer
        assertEquals((Object) null, j.get("total.workforce"));

        rows = stats("AGE_BAND").getList("rows");
        assertEquals(List.of("UNDER_25", "25_34", "35_44", "55_AND_OVER"), rows.stream().map(r -> r.get("key")).toList());
        assertPeople(rows.get(0), 1, 2, 1);  // m5 20; m2 23 joined and left
        assertPeople(rows.get(1), 2, 0, 0);  // m1 33, m6 29
        assertPeople(rows.get(2), 1, 0, 0);  // m4 44
        assertPeople(rows.get(3), 1, 1, 0);  // m3 58
    }

    @Test
    void byTwoDimensionsCrossed() {
        JsonPath j = stats("GENDER_AGE_BAND");
        List<Map<String, Object>> rows = j.getList("rows");
        assertEquals(List.of("MALE|25_34", "MALE|35_44", "FEMALE|UNDER_25", "FEMALE|55_AND_OVER", "UNKNOWN|25_34"),
                rows.stream().map(r -> r.get("key")).toList());
        assertPeople(rows.get(0), 1, 0, 0);  // m1 33
        assertPeople(rows.get(1), 1, 0, 0);  // m4 44
        assertPeople(rows.get(2), 1, 2, 1);  // m5 20; m2 23 joined and left
        assertPeople(rows.get(3), 1, 1, 0);  // m3 58
        assertPeople(rows.get(4), 1, 0, 0);  // m6 29, gender not recorded
        assertEquals("Nữ · Dưới 25 tuổi", rows.get(2).get("label"));

        rows = stats("OWNERSHIP_INDUSTRY").getList("rows");
        assertEquals(List.of("FOREIGN_INVESTED|C", "STATE|F", "NO_ENTERPRISE|NO_ENTERPRISE"),
                rows.stream().map(r -> r.get("key")).toList());
        assertRow(rows.get(0), 3, 1, 2, 1, 100, 3.0);
        assertRow(rows.get(1), 2, 1, 1, 0, 50, 4.0);
        assertRow(rows.get(2), 0, 1, 0, 0, 0, null);

        rows = stats("OWNERSHIP_SIZE_BAND").getList("rows");
        assertEquals(List.of("FOREIGN_INVESTED|100_299", "STATE|25_99", "NO_ENTERPRISE|NO_ENTERPRISE"),
                rows.stream().map(r -> r.get("key")).toList());
        assertRow(rows.get(0), 3, 1, 2, 1, 100, 3.0);
        assertRow(rows.get(1), 2, 1, 1, 0, 50, 4.0);

        // Under an upper-level union the same pairs come from its stays.
        rows = given().queryParam("unitId", u2.id).queryParam("asOf", "2024-03-25").queryParam("from", "2024-02-05")
                .queryParam("groupBy", "GENDER_AGE_BAND").when().get(STATS).then().statusCode(200)
                .extract().jsonPath().getList("rows");
        assertEquals(List.of("MALE|35_44", "FEMALE|UNDER_25"), rows.stream().map(r -> r.get("key")).toList());
        assertPeople(rows.get(0), 1, 0, 0);  // m4
        assertPeople(rows.get(1), 1, 1, 0);  // m5
    }

    private JsonPath filtered(String groupBy, String where) {
        return given().queryParam("unitId", root.id).queryParam("asOf", "2024-03-25").queryParam("from", "2024-02-05")
                .queryParam("groupBy", groupBy).queryParam("where", where).when().get(STATS)
                .then().statusCode(200).body("groupBy", equalTo(groupBy)).body("where", equalTo(where))
                .body("source", equalTo("REGISTRY")).extract().jsonPath();
    }

    @Test
    void aFilterReadsThePairThatCrossesItWithTheGrouping() {
        JsonPath j = filtered("INDUSTRY", "OWNERSHIP:FOREIGN_INVESTED");
        List<Map<String, Object>> rows = j.getList("rows");
        assertEquals(List.of("C"), rows.stream().map(r -> r.get("key")).toList());
        assertRow(rows.get(0), 3, 1, 2, 1, 100, 3.0);
        assertRow(j.getMap("total"), 3, 1, 2, 1, 100, 3.0);

        rows = filtered("OWNERSHIP", "INDUSTRY:F").getList("rows");  // the filter as the pair's second part
        assertEquals(List.of("STATE"), rows.stream().map(r -> r.get("key")).toList());
        assertRow(rows.get(0), 2, 1, 1, 0, 50, 4.0);

        j = filtered("AGE_BAND", "GENDER:FEMALE");
        rows = j.getList("rows");
        assertEquals(List.of("UNDER_25", "55_AND_OVER"), rows.stream().map(r -> r.get("key")).toList());
        assertPeople(rows.get(0), 1, 2, 1);  // m5; m2 joined and left
        assertPeople(rows.get(1), 1, 1, 0);  // m3
        assertPeople(j.getMap("total"), 2, 3, 1);
        assertEquals("Dưới 25 tuổi", rows.get(0).get("label"));

        rows = filtered("OWNERSHIP", "OWNERSHIP:STATE").getList("rows");  // its own dimension: one row
        assertEquals(List.of("STATE"), rows.stream().map(r -> r.get("key")).toList());
        assertEquals(0, filtered("INDUSTRY", "OWNERSHIP:PRIVATE").getList("rows").size());

        // Not kept crossed, the default grouping, a pair, or not DIMENSION:VALUE: a 400 naming the filter.
        for (String[] bad : new String[][] {{"GENDER", "PROVINCE:01"}, {null, "OWNERSHIP:STATE"},
                {"INDUSTRY", "OWNERSHIP_INDUSTRY:STATE|F"}, {"INDUSTRY", "OWNERSHIP"}, {"INDUSTRY", "OWNERSHIP: "}, {"INDUSTRY", "DISTRICT:X"},
                {"INDUSTRY", "CHILD_UNIT:1"}}) {
            var request = given().queryParam("unitId", root.id).queryParam("where", bad[1]);
            if (bad[0] != null) {
                request.queryParam("groupBy", bad[0]);
            }
            request.when().get(STATS).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("where"));
        }
    }

    @Test
    void labelsAreVietnameseUnlessEnglishIsPreferred() {
        List<Map<String, Object>> rows = stats("GENDER").getList("rows");
        assertEquals(List.of("Nam", "Nữ", "Chưa rõ"), rows.stream().map(r -> r.get("label")).toList());
        rows = given().header("Accept-Language", "en-GB,en;q=0.9,vi;q=0.5").queryParam("unitId", root.id)
                .queryParam("asOf", "2024-03-25").queryParam("groupBy", "GENDER").when().get(STATS)
                .then().statusCode(200).extract().jsonPath().getList("rows");
        assertEquals(List.of("Male", "Female", "Unknown"), rows.stream().map(r -> r.get("label")).toList());
        rows = stats("OWNERSHIP").getList("rows");
        assertEquals("Doanh nghiệp có vốn đầu tư nước ngoài", rows.stream()
                .filter(r -> "FOREIGN_INVESTED".equals(r.get("key"))).findFirst().orElseThrow().get("label"));
        rows = stats("INVESTOR_COUNTRY").getList("rows");
        assertEquals("Hàn Quốc", rows.stream().filter(r -> "KR".equals(r.get("key"))).findFirst().orElseThrow()
                .get("label"));
        rows = stats("INDUSTRY").getList("rows");
        assertEquals("Xây dựng", rows.stream().filter(r -> "F".equals(r.get("key"))).findFirst().orElseThrow()
                .get("label"));
    }

    @Test
    void theRowsAddUpToTheTotalWithARowForReportedFigures() {
        // p1 reports 40 members at the end of February 2024; its registry had 2 then.
        given().contentType(ContentType.JSON).body(Map.of("members", 40))
                .when().put("/api/v1/units/{id}/reported-figures/2024-02", p1.id).then().statusCode(201);
        for (String groupBy : new String[] {"GENDER", "OWNERSHIP", "CHILD_UNIT"}) {
            JsonPath j = given().queryParam("unitId", root.id).queryParam("asOf", "2024-03-25")
                    .queryParam("from", "2024-02-05").queryParam("groupBy", groupBy).when().get(STATS)
                    .then().statusCode(200).body("source", equalTo("COMBINED")).extract().jsonPath();
            List<Map<String, Object>> rows = j.getList("rows");
            for (String field : new String[] {"activeMembers", "joined", "left"}) {
                assertEquals(j.getLong("total." + field), rows.stream()
                        .mapToLong(r -> ((Number) r.get(field)).longValue()).sum(), groupBy + " " + field);
            }
            Map<String, Object> notSplit = rows.stream().filter(r -> "NOT_SPLIT".equals(r.get("key"))).findFirst()
                    .orElse(null);
            if (groupBy.equals("CHILD_UNIT")) {
                // the report is p1's own: its row carries it, nothing is left unsplit
                assertEquals(null, notSplit, groupBy);
            } else {
                assertEquals(true, notSplit != null, groupBy + ": a NOT_SPLIT row");
                assertEquals(true, ((String) notSplit.get("label")).startsWith("Không chia được"), groupBy);
            }
        }
    }

    @Test
    void aCorrectedGenderMovesTheMembersWholeHistory() {
        // m6 (none recorded; a stay in g3, then one in g1) is recorded as FEMALE; m2 (FEMALE, joined and left in
        // the period, already gone) is corrected to MALE.
        setGender(m6, "FEMALE");
        setGender(m2, "MALE");
        List<Map<String, Object>> rows = stats("GENDER").getList("rows");
        assertEquals(List.of("MALE", "FEMALE"), rows.stream().map(r -> r.get("key")).toList());
        assertPeople(rows.get(0), 2, 1, 1);  // m1, m4; m2 joined and left
        assertPeople(rows.get(1), 3, 2, 0);  // m3, m5, m6; joined m3 m5
        assertEquals("", recount.differences(List.of(), List.of(g1, g2, g3)));

        // And back: the figures by gender follow the record each time.
        setGender(m6, null);
        rows = stats("GENDER").getList("rows");
        assertEquals(List.of("MALE", "FEMALE", "UNKNOWN"), rows.stream().map(r -> r.get("key")).toList());
        assertPeople(rows.get(1), 2, 2, 0);
        assertPeople(rows.get(2), 1, 0, 0);
        assertEquals("", recount.differences(List.of(), List.of(g1, g2, g3)));
    }

    @Test
    void ageBandsCountTheExactAgeAtTheBoundariesAndFollowACorrectedDateOfBirth() {
        // Members born on either side of a band boundary of asOf 2024-03-25, all joined before from.
        join(g2, "Ngô Thị Tròn", "FEMALE", "1999-03-25", "2024-01-10");   // 25 that day: 25_34
        join(g2, "Ngô Văn Thiếu", "MALE", "1999-03-26", "2024-01-10");    // 24: UNDER_25
        join(g2, "Lý Thị Ba Tư", "FEMALE", "1989-03-26", "2024-01-10");   // 34: 25_34
        join(g2, "Lý Văn Năm Lăm", "MALE", "1969-03-25", "2024-01-10");   // 55: 55_AND_OVER
        join(g2, "Mai Thị Cuối Năm", "FEMALE", "1969-12-31", "2024-01-10"); // 54: 45_54
        List<Map<String, Object>> rows = stats("AGE_BAND", 10).getList("rows");
        assertEquals(List.of("UNDER_25", "25_34", "35_44", "45_54", "55_AND_OVER"),
                rows.stream().map(r -> r.get("key")).toList());
        assertPeople(rows.get(0), 2, 2, 1);  // m5, 1999-03-26; joined m2 m5; left m2
        assertPeople(rows.get(1), 4, 0, 0);  // m1, m6, 1999-03-25, 1989-03-26
        assertPeople(rows.get(2), 1, 0, 0);  // m4
        assertPeople(rows.get(3), 1, 0, 0);  // 1969-12-31
        assertPeople(rows.get(4), 2, 1, 0);  // m3, 1969-03-25; joined m3

        // m3's date of birth corrected from 1965-07-01 to 1999-04-01 (a year of birth a boundary cuts): 24 on asOf.
        setDateOfBirth(m3, "1999-04-01");
        rows = stats("AGE_BAND", 10).getList("rows");
        assertPeople(rows.get(0), 3, 3, 1);
        assertPeople(rows.get(4), 1, 0, 0);
        assertEquals("", recount.differences(List.of(), List.of(g1, g2, g3)));
    }

    @Test
    void ageBandsLateInTheYearReadTheCutBirthDaysThemselves() {
        // On 2024-10-20 the days a boundary cuts (21 October to 31 December) are fewer than the rest of their years,
        // so the members born on them are read themselves (on 2024-03-25 above, the rest of the years is read).
        join(g2, "Ngô Thị Mười", "FEMALE", "1999-10-20", "2024-01-10");   // 25: 25_34
        join(g2, "Ngô Văn Mốt", "MALE", "1999-10-21", "2024-07-01");      // 24: UNDER_25, joined in the period
        join(g2, "Lý Văn Chín", "MALE", "1969-10-21", "2024-01-10");      // 54: 45_54
        join(g2, "Lý Thị Tư", "FEMALE", "1969-10-20", "2024-01-10");      // 55: 55_AND_OVER
        long lastDay = join(g1, "Mai Văn Giao", "MALE", "1979-12-31", "2024-01-10"); // 44, born in a 45 year
        leave(lastDay, "2024-09-01");
        List<Map<String, Object>> rows = given().queryParam("unitId", root.id).queryParam("asOf", "2024-10-20")
                .queryParam("from", "2024-06-01").queryParam("groupBy", "AGE_BAND").when().get(STATS)
                .then().statusCode(200)
                .body("total.activeMembers", equalTo(10)).body("total.joined", equalTo(2))
                .body("total.left", equalTo(2))
                .extract().jsonPath().getList("rows");
        assertEquals(List.of("UNDER_25", "25_34", "35_44", "45_54", "55_AND_OVER"),
                rows.stream().map(r -> r.get("key")).toList());
        assertPeople(rows.get(0), 2, 1, 0);  // m5, 1999-10-21; joined 1999-10-21
        assertPeople(rows.get(1), 3, 0, 0);  // m1, m6, 1999-10-20
        assertPeople(rows.get(2), 1, 1, 2);  // Bùi joined; left m4 and 1979-12-31
        assertPeople(rows.get(3), 2, 0, 0);  // Đặng, 1969-10-21
        assertPeople(rows.get(4), 2, 0, 0);  // m3, 1969-10-20
    }

    @Test
    void defaultsAndCsv() {
        // from defaults to 1 January of asOf's year: joined m1 m2 m3 m5 m6 (the transfer is no join).
        given().queryParam("unitId", root.id).queryParam("asOf", "2024-03-25").when().get(STATS)
                .then().statusCode(200).body("groupBy", equalTo("CHILD_UNIT")).body("from", equalTo("2024-01-01"))
                .body("total.joined", equalTo(5)).body("total.left", equalTo(1));
        // The unit's code (any case) names it as its id does.
        String byId = given().queryParam("unitId", root.id).queryParam("asOf", "2024-03-25").when().get(STATS)
                .then().statusCode(200).extract().asString();
        given().queryParam("unitId", root.code.toLowerCase()).queryParam("asOf", "2024-03-25").when().get(STATS)
                .then().statusCode(200).body(equalTo(byId));

        for (String groupBy : new String[] {"CHILD_UNIT", "PROVINCE", "GENDER", "AGE_BAND"}) {
            JsonPath j = stats(groupBy);
            byte[] csv = given().accept("text/csv").queryParam("unitId", root.id).queryParam("asOf", "2024-03-25")
                    .queryParam("from", "2024-02-05").queryParam("groupBy", groupBy).when().get(STATS)
                    .then().statusCode(200).contentType(startsWith("text/csv")).extract().asByteArray();
            List<Map<String, Object>> expected = new ArrayList<>(j.getList("rows"));
            expected.add(j.getMap("total"));
            List<Map<String, String>> rows = CsvParser.rows(csv);
            CsvParser.assertRowsMatch(expected, rows);
            assertEquals(List.of("key", "label", "id", "activeMembers", "grassrootsUnions", "joined", "left",
                    "workforce", "membersPer100Workers"), CsvParser.header(csv));
        }
    }

    @Test
    void seriesByMonthQuarterAndYear() {
        given().queryParam("unitId", root.id).queryParam("from", "2024-01").queryParam("to", "2024-03")
                .when().get(STATS + "/series")
                .then().statusCode(200)
                .body("interval", equalTo("MONTH"))
                .body("points.period", contains("2024-01", "2024-02", "2024-03"))
                .body("points.activeMembers", contains(2, 5, 6))
                .body("points.joined", contains(1, 3, 2))
                .body("points.left", contains(0, 0, 1))
                .body("points.net", contains(1, 3, 1))
                .body("points.grassrootsUnions", contains(3, 3, 3))
                .body("points.end", contains("2024-01-31", "2024-02-29", "2024-03-31"));
        given().queryParam("unitId", root.id).queryParam("from", "2024-02").queryParam("to", "2024-03")
                .queryParam("interval", "QUARTER").when().get(STATS + "/series")
                .then().statusCode(200)
                .body("points.period", contains("2024-Q1"))
                .body("points[0].start", equalTo("2024-01-01"))
                .body("points.activeMembers", contains(6)).body("points.joined", contains(6))
                .body("points.left", contains(1)).body("points.net", contains(5));
        // The lower-case spelling of earlier versions is still accepted (outside the document: hence invalidRequest).
        vn.doanvien.contract.Contract.invalidRequest().queryParam("unitId", p1.id)
                .queryParam("from", "2023-05").queryParam("to", "2024-03")
                .queryParam("interval", "year").when().get(STATS + "/series")
                .then().statusCode(200)
                .body("points.period", contains("2023", "2024"))
                // 2024 runs to 31 December: m8 (joined g1 in June) is in it.
                .body("points.activeMembers", contains(0, 4))
                .body("points.joined", contains(0, 4))
                .body("points.left", contains(0, 1))
                .body("points.net", contains(0, 4));

        var json = given().queryParam("unitId", root.id).queryParam("from", "2024-01").queryParam("to", "2024-03")
                .when().get(STATS + "/series").then().extract().jsonPath();
        byte[] csv = given().accept("text/csv").queryParam("unitId", root.id).queryParam("from", "2024-01")
                .queryParam("to", "2024-03").when().get(STATS + "/series").then().statusCode(200)
                .extract().asByteArray();
        CsvParser.assertRowsMatch(json.getList("points"), CsvParser.rows(csv));

        // A day where a month is asked names its month (statistics take days, series months).
        var byDays = given().queryParam("unitId", root.id).queryParam("from", "2024-01-15")
                .queryParam("to", "2024-03-31").when().get(STATS + "/series").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(json.getList("points"), byDays.getList("points"));
        given().queryParam("unitId", root.id).queryParam("from", "2024-02-30").when().get(STATS + "/series")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void badParametersAreProblems() {
        given().queryParam("unitId", "NO-SUCH-CODE").when().get(STATS).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("unitId"));
        given().queryParam("unitId", root.id).queryParam("groupBy", "DISTRICT").when().get(STATS)
                .then().statusCode(400).body("errors[0].field", equalTo("groupBy"));
        given().queryParam("unitId", root.id).queryParam("asOf", "2024-02-30").when().get(STATS)
                .then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        given().queryParam("unitId", root.id).queryParam("asOf", "2024-03-01").queryParam("from", "2024-03-02")
                .when().get(STATS).then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().queryParam("unitId", root.id).queryParam("asOf", LocalDate.now().plusDays(3).toString())
                .when().get(STATS).then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        given().accept("text/csv").queryParam("unitId", 999_999_999L).when().get(STATS)
                .then().statusCode(404).contentType("application/problem+json");
        given().queryParam("unitId", root.id).queryParam("interval", "week").when().get(STATS + "/series")
                .then().statusCode(400).body("errors[0].field", equalTo("interval"));
        given().queryParam("unitId", root.id).queryParam("from", "2024-05").queryParam("to", "2024-03")
                .when().get(STATS + "/series").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().queryParam("unitId", root.id).queryParam("from", "2024-13").when().get(STATS + "/series")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().queryParam("unitId", root.id).queryParam("from", "1990-01").queryParam("to", "2024-03")
                .when().get(STATS + "/series").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().queryParam("unitId", root.id).queryParam("to", "2999-01").when().get(STATS + "/series.svg")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("to"));
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String field, Object value) {
        return rows.stream().filter(r -> value.equals(r.get(field))).findFirst().orElseThrow();
    }

    private static void assertRow(Map<String, Object> r, int active, int unions, int joined, int left, int workforce,
                                  Double per100) {
        assertEquals(active, r.get("activeMembers"), "activeMembers of " + r);
        assertEquals(unions, r.get("grassrootsUnions"), "grassrootsUnions of " + r);
        assertEquals(joined, r.get("joined"), "joined of " + r);
        assertEquals(left, r.get("left"), "left of " + r);
        assertEquals(workforce, r.get("workforce"), "workforce of " + r);
        if (per100 == null) {
            assertEquals(null, r.get("membersPer100Workers"));
        } else {
            assertEquals(per100, ((Number) r.get("membersPer100Workers")).doubleValue(), 1e-6);
        }
    }

    private static void assertPeople(Map<String, Object> r, int active, int joined, int left) {
        assertEquals(active, r.get("activeMembers"), "activeMembers of " + r);
        assertEquals(joined, r.get("joined"), "joined of " + r);
        assertEquals(left, r.get("left"), "left of " + r);
        assertEquals(null, r.get("grassrootsUnions"));
        assertEquals(null, r.get("membersPer100Workers"));
    }

    private long enterprise(String name, String ownership, String country, String industry, String province,
                            int workforce, long upper) {
        Map<String, Object> b = new HashMap<>();
        b.put("taxCode", TestData.taxCode());
        b.put("name", name);
        b.put("ownership", ownership);
        b.put("investorCountry", country);
        b.put("industry", industry);
        b.put("provinceCode", province);
        b.put("workforce", workforce);
        b.put("workforceAsOf", "2023-12-31");
        b.put("upperLevelUnitId", upper);
        b.put("hasIndependentWorkersOrganisation", false);
        return given().contentType(ContentType.JSON).body(b).when().post("/api/v1/enterprises")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private long union(long upper, Long enterprise) {
        Map<String, Object> b = new HashMap<>();
        b.put("code", TestData.unique("G"));
        b.put("name", "Công đoàn cơ sở " + TestData.unique("G"));
        b.put("upperLevelUnitId", upper);
        b.put("enterpriseId", enterprise);
        b.put("foundedOn", "2023-01-01");
        return given().contentType(ContentType.JSON).body(b).when().post("/api/v1/grassroots-unions")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private long join(long union, String name, String gender, String born, String joinedOn) {
        Map<String, Object> b = new HashMap<>();
        b.put("fullName", name);
        b.put("gender", gender);
        b.put("dateOfBirth", born);
        b.put("nationalId", TestData.nationalId());
        b.put("grassrootsUnionId", union);
        b.put("joinedOn", joinedOn);
        return given().contentType(ContentType.JSON).body(b).when().post("/api/v1/members")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private void setGender(long member, String gender) {
        correct(member, "gender", gender);
    }

    private void setDateOfBirth(long member, String dateOfBirth) {
        correct(member, "dateOfBirth", dateOfBirth);
    }

    /** A correction of one field of a member's record, the rest sent as it is. */
    private void correct(long member, String field, String value) {
        Map<String, Object> current = given().when().get("/api/v1/members/{id}", member).then().statusCode(200)
                .extract().jsonPath().getMap("");
        Map<String, Object> body = new HashMap<>();
        for (String f : new String[] {"fullName", "dateOfBirth", "gender", "nationality", "nationalId", "status",
            "leftOn", "leaveReason"}) {
            body.put(f, current.get(f));
        }
        body.put(field, value);
        given().contentType(ContentType.JSON).body(body).when().put("/api/v1/members/{id}", member)
                .then().statusCode(200).body(field, equalTo(value));
    }

    private void leave(long member, String leftOn) {
        Map<String, Object> current = given().when().get("/api/v1/members/{id}", member).then().statusCode(200)
                .extract().jsonPath().getMap("");
        Map<String, Object> body = new HashMap<>();
        for (String field : new String[] {"fullName", "dateOfBirth", "gender", "nationality", "nationalId"}) {
            body.put(field, current.get(field));
        }
        body.put("status", "LEFT");
        body.put("leftOn", leftOn);
        given().contentType(ContentType.JSON).body(body).when().put("/api/v1/members/{id}", member)
                .then().statusCode(200);
    }
}
