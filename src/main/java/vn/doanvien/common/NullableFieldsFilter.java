package vn.doanvien.common;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Makes the schemas say what Jackson really writes and reads. Jackson writes an absent value as {@code null} (a
 * unit without {@code validTo}, an enterprise without {@code investorCountry}) and reads {@code null} for an
 * optional field as absent, so every optional scalar property is {@code nullable}; a referenced enum or date is
 * copied inline for that (with {@code null} among the enum values), because OpenAPI 3.0 cannot make a bare
 * {@code $ref} nullable in a way every tool reads alike, and the named schema is dropped when nothing refers to
 * it any more. Optional object properties stay plain references: the DTOs leave them out rather than send null.
 * Response headers without a schema get {@code type: string}. Required properties and the problem schemas, which
 * leave absent fields out, stay as they are.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class NullableFieldsFilter implements OASFilter {

    private static final Set<String> NEVER_NULL = Set.of("Problem", "FieldError");
    private static final String COMPONENT = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        Set<String> inlined = new HashSet<>();
        for (Map.Entry<String, Schema> entry : components.entrySet()) {
            if (!NEVER_NULL.contains(entry.getKey())) {
                markOptionalNullable(entry.getValue(), components, inlined);
            }
        }
        Set<String> used = new HashSet<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                for (Operation op : item.getOperations().values()) {
                    collectOperation(op, used);
                }
            }
        }
        for (Schema schema : components.values()) {
            collect(schema, used);
        }
        for (String name : inlined) {
            if (!used.contains(name)) {
                openAPI.getComponents().removeSchema(name);
            }
        }
    }

    private static void markOptionalNullable(Schema schema, Map<String, Schema> components, Set<String> inlined) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Map.Entry<String, Schema> property : new ArrayList<>(schema.getProperties().entrySet())) {
            Schema p = property.getValue();
            if (required.contains(property.getKey()) || p == null) {
                continue;
            }
            String ref = soleRef(p);
            if (ref != null) {
                String name = ref.substring(ref.lastIndexOf('/') + 1);
                Schema target = components.get(name);
                if (isSimple(target)) {
                    schema.addProperty(property.getKey(), nullableCopy(p, target));
                    inlined.add(name);
                }
            } else if (p.getType() != null && !p.getType().isEmpty()
                    && !p.getType().contains(Schema.SchemaType.NULL)) {
                p.addType(Schema.SchemaType.NULL);
                if (p.getEnumeration() != null && !p.getEnumeration().contains(null)) {
                    List<Object> values = new ArrayList<>(p.getEnumeration());
                    values.add(null);
                    p.setEnumeration(values);
                }
                markOptionalNullable(p, components, inlined);
            }
        }
    }

    /** The reference of a property that is only a reference, bare or wrapped in a one-element allOf. */
    private static String soleRef(Schema p) {
        if (p.getRef() != null) {
            return p.getRef();
        }
        if (p.getType() == null && p.getAllOf() != null && p.getAllOf().size() == 1
                && p.getAllOf().get(0).getRef() != null) {
            return p.getAllOf().get(0).getRef();
        }
        return null;
    }

    private static boolean isSimple(Schema target) {
        return target != null && target.getProperties() == null && target.getType() != null
                && target.getType().size() == 1 && target.getType().get(0) != Schema.SchemaType.OBJECT
                && target.getType().get(0) != Schema.SchemaType.ARRAY;
    }

    private static Schema nullableCopy(Schema property, Schema target) {
        List<Object> values = null;
        if (target.getEnumeration() != null) {
            values = new ArrayList<>(target.getEnumeration());
            values.add(null);
        }
        Schema result = OASFactory.createSchema()
                .type(List.of(target.getType().get(0), Schema.SchemaType.NULL))
                .format(target.getFormat())
                .pattern(target.getPattern())
                .enumeration(values)
                .description(property.getDescription() != null ? property.getDescription() : target.getDescription());
        if (property.getExamples() != null) {
            result.examples(property.getExamples());
        } else if (target.getExamples() != null) {
            result.examples(target.getExamples());
        }
        return result;
    }

    private static void collectOperation(Operation op, Set<String> used) {
        if (op.getParameters() != null) {
            for (Parameter p : op.getParameters()) {
                collect(p.getSchema(), used);
            }
        }
        if (op.getRequestBody() != null) {
            collect(op.getRequestBody().getContent(), used);
        }
        if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
            for (APIResponse r : op.getResponses().getAPIResponses().values()) {
                collect(r.getContent(), used);
                if (r.getHeaders() != null) {
                    for (Header h : r.getHeaders().values()) {
                        if (h.getSchema() == null && h.getContent() == null && h.getRef() == null) {
                            h.setSchema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
                        }
                        collect(h.getSchema(), used);
                    }
                }
            }
        }
    }

    private static void collect(Content content, Set<String> used) {
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType m : content.getMediaTypes().values()) {
                collect(m.getSchema(), used);
            }
        }
    }

    private static void collect(Schema s, Set<String> used) {
        if (s == null) {
            return;
        }
        if (s.getRef() != null && s.getRef().startsWith(COMPONENT)) {
            used.add(s.getRef().substring(COMPONENT.length()));
        }
        if (s.getProperties() != null) {
            s.getProperties().values().forEach(p -> collect(p, used));
        }
        collect(s.getItems(), used);
        collect(s.getNot(), used);
        collect(s.getAdditionalPropertiesSchema(), used);
        for (List<Schema> list : java.util.Arrays.asList(s.getAllOf(), s.getAnyOf(), s.getOneOf())) {
            if (list != null) {
                list.forEach(x -> collect(x, used));
            }
        }
    }
}
