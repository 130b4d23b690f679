package vn.doanvien.hostile;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.doanvien.TestData;

/**
 * The requests of {@link ScopeAttackTest}, made from the OpenAPI document: paths with their variables filled (ids in
 * the spellings the API must refuse), bodies synthesized from the operations' schemas with their row ids pointed at
 * the province under attack, and the same bodies with those ids written as strings.
 */
final class AttackRequests {

    static final String MONTH = "2025-01";

    /** Integer body fields that name a row, and which of B's rows they are pointed at. */
    static final Map<String, String> ENTITY_FIELDS = Map.ofEntries(
            Map.entry("unitId", "unit"), Map.entry("parentId", "unit"), Map.entry("scopeUnitId", "unit"),
            Map.entry("organisingUnitId", "unit"), Map.entry("upperLevelUnitId", "upper"),
            Map.entry("grassrootsUnionId", "union"), Map.entry("toGrassrootsUnionId", "union"),
            Map.entry("enterpriseId", "enterprise"), Map.entry("memberId", "member"),
            Map.entry("chairMemberId", "member"), Map.entry("officialId", "official"),
            Map.entry("parentTargetId", "target"), Map.entry("enrolmentId", "enrolment"));

    /** The path with its variables filled from {@code rows}, the numeric ids written as {@code spelling}. */
    static String expand(String template, Map<String, Object> rows, String spelling) {
        String path = template;
        int open;
        while ((open = path.indexOf('{')) >= 0) {
            int close = path.indexOf('}', open);
            String name = path.substring(open + 1, close);
            String value = pathValue(template, name, rows);
            if (spelling != null && numericPath(name)) {
                value = spell(Long.parseLong(value), spelling);
            }
            path = path.substring(0, open) + value + path.substring(close + 1);
        }
        return path;
    }

    /** Which row a path variable names under this path, or null when the suite has no rule for it. */
    static String pathValue(String template, String name, Map<String, Object> rows) {
        Object value = switch (name) {
            case "unitId" -> rows.get("unit");
            case "enrolmentId" -> rows.get("enrolment");
            case "reference" -> rows.get("reference");
            case "month" -> MONTH;
            case "year" -> "2024";
            case "session" -> "1";
            case "id" -> {
                String family = template.replaceFirst("^/api/v1/([^/]+)/.*$", "$1");
                yield switch (family) {
                    case "units" -> rows.get("unit");
                    case "grassroots-unions" -> rows.get("union");
                    case "members" -> rows.get("member");
                    case "enterprises" -> rows.get("enterprise");
                    case "targets" -> rows.get("target");
                    case "officials" -> rows.get("official");
                    case "training-courses" -> rows.get("course");
                    case "imports" -> rows.get("import");
                    case "api-keys" -> rows.get("apiKey");
                    default -> null;
                };
            }
            default -> null;
        };
        return value == null ? null : String.valueOf(value);
    }

    static boolean numericPath(String name) {
        return Set.of("id", "unitId", "enrolmentId").contains(name);
    }

    static String spell(long id, String spelling) {
        return switch (spelling) {
            case "ARABIC" -> encode(digits(id, '\u0660'));
            case "FULLWIDTH" -> encode(digits(id, '\uFF10'));
            default -> String.format(spelling, id);
        };
    }

    static String digits(long id, char zero) {
        StringBuilder sb = new StringBuilder();
        for (char c : Long.toString(id).toCharArray()) {
            sb.append((char) (zero + (c - '0')));
        }
        return sb.toString();
    }

    static boolean producesCsv(Operation op) {
        return op.getResponses() != null && op.getResponses().get("200") != null
                && op.getResponses().get("200").getContent() != null
                && op.getResponses().get("200").getContent().containsKey("text/csv");
    }

    /** A value for the schema; integer fields that name rows point at {@code rows}; unknown id fields listed. */
    static Object synthesize(Schema<?> schema, String name, Map<String, Object> rows, List<String> unknownIds) {
        if (schema == null) {
            return null;
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().get(0);
        }
        String type = schema.getType() != null ? schema.getType()
                : schema.getTypes() != null && !schema.getTypes().isEmpty() ? schema.getTypes().iterator().next()
                : schema.getProperties() != null ? "object" : null;
        if ("object".equals(type) || schema.getProperties() != null) {
            Map<String, Object> object = new LinkedHashMap<>();
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((field, s) -> {
                    Object v = synthesize(s, field, rows, unknownIds);
                    if (v != null) {
                        object.put(field, v);
                    }
                });
            }
            return object;
        }
        if ("array".equals(type)) {
            Object item = synthesize(schema.getItems(), name, rows, unknownIds);
            return item == null ? List.of() : List.of(item);
        }
        if ("integer".equals(type)) {
            if (ENTITY_FIELDS.containsKey(name)) {
                return rows.get(ENTITY_FIELDS.get(name));
            }
            if (name.endsWith("Id") && !name.equals("body")) {
                unknownIds.add(name);
                return null;
            }
            return 10;
        }
        if ("number".equals(type)) {
            return 10;
        }
        if ("boolean".equals(type)) {
            return false;
        }
        if ("string".equals(type)) {
            if ("date".equals(schema.getFormat())) {
                return name.toLowerCase(Locale.ROOT).contains("deadline") || name.equals("termEnd")
                        || name.equals("endsOn") ? "2026-01-31" : "2024-06-01";
            }
            if ("date-time".equals(schema.getFormat())) {
                return "2024-06-01T00:00:00Z";
            }
            if (name.toLowerCase(Locale.ROOT).contains("month")) {
                return MONTH;
            }
            return switch (name) {
                case "nationalId" -> TestData.nationalId();
                case "taxCode", "employerTaxCode" -> TestData.taxCode();
                case "nationality" -> "VN";
                case "email" -> "attack@example.vn";
                case "phone" -> "0903 123 456";
                case "code" -> TestData.unique("ATK");
                default -> schema.getExample() instanceof String s ? s : "Tấn công " + name;
            };
        }
        return schema.getExample();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    /** The body with every row id written as a JSON string (and with a sign): must be refused, not read. */
    static Map<String, Object> stringIds(Map<String, Object> body) {
        Map<String, Object> copy = new LinkedHashMap<>();
        body.forEach((k, v) -> copy.put(k, ENTITY_FIELDS.containsKey(k) && v instanceof Number n ? "+" + n
                : v instanceof Map<?, ?> m ? stringIds(castMap(m))
                : v instanceof List<?> l ? l.stream().map(i -> i instanceof Map<?, ?> m ? stringIds(castMap(m)) : i)
                .toList() : v));
        if (copy.equals(body)) {
            // no id in the body: a field of the wrong type instead, so the call is still one that must fail
            copy.put("unexpectedField", 1);
        }
        return copy;
    }

    static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ParseOptions resolveFully() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        return options;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
