package vn.doanvien.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;

/** The small holes of #18: throttles under concurrency, idempotency of anonymous callers, bounds and headers. */
@QuarkusTest
class HardeningTest {

    private static final String PROBLEM = "application/problem+json";
    private static final AtomicInteger ADDRESS = new AtomicInteger();

    @Inject
    SecurityWorld worlds;

    @Inject
    EntityManager em;

    SecurityWorld.World w;

    @BeforeEach
    void setUp() {
        w = worlds.create();
    }

    private static String address() {
        return "10.77." + (ADDRESS.get() / 200) + "." + (ADDRESS.incrementAndGet() % 200);
    }

    private static List<Response> concurrently(int n, Callable<Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentWrongPasswordsAreAllCountedBeforeAnyIsEvaluated() throws Exception {
        String user = TestData.unique("brute").toLowerCase();
        worlds.accounts().createUser(user, SecurityWorld.PASSWORD, Roles.ANALYST, null, null);
        String from = address();
        List<Response> answers = concurrently(40, () -> SecurityWorld.World.anonymous()
                .header("X-Forwarded-For", from).contentType("application/json")
                .body(Map.of("username", user, "password", "wrong-" + System.nanoTime())).post("/api/v1/auth/token"));
        long evaluated = answers.stream().filter(r -> r.statusCode() == 401).count();
        long refused = answers.stream().filter(r -> r.statusCode() == 429).count();
        assertEquals(40, evaluated + refused, "only 401 and 429");
        assertTrue(evaluated <= 5, evaluated + " wrong passwords were evaluated; the limit is 5");
        // the right password, from another address, is refused too while the user's window is full
        SecurityWorld.World.anonymous().header("X-Forwarded-For", address()).contentType("application/json")
                .body(Map.of("username", user, "password", SecurityWorld.PASSWORD)).post("/api/v1/auth/token")
                .then().statusCode(429).contentType(PROBLEM).header("Retry-After", startsWith(""));
    }

    @Test
    void aRefreshTokenWorksOnceEvenWhenSentEightTimesAtOnce() throws Exception {
        String refresh = SecurityWorld.World.anonymous().contentType("application/json")
                .body(Map.of("username", w.officerAName, "password", SecurityWorld.PASSWORD))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("refreshToken");
        List<Response> answers = concurrently(8, () -> SecurityWorld.World.anonymous()
                .header("X-Forwarded-For", address()).contentType("application/json")
                .body(Map.of("refreshToken", refresh)).post("/api/v1/auth/refresh"));
        assertEquals(1, answers.stream().filter(r -> r.statusCode() == 200).count());
        // the others: used (401), or past the token's own attempt limit (429)
        assertTrue(answers.stream().allMatch(r -> Set.of(200, 401, 429).contains(r.statusCode())),
                answers.stream().map(r -> r.statusCode() + " " + r.asString()).toList().toString());
    }

    @Test
    void refreshesWithUnknownTokensAreThrottledPerAddress() {
        String from = address();
        int refused = 0;
        for (int i = 0; i < 32; i++) {
            int status = SecurityWorld.World.anonymous().header("X-Forwarded-For", from).contentType("application/json")
                    .body(Map.of("refreshToken", "not-a-token-" + i)).post("/api/v1/auth/refresh").statusCode();
            assertTrue(status == 401 || status == 429, "status " + status);
            refused += status == 429 ? 1 : 0;
        }
        assertTrue(refused >= 2, "30 failures per address are allowed in the test profile; got " + refused + " 429s");
    }

    @Test
    void anonymousIdempotencyKeysAreHeldByTheRequestAndItsAddress() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", "Vũ Thị Xin Vào");
        body.put("nationalId", TestData.nationalId());
        body.put("employerTaxCode", w.enterpriseA.taxCode);
        String key = "join-" + System.nanoTime();
        String first = address();
        String other = address();
        Response a = SecurityWorld.World.anonymous().header("X-Forwarded-For", first).header("Idempotency-Key", key)
                .contentType("application/json").body(body).post("/api/v1/join-requests");
        a.then().statusCode(201);
        // the same client retrying gets its own receipt back
        Response retry = SecurityWorld.World.anonymous().header("X-Forwarded-For", first)
                .header("Idempotency-Key", key).contentType("application/json").body(body).post("/api/v1/join-requests");
        retry.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(a.jsonPath().getString("secret"), retry.jsonPath().getString("secret"));
        // another client with the same key and body is another request: never the first one's secret
        Response b = SecurityWorld.World.anonymous().header("X-Forwarded-For", other).header("Idempotency-Key", key)
                .contentType("application/json").body(body).post("/api/v1/join-requests");
        assertNotEquals(a.jsonPath().getString("secret"), b.jsonPath().getString("secret"));
        assertNotEquals(a.jsonPath().getString("reference"), b.jsonPath().getString("reference"));
    }

    @Test
    void aPagePastAnyListIsA400NotA500() {
        for (String path : List.of("/api/v1/members", "/api/v1/units", "/api/v1/enterprises",
                "/api/v1/grassroots-unions", "/api/v1/officials", "/api/v1/training-courses", "/api/v1/targets")) {
            RestAssured.given().queryParam("page", 21474837).queryParam("size", 100).get(path).then()
                    .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("page"));
        }
    }

    @Test
    void anExpiredTokenIsRefusedBeyondAFewSecondsOfClockSkew() {
        String expired = Jwt.issuer("https://doanvien.vn").upn("admin").groups(Set.of(Roles.ADMIN))
                .issuedAt(Instant.now().minusSeconds(120)).expiresAt(Instant.now().minusSeconds(15))
                .jws().keyId("doanvien-local").sign(SecurityKeys.get().signingKey);
        w.as(expired).get("/api/v1/units/" + w.root.id).then().statusCode(401).contentType(PROBLEM);
        String fresh = Jwt.issuer("https://doanvien.vn").upn("admin").groups(Set.of(Roles.ADMIN))
                .expiresAt(Instant.now().plusSeconds(60)).jws().keyId("doanvien-local")
                .sign(SecurityKeys.get().signingKey);
        w.as(fresh).get("/api/v1/units/" + w.root.id).then().statusCode(200);
    }

    @Test
    void aBodyThatIsNotValidUtf8IsRefusedAndStoresNothing() {
        String name = TestData.unique("Overlong");
        byte[] prefix = ("{\"kind\":\"UPPER_LEVEL_UNION\",\"category\":\"INDUSTRIAL_ZONE\",\"code\":\"" + name
                + "\",\"name\":\"A").getBytes(StandardCharsets.UTF_8);
        byte[] overlong = {(byte) 0xC0, (byte) 0xAF};
        byte[] suffix = ("B\",\"parentId\":" + w.provinceA.id + "}").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + overlong.length + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        System.arraycopy(overlong, 0, body, prefix.length, overlong.length);
        System.arraycopy(suffix, 0, body, prefix.length + overlong.length, suffix.length);
        RestAssured.given().contentType("application/json").body(body).post("/api/v1/units").then()
                .statusCode(400).contentType(PROBLEM);
        assertEquals(0L, ((Number) em.createNativeQuery("select count(*) from unit where code = ?1")
                .setParameter(1, name).getSingleResult()).longValue());
    }

    @Test
    void implausibleDatesAreRefused() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", "Lê Văn Cổ");
        body.put("nationalId", TestData.nationalId());
        body.put("dateOfBirth", "0001-01-01");
        body.put("grassrootsUnionId", w.unionA.id);
        body.put("joinedOn", "2024-03-01");
        RestAssured.given().contentType("application/json").body(body).post("/api/v1/members").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("dateOfBirth"));
        RestAssured.given().queryParam("asOf", "1850-01-01").get("/api/v1/units").then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void aSearchWithoutALetterOrDigitIsRefused() {
        for (String term : List.of("%", "_", "%%", "\uD83D\uDE00", " % ")) {
            RestAssured.given().queryParam("q", term).get("/api/v1/members").then().statusCode(400)
                    .contentType(PROBLEM).body("errors[0].field", equalTo("q"));
        }
    }

    @Test
    void answersAreNotCachedAndNotSniffed() {
        RestAssured.given().get("/api/v1/members/" + w.memberA.id).then().statusCode(200)
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        SecurityWorld.World.anonymous().contentType("application/json")
                .body(Map.of("username", w.officerAName, "password", SecurityWorld.PASSWORD))
                .post("/api/v1/auth/token").then().statusCode(200).header("Cache-Control", "no-store");
        RestAssured.given().get("/q/health").then().header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void aParameterGivenTwiceIsRefused() {
        w.as(w.officerA).queryParam("unitId", w.provinceA.id, w.provinceB.id).get("/api/v1/members").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("unitId"));
    }
}
