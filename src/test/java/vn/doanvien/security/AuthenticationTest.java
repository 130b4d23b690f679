package vn.doanvien.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;

/** Logging in, refreshing, and refusing forged, expired, wrongly signed and brute-forced credentials. */
@QuarkusTest
class AuthenticationTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    AccountService accounts;

    private String user() {
        String name = TestData.unique("user").toLowerCase();
        accounts.createUser(name, SecurityWorld.PASSWORD, Roles.ANALYST, null, null);
        return name;
    }

    private static ValidatableResponse token(String username, String password, String address) {
        return SecurityWorld.World.anonymous().header("X-Forwarded-For", address).contentType("application/json")
                .body(Map.of("username", username, "password", password)).post("/api/v1/auth/token").then();
    }

    private static void unauthorized(ValidatableResponse r) {
        r.statusCode(401).contentType(PROBLEM).body("status", equalTo(401)).body("title", equalTo("Unauthorized"));
    }

    private static ValidatableResponse withBearer(String token) {
        return SecurityWorld.World.anonymous().header("Authorization", "Bearer " + token).get("/api/v1/units").then();
    }

    private static ValidatableResponse oauth(String address, String... fields) {
        // The form as its body (as a browser sends it), so that the contract check reads it.
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            form.append(form.length() == 0 ? "" : "&").append(fields[i]).append('=')
                    .append(java.net.URLEncoder.encode(fields[i + 1], java.nio.charset.StandardCharsets.UTF_8));
        }
        return SecurityWorld.World.anonymous().header("X-Forwarded-For", address)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").body(form.toString())
                .post("/api/v1/auth/oauth2/token").then();
    }

    @Test
    void theOAuthTokenEndpointLogsInAndRefreshesAsSwaggerUiAsks() {
        String name = user();
        Map<String, Object> t = oauth("10.1.9.1", "grant_type", "password", "username", name,
                "password", SecurityWorld.PASSWORD).statusCode(200)
                .body("token_type", equalTo("Bearer")).body("expires_in", equalTo(3 * 3600))
                .body("refresh_token", notNullValue()).extract().as(Map.class);
        withBearer((String) t.get("access_token")).statusCode(200);
        String refreshed = oauth("10.1.9.1", "grant_type", "refresh_token", "refresh_token",
                (String) t.get("refresh_token")).statusCode(200).extract().path("access_token");
        withBearer(refreshed).statusCode(200);
        // the refresh token was used once: again is a 401
        unauthorized(oauth("10.1.9.1", "grant_type", "refresh_token", "refresh_token", (String) t.get("refresh_token")));
        unauthorized(oauth("10.1.9.2", "grant_type", "password", "username", name, "password", "wrong-password"));
        oauth("10.1.9.3", "grant_type", "password", "username", name).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("password"));
        oauth("10.1.9.3", "grant_type", "client_credentials").statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("grant_type"));
        oauth("10.1.9.3", "grant_type", "refresh_token").statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("refresh_token"));
    }

    @Test
    void loginGivesAnRs256TokenThatOpensTheApi() {
        String name = user();
        Map<String, Object> t = token(name, SecurityWorld.PASSWORD, "10.1.0.1").statusCode(200)
                .body("tokenType", equalTo("Bearer")).body("expiresIn", equalTo(3 * 3600))
                .body("refreshToken", notNullValue()).body("role", equalTo("ANALYST"))
                .extract().as(Map.class);
        String access = (String) t.get("accessToken");
        assertTrue(new String(java.util.Base64.getUrlDecoder().decode(access.split("\\.")[0])).contains("RS256"));
        withBearer(access).statusCode(200);
        // the password is stored as bcrypt, never in clear
        AppUser stored = AppUser.find("username", name).firstResult();
        assertTrue(stored.passwordHash.startsWith("$2"));
    }

    @Test
    void noCredentialsIsA401Problem() {
        unauthorized(SecurityWorld.World.anonymous().get("/api/v1/members").then());
        unauthorized(SecurityWorld.World.anonymous().get("/api/v1/units").then());
    }

    @Test
    void wrongPasswordAndUnknownUserAreTheSame401() {
        String name = user();
        unauthorized(token(name, "wrong-password", "10.1.0.2"));
        unauthorized(token("nobody-" + name, "wrong-password", "10.1.0.2"));
    }

    @Inject
    io.smallrye.jwt.auth.principal.JWTParser parser;

    @Test
    void bearerTokensGoThroughTheVerifiedTokenCache() throws Exception {
        assertInstanceOf(VerifiedTokens.class, io.quarkus.arc.ClientProxy.unwrap(parser));
        // A token accepted once is accepted again from the cache; the same token altered is still refused.
        String analyst = (String) token(user(), SecurityWorld.PASSWORD, "10.1.0.4").extract().path("accessToken");
        withBearer(analyst).statusCode(200);
        withBearer(analyst).statusCode(200);
        int i = analyst.length() - 10;
        char changed = analyst.charAt(i) == 'A' ? 'B' : 'A';
        unauthorized(withBearer(analyst.substring(0, i) + changed + analyst.substring(i + 1)));
    }

    @Test
    void forgedExpiredAndWronglySignedTokensAreRefused() throws Exception {
        AppUser admin = AppUser.find("username", "admin").firstResult();
        // signed by another key
        var other = KeyPairGenerator.getInstance("RSA");
        other.initialize(2048);
        String foreign = Jwt.issuer("https://doanvien.vn").upn("admin").groups(Set.of(Roles.ADMIN))
                .expiresIn(600).sign(other.generateKeyPair().getPrivate());
        unauthorized(withBearer(foreign));
        // expired, though signed with the right key
        String expired = Jwt.issuer("https://doanvien.vn").upn("admin").groups(Set.of(Roles.ADMIN))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(60))
                .sign(SecurityKeys.get().signingKey);
        unauthorized(withBearer(expired));
        // right key, wrong issuer
        String otherIssuer = Jwt.issuer("https://evil.example").upn("admin").groups(Set.of(Roles.ADMIN))
                .expiresIn(600).sign(SecurityKeys.get().signingKey);
        unauthorized(withBearer(otherIssuer));
        // HS256 with the public key as secret, and an unsigned token
        String hs = Jwt.issuer("https://doanvien.vn").upn("admin").groups(Set.of(Roles.ADMIN)).expiresIn(600)
                .signWithSecret("a-secret-that-is-long-enough-for-hs256-signing-0123456789");
        unauthorized(withBearer(hs));
        String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"https://doanvien.vn\",\"upn\":\"admin\",\"groups\":[\"ADMIN\"],\"exp\":"
                        + (Instant.now().getEpochSecond() + 600) + "}").getBytes());
        unauthorized(withBearer(header + "." + payload + "."));
        // a real token with its payload edited (role raised) no longer verifies
        String analyst = (String) token(user(), SecurityWorld.PASSWORD, "10.1.0.3").extract().path("accessToken");
        String[] parts = analyst.split("\\.");
        String raised = new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("ANALYST", "ADMIN");
        unauthorized(withBearer(parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(raised.getBytes()) + "." + parts[2]));
        unauthorized(withBearer("not-a-jwt"));
        assertNotEquals(null, admin);
    }

    @Test
    void refreshTokensRotateAndWorkOnce() {
        String name = user();
        String refresh = token(name, SecurityWorld.PASSWORD, "10.1.0.4").statusCode(200)
                .extract().path("refreshToken");
        Map<String, Object> next = SecurityWorld.World.anonymous().contentType("application/json")
                .body(Map.of("refreshToken", refresh)).post("/api/v1/auth/refresh").then().statusCode(200)
                .extract().as(Map.class);
        withBearer((String) next.get("accessToken")).statusCode(200);
        assertNotEquals(refresh, next.get("refreshToken"));
        unauthorized(SecurityWorld.World.anonymous().contentType("application/json")
                .body(Map.of("refreshToken", refresh)).post("/api/v1/auth/refresh").then());
        // the reuse of a used token ends the sessions of that user: the newer refresh token stops working too
        unauthorized(SecurityWorld.World.anonymous().contentType("application/json")
                .body(Map.of("refreshToken", next.get("refreshToken"))).post("/api/v1/auth/refresh").then());
        // only hashes are stored
        assertTrue(RefreshToken.count("tokenHash", refresh) == 0);
    }

    @Test
    void bruteForceOnOneAccountIsStoppedWith429AndRetryAfter() {
        String name = user();
        for (int i = 0; i < 5; i++) {
            unauthorized(token(name, "guess-" + i, "10.2.0." + i));
        }
        // even the right password is refused while the account is throttled, from any address
        token(name, SecurityWorld.PASSWORD, "10.2.1.1").statusCode(429).contentType(PROBLEM)
                .header("Retry-After", notNullValue()).body("status", equalTo(429));
        // other accounts are not affected
        token(user(), SecurityWorld.PASSWORD, "10.2.1.2").statusCode(200);
    }

    @Test
    void oneAddressTryingManyAccountsIsStoppedToo() {
        String address = "10.3.0." + (System.nanoTime() % 200);
        // the test profile allows 30 failures per address in the window
        for (int i = 0; i < 30; i++) {
            unauthorized(token("nobody-" + i + "-" + TestData.unique("x"), "guess", address));
        }
        token("nobody-" + TestData.unique("x"), "guess", address).statusCode(429).contentType(PROBLEM)
                .header("Retry-After", notNullValue());
    }

    @Test
    void badLoginBodyIsA400Problem() {
        SecurityWorld.World.anonymous().contentType("application/json").body(Map.of("username", "x"))
                .post("/api/v1/auth/token").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("password"));
    }
}
