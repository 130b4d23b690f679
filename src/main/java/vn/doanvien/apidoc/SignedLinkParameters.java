package vn.doanvien.apidoc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import vn.doanvien.security.SignedLinks;

/**
 * The query parameters of a signed chart link (security.SignedLinks), declared on the chart operations so that a
 * client that follows a {@code chartUrl} sends only what the document names. Nobody types them: they come with the
 * link, and a caller with a token leaves them out.
 */
final class SignedLinkParameters {

    private static final String PART = "Part of a signed chartUrl (from the JSON series); leave empty when calling "
            + "with a token. ";

    private SignedLinkParameters() {
    }

    static void declare(OpenAPI openAPI) {
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (SignedLinks.CHART_PATHS.stream().noneMatch(path.getKey()::endsWith) || path.getValue().getGET() == null) {
                continue;
            }
            List<Parameter> parameters = path.getValue().getGET().getParameters() == null ? new ArrayList<>()
                    : new ArrayList<>(path.getValue().getGET().getParameters());
            parameters.add(parameter("by", PART + "Who the link was made for.", Schema.SchemaType.STRING));
            parameters.add(parameter("role", PART + "Their role.", Schema.SchemaType.STRING)
                    .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                            .enumeration(List.of("ADMIN", "OFFICER", "ANALYST"))));
            parameters.add(parameter("unit", PART + "Their unit (an officer's).", Schema.SchemaType.INTEGER));
            parameters.add(parameter("expires", PART + "When the link expires, in seconds since 1970.",
                    Schema.SchemaType.INTEGER));
            parameters.add(parameter("signature", PART + "HMAC-SHA256 of the path and the other parameters.",
                    Schema.SchemaType.STRING));
            path.getValue().getGET().setParameters(parameters);
        }
    }

    private static Parameter parameter(String name, String description, Schema.SchemaType type) {
        return OASFactory.createParameter().name(name).in(Parameter.In.QUERY).required(false)
                .description(description)
                .schema(OASFactory.createSchema().type(List.of(type)));
    }
}
