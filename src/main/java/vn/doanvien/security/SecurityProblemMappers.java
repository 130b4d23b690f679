package vn.doanvien.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.doanvien.common.Problem;

/** 401, 403 and 429 as problem+json (authentication runs lazily, inside JAX-RS, so these mappers see it). */
public class SecurityProblemMappers {

    @ServerExceptionMapper
    public Response mapUnauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri, "Log in: send Authorization: Bearer <access token> or an API key");
    }

    @ServerExceptionMapper
    public Response mapAuthenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri, "The credentials are invalid, expired or revoked");
    }

    @ServerExceptionMapper
    public Response mapForbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "forbidden", "Forbidden", "Your role may not do this", uri).build();
    }

    @ServerExceptionMapper
    public Response mapTooManyRequests(LoginThrottle.TooManyRequests e, UriInfo uri) {
        return problem(429, "too-many-requests", "Too many requests",
                "Too many attempts from this client or for this account; retry after " + e.retryAfterSeconds
                        + " seconds", uri)
                .header("Retry-After", e.retryAfterSeconds).build();
    }

    private static Response unauthorized(UriInfo uri, String detail) {
        return problem(401, "unauthorized", "Unauthorized", detail, uri)
                .header("WWW-Authenticate", "Bearer").build();
    }

    private static Response.ResponseBuilder problem(int status, String type, String title, String detail, UriInfo uri) {
        Problem p = new Problem(URI.create("https://doanvien.vn/problems/" + type), title, status, detail,
                uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""), null, null);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(p);
    }
}
