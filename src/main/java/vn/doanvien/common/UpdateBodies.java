package vn.doanvien.common;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bodies of updates as clients naturally send them. PUT takes back what GET gave: the fields a request does not
 * take (id, version, createdAt, names of linked rows…) are ignored when they equal the stored ones and refused with
 * a 400 naming the field when they differ ({@code version}: a 412, the client read a stale copy). PATCH takes a JSON
 * Merge Patch (RFC 7396) applied to the stored resource as its update request would state it. Either way the
 * result is checked like any request body (Bean Validation, 400 naming the fields).
 */
@ApplicationScoped
public class UpdateBodies {

    public static final String MERGE_PATCH = "application/merge-patch+json";
    /** What every PATCH operation says of itself in the OpenAPI document. */
    public static final String MERGE_PATCH_DESCRIPTION = "JSON Merge Patch (RFC 7396): the fields sent replace the "
            + "stored ones, null clears an optional one, the others keep their values; then the rules of PUT apply. "
            + "Fields that cannot be changed here (id, version, names of linked rows…) are ignored when sent "
            + "unchanged and refused (400 naming the field) when changed. If-Match as for PUT: a stale "
            + "\"version\" or If-Match is a 412.";

    private final ObjectMapper mapper;
    private final Validator validator;

    UpdateBodies(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /** A PUT body: the request, the resource's read-only fields checked against {@code current} and dropped. */
    public <T> T put(JsonNode body, Object current, Class<T> type) {
        ObjectNode object = object(body);
        dropReadOnly(object, current, type);
        return read(object, type);
    }

    /** A JSON Merge Patch applied to {@code current} stated as the request {@code type}. */
    public <T> T mergePatch(JsonNode patch, Object current, Class<T> type) {
        ObjectNode object = object(patch);
        dropReadOnly(object, current, type);
        ObjectNode base = mapper.createObjectNode();
        Set<String> fields = fields(type);
        JsonNode stored = mapper.valueToTree(current);
        for (String f : fields) {
            if (stored.has(f) && !stored.get(f).isNull()) {
                base.set(f, stored.get(f).deepCopy());
            }
        }
        merge(base, object);
        return read(base, type);
    }

    private ObjectNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.badRequest("The request body is missing or is not a JSON object");
        }
        return (ObjectNode) body;
    }

    /** Fields of the resource that the request does not take: equal to the stored ones, or a problem. */
    private void dropReadOnly(ObjectNode body, Object current, Class<?> type) {
        Set<String> fields = fields(type);
        JsonNode stored = mapper.valueToTree(current);
        List<String> readOnly = new ArrayList<>();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!fields.contains(name)) {
                readOnly.add(name);
            }
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String name : readOnly) {
            JsonNode sent = body.get(name);
            if (!stored.has(name)) {
                errors.add(new Problem.FieldError(name, "unknown field"));
            } else if (!same(sent, stored.get(name))) {
                if (name.equals("version")) {
                    throw ApiProblem.preconditionFailed("version " + sent + " is not the current one ("
                            + stored.get(name) + "): read the resource again and apply your change to it");
                }
                errors.add(new Problem.FieldError(name, "is read-only: it is " + abbreviate(stored.get(name))
                        + ", not " + abbreviate(sent) + "; leave it out or send it unchanged"));
            } else {
                body.remove(name);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
    }

    private <T> T read(ObjectNode body, Class<T> type) {
        T value;
        try {
            value = mapper.treeToValue(body, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw asProblem(e);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<T> v : validator.validate(value)) {
            errors.add(new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
            throw ApiProblem.invalid(errors);
        }
        return value;
    }

    private static ApiProblem asProblem(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause
                && cause instanceof IllegalArgumentException) {
            cause = cause.getCause();
        }
        if (cause instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().get(m.getPath().size() - 1).getFieldName();
            return ApiProblem.invalid(field == null ? "body" : field, "cannot be read: " + m.getOriginalMessage());
        }
        return ApiProblem.badRequest("The request body cannot be read: " + cause.getMessage());
    }

    /** The JSON names of the request's properties. */
    private Set<String> fields(Class<?> type) {
        JavaType javaType = mapper.constructType(type);
        Set<String> names = new HashSet<>();
        for (BeanPropertyDefinition p : mapper.getDeserializationConfig().introspect(javaType).findProperties()) {
            names.add(p.getName());
        }
        return names;
    }

    /** RFC 7396: null removes, an object merges, anything else replaces. */
    static void merge(ObjectNode target, ObjectNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue();
            if (value.isNull()) {
                target.remove(e.getKey());
            } else if (value.isObject() && target.get(e.getKey()) instanceof ObjectNode inner) {
                merge(inner, (ObjectNode) value);
            } else {
                target.set(e.getKey(), value.deepCopy());
            }
        }
    }

    /** JSON values equal as the client means them: numbers by value, instants by the instant. */
    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText())) == 0;
        }
        if (a.isTextual() && b.isTextual() && !a.asText().equals(b.asText())) {
            try {
                return OffsetDateTime.parse(a.asText()).toInstant().equals(OffsetDateTime.parse(b.asText()).toInstant());
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        if (a.isObject() && b.isObject() || a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            if (a.isArray()) {
                for (int i = 0; i < a.size(); i++) {
                    if (!same(a.get(i), b.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!b.has(f) || !same(a.get(f), b.get(f))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static String abbreviate(JsonNode v) {
        String s = v.toString();
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
