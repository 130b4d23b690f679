package vn.doanvien.security;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Logging in: access and refresh tokens, and who the current caller is. */
@Path("/api/v1/auth")
@Tag(name = "Authentication", description = "Bearer tokens (RS256 JWT) for users; API keys for machine clients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final TokenService tokens;
    private final CallerScope scope;

    AuthResource(TokenService tokens, CallerScope scope) {
        this.tokens = tokens;
        this.scope = scope;
    }

    @POST
    @Path("/token")
    @PermitAll
    @SecurityRequirements // open: no credentials needed (security: [] in the OpenAPI document)
    @Operation(summary = "Log in",
            description = "Exchanges a username and password for a short-lived access token (send it as "
                    + "Authorization: Bearer) and a single-use refresh token. Failed attempts are limited per "
                    + "username and per client address: past the limit the answer is 429 with Retry-After.")
    @APIResponse(responseCode = "200", description = "Tokens",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AuthDtos.TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "Wrong username or password",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "429", description = "Too many failed attempts; retry after the given seconds",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    public AuthDtos.TokenResponse createToken(@NotNull @Valid AuthDtos.TokenRequest body,
                                              @Context HttpServerRequest request) {
        return tokens.login(body.username(), body.password(), ClientInfo.address(request));
    }

    /** The answer of the OAuth 2.0 token endpoint (RFC 6749, section 5.1). */
    @Schema(name = "OAuthTokenResponse")
    public record OAuthTokenResponse(@JsonProperty("access_token") String accessToken,
                                     @JsonProperty("token_type") String tokenType,
                                     @JsonProperty("expires_in") long expiresIn,
                                     @JsonProperty("refresh_token") String refreshToken) {
    }

    @POST
    @Path("/oauth2/token")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @SecurityRequirements // open: this is how credentials are obtained
    @Operation(summary = "Log in (OAuth 2.0 password grant)",
            description = "The same login as POST /api/v1/auth/token in the form of an OAuth 2.0 token endpoint: "
                    + "grant_type=password with username and password, or grant_type=refresh_token with "
                    + "refresh_token. Swagger UI's Authorize dialog (scheme \"login\") calls it: type a username and "
                    + "a password there. The same limits on failed attempts apply.")
    @APIResponse(responseCode = "200", description = "Tokens",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OAuthTokenResponse.class)))
    @APIResponse(responseCode = "401", description = "Wrong username or password, or an unusable refresh token",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "429", description = "Too many failed attempts; retry after the given seconds",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    public OAuthTokenResponse createOAuthToken(@FormParam("grant_type") String grantType,
                                               @FormParam("username") String username,
                                               @FormParam("password") String password,
                                               @FormParam("refresh_token") String refreshToken,
                                               @Context HttpServerRequest request) {
        AuthDtos.TokenResponse t;
        if ("password".equals(grantType)) {
            if (username == null || username.isBlank() || password == null || password.isEmpty()) {
                throw vn.doanvien.common.ApiProblem.invalid(username == null || username.isBlank() ? "username"
                        : "password", "is required with grant_type=password");
            }
            t = tokens.login(username, password, ClientInfo.address(request));
        } else if ("refresh_token".equals(grantType)) {
            if (refreshToken == null || refreshToken.isBlank()) {
                throw vn.doanvien.common.ApiProblem.invalid("refresh_token", "is required with grant_type=refresh_token");
            }
            t = tokens.refresh(refreshToken, ClientInfo.address(request));
        } else {
            throw vn.doanvien.common.ApiProblem.invalid("grant_type", "must be password or refresh_token");
        }
        return new OAuthTokenResponse(t.accessToken(), "Bearer", t.expiresIn(), t.refreshToken());
    }

    @POST
    @Path("/refresh")
    @PermitAll
    @SecurityRequirements // open: no credentials needed (security: [] in the OpenAPI document)
    @Operation(summary = "Refresh the tokens",
            description = "Exchanges a refresh token for a new access token and a new refresh token; the old one "
                    + "stops working. Presenting a used refresh token again ends every session of its user.")
    @APIResponse(responseCode = "200", description = "New tokens",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AuthDtos.TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "Unknown, used or expired refresh token",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "429", description = "Too many failed attempts from this address or with this "
            + "token; retry after the given seconds",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    public AuthDtos.TokenResponse refreshToken(@NotNull @Valid AuthDtos.RefreshRequest body,
                                               @Context HttpServerRequest request) {
        return tokens.refresh(body.refreshToken(), ClientInfo.address(request));
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(summary = "Who am I", description = "The caller's name, role, unit (officers, API keys) and member "
            + "record (members).")
    @APIResponse(responseCode = "200", description = "The caller",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AuthDtos.MeResponse.class)))
    public AuthDtos.MeResponse getCurrentUser() {
        Caller c = scope.caller();
        return new AuthDtos.MeResponse(c.name(), c.role(), c.unitId(), c.memberId(), c.apiKeyId());
    }
}
