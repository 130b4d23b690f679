package vn.doanvien.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks every RestAssured exchange with the API against {@code openapi/openapi.yaml}: the response (status,
 * headers, content type, body schema) always; the request when the server accepted it (status below 400) and the
 * request was not marked {@link #INVALID_REQUEST}. A request the server rejects with a 4xx may break the contract
 * on purpose (that is what negative tests send), but a request the server accepts must be one the spec allows, and
 * every answer, errors included, must be one the spec describes.
 *
 * <p>Installed for every {@code @QuarkusTest} by {@link ContractCallback}; only paths under {@code /api/} are
 * checked (the {@code /q/} endpoints are not part of the document).
 */
public final class ContractFilter implements Filter {

    /**
     * Request header that switches request validation off for one call (it is removed before the request is
     * sent). Use it through {@link Contract#invalidRequest()}.
     */
    public static final String INVALID_REQUEST = "X-Contract-Invalid-Request";

    static final Path SPEC = Path.of("openapi", "openapi.yaml");

    private static ContractFilter shared;

    private final OpenApiInteractionValidator validator;

    ContractFilter(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    /** The filter RestAssured uses; built from the document once (reading it takes a while). */
    static synchronized ContractFilter shared() {
        if (shared == null) {
            shared = fromSpec();
        }
        return shared;
    }

    /**
     * Checks an answer that did not come through RestAssured (a test sending thousands of requests with the JDK's
     * HTTP client) against the document, as {@link #filter} checks RestAssured's: throws the same AssertionError.
     * Only the answer: such requests break the contract on purpose.
     */
    public static void checkResponse(String method, String path, int status, Map<String, List<String>> headers,
                                     byte[] body) {
        if (!path.startsWith("/api/")) {
            return;
        }
        SimpleResponse.Builder response = new SimpleResponse.Builder(status).withBody(body);
        headers.forEach(response::withHeader);
        ValidationReport report = shared().validator.validateResponse(path, Request.Method.valueOf(method),
                response.build());
        if (report.hasErrors()) {
            throw violation(method, path, status, report, new String(body, StandardCharsets.UTF_8));
        }
    }

    static ContractFilter fromSpec() {
        Path spec = SPEC.toAbsolutePath();
        if (!Files.isRegularFile(spec)) {
            throw new IllegalStateException("contract tests need " + spec + " (exported by the build)");
        }
        LevelResolver levels = LevelResolver.create()
                // A test of an unknown path or method checks the 404/405 problem itself; the document cannot
                // describe paths that do not exist.
                .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                .build();
        return new ContractFilter(OpenApiInteractionValidator.createForSpecificationUrl(spec.toUri().toString())
                .withLevelResolver(levels)
                .build());
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext ctx) {
        boolean requestMayBeInvalid = request.getHeaders().hasHeaderWithName(INVALID_REQUEST);
        if (requestMayBeInvalid) {
            request.removeHeader(INVALID_REQUEST);
        }
        // the validator reads no multipart body (RestAssured keeps its parts apart): the answer is still checked
        boolean multipart = !request.getMultiPartParams().isEmpty();
        Response response = ctx.next(request, responseSpec);
        Request apiRequest = RestAssuredRequest.of(request);
        if (!apiRequest.getPath().startsWith("/api/")) {
            return response;
        }
        com.atlassian.oai.validator.model.Response apiResponse = RestAssuredResponse.of(response);
        ValidationReport report = validator.validateResponse(apiRequest.getPath(), apiRequest.getMethod(),
                apiResponse);
        if (!requestMayBeInvalid && !multipart && response.statusCode() < 400) {
            report = validator.validateRequest(apiRequest).merge(report);
        }
        if (report.hasErrors()) {
            throw violation(apiRequest.getMethod().name(), apiRequest.getPath(), response.statusCode(), report,
                    response.asString());
        }
        return response;
    }

    private static AssertionError violation(String method, String path, int status, ValidationReport report,
                                            String body) {
        return new AssertionError("Contract violation (openapi/openapi.yaml) for " + method + " " + path + " -> "
                + status + ":\n"
                + report.getMessages().stream()
                        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                        .map(m -> "  - " + m.getKey() + ": " + m.getMessage()
                                + m.getContext().flatMap(c -> c.getPointers()
                                        .map(p -> " [" + p.getInstance() + "]")).orElse(""))
                        .collect(Collectors.joining("\n"))
                + "\n  response body: " + abbreviate(body));
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "…" : body;
    }
}
