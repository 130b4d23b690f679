package vn.doanvien.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keeps officers (and API keys) inside the subtree of their unit and members on their own record, for every
 * endpoint, in one place: the ids in the path ({@code /members/{id}}, {@code /units/{unitId}/...}), in the query
 * ({@code unitId}, {@code grassrootsUnionId}, ...) and anywhere in a JSON body ({@code grassrootsUnionId},
 * {@code parentId}, {@code toGrassrootsUnionId}, ...) are resolved to the unit they belong to today and checked
 * against the caller's reach (403 outside). Lists an officer asks for without a scope get their unit as the
 * default filter, so they show only the subtree. Roles are checked before, by the annotations on each resource.
 */
public class ScopeGuard {

    /** Path prefix of a resource family, and how an id there is placed in the tree. */
    private record Family(Pattern path, String kind) {
    }

    private static final List<Family> PATHS = List.of(
            new Family(Pattern.compile("^/api/v1/units/(\\d+)(/.*)?$"), "unit"),
            new Family(Pattern.compile("^/api/v1/grassroots-unions/(\\d+)(/.*)?$"), "grassrootsUnion"),
            new Family(Pattern.compile("^/api/v1/members/(\\d+)(/.*)?$"), "member"),
            new Family(Pattern.compile("^/api/v1/enterprises/(\\d+)(/.*)?$"), "enterprise"),
            new Family(Pattern.compile("^/api/v1/targets/(\\d+)(/.*)?$"), "target"),
            new Family(Pattern.compile("^/api/v1/officials/(\\d+)(/.*)?$"), "official"),
            new Family(Pattern.compile("^/api/v1/training-courses/(\\d+)(/.*)?$"), "trainingCourse"),
            new Family(Pattern.compile("^/api/v1/imports/(\\d+)(/.*)?$"), "importJob"));

    /** Field and query parameter names that name an entity of the tree. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("unitId", "unit"),
            Map.entry("parentId", "unit"),
            Map.entry("upperLevelUnitId", "unit"),
            Map.entry("scopeUnitId", "unit"),
            Map.entry("organisingUnitId", "unit"),
            Map.entry("grassrootsUnionId", "grassrootsUnion"),
            Map.entry("toGrassrootsUnionId", "grassrootsUnion"),
            Map.entry("enterpriseId", "enterprise"),
            Map.entry("memberId", "member"),
            Map.entry("officialId", "official"),
            Map.entry("targetId", "target"),
            Map.entry("parentTargetId", "target"));

    /** List endpoints and the query parameter that scopes them, defaulted to an officer's unit. */
    private static final Map<String, String> LIST_SCOPE = Map.ofEntries(
            Map.entry("/api/v1/members", "unitId"),
            Map.entry("/api/v1/grassroots-unions", "unitId"),
            Map.entry("/api/v1/officials", "unitId"),
            Map.entry("/api/v1/enterprises", "upperLevelUnitId"),
            Map.entry("/api/v1/units", "parentId"),
            Map.entry("/api/v1/training-courses", "organisingUnitId"),
            Map.entry("/api/v1/targets", "scopeUnitId"),
            Map.entry("/api/v1/sync/changes", "unitId"),
            Map.entry("/api/v1/recruitment/leads", "unitId"),
            Map.entry("/api/v1/recruitment/coverage", "unitId"),
            Map.entry("/api/v1/stats/membership", "unitId"),
            Map.entry("/api/v1/stats/membership/series", "unitId"),
            Map.entry("/api/v1/stats/membership/series.svg", "unitId"));

    /** Creations by an officer that must name where in their subtree the new entity goes. */
    private static final Map<String, String> PLACED_CREATION = Map.of(
            "/api/v1/units", "parentId",
            "/api/v1/enterprises", "upperLevelUnitId");

    private final CallerScope scope;
    private final ObjectMapper json;

    ScopeGuard(CallerScope scope, ObjectMapper json) {
        this.scope = scope;
        this.json = json;
    }

    @ServerRequestFilter
    public void checkScope(ContainerRequestContext request, RoutingContext routing) throws IOException {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/+", "");
        if (!path.startsWith("/api/") || !scope.restricted()) {
            return;
        }
        for (Family family : PATHS) {
            Matcher m = family.path().matcher(path);
            if (m.matches()) {
                check(family.kind(), Long.parseLong(m.group(1)));
            }
        }
        boolean scoped = false;
        for (Map.Entry<String, List<String>> param : request.getUriInfo().getQueryParameters().entrySet()) {
            String kind = FIELDS.get(param.getKey());
            if (kind != null) {
                for (String value : param.getValue()) {
                    Long id = number(value);
                    if (id != null) {
                        check(kind, id);
                        scoped = true;
                    }
                }
            }
        }
        String listParam = LIST_SCOPE.get(path);
        if (listParam != null && "GET".equals(request.getMethod()) && !scoped && scope.caller().is(Roles.OFFICER)) {
            String unit = String.valueOf(scope.caller().unitId());
            routing.queryParams().add(listParam, unit);
            if ("/api/v1/officials".equals(path) && routing.queryParams().get("subtree") == null) {
                routing.queryParams().add("subtree", "true");
            }
        }
        if (request.hasEntity() && request.getMediaType() != null
                && request.getMediaType().getSubtype().contains("json")) {
            byte[] body = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(body));
            JsonNode tree;
            try (InputStream in = new ByteArrayInputStream(body)) {
                tree = json.readTree(in);
            } catch (IOException e) {
                return; // the resource answers 400 for a malformed body
            }
            scan(tree);
            String placement = PLACED_CREATION.get(path);
            if (placement != null && "POST".equals(request.getMethod()) && tree != null && tree.isObject()
                    && (!tree.hasNonNull(placement))) {
                // without it the new unit or enterprise would sit outside every officer's subtree
                throw scope.forbidden("a new entity without " + placement);
            }
        }
    }

    private void scan(JsonNode node) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(this::scan);
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String kind = FIELDS.get(f.getKey());
                if (kind != null && f.getValue().canConvertToLong() && f.getValue().isIntegralNumber()) {
                    check(kind, f.getValue().longValue());
                } else if (kind != null && f.getValue().isTextual()) {
                    Long id = number(f.getValue().asText());
                    if (id != null) {
                        check(kind, id);
                    }
                } else {
                    scan(f.getValue());
                }
            }
        }
    }

    private void check(String kind, long id) {
        switch (kind) {
            case "unit" -> scope.requireUnit(id);
            case "grassrootsUnion" -> scope.requireGrassrootsUnion(id);
            case "member" -> scope.requireMember(id);
            case "enterprise" -> scope.requireEnterprise(id);
            case "target" -> scope.requireOwnedBy("select scope_unit_id from target where id = ?1", id, "target");
            case "official" -> scope.requireOwnedBy("select coalesce(o.unit_id, g.upper_level_unit_id) from official o "
                    + "left join grassroots_union g on g.id = o.grassroots_union_id where o.id = ?1", id, "official");
            case "trainingCourse" -> scope.requireOwnedBy(
                    "select organising_unit_id from training_course where id = ?1", id, "training course");
            // the uploading officer's unit first; a job of an admin's that names no unit is nobody else's (-1)
            case "importJob" -> scope.requireOwnedBy("select coalesce(j.scope_unit_id, j.upper_level_unit_id, "
                    + "g.upper_level_unit_id, -1) from import_job j left join grassroots_union g "
                    + "on g.id = j.grassroots_union_id where j.id = ?1", id, "import");
            default -> throw new IllegalStateException(kind);
        }
    }

    private static Long number(String value) {
        try {
            return value == null ? null : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
