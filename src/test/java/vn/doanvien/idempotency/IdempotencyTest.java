package vn.doanvien.idempotency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.organisation.Unit;

/** Retries with an Idempotency-Key, as a phone on a bad connection sends them. */
@QuarkusTest
class IdempotencyTest {

    @Inject
    TestData data;

    private Map<String, Object> member(long union, String nationalId) {
        return Map.of("fullName", "Nguyễn Thị Hoa", "nationalId", nationalId, "grassrootsUnionId", union,
                "joinedOn", "2025-03-01");
    }

    private long union() {
        Unit[] chain = data.chain();
        GrassrootsUnion g = data.grassrootsUnion(chain[2].id, null, LocalDate.of(2024, 1, 1));
        return g.id;
    }

    private int activeMembers(long union) {
        return given().queryParam("grassrootsUnionId", union).when().get("/api/v1/members")
                .then().statusCode(200).extract().jsonPath().getInt("totalItems");
    }

    @Test
    void aRetryReturnsTheOriginalResponseAndCreatesNothing() {
        long union = union();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = member(union, TestData.nationalId());
        Response first = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/members").then().statusCode(201).extract().response();
        Response retry = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/members").then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract().response();
        assertEquals(first.jsonPath().getLong("id"), retry.jsonPath().getLong("id"));
        assertEquals(first.jsonPath().getString("cardNumber"), retry.jsonPath().getString("cardNumber"));
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.header("ETag"), retry.header("ETag"));
        assertEquals(1, activeMembers(union));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndCreatesNothing() {
        long union = union();
        String key = UUID.randomUUID().toString();
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(member(union, TestData.nationalId()))
                .when().post("/api/v1/members").then().statusCode(201);
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(member(union, TestData.nationalId()))
                .when().post("/api/v1/members").then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("type", equalTo("https://doanvien.vn/problems/idempotency-key-reused"));
        assertEquals(1, activeMembers(union));
    }

    @Test
    void aFailedRequestStoresNothingSoACorrectedRetryMayReuseTheKey() {
        long union = union();
        String key = UUID.randomUUID().toString();
        given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("fullName", "X", "nationalId", "123", "grassrootsUnionId", union, "joinedOn", "2025-03-01"))
                .when().post("/api/v1/members").then().statusCode(400);
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(member(union, TestData.nationalId()))
                .when().post("/api/v1/members").then().statusCode(201);
        assertEquals(1, activeMembers(union));
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneMember() throws Exception {
        long union = union();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = member(union, TestData.nationalId());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                        .when().post("/api/v1/members").then().extract().response());
            }
            Set<Long> ids = new HashSet<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                Response r = f.get();
                assertTrue(r.statusCode() == 201, "status " + r.statusCode() + " " + r.asString());
                ids.add(r.jsonPath().getLong("id"));
            }
            assertEquals(1, ids.size());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, activeMembers(union));
    }

    @Test
    void aMalformedKeyIsABadRequest() {
        given().header("Idempotency-Key", "x".repeat(201)).contentType(ContentType.JSON)
                .body(member(union(), TestData.nationalId()))
                .when().post("/api/v1/members").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("Idempotency-Key"));
    }
}
