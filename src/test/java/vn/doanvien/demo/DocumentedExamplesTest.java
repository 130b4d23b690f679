package vn.doanvien.demo;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What a person gets from the examples of the OpenAPI document, in Swagger UI with the demo data: every required
 * path parameter has an example naming a row of the demo data, and every example request body, as Swagger UI fills it
 * in (the media type's example, otherwise one built from the schema's property examples), sent as it is, succeeds.
 * Read from the document the application serves, so a new operation is checked without a new test. Shares the
 * demo's application with DemoDataTest ({@link DemoProfile}) and runs after it: its examples write.
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DocumentedExamplesTest {

    /**
     * Operations whose example cannot be a fixed text, with why. Nothing else may be left out.
     */
    private static final Map<String, String> NO_FIXED_EXAMPLE = Map.of(
            "refreshToken", "a refresh token is a secret issued by POST /auth/token and used once",
            "getImport", "an import job exists once a file was uploaded; its id is what the upload answered",
            "getImportRejectedRows", "an import job exists once a file was uploaded; its id is what the upload answered");

    private static final Set<String> WRITES = Set.of("post", "put", "patch");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode document;

    @BeforeEach
    void readTheDocument() throws Exception {
        if (document == null) {
            document = JSON.readTree(given().accept("application/json").get("/q/openapi?format=json").asString());
        }
    }

    @Test
    @Order(1)
    void everyPathParameterHasAnExampleThatNamesADemoRow() {
        List<String> failures = new ArrayList<>();
        forEachOperation((method, path, operation) -> {
            String id = operation.path("operationId").asText();
            if (NO_FIXED_EXAMPLE.containsKey(id) || !path.contains("{")) {
                return;
            }
            String filled = fillPath(path, operation, failures, method);
            if (filled == null) {
                return;
            }
            if (method.equals("get")) {
                int status = given().accept("*/*").get(filled).statusCode();
                if (status != 200) {
                    failures.add("GET " + filled + " (" + id + ") answered " + status);
                }
            } else {
                // The rows the path names before its last segment exist (the last one may be what the call creates).
                String[] parts = filled.split("/");
                String[] template = path.split("/");
                StringBuilder prefix = new StringBuilder();
                StringBuilder prefixTemplate = new StringBuilder();
                for (int i = 1; i < parts.length - 1; i++) {
                    prefix.append('/').append(parts[i]);
                    prefixTemplate.append('/').append(template[i]);
                    if (template[i].startsWith("{") && document.path("paths").path(prefixTemplate.toString())
                            .has("get")) {
                        int status = given().accept("*/*").get(prefix.toString()).statusCode();
                        if (status != 200) {
                            failures.add(method.toUpperCase() + " " + path + " (" + id + "): GET " + prefix
                                    + " answered " + status);
                        }
                    }
                }
            }
        });
        assertEquals(List.of(), failures);
    }

    @Test
    @Order(1)
    void everyParameterExampleHasItsSchemasType() {
        // @Parameter(example = "2024") is written as a string whatever the parameter's type; the linter (and a
        // generated client) refuses an example that does not conform to its own schema.
        List<String> failures = new ArrayList<>();
        forEachOperation((method, path, operation) -> {
            for (JsonNode p : operation.path("parameters")) {
                JsonNode example = p.get("example");
                String type = p.path("schema").path("type").asText("");
                if (example == null || type.isEmpty()) {
                    continue;
                }
                boolean fits = switch (type) {
                    case "integer" -> example.isIntegralNumber();
                    case "number" -> example.isNumber();
                    case "boolean" -> example.isBoolean();
                    case "string" -> example.isTextual();
                    default -> true;
                };
                if (!fits) {
                    failures.add(method.toUpperCase() + " " + path + " " + p.path("name").asText() + ": example "
                            + example + " is not a " + type);
                }
            }
        });
        assertEquals(List.of(), failures);
    }

    @Test
    @Order(2)
    void everyExampleRequestBodySentAsItIsSucceeds() {
        List<String> failures = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        forEachOperation((method, path, operation) -> {
            String id = operation.path("operationId").asText();
            JsonNode content = operation.path("requestBody").path("content");
            if (!WRITES.contains(method) || content.isMissingNode() || NO_FIXED_EXAMPLE.containsKey(id)) {
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> mediaTypes = content.fields();
            while (mediaTypes.hasNext()) {
                Map.Entry<String, JsonNode> media = mediaTypes.next();
                if (!media.getKey().contains("json")) {
                    continue;
                }
                String filled = fillPath(path, operation, failures, method);
                if (filled == null) {
                    continue;
                }
                JsonNode body = exampleBody(media.getValue());
                // UTF-8 bytes: JSON has no other encoding (RestAssured would write ISO-8859-1 for a media type it does
                // not know as JSON, such as application/merge-patch+json).
                Response response = given().contentType(media.getKey()).accept("application/json")
                        .body(body.toString().getBytes(StandardCharsets.UTF_8))
                        .request(method.toUpperCase(), filled);
                sent.add(id);
                if (response.statusCode() < 200 || response.statusCode() > 299) {
                    failures.add(method.toUpperCase() + " " + filled + " (" + id + ", " + media.getKey() + ") "
                            + body + " answered " + response.statusCode() + ": " + response.asString());
                }
            }
        });
        assertTrue(sent.size() >= 30, "the examples were sent: " + sent);
        assertEquals(List.of(), failures, String.join("\n", failures));
    }

    /** The path with each parameter replaced by its example; null (and a failure noted) when one has none. */
    private static String fillPath(String path, JsonNode operation, List<String> failures, String method) {
        String filled = path;
        for (JsonNode parameter : operation.path("parameters")) {
            if (!parameter.path("in").asText().equals("path")) {
                continue;
            }
            JsonNode example = parameter.has("example") ? parameter.get("example")
                    : parameter.path("schema").get("example");
            if (example == null) {
                failures.add(method.toUpperCase() + " " + path + ": path parameter " + parameter.path("name").asText()
                        + " has no example");
                return null;
            }
            filled = filled.replace("{" + parameter.path("name").asText() + "}", example.asText());
        }
        return filled;
    }

    /** The body Swagger UI puts into the editor: the media type's example, else one built from the schema. */
    private static JsonNode exampleBody(JsonNode media) {
        if (media.has("example")) {
            return media.get("example");
        }
        if (media.has("examples")) {
            return media.get("examples").elements().next().path("value");
        }
        return sample(media.path("schema"));
    }

    /** Swagger UI's sample of a schema for a request: examples first, then defaults, enums, and type placeholders. */
    static JsonNode sample(JsonNode schema) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("$ref")) {
            return sample(resolve(schema.get("$ref").asText()));
        }
        if (schema.has("default")) {
            return schema.get("default");
        }
        if (schema.has("enum")) {
            for (JsonNode value : schema.get("enum")) {
                if (!value.isNull()) {
                    return value;
                }
            }
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.has(choice)) {
                return sample(schema.get(choice).get(0));
            }
        }
        if (schema.has("allOf")) {
            if (schema.get("allOf").size() == 1 && !schema.has("properties")) {
                return sample(schema.get("allOf").get(0));
            }
            ObjectNode merged = f.objectNode();
            for (JsonNode part : schema.get("allOf")) {
                JsonNode s = sample(part);
                if (s.isObject()) {
                    merged.setAll((ObjectNode) s);
                }
            }
            return merged;
        }
        String type = schema.path("type").asText();
        if (type.equals("object") || schema.has("properties")) {
            ObjectNode object = f.objectNode();
            Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
            while (properties.hasNext()) {
                Map.Entry<String, JsonNode> p = properties.next();
                JsonNode property = p.getValue();
                boolean readOnly = property.path("readOnly").asBoolean(false) || (property.has("$ref")
                        && resolve(property.get("$ref").asText()).path("readOnly").asBoolean(false));
                if (!readOnly) {
                    object.set(p.getKey(), sample(property));
                }
            }
            return object;
        }
        if (type.equals("array")) {
            ArrayNode array = f.arrayNode();
            array.add(sample(schema.path("items")));
            return array;
        }
        return switch (type) {
            case "integer", "number" -> f.numberNode(0);
            case "boolean" -> f.booleanNode(true);
            case "string" -> switch (schema.path("format").asText()) {
                case "date" -> f.textNode(LocalDate.now().toString());
                case "date-time" -> f.textNode(OffsetDateTime.now().toString());
                default -> f.textNode("string");
            };
            default -> f.nullNode();
        };
    }

    private static JsonNode resolve(String ref) {
        return document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private interface OperationVisitor {
        void visit(String method, String path, JsonNode operation);
    }

    private static void forEachOperation(OperationVisitor visitor) {
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    visitor.visit(method, path.getKey(), operation);
                }
            }
        }
    }
}
