package vn.doanvien.apidoc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import vn.doanvien.common.Languages;

/**
 * The examples a person meets in Swagger UI, written against the demo data and kept in one folder,
 * {@code src/main/resources/openapi-examples}: {@code path-parameters.properties} gives each required path parameter
 * an example ({@code <operationId>.<parameter>=<value>}) naming a demo row, and {@code request-bodies.json} gives
 * operations' request bodies ({@code {"<operationId>": {"summary": …, "value": …}}}) for every JSON media type they
 * take. Sent as they are
 * to a fresh demo registry they succeed: DocumentedExamplesTest sends every one. A key or file naming no operation
 * stops the build, so an example cannot outlive its operation.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = -60)
public class DemoExamples implements OASFilter {

    private static final String FOLDER = "openapi-examples/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Properties parameters = Languages.texts(FOLDER + "path-parameters.properties");
        JsonNode bodies = bodies();
        Set<String> used = new HashSet<>();
        Set<String> operations = new HashSet<>();
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                String id = operation.getOperationId();
                operations.add(id);
                if (operation.getParameters() != null) {
                    for (Parameter p : operation.getParameters()) {
                        String key = id + "." + p.getName();
                        String value = parameters.getProperty(key);
                        if (p.getIn() == Parameter.In.PATH && value != null) {
                            p.setExample(typed(value, p.getSchema()));
                            used.add(key);
                        } else if (p.getExample() instanceof String written) {
                            // @Parameter(example = "2024") is always written as a string; an integer parameter's
                            // example must be an integer, or it does not conform to its own schema.
                            p.setExample(typed(written, p.getSchema()));
                        }
                    }
                }
                JsonNode body = bodies.get(id);
                if (body != null && operation.getRequestBody() != null
                        && operation.getRequestBody().getContent() != null) {
                    for (Map.Entry<String, MediaType> media : operation.getRequestBody().getContent().getMediaTypes()
                            .entrySet()) {
                        if (media.getKey().contains("json")) {
                            media.getValue().setExample(null);
                            Map<String, org.eclipse.microprofile.openapi.models.examples.Example> examples =
                                    new LinkedHashMap<>();
                            examples.put(body.path("summary").asText(id), OASFactory.createExample()
                                    .summary(body.path("summary").asText(null))
                                    .value(JSON.convertValue(body.path("value"), Object.class)));
                            media.getValue().setExamples(examples);
                        }
                    }
                }
            }
        }
        Set<String> unknown = new TreeSet<>();
        for (String key : parameters.stringPropertyNames()) {
            if (!used.contains(key)) {
                unknown.add(key);
            }
        }
        bodies.fieldNames().forEachRemaining(id -> {
            if (!operations.contains(id)) {
                unknown.add("request-bodies.json: " + id);
            }
        });
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("openapi-examples names no path parameter or operation of the API: "
                    + unknown);
        }
    }

    private static Object typed(String value, Schema schema) {
        if (schema == null || schema.getType() == null) {
            return value;
        }
        if (schema.getType().contains(Schema.SchemaType.INTEGER)) {
            return Long.valueOf(value);
        }
        if (schema.getType().contains(Schema.SchemaType.BOOLEAN)) {
            return Boolean.valueOf(value);
        }
        return value;
    }

    private static JsonNode bodies() {
        try (InputStream in = DemoExamples.class.getClassLoader()
                .getResourceAsStream(FOLDER + "request-bodies.json")) {
            if (in == null) {
                throw new IllegalStateException("missing " + FOLDER + "request-bodies.json");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(FOLDER + "request-bodies.json", e);
        }
    }
}
