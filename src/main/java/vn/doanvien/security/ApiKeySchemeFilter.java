package vn.doanvien.security;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Documents the API keys of machine clients next to the bearer token: a second security scheme
 * ({@code X-API-Key} header, or {@code Authorization: ApiKey <key>}), accepted by every operation that takes a
 * token. Swagger UI's Authorize dialog then
 * offers both.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiKeySchemeFilter implements OASFilter {

    static final String SCHEME = "apiKey";
    static final String AUTHORIZATION_SCHEME = "apiKeyInAuthorization";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER)
                .name(ApiKeyAuthentication.HEADER)
                .description("API key of a machine client (shown once when an admin creates it); acts as an "
                        + "OFFICER of the key's unit."));
        components.addSecurityScheme(AUTHORIZATION_SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER)
                .name("Authorization")
                .description("The same API key sent as `Authorization: ApiKey <key>`, for clients that only set "
                        + "the Authorization header."));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                List<SecurityRequirement> security = operation.getSecurity();
                if (security == null || security.isEmpty()) {
                    continue; // open operations stay open
                }
                List<SecurityRequirement> alternatives = new ArrayList<>(security);
                alternatives.add(OASFactory.createSecurityRequirement().addScheme(SCHEME));
                alternatives.add(OASFactory.createSecurityRequirement().addScheme(AUTHORIZATION_SCHEME));
                operation.setSecurity(alternatives);
            }
        }
    }
}
