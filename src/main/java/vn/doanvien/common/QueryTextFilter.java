package vn.doanvien.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses query parameters and path segments with control characters or unpaired surrogates (as
 * {@link JsonConfig} refuses them in bodies) with a 400 problem naming the parameter, before they reach a
 * query: PostgreSQL rejects NUL in text, which would otherwise surface as a 500. A parameter given twice is a 400
 * too: every parameter of this API takes one value, and a reader that took the first and another that took the
 * last would not see the same request.
 */
public class QueryTextFilter {

    @ServerRequestFilter(preMatching = true)
    public Response refuseControlCharacters(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String pathProblem = JsonConfig.textProblem(path);
        if (pathProblem != null) {
            return ProblemMappers.respond(ApiProblem.badRequest("The path " + pathProblem).toProblem(null));
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (parameter.getValue().size() > 1) {
                return ProblemMappers.respond(ApiProblem.invalid(safeName(parameter.getKey()),
                        "is given " + parameter.getValue().size() + " times; give it once")
                        .toProblem("/" + path.replaceFirst("^/", "")));
            }
            for (String value : parameter.getValue()) {
                String problem = JsonConfig.textProblem(value);
                if (problem == null) {
                    problem = JsonConfig.textProblem(parameter.getKey());
                }
                if (problem != null) {
                    return ProblemMappers.respond(ApiProblem.invalid(safeName(parameter.getKey()), problem)
                            .toProblem("/" + path.replaceFirst("^/", "")));
                }
            }
        }
        return null;
    }

    private static String safeName(String name) {
        return JsonConfig.textProblem(name) == null ? name : "query";
    }
}
