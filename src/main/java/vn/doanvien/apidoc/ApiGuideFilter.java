package vn.doanvien.apidoc;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Makes the document lead an analyst in Swagger UI: the landing text (how to log in, the demo accounts, where to
 * start; {@code openapi-guide.md}), a login scheme whose Authorize dialog takes a username and password (OAuth 2.0
 * password grant against POST /api/v1/auth/oauth2/token), the tags in the order of the users' journeys, optional
 * filters without example values (Swagger UI would send them and filter the answer silently: the example moves
 * into the description), and parameters typed (integers, booleans, enums, months) where the code reads text.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = -50)
public class ApiGuideFilter implements OASFilter {

    static final String LOGIN = "login";

    /** Tags in the order users need them, with what each is for. */
    private static final Map<String, String> TAGS = new LinkedHashMap<>();

    static {
        TAGS.put("Targets", "Start here: the targets (15 million members by 2028, unions in enterprises) and "
                + "their progress, breakdown by unit, series and charts");
        TAGS.put("Statistics", "Members by province, ownership, industry, size band, gender, age band… as of any "
                + "day; monthly series");
        TAGS.put("Recruitment", "Where to recruit: enterprises without a union, coverage");
        TAGS.put("Join requests", "Workers asking to join, routed to their union or federation");
        TAGS.put("Units", "The organisation tree: Confederation, provincial and sectoral federations, upper-level "
                + "unions");
        TAGS.put("Grassroots unions", "Grassroots unions (công đoàn cơ sở) and their placement in the tree");
        TAGS.put("Enterprises", "Employers: ownership, industry, workforce");
        TAGS.put("Members", "Union members (đoàn viên): personal data stays within the caller's unit");
        TAGS.put("Member counts", "Monthly counts reported by units that keep no member list");
        TAGS.put("Reported figures", "Figures reported by units outside the registry");
        TAGS.put("Sync", "Machine clients and files: bulk sync, member list imports (CSV, XLSX), change feed");
        TAGS.put("Officials", "Union officials (cán bộ công đoàn)");
        TAGS.put("Training courses", "Courses for officials, enrolments, roll-calls, completion");
        TAGS.put("Training report", "Training of officials, by unit and year");
        TAGS.put("Authentication", "Tokens: the Authorize button above does this for you");
        TAGS.put("Accounts", "Administration: users and API keys (admins only)");
        TAGS.put("Audit", "Administration: who changed what (admins only)");
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getInfo() == null) {
            openAPI.setInfo(OASFactory.createInfo());
        }
        openAPI.getInfo().title("doanvien API").version("1.0.0").description(resource("/openapi-guide.md"));
        addLoginScheme(openAPI);
        orderTags(openAPI);
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            SignedLinkParameters.declare(openAPI);
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, List<String>> roles = OperationRoles.scan();
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Operation operation : path.getValue().getOperations().values()) {
                if (operation.getParameters() != null) {
                    for (Parameter p : operation.getParameters()) {
                        ParameterTypes.type(path.getKey(), p);
                        moveExampleToDescription(p);
                    }
                }
                OperationRoles.describe(operation, roles.get(operation.getOperationId()));
                ProblemExamples.add(operation, path.getKey());
            }
        }
    }

    private static void addLoginScheme(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(LOGIN, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.OAUTH2)
                .description("Log in with a username and password (the demo accounts are listed above). The token "
                        + "lives 15 minutes; when calls answer 401, Logout and Authorize again.")
                .flows(OASFactory.createOAuthFlows().password(OASFactory.createOAuthFlow()
                        .tokenUrl("/api/v1/auth/oauth2/token")
                        .refreshUrl("/api/v1/auth/oauth2/token")
                        .scopes(new java.util.LinkedHashMap<>()))));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                List<SecurityRequirement> security = operation.getSecurity();
                if (security == null || security.isEmpty()) {
                    continue;
                }
                List<SecurityRequirement> alternatives = new ArrayList<>();
                alternatives.add(OASFactory.createSecurityRequirement().addScheme(LOGIN));
                alternatives.addAll(security);
                operation.setSecurity(alternatives);
            }
        }
    }

    private static void orderTags(OpenAPI openAPI) {
        Map<String, Tag> existing = new LinkedHashMap<>();
        if (openAPI.getTags() != null) {
            openAPI.getTags().forEach(t -> existing.put(t.getName(), t));
        }
        List<Tag> ordered = new ArrayList<>();
        TAGS.forEach((name, description) -> {
            Tag t = existing.remove(name);
            ordered.add((t == null ? OASFactory.createTag().name(name) : t).description(description));
        });
        ordered.addAll(existing.values());
        openAPI.setTags(ordered);
    }

    /**
     * Swagger UI fills a parameter with its example and sends it: an optional filter must have none, or Execute
     * quietly filters the answer. The example goes into the description.
     */
    private static void moveExampleToDescription(Parameter p) {
        if (Boolean.TRUE.equals(p.getRequired()) || p.getIn() == Parameter.In.PATH) {
            return;
        }
        Object example = p.getExample();
        Schema schema = p.getSchema();
        if (example == null && schema != null) {
            example = schema.getExample();
        }
        if (example == null) {
            return;
        }
        p.setExample(null);
        if (schema != null) {
            schema.setExample(null);
        }
        String description = p.getDescription() == null ? "" : p.getDescription().trim();
        p.setDescription((description.isEmpty() ? "" : description + (description.endsWith(".") ? " " : ". "))
                + "For example: `" + example + "`.");
    }

    static String resource(String name) {
        try (InputStream in = ApiGuideFilter.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
