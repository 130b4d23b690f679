package vn.doanvien.grassroots;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;
import vn.doanvien.common.Today;
import vn.doanvien.enterprise.Enterprise;
import vn.doanvien.member.Member;
import vn.doanvien.organisation.Unit;
import vn.doanvien.organisation.UnitKind;

@QuarkusTest
class GrassrootsUnionResourceTest {

    static final String PATH = "/api/v1/grassroots-unions";
    static final String PROBLEM = "application/problem+json";
    static final LocalDate FOUNDED = LocalDate.of(2022, 3, 15);

    @Inject
    TestData data;

    @Inject
    GrassrootsFixtures fixtures;

    static Map<String, Object> body(Long upperLevelUnitId, Long enterpriseId) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("code", TestData.unique("CDCS"));
        b.put("name", "Công đoàn cơ sở Công ty TNHH Điện tử");
        b.put("upperLevelUnitId", upperLevelUnitId);
        b.put("enterpriseId", enterpriseId);
        b.put("foundedOn", FOUNDED.toString());
        return b;
    }

    /** The update body that keeps everything of a union as it is. */
    static Map<String, Object> updateOf(long id) {
        var json = get(id).statusCode(200).extract().jsonPath();
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("code", json.getString("code"));
        b.put("name", json.getString("name"));
        b.put("upperLevelUnitId", json.getLong("upperLevelUnitId"));
        b.put("enterpriseId", json.get("enterpriseId"));
        b.put("chairMemberId", json.get("chairMemberId"));
        return b;
    }

    static Map<String, Object> with(Map<String, Object> b, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(b);
        copy.put(key, value);
        return copy;
    }

    static ValidatableResponse post(Map<String, Object> b) {
        return given().contentType(ContentType.JSON).body(b).when().post(PATH).then();
    }

    static long create(Map<String, Object> b) {
        return post(b).statusCode(201).extract().jsonPath().getLong("id");
    }

    static ValidatableResponse get(long id) {
        return given().when().get(PATH + "/" + id).then();
    }

    static ValidatableResponse put(long id, String ifMatch, Map<String, Object> b) {
        var request = given().contentType(ContentType.JSON).body(b);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().put(PATH + "/" + id).then();
    }

    static ValidatableResponse dissolve(long id, LocalDate on) {
        return given().contentType(ContentType.JSON).body(Map.of("dissolvedOn", on.toString()))
                .when().post(PATH + "/" + id + "/dissolution").then();
    }

    static ValidatableResponse history(long id) {
        return given().when().get(PATH + "/" + id + "/placement-history").then();
    }

    static ValidatableResponse list(Map<String, ?> params) {
        return given().queryParams(params).when().get(PATH).then();
    }

    static void assertInvalid(ValidatableResponse response, String... fields) {
        response.statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("errors.field", hasItems(fields));
    }

    private Unit upper() {
        return data.chain()[2];
    }

    /** Another upper-level union under the same provincial federation as {@code upper}. */
    private Unit sibling(Unit[] chain) {
        return data.unit(UnitKind.UPPER_LEVEL_UNION, chain[1].id, LocalDate.of(2020, 1, 1));
    }

    @Test
    void foundsAUnionInAnEnterpriseAndReadsItBack() {
        Unit upper = upper();
        Enterprise enterprise = data.enterprise(upper.id, 800);
        Map<String, Object> b = body(upper.id, enterprise.id);

        ExtractableResponse<Response> created = post(b).statusCode(201)
                .contentType(ContentType.JSON)
                .header("ETag", "\"0\"")
                .body("code", equalTo(b.get("code")))
                .body("status", equalTo("ACTIVE"))
                .body("activeMembers", equalTo(0))
                .extract();
        long id = created.jsonPath().getLong("id");
        assertEquals(PATH + "/" + id, URI.create(created.header("Location")).getPath());

        get(id).statusCode(200)
                .header("ETag", "\"0\"")
                .body("id", equalTo((int) id))
                .body("code", equalTo(b.get("code")))
                .body("name", equalTo("Công đoàn cơ sở Công ty TNHH Điện tử"))
                .body("upperLevelUnitId", equalTo(upper.id.intValue()))
                .body("upperLevelUnitName", equalTo(upper.name))
                .body("enterpriseId", equalTo(enterprise.id.intValue()))
                .body("enterpriseName", equalTo(enterprise.name))
                .body("foundedOn", equalTo(FOUNDED.toString()))
                .body("dissolvedOn", nullValue())
                .body("status", equalTo("ACTIVE"))
                .body("chairMemberId", nullValue())
                .body("activeMembers", equalTo(0))
                .body("version", equalTo(0))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue());

        history(id).statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].upperLevelUnitId", equalTo(upper.id.intValue()))
                .body("[0].upperLevelUnitCode", equalTo(upper.code))
                .body("[0].upperLevelUnitName", equalTo(upper.name))
                .body("[0].validFrom", equalTo(FOUNDED.toString()))
                .body("[0].validTo", nullValue());
    }

    @Test
    void aUnionWithoutEnterpriseIsAllowed() {
        long id = create(with(body(upper().id, null), "name", "Công đoàn Trường Tiểu học Đống Đa"));
        get(id).body("enterpriseId", nullValue()).body("enterpriseName", nullValue());
    }

    @Test
    void rejectsInvalidBodies() {
        Unit[] chain = data.chain();
        Unit upper = chain[2];
        Map<String, Object> b = body(upper.id, null);
        assertInvalid(post(new LinkedHashMap<>()), "code", "name", "upperLevelUnitId", "foundedOn");
        assertInvalid(post(with(b, "code", "CĐ CS 1")), "code");
        assertInvalid(post(with(b, "code", "x".repeat(65))), "code");
        assertInvalid(post(with(b, "name", " ")), "name");
        assertInvalid(post(with(b, "foundedOn", Today.date().plusDays(1).toString())), "foundedOn");
        assertInvalid(post(with(b, "foundedOn", "15/03/2022")), "foundedOn");
        assertInvalid(post(with(b, "upperLevelUnitId", 999_999_999L)), "upperLevelUnitId");
        assertInvalid(post(with(b, "upperLevelUnitId", chain[1].id)), "upperLevelUnitId");
        assertInvalid(post(with(b, "upperLevelUnitId", chain[0].id)), "upperLevelUnitId");
        // The chain's units exist from 2020-01-01: a union founded before that cannot sit under them.
        assertInvalid(post(with(b, "foundedOn", "2019-12-31")), "upperLevelUnitId");
        assertInvalid(post(with(b, "enterpriseId", 999_999_999L)), "enterpriseId");
        // A new union has no members, so no chair yet.
        assertInvalid(post(with(b, "chairMemberId", 1)), "chairMemberId");
        assertInvalid(post(with(b, "status", "DISSOLVED")), "status");
        list(Map.of("upperLevelUnitId", upper.id)).body("totalItems", equalTo(0));
    }

    @Test
    void duplicateCodeIsAConflictPointingToTheExistingUnion() {
        Unit upper = upper();
        Map<String, Object> b = body(upper.id, null);
        long first = create(b);
        post(with(b, "name", "Công đoàn khác")).statusCode(409).contentType(PROBLEM)
                .body("existingId", equalTo((int) first))
                .body("errors.field", contains("code"));

        long second = create(body(upper.id, null));
        put(second, null, with(updateOf(second), "code", b.get("code"))).statusCode(409).contentType(PROBLEM)
                .body("existingId", equalTo((int) first));
    }

    @Test
    void anEnterpriseHasAtMostOneActiveUnion() {
        Unit upper = upper();
        Enterprise enterprise = data.enterprise(upper.id, 500);
        long first = create(body(upper.id, enterprise.id));

        post(body(upper.id, enterprise.id)).statusCode(409).contentType(PROBLEM)
                .body("existingId", equalTo((int) first))
                .body("errors.field", contains("enterpriseId"));

        long elsewhere = create(body(upper.id, null));
        put(elsewhere, null, with(updateOf(elsewhere), "enterpriseId", enterprise.id)).statusCode(409)
                .contentType(PROBLEM).body("existingId", equalTo((int) first));
        get(elsewhere).body("enterpriseId", nullValue());

        // Once the first is dissolved, the enterprise can found a new one.
        dissolve(first, Today.date()).statusCode(200);
        long next = create(body(upper.id, enterprise.id));
        list(Map.of("enterpriseId", enterprise.id)).body("items.id", containsInAnyOrder((int) first, (int) next));
        list(Map.of("enterpriseId", enterprise.id, "status", "ACTIVE")).body("items.id", contains((int) next));
    }

    @Test
    void unknownIdIsANotFoundProblem() {
        long missing = 987_654_321L;
        get(missing).statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
        Map<String, Object> update = body(upper().id, null);
        update.remove("foundedOn");
        put(missing, null, update).statusCode(404).contentType(PROBLEM);
        history(missing).statusCode(404).contentType(PROBLEM);
        dissolve(missing, Today.date()).statusCode(404).contentType(PROBLEM);
    }

    @Test
    void staleIfMatchIsRefusedAndChangesNothing() {
        long id = create(body(upper().id, null));
        Map<String, Object> update = updateOf(id);
        put(id, "\"0\"", with(update, "name", "Công đoàn cơ sở Mới")).statusCode(200);

        put(id, "\"0\"", with(update, "name", "Công đoàn cơ sở Cũ")).statusCode(412).contentType(PROBLEM)
                .body("status", equalTo(412));
        get(id).header("ETag", "\"1\"").body("name", equalTo("Công đoàn cơ sở Mới")).body("version", equalTo(1));
    }

    @Test
    void updateWithCurrentIfMatchReplacesTheEditableFields() {
        Unit upper = upper();
        Enterprise enterprise = data.enterprise(upper.id, 120);
        long id = create(body(upper.id, null));
        String etag = get(id).extract().header("ETag");
        String code = TestData.unique("CDCS");

        Map<String, Object> update = updateOf(id);
        update.put("code", code);
        update.put("name", "Công đoàn cơ sở Công ty Cổ phần Đường Quảng Ngãi");
        update.put("enterpriseId", enterprise.id);
        put(id, etag, update).statusCode(200)
                .header("ETag", "\"1\"")
                .body("version", equalTo(1))
                .body("code", equalTo(code))
                .body("enterpriseName", equalTo(enterprise.name));

        get(id).header("ETag", "\"1\"")
                .body("code", equalTo(code))
                .body("name", equalTo("Công đoàn cơ sở Công ty Cổ phần Đường Quảng Ngãi"))
                .body("enterpriseId", equalTo(enterprise.id.intValue()))
                .body("upperLevelUnitId", equalTo(upper.id.intValue()))
                .body("foundedOn", equalTo(FOUNDED.toString()));
        // Unchanged upper-level union: no move, one placement.
        history(id).body("size()", equalTo(1));
    }

    @Test
    void activeMembersCountsOnlyActiveMembersOfThatUnion() {
        Unit upper = upper();
        long id = create(body(upper.id, null));
        long other = create(body(upper.id, null));
        LocalDate joined = LocalDate.of(2023, 1, 10);
        data.member(id, "Nguyễn Văn An", joined);
        data.member(id, "Trần Thị Bình", joined);
        Member leaving = data.member(id, "Lê Văn Cường", joined);
        data.member(other, "Phạm Thị Dung", joined);
        fixtures.markLeft(leaving.id, LocalDate.of(2024, 5, 1));

        get(id).body("activeMembers", equalTo(2));
        get(other).body("activeMembers", equalTo(1));
        list(Map.of("upperLevelUnitId", upper.id, "sort", "createdAt"))
                .body("items.id", contains((int) id, (int) other))
                .body("items.activeMembers", contains(2, 1));
    }

    @Test
    void theChairMustBeAnActiveMemberOfTheUnion() {
        Unit upper = upper();
        long id = create(body(upper.id, null));
        long other = create(body(upper.id, null));
        LocalDate joined = LocalDate.of(2023, 1, 10);
        Member chair = data.member(id, "Nguyễn Thị Hoa", joined);
        Member left = data.member(id, "Đỗ Văn Hùng", joined);
        fixtures.markLeft(left.id, LocalDate.of(2024, 2, 1));
        Member stranger = data.member(other, "Vũ Thị Lan", joined);
        Map<String, Object> update = updateOf(id);

        assertInvalid(put(id, null, with(update, "chairMemberId", stranger.id)), "chairMemberId");
        assertInvalid(put(id, null, with(update, "chairMemberId", left.id)), "chairMemberId");
        assertInvalid(put(id, null, with(update, "chairMemberId", 999_999_999L)), "chairMemberId");
        get(id).body("chairMemberId", nullValue()).body("version", equalTo(0));

        put(id, null, with(update, "chairMemberId", chair.id)).statusCode(200)
                .body("chairMemberId", equalTo(chair.id.intValue()));
        get(id).body("chairMemberId", equalTo(chair.id.intValue()));
        // Full replacement: leaving the chair out clears it.
        put(id, null, updateOf(id)).statusCode(200);
        put(id, null, with(updateOf(id), "chairMemberId", null)).statusCode(200)
                .body("chairMemberId", nullValue());
    }

    @Test
    void movingToAnotherUpperLevelUnionKeepsThePlacementHistory() {
        Unit[] chain = data.chain();
        Unit from = chain[2];
        Unit to = sibling(chain);
        long id = create(body(from.id, null));
        LocalDate effective = LocalDate.of(2024, 7, 1);

        put(id, "\"0\"", with(with(updateOf(id), "upperLevelUnitId", to.id), "effectiveOn", effective.toString()))
                .statusCode(200)
                .body("upperLevelUnitId", equalTo(to.id.intValue()))
                .body("upperLevelUnitName", equalTo(to.name))
                .body("version", equalTo(1));

        history(id).statusCode(200)
                .body("upperLevelUnitId", contains(from.id.intValue(), to.id.intValue()))
                .body("upperLevelUnitCode", contains(from.code, to.code))
                .body("upperLevelUnitName", contains(from.name, to.name))
                .body("validFrom", contains(FOUNDED.toString(), effective.toString()))
                .body("validTo[0]", equalTo(effective.toString()))
                .body("validTo[1]", nullValue());

        list(Map.of("upperLevelUnitId", to.id)).body("items.id", contains((int) id));
        list(Map.of("upperLevelUnitId", from.id)).body("items", empty());
        // Both are in the provincial federation's subtree; only the new one's subtree has it.
        list(Map.of("unitId", chain[1].id)).body("items.id", contains((int) id));
        list(Map.of("unitId", chain[0].id)).body("items.id", contains((int) id));
        list(Map.of("unitId", from.id)).body("items", empty());
        list(Map.of("unitId", to.id)).body("items.id", contains((int) id));

        // Back again, effective today by default.
        put(id, null, with(updateOf(id), "upperLevelUnitId", from.id)).statusCode(200);
        history(id).body("size()", equalTo(3))
                .body("[2].upperLevelUnitId", equalTo(from.id.intValue()))
                .body("[2].validFrom", equalTo(Today.date().toString()))
                .body("[1].validTo", equalTo(Today.date().toString()));
    }

    @Test
    void movingOnTheDayTheCurrentPlacementBeganReplacesIt() {
        Unit[] chain = data.chain();
        Unit to = sibling(chain);
        long id = create(body(chain[2].id, null));
        put(id, null, with(with(updateOf(id), "upperLevelUnitId", to.id), "effectiveOn", FOUNDED.toString()))
                .statusCode(200).body("upperLevelUnitId", equalTo(to.id.intValue()));
        history(id).body("size()", equalTo(1))
                .body("[0].upperLevelUnitId", equalTo(to.id.intValue()))
                .body("[0].validFrom", equalTo(FOUNDED.toString()))
                .body("[0].validTo", nullValue());
    }

    @Test
    void badMovesAreRefusedAndChangeNothing() {
        Unit[] chain = data.chain();
        Unit to = sibling(chain);
        long id = create(body(chain[2].id, null));
        Map<String, Object> move = with(updateOf(id), "upperLevelUnitId", to.id);

        put(id, null, with(move, "effectiveOn", FOUNDED.minusDays(1).toString())).statusCode(409)
                .contentType(PROBLEM).body("status", equalTo(409));
        assertInvalid(put(id, null, with(move, "effectiveOn", Today.date().plusDays(1).toString())), "effectiveOn");
        assertInvalid(put(id, null, with(move, "upperLevelUnitId", chain[1].id)), "upperLevelUnitId");
        assertInvalid(put(id, null, with(move, "upperLevelUnitId", 999_999_999L)), "upperLevelUnitId");
        Unit late = data.unit(UnitKind.UPPER_LEVEL_UNION, chain[1].id, LocalDate.of(2025, 1, 1));
        assertInvalid(put(id, null, with(with(move, "upperLevelUnitId", late.id), "effectiveOn", "2024-12-31")),
                "upperLevelUnitId");

        get(id).body("upperLevelUnitId", equalTo(chain[2].id.intValue())).body("version", equalTo(0));
        history(id).body("size()", equalTo(1)).body("[0].validTo", nullValue());
    }

    @Test
    void dissolutionNeedsTheMembersGoneFirst() {
        Unit upper = upper();
        Enterprise enterprise = data.enterprise(upper.id, 60);
        long id = create(body(upper.id, enterprise.id));
        Member chair = data.member(id, "Hoàng Văn Minh", LocalDate.of(2023, 1, 10));
        Member member = data.member(id, "Ngô Thị Nga", LocalDate.of(2023, 1, 10));
        put(id, null, with(updateOf(id), "chairMemberId", chair.id)).statusCode(200);

        dissolve(id, Today.date()).statusCode(409).contentType(PROBLEM).body("status", equalTo(409));
        get(id).body("status", equalTo("ACTIVE")).body("dissolvedOn", nullValue());

        LocalDate leftOn = LocalDate.of(2025, 3, 1);
        fixtures.markLeft(chair.id, leftOn);
        fixtures.markLeft(member.id, leftOn);
        assertInvalid(dissolve(id, Today.date().plusDays(1)), "dissolvedOn");
        assertInvalid(dissolve(id, FOUNDED), "dissolvedOn");
        given().contentType(ContentType.JSON).body("{}").when().post(PATH + "/" + id + "/dissolution").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", contains("dissolvedOn"));

        LocalDate dissolvedOn = LocalDate.of(2025, 6, 30);
        dissolve(id, dissolvedOn).statusCode(200)
                .header("ETag", notNullValue())
                .body("status", equalTo("DISSOLVED"))
                .body("dissolvedOn", equalTo(dissolvedOn.toString()))
                .body("chairMemberId", nullValue())
                .body("activeMembers", equalTo(0));
        get(id).body("status", equalTo("DISSOLVED"))
                .body("dissolvedOn", equalTo(dissolvedOn.toString()))
                .body("chairMemberId", nullValue());
        history(id).body("[0].validTo", equalTo(dissolvedOn.toString()));
        given().when().get("/api/v1/enterprises/" + enterprise.id).then().body("unionized", equalTo(false));

        dissolve(id, Today.date()).statusCode(409).contentType(PROBLEM);
        put(id, null, with(updateOf(id), "name", "Sửa sau giải thể")).statusCode(409).contentType(PROBLEM);
        get(id).body("name", equalTo("Công đoàn cơ sở Công ty TNHH Điện tử"));
        list(Map.of("upperLevelUnitId", upper.id, "status", "DISSOLVED")).body("items.id", contains((int) id));
        list(Map.of("upperLevelUnitId", upper.id, "status", "ACTIVE")).body("items", empty());
    }

    @Test
    void searchIgnoresCaseAndVietnameseDiacritics() {
        Unit upper = upper();
        long school = create(with(with(body(upper.id, null), "name", "Công đoàn Trường Tiểu học Đống Đa"),
                "code", "TH-" + System.nanoTime()));
        long factory = create(with(with(body(upper.id, null), "name", "Công đoàn cơ sở Công ty May Việt Tiến"),
                "code", "MVT-" + System.nanoTime()));
        Long u = upper.id;

        list(Map.of("upperLevelUnitId", u, "q", "cong doan"))
                .body("items.id", containsInAnyOrder((int) school, (int) factory));
        list(Map.of("upperLevelUnitId", u, "q", "TRUONG TIEU HOC DONG DA")).body("items.id", contains((int) school));
        list(Map.of("upperLevelUnitId", u, "q", "Đống Đa")).body("items.id", contains((int) school));
        list(Map.of("upperLevelUnitId", u, "q", "dong")).body("items.id", contains((int) school));
        list(Map.of("upperLevelUnitId", u, "q", "viet tien")).body("items.id", contains((int) factory));
        list(Map.of("upperLevelUnitId", u, "q", "mvt-")).body("items.id", contains((int) factory));
    }

    @Test
    void listIsPagedAndSorted() {
        Unit upper = upper();
        long c = create(with(body(upper.id, null), "name", "Công đoàn C"));
        long a = create(with(with(body(upper.id, null), "name", "Công đoàn A"), "foundedOn", "2021-01-01"));
        long b = create(with(with(body(upper.id, null), "name", "Công đoàn B"), "foundedOn", "2023-01-01"));
        Long u = upper.id;

        list(Map.of("upperLevelUnitId", u)).body("items.id", contains((int) a, (int) b, (int) c));
        list(Map.of("upperLevelUnitId", u, "sort", "-foundedOn")).body("items.id", contains((int) b, (int) c, (int) a));
        list(Map.of("upperLevelUnitId", u, "size", "2", "page", "1")).statusCode(200)
                .body("items.id", contains((int) c))
                .body("page", equalTo(1))
                .body("size", equalTo(2))
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2));
    }

    @Test
    void badListParametersAreProblemsNamingTheParameter() {
        assertInvalid(list(Map.of("sort", "activeMembers")), "sort");
        assertInvalid(list(Map.of("size", "1000")), "size");
        assertInvalid(list(Map.of("status", "CLOSED")), "status");
        assertInvalid(list(Map.of("unitId", "x")), "unitId");
        assertInvalid(list(Map.of("enterpriseId", "1.5")), "enterpriseId");
        list(Map.of("unitId", "987654321")).statusCode(200).body("items", empty()).body("totalItems", equalTo(0));
    }
}
