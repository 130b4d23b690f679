package vn.doanvien.security;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Test-only: every RestAssured request that carries no credentials of its own is sent as the bootstrap admin
 * of the test profile, so tests about other features need not know about authentication. A request sent with
 * the header {@value #ANONYMOUS} goes out without credentials (the header itself is removed).
 * Registered in META-INF/services; it adds a filter and never resets RestAssured (other filters stay).
 */
public class TestAuthentication implements QuarkusTestBeforeEachCallback, Filter {

    /** Marks a request that must go out without credentials. */
    public static final String ANONYMOUS = "X-Test-Anonymous";
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "test-admin-password";

    private static volatile boolean installed;
    private static volatile String adminToken;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        install();
    }

    static synchronized void install() {
        if (!installed) {
            RestAssured.filters(new TestAuthentication());
            installed = true;
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext ctx) {
        if (request.getHeaders().hasHeaderWithName(ANONYMOUS)) {
            request.removeHeader(ANONYMOUS);
        } else if (!request.getHeaders().hasHeaderWithName("Authorization")
                && !request.getHeaders().hasHeaderWithName(ApiKeyAuthentication.HEADER)) {
            request.header("Authorization", "Bearer " + adminToken());
        }
        return ctx.next(request, response);
    }

    /** A token of the bootstrap admin, obtained once (it lives for the whole suite in the test profile). */
    public static String adminToken() {
        String token = adminToken;
        if (token == null) {
            token = login(ADMIN, ADMIN_PASSWORD);
            adminToken = token;
        }
        return token;
    }

    /** Logs in and returns the access token; fails the test if the login fails. */
    public static String login(String username, String password) {
        return RestAssured.given().header(ANONYMOUS, "true").contentType("application/json")
                .body("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
                .post("/api/v1/auth/token")
                .then().statusCode(200).extract().path("accessToken");
    }
}
