package vn.doanvien.hostile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;
import vn.doanvien.organisation.Unit;

/**
 * SQL and script fragments are data: stored and read back verbatim, found by search only where they match, and
 * never executed (the tables they name are still there and unchanged).
 */
@QuarkusTest
class SqlAndScriptTextTest {

    static final List<String> FRAGMENTS = List.of(
            "Robert'); DROP TABLE member;--",
            "x' OR '1'='1",
            "1; DELETE FROM enterprise WHERE 1=1",
            "\" OR \"\"=\"",
            "%' UNION SELECT password FROM pg_user --",
            "<script>alert(document.cookie)</script>",
            "<img src=x onerror=alert(1)>",
            "${jndi:ldap://127.0.0.1/a}",
            "{{7*7}} #{7*7}",
            "$(rm -rf /) `id`",
            "%_\\%\\_",
            "../../etc/passwd");

    @Inject
    TestData data;

    @Test
    void fragmentsInNamesAreStoredVerbatimAndNotExecuted() {
        Unit[] chain = data.chain();
        long union = data.grassrootsUnion(chain[2].id, null, LocalDate.of(2020, 1, 1)).id;
        long enterprisesBefore = given().queryParam("size", 1).get("/api/v1/enterprises").then().statusCode(200)
                .extract().jsonPath().getLong("totalItems");
        for (String fragment : FRAGMENTS) {
            String name = "Công ty " + fragment;
            long id = given().contentType(ContentType.JSON)
                    .body(Map.of("taxCode", TestData.taxCode(), "name", name, "ownership", "PRIVATE",
                            "industry", "C", "provinceCode", "79"))
                    .post("/api/v1/enterprises").then().statusCode(201).body("name", equalTo(name))
                    .extract().jsonPath().getLong("id");
            given().get("/api/v1/enterprises/{id}", id).then().statusCode(200).body("name", equalTo(name));

            String fullName = "Nguyễn " + fragment;
            long member = given().contentType(ContentType.JSON)
                    .body(Map.of("fullName", fullName, "nationality", "VN", "nationalId", TestData.nationalId(),
                            "grassrootsUnionId", union, "joinedOn", "2021-01-01"))
                    .post("/api/v1/members").then().statusCode(201).extract().jsonPath().getLong("id");
            given().get("/api/v1/members/{id}", member).then().statusCode(200).body("fullName", equalTo(fullName));
        }
        long enterprisesAfter = given().queryParam("size", 1).get("/api/v1/enterprises").then().statusCode(200)
                .extract().jsonPath().getLong("totalItems");
        assertEquals(enterprisesBefore + FRAGMENTS.size(), enterprisesAfter, "nothing dropped, nothing deleted");
        given().queryParam("grassrootsUnionId", union).get("/api/v1/members").then().statusCode(200)
                .body("totalItems", equalTo(FRAGMENTS.size()));
    }

    @Test
    void fragmentsAsSearchTermsAndFiltersMatchOnlyWhatTheySay() {
        Unit[] chain = data.chain();
        long union = data.grassrootsUnion(chain[2].id, null, LocalDate.of(2020, 1, 1)).id;
        data.member(union, "Trần Văn Bình", LocalDate.of(2021, 1, 1));
        for (String fragment : FRAGMENTS) {
            // A search that would match everything if it were pasted into SQL matches nobody in this union.
            given().queryParam("q", "zzqq " + fragment).queryParam("grassrootsUnionId", union)
                    .get("/api/v1/members").then().statusCode(200).body("totalItems", equalTo(0));
            if (fragment.codePoints().anyMatch(Character::isLetterOrDigit)) {
                given().queryParam("q", fragment).queryParam("provinceCode", fragment).queryParam("industry", fragment)
                        .get("/api/v1/enterprises").then().statusCode(200).body("totalItems", equalTo(0));
            } else {
                // a term of symbols only would match every row: refused
                given().queryParam("q", fragment).get("/api/v1/enterprises").then().statusCode(400)
                        .body("errors[0].field", equalTo("q"));
            }
            given().queryParam("q", "zzqq " + fragment).get("/api/v1/units").then().statusCode(200)
                    .body("totalItems", equalTo(0));
            given().queryParam("sort", fragment).get("/api/v1/members").then().statusCode(400)
                    .body("errors[0].field", equalTo("sort"));
        }
        given().queryParam("q", "binh").queryParam("grassrootsUnionId", union).get("/api/v1/members").then()
                .statusCode(200).body("totalItems", equalTo(1));
    }
}
