package vn.doanvien.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
}
