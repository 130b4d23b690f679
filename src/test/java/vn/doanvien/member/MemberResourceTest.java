package vn.doanvien.member;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.doanvien.member.MemberApi.MEMBERS;
import static vn.doanvien.member.MemberApi.PROBLEM;
import static vn.doanvien.member.MemberApi.count;
import static vn.doanvien.member.MemberApi.create;
import static vn.doanvien.member.MemberApi.createBody;
import static vn.doanvien.member.MemberApi.get;
import static vn.doanvien.member.MemberApi.leave;
import static vn.doanvien.member.MemberApi.post;
import static vn.doanvien.member.MemberApi.put;
import static vn.doanvien.member.MemberApi.updateBody;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;
import vn.doanvien.common.Today;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.organisation.Unit;

@QuarkusTest
class MemberResourceTest {

    private static final LocalDate FOUNDED = LocalDate.of(2020, 1, 1);

    @Inject
    TestData data;

    @Inject
    MemberFixtures fixtures;

    private Unit[] chain;
    private GrassrootsUnion union;

    @BeforeEach
    void setUp() {
        chain = data.chain();
        union = data.grassrootsUnion(chain[2].id, null, FOUNDED);
    }

    @Inject
    jakarta.persistence.EntityManagerFactory entityManagerFactory;

    @Test
    void aMemberByIdIsReadInOneStatement() {
        long id = create(union.id, "Lê Văn Một");
        org.hibernate.stat.Statistics statistics = entityManagerFactory.unwrap(org.hibernate.SessionFactory.class)
                .getStatistics();
        statistics.clear();
        given().when().get(MEMBERS + "/" + id).then().statusCode(200)
                .body("id", equalTo((int) id))
                .body("fullName", equalTo("Lê Văn Một"))
                .body("grassrootsUnionId", equalTo(union.id.intValue()))
                .body("grassrootsUnionName", equalTo(union.name));
        // The member, the unit its union is placed at (the reach) and the union's name, in one statement.
        assertEquals(1, statistics.getPrepareStatementCount());
    }

    @Test
    void createsAMemberAndReadsItBack() {
        Map<String, Object> body = createBody(union.id, "  Nguyễn Văn An ");
        String nid = (String) body.get("nationalId");
        ExtractableResponse<Response> created = post(body).statusCode(201)
                .contentType(ContentType.JSON)
                .header("ETag", "\"0\"")
                .body("cardNumber", matchesPattern("^DV\\d{10}$"))
                .body("fullName", equalTo("Nguyễn Văn An"))
                .body("dateOfBirth", equalTo("1990-05-20"))
                .body("gender", equalTo("MALE"))
                .body("nationality", equalTo("VN"))
                .body("nationalId", equalTo(nid))
                .body("passportNumber", nullValue())
                .body("phone", equalTo("0903 123 456"))
                .body("email", equalTo("member@example.vn"))
                .body("grassrootsUnionId", equalTo(union.id.intValue()))
                .body("grassrootsUnionName", equalTo(union.name))
                .body("joinedOn", equalTo("2021-03-01"))
                .body("status", equalTo("ACTIVE"))
                .body("leftOn", nullValue())
                .body("version", equalTo(0))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue())
                .extract();
        long id = created.jsonPath().getLong("id");
        String card = created.jsonPath().getString("cardNumber");
        assertEquals(String.format("DV%010d", id), card);
        assertEquals(MEMBERS + "/" + id, java.net.URI.create(created.header("Location")).getPath());

        given().when().get(MEMBERS + "/" + id).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("id", equalTo((int) id))
                .body("cardNumber", equalTo(card))
                .body("fullName", equalTo("Nguyễn Văn An"))
                .body("nationalId", equalTo(nid))
                .body("grassrootsUnionName", equalTo(union.name))
                .body("status", equalTo("ACTIVE"));
        given().when().get(MEMBERS + "/" + id + "/history").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].grassrootsUnionId", equalTo(union.id.intValue()))
                .body("[0].grassrootsUnionCode", equalTo(union.code))
                .body("[0].startOn", equalTo("2021-03-01"))
                .body("[0].endOn", nullValue());

        long other = create(union.id, "Trần Thị Bình");
        assertNotEquals(card, get(other).get("cardNumber"));
    }

    @Test
    void foreignerIsIdentifiedByPassport() {
        Map<String, Object> body = createBody(union.id, "Kim Min-jun");
        body.put("nationality", "KR");
        body.remove("nationalId");
        body.put("passportNumber", " m1234567 ");
        long id = create(body);
        Map<String, Object> stored = get(id);
        assertEquals("KR", stored.get("nationality"));
        assertEquals("M1234567", stored.get("passportNumber"));
        assertEquals(null, stored.get("nationalId"));
    }

    @Test
    void nationalityDefaultsToVietnam() {
        Map<String, Object> body = createBody(union.id, "Lê Văn Cường");
        body.remove("nationality");
        assertEquals("VN", get(create(body)).get("nationality"));
    }

    @Test
    void rejectsInvalidCreateBodiesAndStoresNothing() {
        String future = Today.date().plusDays(1).toString();
        invalid(b -> b.put("nationalId", "07909500123"), "nationalId");
        invalid(b -> b.put("nationalId", "07909500123A"), "nationalId");
        invalid(b -> b.remove("nationalId"), "nationalId");
        invalid(b -> b.put("passportNumber", "B1234567"), "passportNumber");
        invalid(b -> {
            b.put("nationality", "JP");
            b.remove("nationalId");
        }, "passportNumber");
        invalid(b -> {
            b.put("nationality", "JP");
            b.remove("nationalId");
            b.put("passportNumber", "AB-12");
        }, "passportNumber");
        invalid(b -> b.put("nationality", "vn"), "nationality");
        invalid(b -> b.put("dateOfBirth", "2010-01-01"), "dateOfBirth");
        invalid(b -> b.put("dateOfBirth", future), "dateOfBirth");
        invalid(b -> b.put("joinedOn", future), "joinedOn");
        invalid(b -> b.remove("joinedOn"), "joinedOn");
        invalid(b -> b.put("email", "not-an-email"), "email");
        invalid(b -> b.put("phone", "12ab"), "phone");
        invalid(b -> b.put("fullName", "   "), "fullName");
        invalid(b -> b.put("fullName", "A".repeat(256)), "fullName");
        invalid(b -> b.put("gender", "MAN"), "gender");
        invalid(b -> b.put("grassrootsUnionId", 987_654_321L), "grassrootsUnionId");
        invalid(b -> b.remove("grassrootsUnionId"), "grassrootsUnionId");
        invalid(b -> b.put("cardNumber", "DV0000000001"), "cardNumber");
        invalid(b -> b.put("status", "LEFT"), "status");

        given().contentType(ContentType.JSON).when().post(MEMBERS).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("body"));
        given().contentType(ContentType.JSON).body("[]").when().post(MEMBERS).then().statusCode(400)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON).body("{\"fullName\": \"Nguyễn Văn An\",").when().post(MEMBERS)
                .then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400));
        assertEquals(0, count("grassrootsUnionId=" + union.id));
    }

    @Test
    void fifteenthBirthdayIsOldEnough() {
        Map<String, Object> body = createBody(union.id, "Phạm Thị Dung");
        body.put("dateOfBirth", "2006-03-01");
        create(body);
        body = createBody(union.id, "Phạm Thị Dung");
        body.put("dateOfBirth", "2006-03-02");
        post(body).statusCode(400).contentType(PROBLEM).body("errors.field", contains("dateOfBirth"));
    }

    @Test
    void unionMustBeActiveOnJoinedOn() {
        Map<String, Object> body = createBody(union.id, "Võ Văn Em");
        body.put("joinedOn", "2019-12-31");
        post(body).statusCode(409).contentType(PROBLEM).body("status", equalTo(409))
                .body("detail", containsString("not active"));
        assertEquals(0, count("grassrootsUnionId=" + union.id));
    }

    @Test
    void duplicateActiveNationalIdIsRejectedUntilTheFirstLeaves() {
        Map<String, Object> body = createBody(union.id, "Hoàng Văn Giang");
        long first = create(body);
        post(body).statusCode(409).contentType(PROBLEM)
                .body("existingId", equalTo((int) first))
                .body("errors.field", contains("nationalId"));
        GrassrootsUnion other = data.grassrootsUnion(chain[2].id, null, FOUNDED);
        Map<String, Object> elsewhere = createBody(other.id, "Hoàng Văn Giang");
        elsewhere.put("nationalId", body.get("nationalId"));
        post(elsewhere).statusCode(409).body("existingId", equalTo((int) first));

        leave(first, LocalDate.of(2023, 1, 1));
        body.put("joinedOn", "2023-02-01");
        long second = create(body);
        assertNotEquals(first, second);
        assertEquals("LEFT", get(first).get("status"));
        assertEquals("ACTIVE", get(second).get("status"));
        assertEquals(1, count("status=ACTIVE&q=" + body.get("nationalId")));
    }

    @Test
    void duplicatePassportIsRejected() {
        Map<String, Object> body = createBody(union.id, "John Smith");
        body.put("nationality", "GB");
        body.remove("nationalId");
        String passport = "P" + TestData.nationalId().substring(3);
        body.put("passportNumber", passport);
        long first = create(body);
        body.put("passportNumber", passport.toLowerCase());
        post(body).statusCode(409).contentType(PROBLEM)
                .body("existingId", equalTo((int) first))
                .body("errors.field", contains("passportNumber"));
        body.put("nationality", "US");
        create(body);
    }

    @Test
    void editingIdentityKeepsTheDuplicateRule() {
        long a = create(union.id, "Đỗ Văn Hải");
        long b = create(union.id, "Đỗ Văn Hậu");
        Map<String, Object> stored = get(b);
        Map<String, Object> body = updateBody(stored);
        body.put("nationalId", get(a).get("nationalId"));
        put(b, body).statusCode(409).contentType(PROBLEM)
                .body("existingId", equalTo((int) a))
                .body("errors.field", contains("nationalId"));
        assertEquals(stored.get("nationalId"), get(b).get("nationalId"));
        assertEquals(0, get(b).get("version"));
    }

    @Test
    void updatesEditableFields() {
        long id = create(union.id, "Bùi Văn Khoa");
        Map<String, Object> body = updateBody(get(id));
        body.put("fullName", "Bùi Văn Khoa Mới");
        body.put("gender", null);
        body.put("email", "khoa@example.vn");
        body.put("phone", null);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .when().put(MEMBERS + "/" + id).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("fullName", equalTo("Bùi Văn Khoa Mới"))
                .body("version", equalTo(1));
        Map<String, Object> stored = get(id);
        assertEquals("Bùi Văn Khoa Mới", stored.get("fullName"));
        assertEquals(null, stored.get("gender"));
        assertEquals(null, stored.get("phone"));
        assertEquals("khoa@example.vn", stored.get("email"));
        assertEquals("2021-03-01", stored.get("joinedOn"));
        assertEquals(1, count("grassrootsUnionId=" + union.id + "&q=khoa moi"));
    }

    @Test
    void rejectsInvalidUpdates() {
        long id = create(union.id, "Ngô Thị Lan");
        Map<String, Object> stored = get(id);
        String future = Today.date().plusDays(1).toString();

        updateInvalid(id, stored, b -> b.put("status", "RETIRED"), "status");
        updateInvalid(id, stored, b -> b.remove("status"), "status");
        // A read-only field is ignored when it equals the stored value (GET-modify-PUT), refused when it differs:
        // a move is a transfer, not an update.
        updateInvalid(id, stored, b -> b.put("grassrootsUnionId", union.id + 1_000_000), "grassrootsUnionId");
        updateInvalid(id, stored, b -> b.put("joinedOn", "2021-01-01"), "joinedOn");
        updateInvalid(id, stored, b -> b.put("cardNumber", "DV0000000001"), "cardNumber");
        updateInvalid(id, stored, b -> b.put("status", "LEFT"), "leftOn");
        updateInvalid(id, stored, b -> {
            b.put("status", "LEFT");
            b.put("leftOn", future);
        }, "leftOn");
        updateInvalid(id, stored, b -> b.put("leftOn", "2024-01-01"), "leftOn");
        updateInvalid(id, stored, b -> b.put("leaveReason", "Nghỉ việc"), "leaveReason");
        updateInvalid(id, stored, b -> b.put("nationalId", "123"), "nationalId");
        updateInvalid(id, stored, b -> b.put("dateOfBirth", "2008-01-01"), "dateOfBirth");
        updateInvalid(id, stored, b -> {
            b.put("status", "LEFT");
            b.put("leftOn", "2024-01-01");
            b.put("leaveReason", "x".repeat(501));
        }, "leaveReason");

        Map<String, Object> early = updateBody(stored);
        early.put("status", "EXPELLED");
        early.put("leftOn", "2021-03-01");
        put(id, early).statusCode(409).contentType(PROBLEM).body("detail", containsString("leftOn"));

        given().contentType(ContentType.JSON).body("{\"fullName\": ").when().put(MEMBERS + "/" + id)
                .then().statusCode(400).contentType(PROBLEM);
        assertEquals(stored, get(id));
        assertEquals(1, fixtures.periodCount(id));
    }

    @Test
    void staleIfMatchIsRejectedAndNothingChanges() {
        long id = create(union.id, "Lý Văn Minh");
        Map<String, Object> stored = get(id);
        Map<String, Object> body = updateBody(stored);
        body.put("fullName", "Lý Văn Nam");
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(body)
                .when().put(MEMBERS + "/" + id).then().statusCode(412).contentType(PROBLEM)
                .body("status", equalTo(412));
        assertEquals(stored, get(id));

        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .when().put(MEMBERS + "/" + id).then().statusCode(200).header("ETag", "\"1\"");
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(updateBody(stored))
                .when().put(MEMBERS + "/" + id).then().statusCode(412);
        assertEquals("Lý Văn Nam", get(id).get("fullName"));
    }

    @Test
    void departureClosesThePeriodAndLeavesTheActiveList() {
        long id = create(union.id, "Trịnh Văn Phúc");
        long stays = create(union.id, "Trịnh Văn Quang");
        fixtures.makeChair(union.id, id);
        assertEquals(2, count("status=ACTIVE&grassrootsUnionId=" + union.id));

        Map<String, Object> body = updateBody(get(id));
        body.put("status", "LEFT");
        body.put("leftOn", "2024-07-01");
        body.put("leaveReason", "Nghỉ việc");
        put(id, body).statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", equalTo("LEFT"))
                .body("leftOn", equalTo("2024-07-01"))
                .body("leaveReason", equalTo("Nghỉ việc"));

        given().when().get(MEMBERS + "/" + id + "/history").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].startOn", equalTo("2021-03-01"))
                .body("[0].endOn", equalTo("2024-07-01"))
                .body("[0].endReason", equalTo("LEFT"));
        assertEquals(1, count("status=ACTIVE&grassrootsUnionId=" + union.id));
        assertNull(fixtures.chairOf(union.id));
        given().when().get(MEMBERS + "?status=ACTIVE&grassrootsUnionId=" + union.id).then()
                .body("items.id", contains((int) stays));
        given().when().get(MEMBERS + "?status=LEFT&grassrootsUnionId=" + union.id).then()
                .body("items.id", contains((int) id));

        // Gone members stay gone: re-admission is a new member record.
        Map<String, Object> back = updateBody(get(id));
        back.put("status", "ACTIVE");
        back.put("leftOn", null);
        back.put("leaveReason", null);
        put(id, back).statusCode(409).contentType(PROBLEM);

        // A departure already recorded may be corrected; the period follows.
        Map<String, Object> corrected = updateBody(get(id));
        corrected.put("status", "DECEASED");
        corrected.put("leftOn", "2024-06-15");
        put(id, corrected).statusCode(200).body("status", equalTo("DECEASED"));
        given().when().get(MEMBERS + "/" + id + "/history").then()
                .body("[0].endOn", equalTo("2024-06-15"))
                .body("[0].endReason", equalTo("DECEASED"));
    }

    @Test
    void searchIgnoresDiacriticsAndCase() {
        long an = create(union.id, "Nguyễn Văn An");
        long dang = create(union.id, "Đặng Thị Hoa");
        create(union.id, "Phan Văn Bình");
        for (String q : List.of("nguyen van an", "NGUYEN VAN AN", "Nguyễn Văn An", "van an")) {
            given().queryParam("q", q).queryParam("grassrootsUnionId", union.id)
                    .when().get(MEMBERS).then().statusCode(200)
                    .body("totalItems", equalTo(1))
                    .body("items[0].id", equalTo((int) an))
                    .body("items[0].fullName", equalTo("Nguyễn Văn An"));
        }
        given().queryParam("q", "dang").queryParam("grassrootsUnionId", union.id)
                .when().get(MEMBERS).then().statusCode(200)
                .body("items.id", contains((int) dang));
        given().queryParam("q", "100%_").queryParam("grassrootsUnionId", union.id)
                .when().get(MEMBERS).then().statusCode(200).body("items", empty());

        Map<String, Object> stored = get(dang);
        given().queryParam("q", ((String) stored.get("cardNumber")).toLowerCase())
                .when().get(MEMBERS).then().statusCode(200).body("items.id", contains((int) dang));
        given().queryParam("q", stored.get("nationalId"))
                .when().get(MEMBERS).then().statusCode(200).body("items.id", contains((int) dang));
    }

    @Test
    void listFiltersByUnionStatusGenderAndUnitSubtreeWithPaging() {
        GrassrootsUnion sibling = data.grassrootsUnion(chain[2].id, null, FOUNDED);
        Unit[] otherChain = data.chain();
        GrassrootsUnion elsewhere = data.grassrootsUnion(otherChain[2].id, null, FOUNDED);
        long a = create(union.id, "Anh A");
        long b = create(union.id, "Bảo B");
        Map<String, Object> female = createBody(union.id, "Cúc C");
        female.put("gender", "FEMALE");
        long c = create(female);
        long d = create(sibling.id, "Dũng D");
        create(elsewhere.id, "Em E");
        leave(b, LocalDate.of(2024, 1, 1));

        given().queryParam("grassrootsUnionId", union.id).when().get(MEMBERS).then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.id", contains((int) a, (int) b, (int) c))
                .body("items[0].grassrootsUnionName", equalTo(union.name));
        assertEquals(2, count("grassrootsUnionId=" + union.id + "&status=ACTIVE"));
        assertEquals(1, count("grassrootsUnionId=" + union.id + "&gender=FEMALE"));

        for (Unit root : new Unit[] {chain[1], chain[2]}) {
            given().queryParam("unitId", root.id).queryParam("size", 2).when().get(MEMBERS).then()
                    .statusCode(200)
                    .body("items.id", contains((int) a, (int) b))
                    .body("page", equalTo(0))
                    .body("size", equalTo(2))
                    .body("totalItems", equalTo(4))
                    .body("totalPages", equalTo(2));
            given().queryParam("unitId", root.id).queryParam("size", 2).queryParam("page", 1)
                    .when().get(MEMBERS).then().statusCode(200)
                    .body("items.id", contains((int) c, (int) d))
                    .body("page", equalTo(1));
            assertEquals(3, count("unitId=" + root.id + "&status=ACTIVE"));
        }
        assertEquals(1, count("unitId=" + otherChain[1].id));
        assertEquals(0, count("unitId=987654321"));

        given().queryParam("unitId", chain[1].id).queryParam("sort", "-fullName").when().get(MEMBERS).then()
                .body("items.id", contains((int) d, (int) c, (int) b, (int) a));
        given().queryParam("unitId", chain[1].id).queryParam("sort", "cardNumber").when().get(MEMBERS).then()
                .body("items.id", contains((int) a, (int) b, (int) c, (int) d));
        given().queryParam("unitId", chain[1].id).queryParam("sort", "joinedOn,-createdAt").when().get(MEMBERS)
                .then().statusCode(200).body("totalItems", equalTo(4));
    }

    @Test
    void rejectsBadListParameters() {
        listInvalid("status", "GONE");
        listInvalid("gender", "X");
        listInvalid("unitId", "abc");
        listInvalid("grassrootsUnionId", "1.5");
        listInvalid("page", "-1");
        listInvalid("size", "0");
        listInvalid("size", "101");
        listInvalid("sort", "nationalId");
    }

    @Test
    void unknownMemberIsNotFound() {
        given().when().get(MEMBERS + "/987654321").then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404));
        put(987654321L, Map.of("fullName", "X", "status", "ACTIVE", "nationalId", "012345678901"))
                .statusCode(404).contentType(PROBLEM);
    }

    private void invalid(Consumer<Map<String, Object>> change, String field) {
        Map<String, Object> body = createBody(union.id, "Nguyễn Văn Sai");
        change.accept(body);
        post(body).statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
    }

    private void updateInvalid(long id, Map<String, Object> stored, Consumer<Map<String, Object>> change,
                               String field) {
        Map<String, Object> body = updateBody(stored);
        change.accept(body);
        put(id, body).statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field))
                .body("errors.field", not(hasItem("body")));
    }

    private static void listInvalid(String param, String value) {
        given().queryParam(param, value).when().get(MEMBERS).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains(param));
    }
}
