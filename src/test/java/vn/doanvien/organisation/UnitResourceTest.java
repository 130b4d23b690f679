package vn.doanvien.organisation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.doanvien.organisation.UnitApi.START;
import static vn.doanvien.organisation.UnitApi.UNITS;
import static vn.doanvien.organisation.UnitApi.body;
import static vn.doanvien.organisation.UnitApi.confederation;
import static vn.doanvien.organisation.UnitApi.create;
import static vn.doanvien.organisation.UnitApi.createId;
import static vn.doanvien.organisation.UnitApi.get;
import static vn.doanvien.organisation.UnitApi.province;
import static vn.doanvien.organisation.UnitApi.put;
import static vn.doanvien.organisation.UnitApi.upper;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;
import vn.doanvien.common.Today;

@QuarkusTest
class UnitResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    TestData data;

    @Test
    void createsEachKindUnderTheRightParent() {
        long conf = confederation();
        get(conf, null).statusCode(200).body("kind", equalTo("CONFEDERATION")).body("parentId", nullValue());

        Map<String, Object> provinceBody = body("PROVINCIAL_FEDERATION", null, conf, START, "Liên đoàn Lao động tỉnh Bắc Ninh");
        ExtractableResponse<Response> created = create(provinceBody).statusCode(201)
                .contentType(ContentType.JSON)
                .header("ETag", "\"0\"")
                .body("kind", equalTo("PROVINCIAL_FEDERATION"))
                .body("category", nullValue())
                .body("code", equalTo(provinceBody.get("code")))
                .body("name", equalTo("Liên đoàn Lao động tỉnh Bắc Ninh"))
                .body("parentId", equalTo((int) conf))
                .body("parentName", notNullValue())
                .body("provinceCode", equalTo("27"))
                .body("validFrom", equalTo("2020-01-01"))
                .body("validTo", nullValue())
                .body("active", equalTo(true))
                .body("version", equalTo(0))
                .body("createdAt", notNullValue())
                .extract();
        long province = created.jsonPath().getLong("id");
        assertEquals(true, created.header("Location").endsWith(UNITS + "/" + province));
        get(province, null).statusCode(200).body("code", equalTo(provinceBody.get("code")))
                .body("parentId", equalTo((int) conf));

        long sectoral = create(body("SECTORAL_UNION", null, conf, START, "Công đoàn Giáo dục Việt Nam"))
                .statusCode(201).body("kind", equalTo("SECTORAL_UNION")).extract().jsonPath().getLong("id");
        long zone = create(body("UPPER_LEVEL_UNION", "INDUSTRIAL_ZONE", province, START, "Công đoàn các KCN Bắc Ninh"))
                .statusCode(201).body("category", equalTo("INDUSTRIAL_ZONE")).extract().jsonPath().getLong("id");
        long corporation = create(body("UPPER_LEVEL_UNION", "CORPORATION", sectoral, START, "Công đoàn Tổng công ty X"))
                .statusCode(201).extract().jsonPath().getLong("id");
        // Corporation unions nest.
        long nested = create(body("UPPER_LEVEL_UNION", "CORPORATION", corporation, START, "Công đoàn Công ty con Y"))
                .statusCode(201).extract().jsonPath().getLong("id");

        get(zone, null).statusCode(200).body("parentId", equalTo((int) province))
                .body("parentName", equalTo("Liên đoàn Lao động tỉnh Bắc Ninh"));
        get(nested, null).statusCode(200).body("parentId", equalTo((int) corporation))
                .body("parentName", equalTo("Công đoàn Tổng công ty X"));
        get(sectoral, null).statusCode(200).body("parentId", equalTo((int) conf));
    }

    @Test
    void validFromDefaultsToToday() {
        long province = province("LĐLĐ tỉnh mặc định");
        Map<String, Object> b = body("UPPER_LEVEL_UNION", "COMMUNE_WARD", province, null, "Công đoàn phường Bến Nghé");
        create(b).statusCode(201).body("validFrom", equalTo(Today.date().toString()));
    }

    @Test
    void onlyOneConfederationIsActiveAtATime() {
        long conf = confederation();
        create(body("CONFEDERATION", null, null, LocalDate.of(2024, 1, 1), "Tổng Liên đoàn thứ hai"))
                .statusCode(409).contentType(PROBLEM).body("status", equalTo(409))
                .body("existingId", notNullValue());
        get(conf, null).statusCode(200).body("validTo", nullValue());
    }

    @Test
    void everyValidationErrorIsAProblemNamingTheField() {
        long conf = confederation();
        long province = province("LĐLĐ tỉnh kiểm tra");
        String tomorrow = Today.date().plusDays(1).toString();

        assertInvalid(with(body("PROVINCIAL_FEDERATION", null, conf, START, "X"), "code", "bad code!"), "code");
        assertInvalid(with(body("PROVINCIAL_FEDERATION", null, conf, START, "X"), "code", "c".repeat(65)), "code");
        assertInvalid(with(body("PROVINCIAL_FEDERATION", null, conf, START, "X"), "code", null), "code");
        assertInvalid(body("PROVINCIAL_FEDERATION", null, conf, START, null), "name");
        assertInvalid(body("PROVINCIAL_FEDERATION", null, conf, START, "   "), "name");
        assertInvalid(body("PROVINCIAL_FEDERATION", null, conf, START, "n".repeat(256)), "name");
        assertInvalid(with(body("PROVINCIAL_FEDERATION", null, conf, START, "X"), "kind", null), "kind");
        assertInvalid(with(body("PROVINCIAL_FEDERATION", null, conf, START, "X"), "kind", "GALAXY"), "kind");
        assertInvalid(with(body("PROVINCIAL_FEDERATION", null, conf, START, "X"), "provinceCode", "ABC"), "provinceCode");
        assertInvalid(with(body("PROVINCIAL_FEDERATION", null, conf, START, "X"), "validFrom", "2025-02-30"), "validFrom");
        assertInvalid(with(body("PROVINCIAL_FEDERATION", null, conf, START, "X"), "validFrom", tomorrow), "validFrom");
        // Kind rules.
        assertInvalid(body("PROVINCIAL_FEDERATION", "DISTRICT", conf, START, "X"), "category");
        assertInvalid(body("UPPER_LEVEL_UNION", null, province, START, "X"), "category");
        assertInvalid(body("UPPER_LEVEL_UNION", "DISTRICT", conf, START, "X"), "parentId");
        assertInvalid(body("PROVINCIAL_FEDERATION", null, province, START, "X"), "parentId");
        assertInvalid(body("SECTORAL_UNION", null, null, START, "X"), "parentId");
        assertInvalid(body("CONFEDERATION", null, conf, START, "X"), "parentId");

        Map<String, Object> unknownParent = body("UPPER_LEVEL_UNION", "DISTRICT", 987654321L, START, "X");
        assertInvalid(unknownParent, "parentId")
                .body("detail", containsString("parentId: unit 987654321 does not exist"));
    }

    @Test
    void parentMustBeActiveOnValidFrom() {
        long province = createId(body("PROVINCIAL_FEDERATION", null, confederation(), LocalDate.of(2025, 7, 1),
                "LĐLĐ tỉnh sau sáp nhập"));
        Map<String, Object> b = body("UPPER_LEVEL_UNION", "DISTRICT", province, LocalDate.of(2024, 1, 1), "LĐLĐ huyện");
        create(b).statusCode(409).contentType(PROBLEM).body("status", equalTo(409));
        assertNotStored((String) b.get("code"));
    }

    @Test
    void duplicateCodeIsAConflictPointingToTheExistingUnit() {
        long province = province("LĐLĐ tỉnh trùng mã");
        Map<String, Object> first = body("UPPER_LEVEL_UNION", "DISTRICT", province, START, "LĐLĐ huyện A");
        long id = createId(first);
        Map<String, Object> second = body("UPPER_LEVEL_UNION", "DISTRICT", province, START, "LĐLĐ huyện B");
        second.put("code", first.get("code"));
        create(second).statusCode(409).contentType(PROBLEM)
                .body("existingId", equalTo((int) id))
                .body("errors.field", hasItem("code"));
        get(id, null).statusCode(200).body("name", equalTo("LĐLĐ huyện A"));
    }

    @Test
    void malformedJsonAndUnknownFieldsAreProblems() {
        given().contentType(ContentType.JSON).body("{\"kind\": \"CONFEDERATION\", ").post(UNITS)
                .then().statusCode(400).contentType(PROBLEM).body("status", equalTo(400));
        given().contentType(ContentType.JSON).post(UNITS)
                .then().statusCode(400).contentType(PROBLEM).body("status", equalTo(400));
        given().contentType(ContentType.JSON).body("[]").post(UNITS)
                .then().statusCode(400).contentType(PROBLEM).body("status", equalTo(400));
        Map<String, Object> b = body("PROVINCIAL_FEDERATION", null, confederation(), START, "X");
        b.put("colour", "red");
        assertInvalid(b, "colour");
    }

    @Test
    void unknownUnitIsNotFound() {
        for (String path : new String[] {"", "/children", "/subtree", "/parent-history"}) {
            given().get(UNITS + "/987654321" + path).then().statusCode(404).contentType(PROBLEM)
                    .body("status", equalTo(404)).body("detail", containsString("987654321"));
        }
        put(987654321L, Map.of("code", "X1", "name", "X")).statusCode(404).contentType(PROBLEM);
    }

    @Test
    void etagIsTheQuotedVersion() {
        long id = province("LĐLĐ tỉnh ETag");
        Response r = given().get(UNITS + "/" + id);
        assertEquals(200, r.statusCode());
        assertEquals("\"" + r.jsonPath().getLong("version") + "\"", r.header("ETag"));
    }

    @Test
    void updateChecksIfMatch() {
        long province = province("LĐLĐ tỉnh sửa");
        long id = upper(province, "DISTRICT", "LĐLĐ huyện Gia Lâm");
        Map<String, Object> b = UnitApi.moveBody(id, province, null);
        b.put("name", "LĐLĐ huyện Gia Lâm (mới)");

        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(b).put(UNITS + "/" + id)
                .then().statusCode(412).contentType(PROBLEM).body("status", equalTo(412));
        get(id, null).statusCode(200).body("name", equalTo("LĐLĐ huyện Gia Lâm")).body("version", equalTo(0));

        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(b).put(UNITS + "/" + id)
                .then().statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("LĐLĐ huyện Gia Lâm (mới)")).body("version", equalTo(1));
        get(id, null).statusCode(200).body("name", equalTo("LĐLĐ huyện Gia Lâm (mới)")).body("version", equalTo(1));

        // Without If-Match the update is allowed too.
        b.put("category", "OTHER");
        put(id, b).statusCode(200).body("category", equalTo("OTHER")).body("version", equalTo(2));
    }

    @Test
    void updateValidatesLikeCreate() {
        long province = province("LĐLĐ tỉnh kiểm tra sửa");
        long id = upper(province, "DISTRICT", "LĐLĐ huyện kiểm tra");
        long other = upper(province, "DISTRICT", "LĐLĐ huyện khác");
        String otherCode = get(other, null).extract().jsonPath().getString("code");

        Map<String, Object> b = UnitApi.moveBody(id, province, null);
        b.put("kind", "SECTORAL_UNION");
        put(id, b).statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("kind"));

        b = UnitApi.moveBody(id, province, null);
        b.put("category", null);
        put(id, b).statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("category"));

        b = UnitApi.moveBody(id, confederation(), null);
        put(id, b).statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("parentId"));

        b = UnitApi.moveBody(id, province, Today.date().plusDays(1));
        put(id, b).statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("effectiveOn"));

        b = UnitApi.moveBody(id, province, null);
        b.put("code", otherCode);
        put(id, b).statusCode(409).contentType(PROBLEM).body("existingId", equalTo((int) other));

        get(id, null).statusCode(200).body("category", equalTo("DISTRICT")).body("version", equalTo(0));
    }

    @Test
    void reparentingKeepsHistory() {
        long oldParent = province("LĐLĐ tỉnh Bắc Giang");
        long newParent = province("LĐLĐ tỉnh Bắc Ninh mới");
        long id = upper(oldParent, "INDUSTRIAL_ZONE", "Công đoàn các KCN Bắc Giang");
        LocalDate merger = LocalDate.of(2025, 7, 1);

        put(id, UnitApi.moveBody(id, newParent, merger)).statusCode(200)
                .body("parentId", equalTo((int) newParent)).body("version", equalTo(1));

        get(id, "2025-06-30").statusCode(200).body("parentId", equalTo((int) oldParent))
                .body("parentName", equalTo("LĐLĐ tỉnh Bắc Giang"));
        get(id, "2025-07-01").statusCode(200).body("parentId", equalTo((int) newParent));
        get(id, null).statusCode(200).body("parentId", equalTo((int) newParent))
                .body("parentName", equalTo("LĐLĐ tỉnh Bắc Ninh mới"));
        get(id, "2019-12-31").statusCode(200).body("parentId", nullValue()).body("active", equalTo(false));

        childIds(oldParent, "2025-06-30").body("items.id", contains((int) id));
        childIds(oldParent, null).body("totalItems", equalTo(0));
        childIds(newParent, "2025-06-30").body("totalItems", equalTo(0));
        childIds(newParent, null).body("items.id", contains((int) id));

        given().get(UNITS + "/" + id + "/parent-history").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].parentId", equalTo((int) oldParent))
                .body("[0].parentName", equalTo("LĐLĐ tỉnh Bắc Giang"))
                .body("[0].parentCode", notNullValue())
                .body("[0].validFrom", equalTo("2020-01-01"))
                .body("[0].validTo", equalTo("2025-07-01"))
                .body("[1].parentId", equalTo((int) newParent))
                .body("[1].validFrom", equalTo("2025-07-01"))
                .body("[1].validTo", nullValue());

        // A second move on the same day replaces the parent of the link that starts that day.
        long third = province("LĐLĐ tỉnh thứ ba");
        put(id, UnitApi.moveBody(id, third, merger)).statusCode(200);
        given().get(UNITS + "/" + id + "/parent-history").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[1].parentId", equalTo((int) third))
                .body("[1].validFrom", equalTo("2025-07-01"));

        // History before the current link is not rewritten.
        put(id, UnitApi.moveBody(id, oldParent, LocalDate.of(2025, 6, 1))).statusCode(409).contentType(PROBLEM);
        get(id, null).statusCode(200).body("parentId", equalTo((int) third));
    }

    @Test
    void newParentMustBeActiveOnEffectiveOn() {
        long oldParent = province("LĐLĐ tỉnh cũ");
        long later = createId(body("PROVINCIAL_FEDERATION", null, confederation(), LocalDate.of(2025, 7, 1),
                "LĐLĐ tỉnh mới lập"));
        long id = upper(oldParent, "DISTRICT", "LĐLĐ huyện chuyển");
        put(id, UnitApi.moveBody(id, later, LocalDate.of(2025, 1, 1))).statusCode(409).contentType(PROBLEM);
        given().get(UNITS + "/" + id + "/parent-history").then().body("size()", equalTo(1));
    }

    @Test
    void aUnitCannotBecomeItsOwnAncestor() {
        long province = province("LĐLĐ tỉnh vòng lặp");
        long a = upper(province, "CORPORATION", "Công đoàn Tổng công ty A");
        long b = upper(a, "CORPORATION", "Công đoàn Công ty B");
        long c = upper(b, "CORPORATION", "Công đoàn Công ty C");

        put(a, UnitApi.moveBody(a, c, LocalDate.of(2025, 7, 1))).statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("own ancestor"));
        put(a, UnitApi.moveBody(a, a, null)).statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("own parent"));

        get(a, null).statusCode(200).body("parentId", equalTo((int) province)).body("version", equalTo(0));
        given().get(UNITS + "/" + a + "/parent-history").then().body("size()", equalTo(1))
                .body("[0].validTo", nullValue());
    }

    @Test
    void aBackdatedMoveCannotCreateALaterCycle() {
        long province = province("LĐLĐ tỉnh vòng lặp muộn");
        long a = upper(province, "CORPORATION", "Công đoàn A muộn");
        long b = upper(province, "CORPORATION", "Công đoàn B muộn");
        // From 2025-07-01 b sits under a; moving a under b from 2025-01-01 would loop from July on.
        put(b, UnitApi.moveBody(b, a, LocalDate.of(2025, 7, 1))).statusCode(200);
        put(a, UnitApi.moveBody(a, b, LocalDate.of(2025, 7, 1))).statusCode(409).contentType(PROBLEM);
        get(a, null).statusCode(200).body("parentId", equalTo((int) province));
    }

    @Test
    void dissolutionWaitsUntilNothingIsLeftBelow() {
        long province = province("LĐLĐ tỉnh giải thể");
        long district = upper(province, "DISTRICT", "LĐLĐ huyện giải thể");
        long child = upper(district, "CORPORATION", "Công đoàn công ty trong huyện");
        LocalDate merger = LocalDate.of(2025, 7, 1);

        UnitApi.dissolve(district, merger).statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("1 child unit"));
        get(district, null).statusCode(200).body("validTo", nullValue()).body("active", equalTo(true));

        put(child, UnitApi.moveBody(child, province, merger)).statusCode(200);
        UnitApi.dissolve(district, merger).statusCode(200)
                .header("ETag", notNullValue())
                .body("validTo", equalTo("2025-07-01"))
                .body("active", equalTo(false))
                .body("parentId", nullValue());

        childIds(province, null).body("items.id", contains((int) child));
        childIds(province, "2025-06-30").body("items.id", hasItem((int) district));
        given().queryParam("q", get(district, null).extract().jsonPath().getString("code")).get(UNITS)
                .then().statusCode(200).body("totalItems", equalTo(0));
        get(district, "2025-06-30").statusCode(200).body("active", equalTo(true))
                .body("parentId", equalTo((int) province));
        given().get(UNITS + "/" + district + "/parent-history").then().body("[0].validTo", equalTo("2025-07-01"));

        UnitApi.dissolve(district, merger).statusCode(409).contentType(PROBLEM);
        // Nothing goes under a dissolved unit, not even back-dated to when it existed.
        Map<String, Object> late = body("UPPER_LEVEL_UNION", "CORPORATION", district, START, "Công đoàn đến muộn");
        create(late).statusCode(409).contentType(PROBLEM).body("detail", containsString("dissolved"));
        assertNotStored((String) late.get("code"));
        put(child, UnitApi.moveBody(child, district, LocalDate.of(2024, 1, 1))).statusCode(409);
        put(district, UnitApi.moveBody(district, province, null)).statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("dissolved"));
    }

    @Test
    void dissolutionWaitsForGrassrootsUnionsToMove() {
        long province = province("LĐLĐ tỉnh có CĐCS");
        long district = upper(province, "DISTRICT", "LĐLĐ huyện có CĐCS");
        data.grassrootsUnion(district, null, START);
        UnitApi.dissolve(district, LocalDate.of(2025, 7, 1)).statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("1 grassroots union"));
        get(district, null).statusCode(200).body("validTo", nullValue());
    }

    @Test
    void dissolutionValidatesItsDate() {
        long province = province("LĐLĐ tỉnh ngày giải thể");
        long id = upper(province, "DISTRICT", "LĐLĐ huyện ngày giải thể");
        UnitApi.dissolve(id, Today.date().plusDays(1)).statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("dissolvedOn"));
        UnitApi.dissolve(id, START).statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("dissolvedOn"));
        given().contentType(ContentType.JSON).body("{}").post(UNITS + "/" + id + "/dissolution")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("dissolvedOn"));
        get(id, null).statusCode(200).body("validTo", nullValue());
    }

    @Test
    void subtreeListsDescendantsWithDepth() {
        long root = province("LĐLĐ tỉnh cây");
        long a = upper(root, "CORPORATION", "A Công đoàn Tổng công ty");
        long b = upper(root, "INDUSTRIAL_ZONE", "B Công đoàn KCN");
        long a1 = upper(a, "CORPORATION", "A1 Công đoàn công ty con");

        given().get(UNITS + "/" + root + "/subtree").then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.id", contains((int) a, (int) b, (int) a1))
                .body("items.depth", contains(1, 1, 2))
                .body("items.parentId", contains((int) root, (int) root, (int) a))
                .body("items[2].parentName", equalTo("A Công đoàn Tổng công ty"));
        given().queryParam("size", 2).queryParam("page", 1).get(UNITS + "/" + root + "/subtree").then()
                .statusCode(200).body("totalItems", equalTo(3)).body("totalPages", equalTo(2))
                .body("items.id", contains((int) a1));
        given().queryParam("kind", "PROVINCIAL_FEDERATION").get(UNITS + "/" + root + "/subtree").then()
                .statusCode(200).body("totalItems", equalTo(0));
        given().queryParam("asOf", "2019-12-31").get(UNITS + "/" + root + "/subtree").then()
                .statusCode(200).body("totalItems", equalTo(0));
        given().queryParam("kind", "NOPE").get(UNITS + "/" + root + "/subtree").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("kind"));
    }

    @Test
    void aMovedUnitTakesItsSubtreeAlong() {
        long oldRoot = province("LĐLĐ tỉnh Hà Giang");
        long newRoot = province("LĐLĐ tỉnh Tuyên Quang mới");
        long moved = upper(oldRoot, "CORPORATION", "Công đoàn Tổng công ty chuyển");
        long grandchild = upper(moved, "CORPORATION", "Công đoàn công ty con đi theo");

        put(moved, UnitApi.moveBody(moved, newRoot, LocalDate.of(2025, 7, 1))).statusCode(200);

        given().queryParam("asOf", "2025-06-30").get(UNITS + "/" + oldRoot + "/subtree").then().statusCode(200)
                .body("items.id", contains((int) moved, (int) grandchild)).body("items.depth", contains(1, 2));
        given().get(UNITS + "/" + oldRoot + "/subtree").then().statusCode(200).body("totalItems", equalTo(0));
        given().get(UNITS + "/" + newRoot + "/subtree").then().statusCode(200)
                .body("items.id", contains((int) moved, (int) grandchild))
                .body("items.parentId", contains((int) newRoot, (int) moved));
        get(grandchild, null).statusCode(200).body("parentId", equalTo((int) moved));
    }

    @Test
    void dissolutionChecksIfMatch() {
        long province = province("LĐLĐ tỉnh If-Match giải thể");
        long id = upper(province, "DISTRICT", "LĐLĐ huyện If-Match");
        given().contentType(ContentType.JSON).header("If-Match", "\"5\"").body(Map.of("dissolvedOn", "2025-07-01"))
                .post(UNITS + "/" + id + "/dissolution").then().statusCode(412).contentType(PROBLEM);
        get(id, null).statusCode(200).body("validTo", nullValue());
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("dissolvedOn", "2025-07-01"))
                .post(UNITS + "/" + id + "/dissolution").then().statusCode(200)
                .header("ETag", "\"1\"").body("validTo", equalTo("2025-07-01"));
        get(id, null).statusCode(200).body("validTo", equalTo("2025-07-01")).body("active", equalTo(false));
    }

    @Test
    void searchIgnoresAccentsAndCase() {
        long province = province("LĐLĐ tỉnh Đồng Nai");
        String tag = TestData.unique("KCN").toLowerCase();
        long id = upper(province, "INDUSTRIAL_ZONE", "Công đoàn Khu công nghiệp " + tag + " Đồng Nai");

        for (String q : new String[] {"cong doan khu cong nghiep " + tag, tag + " dong nai", tag.toUpperCase() + " ĐỒNG",
                "Công đoàn Khu công nghiệp " + tag}) {
            given().queryParam("q", q).get(UNITS).then().statusCode(200)
                    .body("totalItems", equalTo(1)).body("items[0].id", equalTo((int) id));
        }
        given().queryParam("q", tag + " d").get(UNITS).then().statusCode(200).body("totalItems", equalTo(1));
        given().queryParam("q", tag + " ha noi").get(UNITS).then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void listFiltersAndPages() {
        long parent = province("LĐLĐ tỉnh danh sách");
        long c = upper(parent, "INDUSTRIAL_ZONE", "C Công đoàn KCN");
        long a = upper(parent, "COMMUNE_WARD", "A Công đoàn phường");
        long b = upper(parent, "COMMUNE_WARD", "B Công đoàn xã");

        given().queryParam("parentId", parent).queryParam("size", 2).get(UNITS).then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(2))
                .body("totalItems", equalTo(3)).body("totalPages", equalTo(2))
                .body("items.id", contains((int) a, (int) b))
                .body("items[0].parentId", equalTo((int) parent))
                .body("items[0].parentName", equalTo("LĐLĐ tỉnh danh sách"));
        given().queryParam("parentId", parent).queryParam("size", 2).queryParam("page", 1).get(UNITS).then()
                .statusCode(200).body("items.id", contains((int) c));
        given().queryParam("parentId", parent).queryParam("sort", "-name").get(UNITS).then()
                .statusCode(200).body("items.id", contains((int) c, (int) b, (int) a));
        given().queryParam("parentId", parent).queryParam("category", "COMMUNE_WARD").get(UNITS).then()
                .statusCode(200).body("items.id", contains((int) a, (int) b));
        given().queryParam("parentId", parent).queryParam("kind", "SECTORAL_UNION").get(UNITS).then()
                .statusCode(200).body("totalItems", equalTo(0));
        given().queryParam("parentId", parent).queryParam("provinceCode", "27").get(UNITS).then()
                .statusCode(200).body("totalItems", equalTo(3));
        given().queryParam("parentId", parent).queryParam("provinceCode", "01").get(UNITS).then()
                .statusCode(200).body("totalItems", equalTo(0));
        given().queryParam("parentId", parent).queryParam("asOf", "2019-12-31").get(UNITS).then()
                .statusCode(200).body("totalItems", equalTo(0));
        given().get(UNITS + "/" + parent + "/children?size=1&sort=-name").then().statusCode(200)
                .body("totalItems", equalTo(3)).body("totalPages", equalTo(3)).body("items.id", contains((int) c));
        given().queryParam("kind", "PROVINCIAL_FEDERATION").queryParam("q", "LĐLĐ tỉnh danh sách").get(UNITS)
                .then().statusCode(200).body("items.id", hasItem((int) parent))
                .body("items.id", not(hasItem((int) a)));
    }

    @Test
    void badQueryParametersAreProblemsNamingThem() {
        assertBadParam("sort", "colour", "sort");
        assertBadParam("size", "101", "size");
        assertBadParam("size", "0", "size");
        assertBadParam("page", "-1", "page");
        assertBadParam("page", "x", "page");
        assertBadParam("asOf", "2025-02-30", "asOf");
        assertBadParam("kind", "PLANET", "kind");
        assertBadParam("category", "PLANET", "category");
        assertBadParam("parentId", "abc", "parentId");
        long id = province("LĐLĐ tỉnh tham số");
        given().queryParam("asOf", "2025-13-01").get(UNITS + "/" + id).then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("asOf"));
        given().queryParam("sort", "secret").get(UNITS + "/" + id + "/children").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("sort"));
    }

    // --- helpers ---

    private static io.restassured.response.ValidatableResponse childIds(long parentId, String asOf) {
        var req = given();
        if (asOf != null) {
            req = req.queryParam("asOf", asOf);
        }
        return req.get(UNITS + "/" + parentId + "/children").then().statusCode(200);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }

    private static io.restassured.response.ValidatableResponse assertInvalid(Map<String, Object> body, String field) {
        io.restassured.response.ValidatableResponse r = create(body).statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("type", endsWith("/validation"))
                .body("errors.field", hasItem(field));
        if (body.get("code") instanceof String code && code.matches("[A-Za-z0-9._-]{1,64}")) {
            assertNotStored(code);
        }
        return r;
    }

    private static void assertNotStored(String code) {
        given().queryParam("q", code).get(UNITS).then().statusCode(200).body("totalItems", equalTo(0));
    }

    private static void assertBadParam(String name, String value, String field) {
        given().queryParam(name, value).get(UNITS).then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400)).body("errors.field", hasItem(field));
    }
}
