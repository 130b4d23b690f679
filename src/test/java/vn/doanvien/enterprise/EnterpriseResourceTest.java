package vn.doanvien.enterprise;

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
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.doanvien.TestData;
import vn.doanvien.common.Today;
import vn.doanvien.organisation.Unit;
import vn.doanvien.organisation.UnitKind;

@QuarkusTest
class EnterpriseResourceTest {

    static final String PATH = "/api/v1/enterprises";
    static final String PROBLEM = "application/problem+json";

    @Inject
    TestData data;

    /** A valid private enterprise under the given upper-level union. */
    static Map<String, Object> body(Long upperLevelUnitId) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("taxCode", TestData.taxCode());
        b.put("name", "Công ty TNHH May mặc " + TestData.unique("E"));
        b.put("ownership", "PRIVATE");
        b.put("industry", "C");
        b.put("provinceCode", "24");
        b.put("address", "Khu công nghiệp Quế Võ, tỉnh Bắc Ninh");
        b.put("workforce", 300);
        b.put("workforceAsOf", "2024-06-30");
        b.put("upperLevelUnitId", upperLevelUnitId);
        return b;
    }

    static Map<String, Object> with(Map<String, Object> b, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(b);
        copy.put(key, value);
        return copy;
    }

    static Map<String, Object> without(Map<String, Object> b, String... keys) {
        Map<String, Object> copy = new LinkedHashMap<>(b);
        for (String k : keys) {
            copy.remove(k);
        }
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

    static ValidatableResponse list(Map<String, ?> params) {
        return given().queryParams(params).when().get(PATH).then();
    }

    static void assertInvalid(ValidatableResponse response, String... fields) {
        response.statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("type", equalTo("https://doanvien.vn/problems/validation"))
                .body("errors.field", hasItems(fields));
    }

    private Unit upper() {
        return data.chain()[2];
    }

    @Test
    void createsAndReadsBackAForeignInvestedEnterprise() {
        Unit upper = upper();
        String taxCode = TestData.taxCode();
        Map<String, Object> b = body(upper.id);
        b.put("taxCode", taxCode);
        b.put("name", "Công ty TNHH Điện tử Samsung");
        b.put("ownership", "FOREIGN_INVESTED");
        b.put("investorCountry", "KR");
        b.put("hasIndependentWorkersOrganisation", true);

        ExtractableResponse<Response> created = post(b).statusCode(201)
                .contentType(ContentType.JSON)
                .header("ETag", "\"0\"")
                .body("taxCode", equalTo(taxCode))
                .body("unionized", equalTo(false))
                .body("version", equalTo(0))
                .extract();
        long id = created.jsonPath().getLong("id");

        given().when().get(created.header("Location")).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("id", equalTo((int) id))
                .body("taxCode", equalTo(taxCode))
                .body("name", equalTo("Công ty TNHH Điện tử Samsung"))
                .body("ownership", equalTo("FOREIGN_INVESTED"))
                .body("investorCountry", equalTo("KR"))
                .body("industry", equalTo("C"))
                .body("provinceCode", equalTo("24"))
                .body("address", equalTo("Khu công nghiệp Quế Võ, tỉnh Bắc Ninh"))
                .body("workforce", equalTo(300))
                .body("workforceAsOf", equalTo("2024-06-30"))
                .body("upperLevelUnitId", equalTo(upper.id.intValue()))
                .body("hasIndependentWorkersOrganisation", equalTo(true))
                .body("unionized", equalTo(false))
                .body("grassrootsUnionId", nullValue())
                .body("version", equalTo(0))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue());
    }

    @Test
    void optionalFieldsMayBeOmittedAndTheFlagDefaultsToFalse() {
        Map<String, Object> b = without(body(null), "address", "workforce", "workforceAsOf", "upperLevelUnitId");
        b.put("taxCode", TestData.taxCode() + "-001");
        long id = create(b);
        get(id).statusCode(200)
                .body("taxCode", equalTo(b.get("taxCode")))
                .body("address", nullValue())
                .body("workforce", nullValue())
                .body("upperLevelUnitId", nullValue())
                .body("hasIndependentWorkersOrganisation", equalTo(false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "12345678901", "0101234567-1", "0101234567-0001", "010123456A", " 0101234567"})
    void rejectsMalformedTaxCodes(String taxCode) {
        assertInvalid(post(with(body(null), "taxCode", taxCode)), "taxCode");
    }

    @Test
    void rejectsMissingRequiredFields() {
        assertInvalid(post(without(body(null), "taxCode", "name", "ownership", "industry", "provinceCode")),
                "taxCode", "name", "ownership", "industry", "provinceCode");
    }

    @Test
    void foreignInvestedNeedsAnInvestorCountryAndOthersMustNotHaveOne() {
        Map<String, Object> fdi = with(body(null), "ownership", "FOREIGN_INVESTED");
        assertInvalid(post(fdi), "investorCountry");
        assertInvalid(post(with(body(null), "investorCountry", "JP")), "investorCountry");
        assertInvalid(post(with(with(body(null), "ownership", "STATE"), "investorCountry", "JP")), "investorCountry");
        assertInvalid(post(with(fdi, "investorCountry", "kr")), "investorCountry");
        assertInvalid(post(with(fdi, "investorCountry", "KOR")), "investorCountry");
        create(with(fdi, "investorCountry", "JP"));
    }

    @Test
    void rejectsBadIndustryOwnershipAndProvince() {
        assertInvalid(post(with(body(null), "industry", "Z")), "industry");
        assertInvalid(post(with(body(null), "industry", "c")), "industry");
        assertInvalid(post(with(body(null), "ownership", "COOPERATIVE")), "ownership");
        assertInvalid(post(with(body(null), "provinceCode", "1")), "provinceCode");
        assertInvalid(post(with(body(null), "name", "x".repeat(256))), "name");
        assertInvalid(post(with(body(null), "address", "x".repeat(501))), "address");
    }

    @Test
    void rejectsBadWorkforce() {
        assertInvalid(post(with(body(null), "workforce", -1)), "workforce");
        assertInvalid(post(with(body(null), "workforce", 1_000_001)), "workforce");
        assertInvalid(post(without(body(null), "workforceAsOf")), "workforceAsOf");
        assertInvalid(post(with(body(null), "workforceAsOf", Today.date().plusDays(1).toString())), "workforceAsOf");
        assertInvalid(post(without(body(null), "workforce")), "workforceAsOf");
        create(with(with(body(null), "workforce", 0), "workforceAsOf", Today.date().toString()));
    }

    @Test
    void upperLevelUnitMustBeAnExistingActiveUpperLevelUnion() {
        Unit[] chain = data.chain();
        assertInvalid(post(body(999_999_999L)), "upperLevelUnitId");
        assertInvalid(post(body(chain[1].id)), "upperLevelUnitId");
        Unit notYet = data.unit(UnitKind.UPPER_LEVEL_UNION, chain[1].id, Today.date().plusDays(10));
        assertInvalid(post(body(notYet.id)), "upperLevelUnitId");
    }

    @Test
    void rejectsUnknownFieldsAndMalformedJson() {
        assertInvalid(post(with(body(null), "unionized", true)), "unionized");
        given().contentType(ContentType.JSON).body("{\"taxCode\": ").when().post(PATH).then()
                .statusCode(400).contentType(PROBLEM);
    }

    @Test
    void duplicateTaxCodeIsAConflictPointingToTheExistingEnterprise() {
        Map<String, Object> b = body(null);
        long first = create(b);
        post(with(b, "name", "Công ty khác")).statusCode(409).contentType(PROBLEM)
                .body("existingId", equalTo((int) first))
                .body("errors.field", contains("taxCode"));

        Map<String, Object> other = body(null);
        long second = create(other);
        put(second, null, with(other, "taxCode", b.get("taxCode"))).statusCode(409).contentType(PROBLEM)
                .body("existingId", equalTo((int) first));
        get(second).body("taxCode", equalTo(other.get("taxCode")));
    }

    @Test
    void unknownIdIsANotFoundProblem() {
        get(987_654_321L).statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
        put(987_654_321L, null, body(null)).statusCode(404).contentType(PROBLEM);
        given().when().delete(PATH + "/987654321").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void staleIfMatchIsRefusedAndChangesNothing() {
        Map<String, Object> b = body(null);
        long id = create(b);
        put(id, "\"0\"", with(b, "workforce", 350)).statusCode(200);

        put(id, "\"0\"", with(b, "workforce", 999)).statusCode(412).contentType(PROBLEM)
                .body("status", equalTo(412));
        get(id).statusCode(200).header("ETag", "\"1\"")
                .body("workforce", equalTo(350))
                .body("version", equalTo(1));
    }

    @Test
    void updateWithCurrentIfMatchReplacesTheEditableFields() {
        Unit upper = upper();
        Map<String, Object> b = body(upper.id);
        long id = create(b);
        String etag = get(id).extract().header("ETag");

        Map<String, Object> replacement = without(body(null), "address", "upperLevelUnitId");
        replacement.put("name", "Công ty Cổ phần Dệt may Đông Á");
        replacement.put("ownership", "FOREIGN_INVESTED");
        replacement.put("investorCountry", "TW");
        replacement.put("workforce", 1200);
        replacement.put("workforceAsOf", "2025-01-31");
        replacement.put("hasIndependentWorkersOrganisation", true);
        put(id, etag, replacement).statusCode(200)
                .header("ETag", "\"1\"")
                .body("version", equalTo(1))
                .body("taxCode", equalTo(replacement.get("taxCode")))
                .body("name", equalTo("Công ty Cổ phần Dệt may Đông Á"));

        get(id).statusCode(200)
                .header("ETag", "\"1\"")
                .body("taxCode", equalTo(replacement.get("taxCode")))
                .body("name", equalTo("Công ty Cổ phần Dệt may Đông Á"))
                .body("ownership", equalTo("FOREIGN_INVESTED"))
                .body("investorCountry", equalTo("TW"))
                .body("workforce", equalTo(1200))
                .body("workforceAsOf", equalTo("2025-01-31"))
                .body("address", nullValue())
                .body("upperLevelUnitId", nullValue())
                .body("hasIndependentWorkersOrganisation", equalTo(true));
    }

    @Test
    void updateAppliesTheSameRules() {
        Map<String, Object> b = body(null);
        long id = create(b);
        assertInvalid(put(id, null, with(b, "ownership", "FOREIGN_INVESTED")), "investorCountry");
        assertInvalid(put(id, null, with(b, "taxCode", "123")), "taxCode");
        assertInvalid(put(id, null, with(b, "upperLevelUnitId", 999_999_999L)), "upperLevelUnitId");
        get(id).body("version", equalTo(0)).body("ownership", equalTo("PRIVATE"));
    }

    @Test
    void unionizedFollowsTheActiveGrassrootsUnion() {
        Unit upper = upper();
        long id = create(body(upper.id));
        get(id).body("unionized", equalTo(false)).body("grassrootsUnionId", nullValue());

        Map<String, Object> union = new LinkedHashMap<>();
        union.put("code", TestData.unique("CDCS"));
        union.put("name", "Công đoàn cơ sở Công ty May mặc");
        union.put("upperLevelUnitId", upper.id);
        union.put("enterpriseId", id);
        union.put("foundedOn", "2024-01-15");
        int unionId = given().contentType(ContentType.JSON).body(union).when().post("/api/v1/grassroots-unions")
                .then().statusCode(201).extract().path("id");

        get(id).body("unionized", equalTo(true)).body("grassrootsUnionId", equalTo(unionId));
        list(Map.of("upperLevelUnitId", upper.id, "unionized", "true"))
                .body("items.id", contains((int) id))
                .body("items[0].grassrootsUnionId", equalTo(unionId));

        given().contentType(ContentType.JSON).body(Map.of("dissolvedOn", Today.date().toString()))
                .when().post("/api/v1/grassroots-unions/" + unionId + "/dissolution").then().statusCode(200);

        get(id).body("unionized", equalTo(false)).body("grassrootsUnionId", nullValue());
        list(Map.of("upperLevelUnitId", upper.id, "unionized", "false")).body("items.id", contains((int) id));
    }

    @Test
    void listFiltersCombineAndStayWithinOneUpperLevelUnion() {
        Unit upper = upper();
        Map<String, Object> a = body(upper.id);
        a.put("workforce", 30);
        a.put("provinceCode", "01");
        a.put("industry", "G");
        long idA = create(a);
        Map<String, Object> b = body(upper.id);
        b.put("ownership", "FOREIGN_INVESTED");
        b.put("investorCountry", "KR");
        b.put("workforce", 5000);
        long idB = create(b);
        Map<String, Object> c = body(upper.id);
        c.put("ownership", "STATE");
        c.put("workforce", 100);
        long idC = create(c);
        Map<String, Object> d = without(body(upper.id), "workforce", "workforceAsOf");
        long idD = create(d);
        data.grassrootsUnion(upper.id, idA, LocalDate.of(2023, 5, 1));

        Long u = upper.id;
        list(Map.of("upperLevelUnitId", u)).statusCode(200)
                .body("items.id", containsInAnyOrder((int) idA, (int) idB, (int) idC, (int) idD))
                .body("totalItems", equalTo(4));
        list(Map.of("upperLevelUnitId", u, "minWorkforce", "100"))
                .body("items.id", containsInAnyOrder((int) idB, (int) idC));
        list(Map.of("upperLevelUnitId", u, "ownership", "FOREIGN_INVESTED"))
                .body("items.id", contains((int) idB));
        list(Map.of("upperLevelUnitId", u, "investorCountry", "KR"))
                .body("items.id", contains((int) idB));
        list(Map.of("upperLevelUnitId", u, "unionized", "false"))
                .body("items.id", containsInAnyOrder((int) idB, (int) idC, (int) idD))
                .body("items.unionized", contains(false, false, false));
        list(Map.of("upperLevelUnitId", u, "unionized", "true"))
                .body("items.id", contains((int) idA))
                .body("items[0].unionized", equalTo(true));
        list(Map.of("upperLevelUnitId", u, "provinceCode", "24"))
                .body("items.id", containsInAnyOrder((int) idB, (int) idC, (int) idD));
        list(Map.of("upperLevelUnitId", u, "industry", "G"))
                .body("items.id", contains((int) idA));
        list(Map.of("upperLevelUnitId", u, "unionized", "false", "minWorkforce", "25", "ownership", "STATE"))
                .body("items.id", contains((int) idC));
        list(Map.of("upperLevelUnitId", u, "sort", "-workforce"))
                .body("items.id", contains((int) idD, (int) idB, (int) idC, (int) idA));
        list(Map.of("upperLevelUnitId", u, "sort", "workforce"))
                .body("items.id", contains((int) idA, (int) idC, (int) idB, (int) idD));
        list(Map.of("upperLevelUnitId", u, "q", (String) b.get("taxCode")))
                .body("items.id", contains((int) idB));
    }

    @Test
    void listIsPaged() {
        Unit upper = upper();
        for (int i = 0; i < 3; i++) {
            create(body(upper.id));
        }
        list(Map.of("upperLevelUnitId", upper.id, "size", "2")).statusCode(200)
                .body("items.size()", equalTo(2))
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2));
        list(Map.of("upperLevelUnitId", upper.id, "size", "2", "page", "1"))
                .body("items.size()", equalTo(1))
                .body("page", equalTo(1));
        list(Map.of("upperLevelUnitId", upper.id, "page", "5"))
                .body("items", empty())
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(1))
                .body("size", equalTo(20));
    }

    @Test
    void badListParametersAreProblemsNamingTheParameter() {
        assertInvalid(list(Map.of("sort", "address")), "sort");
        assertInvalid(list(Map.of("size", "0")), "size");
        assertInvalid(list(Map.of("size", "101")), "size");
        assertInvalid(list(Map.of("page", "-1")), "page");
        assertInvalid(list(Map.of("page", "one")), "page");
        assertInvalid(list(Map.of("ownership", "PUBLIC")), "ownership");
        assertInvalid(list(Map.of("minWorkforce", "many")), "minWorkforce");
        assertInvalid(list(Map.of("unionized", "yes")), "unionized");
        assertInvalid(list(Map.of("upperLevelUnitId", "abc")), "upperLevelUnitId");
    }

    @Test
    void searchIgnoresCaseAndVietnameseDiacritics() {
        Unit upper = upper();
        long dongA = create(with(body(upper.id), "name", "Công ty TNHH Đông Á"));
        long vietTien = create(with(body(upper.id), "name", "Công ty Cổ phần May Việt Tiến"));
        long other = create(with(body(upper.id), "name", "Tập đoàn Hòa Phát"));
        Long u = upper.id;

        list(Map.of("upperLevelUnitId", u, "q", "cong ty"))
                .body("items.id", containsInAnyOrder((int) dongA, (int) vietTien));
        list(Map.of("upperLevelUnitId", u, "q", "CÔNG TY"))
                .body("items.id", containsInAnyOrder((int) dongA, (int) vietTien));
        list(Map.of("upperLevelUnitId", u, "q", "CONG TY TNHH DONG A"))
                .body("items.id", contains((int) dongA));
        list(Map.of("upperLevelUnitId", u, "q", "viet tien"))
                .body("items.id", contains((int) vietTien));
        list(Map.of("upperLevelUnitId", u, "q", "d"))
                .body("items.id", containsInAnyOrder((int) dongA, (int) other));
        // wildcards are not wildcards; letters no name or tax code here contains (digits were a flake: the
        // generated tax codes sometimes contain "100")
        list(Map.of("upperLevelUnitId", u, "q", "qzx%_"))
                .body("items", empty());
    }

    @Test
    void deleteIsRefusedWhileAGrassrootsUnionReferencesTheEnterprise() {
        Unit upper = upper();
        long referenced = create(body(upper.id));
        data.grassrootsUnion(upper.id, referenced, LocalDate.of(2022, 3, 1));
        given().when().delete(PATH + "/" + referenced).then().statusCode(409).contentType(PROBLEM)
                .body("status", equalTo(409));
        get(referenced).statusCode(200);

        long free = create(body(upper.id));
        given().when().delete(PATH + "/" + free).then().statusCode(204);
        get(free).statusCode(404).contentType(PROBLEM);
    }

    @Test
    void createdResponseCarriesLocationAndETag() {
        ExtractableResponse<Response> r = post(body(null)).statusCode(201).extract();
        long id = r.jsonPath().getLong("id");
        assertEquals(PATH + "/" + id, java.net.URI.create(r.header("Location")).getPath());
        assertEquals("\"0\"", r.header("ETag"));
    }
}
