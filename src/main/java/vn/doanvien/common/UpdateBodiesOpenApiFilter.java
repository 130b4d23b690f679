package vn.doanvien.common;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Says in the document what {@link UpdateBodies} takes. A PUT with a PATCH twin takes its update request or the
 * resource as its GET gives it ({@code anyOf} the two schemas); the PATCH takes any subset of the update request's
 * fields (a copy of its schema, named {@code …Patch}, with nothing required). Runs after the other filters, so the
 * copy holds the properties as they finally are.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = -100)
public class UpdateBodiesOpenApiFilter implements OASFilter {

    private static final String COMPONENT = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null
                || openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            Operation patch = path.getPATCH();
            String request = patch == null ? null : ref(patch.getRequestBody() == null ? null
                    : patch.getRequestBody().getContent(), UpdateBodies.MERGE_PATCH);
            if (request == null || !schemas.containsKey(request)) {
                continue;
            }
            String patchName = request + "Patch";
            if (!schemas.containsKey(patchName)) {
                Schema original = schemas.get(request);
                Map<String, Schema> properties = new LinkedHashMap<>(original.getProperties() == null ? Map.of()
                        : original.getProperties());
                openAPI.getComponents().addSchema(patchName, OASFactory.createSchema()
                        .type(List.of(Schema.SchemaType.OBJECT))
                        .description("JSON Merge Patch of " + request + ": any of its fields; null clears an optional "
                                + "one, an absent one keeps its value")
                        .properties(properties));
            }
            patch.getRequestBody().getContent().getMediaType(UpdateBodies.MERGE_PATCH)
                    .setSchema(OASFactory.createSchema().ref(COMPONENT + patchName));
            Operation put = path.getPUT();
            if (put == null || put.getRequestBody() == null) {
                continue;
            }
            MediaType json = put.getRequestBody().getContent() == null ? null
                    : put.getRequestBody().getContent().getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
            String resource = okRef(path.getGET());
            if (resource == null) {
                resource = okRef(put);
            }
            if (json != null && resource != null) {
                json.setSchema(OASFactory.createSchema()
                        .description("The update request, or the resource as GET returns it: its read-only fields "
                                + "are ignored when unchanged and refused (400 naming the field) when changed")
                        .anyOf(List.of(OASFactory.createSchema().ref(COMPONENT + request),
                                OASFactory.createSchema().ref(COMPONENT + resource))));
            }
        }
    }

    /** The component the JSON of an operation's 200 answer refers to, or null. */
    private static String okRef(Operation operation) {
        APIResponse ok = operation == null || operation.getResponses() == null ? null
                : operation.getResponses().getAPIResponse("200");
        return ok == null ? null : ref(ok.getContent(), jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
    }

    /** The component a content's media type refers to, or null. */
    private static String ref(Content content, String mediaType) {
        if (content == null || content.getMediaType(mediaType) == null
                || content.getMediaType(mediaType).getSchema() == null) {
            return null;
        }
        String ref = content.getMediaType(mediaType).getSchema().getRef();
        return ref != null && ref.startsWith(COMPONENT) ? ref.substring(COMPONENT.length()) : null;
    }
}
