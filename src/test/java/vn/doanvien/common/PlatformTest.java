package vn.doanvien.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlatformTest {

    @Test
    void healthIsUp() {
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiIsServed() {
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("doanvien API"));
    }

    @Test
    void oversizedBodyIsA413Problem() {
        String big = "{\"name\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";
        given().contentType("application/json").body(big)
                .when().post("/api/v1/units")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("title", equalTo("Payload too large"));
    }

    @Test
    void metricsAreServed() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void unknownPathIsAProblem() {
        given().when().get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
