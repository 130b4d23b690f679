package vn.doanvien.apidoc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/** An example problem for each error an operation documents, fitting the operation (its path, a field of it). */
final class ProblemExamples {

    private static final String PROBLEM = "application/problem+json";
    private static final String BASE = "https://doanvien.vn/problems/";

    private ProblemExamples() {
    }

    static void add(Operation operation, String path) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        String instance = path.replace("{id}", "42").replaceAll("\\{[^}]+}", "1");
        for (Map.Entry<String, APIResponse> r : operation.getResponses().getAPIResponses().entrySet()) {
            Content content = r.getValue().getContent();
            if (content == null || content.getMediaType(PROBLEM) == null
                    || content.getMediaType(PROBLEM).getExample() != null
                    || content.getMediaType(PROBLEM).getExamples() != null) {
                continue;
            }
            Map<String, Object> example = example(r.getKey(), operation, instance);
            if (example != null) {
                content.getMediaType(PROBLEM).setExample(example);
            }
        }
    }

    private static Map<String, Object> example(String status, Operation operation, String instance) {
        Map<String, Object> p = new LinkedHashMap<>();
        switch (status) {
            case "400" -> {
                String field = field(operation);
                String message = "must be " + (field.endsWith("Id") ? "an id: ASCII digits" : "valid");
                put(p, "validation", "Invalid request", 400, field + ": " + message, instance);
                // In this order every time (Map.of iterates in an order that changes from run to run).
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("field", field);
                error.put("message", message);
                p.put("errors", List.of(error));
            }
            case "401" -> put(p, "unauthorized", "Unauthorized", 401, "Log in first: the Authorize button (a "
                    + "username and password), or Authorization: Bearer with a token from POST /api/v1/auth/token; a "
                    + "token lives 15 minutes", instance);
            case "403" -> put(p, "forbidden", "Forbidden", 403, "Your role reaches only the subtree of your unit",
                    instance);
            case "404" -> put(p, "not-found", "Not found", 404, "No such resource: " + instance, instance);
            case "406" -> put(p, "not-acceptable", "Not acceptable", 406, "The Accept header allows none of the "
                    + "media types of this answer", instance);
            case "409" -> put(p, "conflict", "Conflict", 409, "The change conflicts with the registry as it stands",
                    instance);
            case "412" -> put(p, "precondition-failed", "Precondition failed", 412, "If-Match \"3\" is not the "
                    + "current version \"4\": read again and apply your change to it", instance);
            case "413" -> put(p, "payload-too-large", "Payload too large", 413, "The request body is larger than "
                    + "2097152 bytes", instance);
            case "415" -> put(p, "unsupported-media-type", "Unsupported media type", 415, "Send the body as "
                    + "application/json", instance);
            case "422" -> put(p, "idempotency-key-reused", "Idempotency key reused", 422, "This Idempotency-Key "
                    + "was used with another request body", instance);
            case "429" -> put(p, "too-many-requests", "Too many requests", 429, "Too many failed attempts: retry "
                    + "after the seconds in Retry-After", instance);
            case "500" -> put(p, "internal", "Internal error", 500, "Unexpected error; it is logged", instance);
            case "503" -> put(p, "unavailable", "Service unavailable", 503, "The database cannot be reached at the "
                    + "moment: retry after Retry-After seconds", instance);
            default -> {
                return null;
            }
        }
        return p;
    }

    /** A field the operation takes: its first query parameter, else a path parameter, else "body". */
    private static String field(Operation operation) {
        if (operation.getParameters() != null) {
            for (Parameter.In in : List.of(Parameter.In.QUERY, Parameter.In.PATH)) {
                for (Parameter p : operation.getParameters()) {
                    if (p.getIn() == in) {
                        return p.getName();
                    }
                }
            }
        }
        return "body";
    }

    private static void put(Map<String, Object> p, String type, String title, int status, String detail,
                            String instance) {
        p.put("type", BASE + type);
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        p.put("instance", instance);
    }

}
