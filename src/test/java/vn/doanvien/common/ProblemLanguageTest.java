package vn.doanvien.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Problems in Vietnamese when Accept-Language prefers it; in English otherwise; field names never translated. */
@QuarkusTest
class ProblemLanguageTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aBadIdInVietnamese() {
        given().header("Accept-Language", "vi-VN,vi;q=0.9,en;q=0.5").get("/api/v1/members/abc").then()
                .statusCode(400).contentType(PROBLEM).header("Content-Language", "vi")
                .body("title", equalTo("Yêu cầu không hợp lệ"))
                .body("errors[0].field", equalTo("id"))
                .body("errors[0].message", startsWith("phải là mã số"));
        given().get("/api/v1/members/abc").then().statusCode(400)
                .body("title", equalTo("Invalid request"))
                .body("errors[0].message", startsWith("must be an id"));
        given().header("Accept-Language", "en-US,en;q=0.9,vi;q=0.8").get("/api/v1/members/abc").then()
                .statusCode(400).body("errors[0].message", startsWith("must be an id"));
    }

    @Test
    void aBodyFieldAndAMissingLoginInVietnamese() {
        given().header("Accept-Language", "vi").contentType(ContentType.JSON)
                .body(Map.of("name", " ", "taxCode", "0101234567", "ownership", "PRIVATE"))
                .post("/api/v1/enterprises").then().statusCode(400).contentType(PROBLEM)
                .body("title", equalTo("Yêu cầu không hợp lệ"))
                .body("errors.find { it.field == 'name' }.message", equalTo("không được để trống"));
        given().header("Accept-Language", "vi").header("X-Test-Anonymous", "true").get("/api/v1/members")
                .then().statusCode(401).contentType(PROBLEM)
                .body("title", equalTo("Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn"))
                .body("detail", startsWith("Hãy đăng nhập"));
        given().header("Accept-Language", "vi").queryParam("unitId", "KHONG-CO")
                .get("/api/v1/stats/membership").then().statusCode(400)
                .body("errors[0].field", equalTo("unitId"))
                .body("errors[0].message", equalTo("không có đơn vị nào có mã số hoặc mã KHONG-CO"));
    }

    /** Messages the API gives, each of which must come out in Vietnamese (a sample from every family of errors). */
    @Test
    void theMessagesOfTheApiHaveVietnamese() {
        List<String> english = List.of("must not be blank", "must not be null", "is required",
                "is required for Vietnamese citizens (nationality VN)", "is required for nationality KR",
                "is required when no enterprise is registered with this tax code: the province of the workplace",
                "The request body is not valid UTF-8", "applies to ENTERPRISE_COVERAGE only",
                "at least one of members, grassrootsUnions, joined, left is required",
                "is a percentage for ENTERPRISE_COVERAGE: at most 100", "is a zip archive but not an XLSX workbook",
                "is missing: send the file as the form field \"file\"", "must be ADMIN, OFFICER or ANALYST",
                "must be PENDING, APPROVED or REJECTED", "must be password or refresh_token",
                "must be a year such as 2024", "must be absent when the assignment is not submitted",
                "requires unitId", "is given 2 times; give it once", "must be a date between 1900-01-01 and 2199-12-31",
                "must be a month between 1900-01 and 2199-12", "must be a date YYYY-MM-DD", "must be a month YYYY-MM",
                "must be 10 digits, or 10 digits, '-' and 3 digits for a branch",
                "must be an ISO 3166 alpha-2 code such as KR", "unknown sort field 'id'; allowed: name, code",
                "no provincial federation has the province code 99", "no unit with the id or code X-1",
                "Wrong username or password", "Member 7 not found", "must be true or false", "unknown field");
        for (String message : english) {
            String vietnamese = ProblemLanguage.message(message);
            assertNotEquals(message, vietnamese, "no Vietnamese for: " + message);
            assertFalse(vietnamese.matches(".*\\b(must|is|the|for|when|and|with|required|only)\\b.*"),
                    "English left in: " + vietnamese);
        }
    }
}
