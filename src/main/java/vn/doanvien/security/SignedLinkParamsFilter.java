package vn.doanvien.security;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.Params;

/**
 * The parameters of a signed chart link (SignedLinks) are read the way every id and number of the API is read,
 * with or without a token: a unit spelled {@code +4}, {@code 04} or in other digits is a 400 naming it, never
 * quietly ignored.
 */
public class SignedLinkParamsFilter {

    @ServerRequestFilter(preMatching = true, priority = Priorities.USER + 12)
    public void checkLinkParameters(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (SignedLinks.CHART_PATHS.stream().noneMatch(path::endsWith)) {
            return;
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        for (String name : new String[] {"unit", "expires"}) {
            String value = query.getFirst(name);
            if (value != null) {
                Params.requiredId(name, value);
            }
        }
        String role = query.getFirst("role");
        if (role != null && !SignedLinks.SIGNER_ROLES.contains(role)) {
            throw ApiProblem.invalid("role", "must be ADMIN, OFFICER or ANALYST");
        }
    }
}
