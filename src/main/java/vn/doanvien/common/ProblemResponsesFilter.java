package vn.doanvien.common;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds the problem+json error responses each operation can really return, so resources only document
 * their successes: 400 everywhere (a malformed id in the path, a parameter given twice, control characters in
 * any parameter), 404 where the path names a resource,
 * 409 for writes, 412 for PUT and wherever If-Match is taken, 422 where Idempotency-Key is taken (a key reused
 * with another body), 413 and 415 where there is a body, 401 and 403 where a role is needed, 406, 500 and 503
 * (database unreachable) everywhere. A response Quarkus adds without a body (its default 400) gets the problem
 * body too.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ensureProblemSchemas(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            boolean namesResource = path.getKey().contains("{");
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                PathItem.HttpMethod method = op.getKey();
                Operation operation = op.getValue();
                APIResponses responses = operation.getResponses();
                if (responses == null) {
                    responses = OASFactory.createAPIResponses();
                    operation.setResponses(responses);
                }
                boolean hasBody = operation.getRequestBody() != null;
                boolean write = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                        || method == PathItem.HttpMethod.DELETE || method == PathItem.HttpMethod.PATCH;
                add(responses, "400", "Invalid request: validation, malformed JSON or a bad parameter (an id that "
                        + "is not plain ASCII digits, a parameter given twice); errors[].field names the offending "
                        + "fields");
                if (namesResource) {
                    add(responses, "404", "No such resource");
                }
                if (write) {
                    add(responses, "409", "Conflicts with the current state: a duplicate, a rule of the domain, "
                            + "or a concurrent change");
                }
                if (method == PathItem.HttpMethod.PUT || hasHeader(operation, "If-Match")) {
                    add(responses, "412", "If-Match does not match the current ETag: read again and retry");
                }
                if (hasHeader(operation, "Idempotency-Key")) {
                    add(responses, "422", "The Idempotency-Key was already used with another request body");
                }
                if (hasBody) {
                    add(responses, "413", "Request body too large");
                    add(responses, "415", "The request body is not application/json");
                }
                boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
                if (secured) {
                    replace(responses, "401", "Not authenticated: no token, or an invalid, expired or wrongly "
                            + "signed one (send Authorization: Bearer <token> or an API key)");
                    replace(responses, "403", "Authenticated, but the role or the unit scope does not allow this");
                }
                add(responses, "406", "The Accept header allows none of the media types of the response");
                add(responses, "500", "Unexpected error; details are logged, never returned");
                if (!responses.hasAPIResponse("503")) {
                    responses.addAPIResponse("503", OASFactory.createAPIResponse()
                            .description("The database cannot be reached at the moment (restart, failover): retry "
                                    + "after Retry-After seconds, writes with the same Idempotency-Key")
                            .addHeader("Retry-After", retryAfter())
                            .content(problemContent()));
                } else if (responses.getAPIResponse("503").getHeaders() == null) {
                    // A resource that declares its own 503 (statistics: a query past its time limit) keeps the header.
                    responses.getAPIResponse("503").addHeader("Retry-After", retryAfter());
                }
                // Errors a resource declares itself (a 404 for an id in the query) are problems too.
                for (Map.Entry<String, APIResponse> r : responses.getAPIResponses().entrySet()) {
                    Content content = r.getValue().getContent();
                    if ((r.getKey().startsWith("4") || r.getKey().startsWith("5"))
                            && (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty())) {
                        r.getValue().content(problemContent());
                    }
                }
            }
        }
    }

    private static org.eclipse.microprofile.openapi.models.headers.Header retryAfter() {
        return OASFactory.createHeader().description("Seconds to wait")
                .schema(OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.INTEGER)));
    }

    private static boolean hasHeader(Operation operation, String name) {
        if (operation.getParameters() == null) {
            return false;
        }
        for (Parameter p : operation.getParameters()) {
            if (p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName())) {
                return true;
            }
        }
        return false;
    }


    private static void replace(APIResponses responses, String code, String description) {
        responses.removeAPIResponse(code);
        add(responses, code, description);
    }

    private static void add(APIResponses responses, String code, String description) {
        APIResponse existing = responses.getAPIResponse(code);
        if (existing != null) {
            // Quarkus adds a bare 400 for operations with a body; the body of every error is a problem.
            if (existing.getContent() == null || existing.getContent().getMediaTypes() == null
                    || existing.getContent().getMediaTypes().isEmpty()) {
                existing.content(problemContent());
            }
            return;
        }
        responses.addAPIResponse(code, OASFactory.createAPIResponse()
                .description(description)
                .content(problemContent()));
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static void ensureProblemSchemas(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas != null && schemas.containsKey("Problem")) {
            return;
        }
        Schema fieldError = OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING))
                        .example("taxCode"))
                .addProperty("message", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING))
                        .example("must be 10 digits, or 10 digits, '-' and 3 digits for a branch"));
        Schema problem = OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING))
                        .format("uri").example("https://doanvien.vn/problems/validation"))
                .addProperty("title", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING))
                        .example("Invalid request"))
                .addProperty("status", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.INTEGER))
                        .example(400))
                .addProperty("detail", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING))
                        .example("taxCode: must be 10 digits, or 10 digits, '-' and 3 digits for a branch"))
                .addProperty("instance", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.STRING))
                        .example("/api/v1/enterprises"))
                .addProperty("errors", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .addProperty("existingId", OASFactory.createSchema().type(java.util.List.of(Schema.SchemaType.INTEGER))
                        .format("int64").description("For duplicates: the id of the existing resource"));
        openAPI.getComponents().addSchema("FieldError", fieldError);
        openAPI.getComponents().addSchema("Problem", problem);
    }
}
