package vn.doanvien.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.doanvien.member.MemberApi.MEMBERS;
import static vn.doanvien.member.MemberApi.PROBLEM;
import static vn.doanvien.member.MemberApi.count;
import static vn.doanvien.member.MemberApi.create;
import static vn.doanvien.member.MemberApi.get;
import static vn.doanvien.member.MemberApi.leave;
import static vn.doanvien.member.MemberApi.transfer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;
import vn.doanvien.common.Today;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.organisation.Unit;

@QuarkusTest
class MemberTransferTest {

    private static final LocalDate FOUNDED = LocalDate.of(2020, 1, 1);

    @Inject
    TestData data;

    @Inject
    MemberFixtures fixtures;

    private Unit[] chain;
    private GrassrootsUnion from;
    private GrassrootsUnion to;

    @BeforeEach
    void setUp() {
        chain = data.chain();
        from = data.grassrootsUnion(chain[2].id, null, FOUNDED);
        to = data.grassrootsUnion(chain[2].id, null, FOUNDED);
    }

    @Test
    void transferMovesTheMemberAndKeepsHistory() {
        long id = create(from.id, "Nguyễn Thị Mai");
        create(from.id, "Nguyễn Văn Tùng");
        long keeper = create(to.id, "Trần Văn Vũ");
        fixtures.makeChair(from.id, id);
        fixtures.makeChair(to.id, keeper);
        assertEquals(2, count("status=ACTIVE&grassrootsUnionId=" + from.id));
        assertEquals(1, count("status=ACTIVE&grassrootsUnionId=" + to.id));

        transfer(id, to.id, "2023-05-01").statusCode(200)
                .contentType(ContentType.JSON)
                .header("ETag", "\"1\"")
                .body("id", equalTo((int) id))
                .body("grassrootsUnionId", equalTo(to.id.intValue()))
                .body("grassrootsUnionName", equalTo(to.name))
                .body("joinedOn", equalTo("2021-03-01"))
                .body("status", equalTo("ACTIVE"))
                .body("version", equalTo(1));

        assertEquals(to.id.intValue(), ((Number) get(id).get("grassrootsUnionId")).intValue());
        given().when().get(MEMBERS + "/" + id + "/history").then().statusCode(200)
                .body("", hasSize(2))
                .body("grassrootsUnionId", contains(from.id.intValue(), to.id.intValue()))
                .body("grassrootsUnionCode", contains(from.code, to.code))
                .body("grassrootsUnionName", contains(from.name, to.name))
                .body("startOn", contains("2021-03-01", "2023-05-01"))
                .body("[0].endOn", equalTo("2023-05-01"))
                .body("[0].endReason", equalTo("TRANSFER"))
                .body("[1].endOn", nullValue())
                .body("[1].endReason", nullValue());
        assertEquals(1, count("status=ACTIVE&grassrootsUnionId=" + from.id));
        assertEquals(2, count("status=ACTIVE&grassrootsUnionId=" + to.id));
        assertNull(fixtures.chairOf(from.id));
        assertEquals(keeper, fixtures.chairOf(to.id));

        // A second move, with If-Match, goes on from the new period.
        GrassrootsUnion third = data.grassrootsUnion(chain[2].id, null, FOUNDED);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("toGrassrootsUnionId", third.id, "effectiveOn", "2024-01-01"))
                .when().post(MEMBERS + "/" + id + "/transfers").then().statusCode(412).contentType(PROBLEM);
        transfer(id, from.id, "2023-05-01").statusCode(409).contentType(PROBLEM);
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("toGrassrootsUnionId", third.id, "effectiveOn", "2024-01-01"))
                .when().post(MEMBERS + "/" + id + "/transfers").then().statusCode(200)
                .body("grassrootsUnionId", equalTo(third.id.intValue()));
        given().when().get(MEMBERS + "/" + id + "/history").then()
                .body("endReason", contains("TRANSFER", "TRANSFER", null));
    }

    @Test
    void transferRulesAreEnforcedAndNothingChanges() {
        long id = create(from.id, "Phạm Văn Long");
        Map<String, Object> before = get(id);

        transfer(id, from.id, "2023-05-01").statusCode(409).contentType(PROBLEM).body("status", equalTo(409));
        transfer(id, to.id, "2021-03-01").statusCode(409).contentType(PROBLEM);
        transfer(id, to.id, "2020-06-01").statusCode(409).contentType(PROBLEM);

        GrassrootsUnion young = data.grassrootsUnion(chain[2].id, null, LocalDate.of(2024, 1, 1));
        transfer(id, young.id, "2023-12-31").statusCode(409).contentType(PROBLEM);

        GrassrootsUnion dissolved = data.grassrootsUnion(chain[2].id, null, FOUNDED);
        fixtures.dissolve(dissolved.id, LocalDate.of(2023, 1, 1));
        transfer(id, dissolved.id, "2023-01-01").statusCode(409).contentType(PROBLEM);

        transfer(id, 987_654_321L, "2023-05-01").statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("toGrassrootsUnionId"));
        transfer(id, to.id, Today.date().plusDays(1).toString()).statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("effectiveOn"));
        transfer(id, to.id, null).statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("effectiveOn"));
        transfer(id, null, "2023-05-01").statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("toGrassrootsUnionId"));
        transfer(id, to.id, "01/05/2023").statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("effectiveOn"));
        given().contentType(ContentType.JSON)
                .body(Map.of("toGrassrootsUnionId", to.id, "effectiveOn", "2023-05-01", "reason", "x"))
                .when().post(MEMBERS + "/" + id + "/transfers").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("reason"));
        transfer(987_654_321L, to.id, "2023-05-01").statusCode(404).contentType(PROBLEM);

        assertEquals(before, get(id));
        assertEquals(1, fixtures.periodCount(id));

        // Transfers are for members still in a union; the dissolved one still takes members before it ended.
        transfer(id, dissolved.id, "2022-12-31").statusCode(200);
        leave(id, LocalDate.of(2024, 2, 1));
        transfer(id, to.id, "2024-05-01").statusCode(409).contentType(PROBLEM)
                .body("detail", org.hamcrest.Matchers.containsString("LEFT"));
        assertEquals(dissolved.id.intValue(), ((Number) get(id).get("grassrootsUnionId")).intValue());
        assertEquals(2, fixtures.periodCount(id));
    }

    @Test
    void historyOfUnknownMemberIsNotFound() {
        given().when().get(MEMBERS + "/987654321/history").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void deleteRemovesTheMemberWithHistoryClassificationsAndChair() {
        long id = create(from.id, "Đinh Văn Sơn");
        long keep = create(from.id, "Đinh Văn Tâm");
        transfer(id, to.id, "2022-01-01").statusCode(200);
        fixtures.makeChair(to.id, id);
        given().contentType(ContentType.JSON).body(Map.of("classification", "GOOD"))
                .when().put(MEMBERS + "/" + id + "/classifications/2022").then().statusCode(200);

        given().when().delete(MEMBERS + "/" + id).then().statusCode(204);

        given().when().get(MEMBERS + "/" + id).then().statusCode(404).contentType(PROBLEM);
        given().when().get(MEMBERS + "/" + id + "/history").then().statusCode(404);
        given().when().get(MEMBERS + "/" + id + "/classifications").then().statusCode(404);
        given().when().delete(MEMBERS + "/" + id).then().statusCode(404).contentType(PROBLEM);
        assertEquals(0, fixtures.periodCount(id));
        assertEquals(0, fixtures.classificationCount(id));
        assertNull(fixtures.chairOf(to.id));
        assertEquals(0, count("grassrootsUnionId=" + to.id));
        assertEquals("Đinh Văn Tâm", get(keep).get("fullName"));
    }
}
