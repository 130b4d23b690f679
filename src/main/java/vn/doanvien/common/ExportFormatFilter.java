package vn.doanvien.common;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * {@code ?format=csv|xlsx|json} on a GET stands for the matching Accept header, for the places that cannot set
 * one: a link in a browser, a spreadsheet's "from web" import. Any other value is a 400 naming {@code format}.
 */
public class ExportFormatFilter {

    public static final String PARAMETER = "format";

    @ServerRequestFilter(preMatching = true, priority = Priorities.USER + 10)
    public Response acceptFromFormat(ContainerRequestContext request) {
        String format = request.getUriInfo().getQueryParameters().getFirst(PARAMETER);
        if (format == null || !"GET".equals(request.getMethod())) {
            return null;
        }
        String accept = switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> Exports.TEXT_CSV;
            case "xlsx" -> Exports.XLSX;
            case "json" -> MediaType.APPLICATION_JSON;
            default -> null;
        };
        if (accept == null) {
            return ProblemMappers.respond(ApiProblem.invalid(PARAMETER, "must be csv, xlsx or json")
                    .toProblem("/" + request.getUriInfo().getPath().replaceFirst("^/", "")));
        }
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, accept);
        return null;
    }
}
