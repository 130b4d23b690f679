package vn.doanvien.common;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A client that accepts only {@code application/problem+json} (the one media type the document gives an operation
 * whose success has no body, a DELETE say) takes JSON too: its Accept gets {@code application/json} added with a low
 * weight. Without this the request fails content negotiation with a 406 before anything else is decided, even
 * without credentials; with it, authentication and scope answer first, and a success is a 204 or JSON.
 */
public class ProblemAcceptFilter {

    static final String PROBLEM = "application/problem+json";

    @ServerRequestFilter(preMatching = true, priority = Priorities.USER + 11)
    public void acceptJsonWithProblems(ContainerRequestContext request) {
        List<String> accepts = request.getHeaders().get(HttpHeaders.ACCEPT);
        if (accepts == null || accepts.isEmpty()) {
            return;
        }
        String accept = String.join(",", accepts);
        String lower = accept.toLowerCase(Locale.ROOT);
        if (lower.contains(PROBLEM) && !lower.contains(MediaType.APPLICATION_JSON + ",")
                && !lower.endsWith(MediaType.APPLICATION_JSON) && !lower.contains(MediaType.APPLICATION_JSON + ";")) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, accept + ", " + MediaType.APPLICATION_JSON + ";q=0.5");
        }
    }
}
