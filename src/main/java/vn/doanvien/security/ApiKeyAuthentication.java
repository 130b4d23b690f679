package vn.doanvien.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * API keys of machine clients: {@code X-API-Key: <key>} or {@code Authorization: ApiKey <key>}. A valid,
 * unrevoked key authenticates as an OFFICER of the key's unit; the key's id goes into the audit trail.
 */
public final class ApiKeyAuthentication {

    public static final String HEADER = "X-API-Key";

    private ApiKeyAuthentication() {
    }

    /** The key presented, as a credential. */
    public static final class Request extends BaseAuthenticationRequest {
        final String key;

        Request(String key) {
            this.key = key;
        }
    }

    /** Reads the key from the request. */
    @ApplicationScoped
    public static class Mechanism implements HttpAuthenticationMechanism {

        @Override
        public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
            String key = context.request().getHeader(HEADER);
            String authorization = context.request().getHeader("Authorization");
            if (key == null && authorization != null && authorization.regionMatches(true, 0, "ApiKey ", 0, 7)) {
                key = authorization.substring(7).trim();
            }
            if (key == null || key.isBlank()) {
                return Uni.createFrom().optional(java.util.Optional.empty());
            }
            return identities.authenticate(new Request(key.trim()));
        }

        @Override
        public Uni<ChallengeData> getChallenge(RoutingContext context) {
            return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
        }

        @Override
        public Set<Class<? extends io.quarkus.security.identity.request.AuthenticationRequest>> getCredentialTypes() {
            return Set.of(Request.class);
        }

        @Override
        public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
            return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.OTHER_HEADER, HEADER));
        }
    }

    /** Looks the key up by its hash. */
    @ApplicationScoped
    public static class Provider implements IdentityProvider<Request> {

        @Override
        public Class<Request> getRequestType() {
            return Request.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(Request request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> QuarkusTransaction.requiringNew().call(() -> {
                ApiKey key = ApiKey.find("keyHash", Secrets.sha256(request.key)).firstResult();
                if (key == null || key.revokedAt != null) {
                    throw new AuthenticationFailedException("unknown or revoked API key");
                }
                key.lastUsedAt = OffsetDateTime.now();
                return QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal("api-key:" + key.id))
                        .addRole(Roles.OFFICER)
                        .addAttribute(Caller.UNIT_CLAIM, key.unitId)
                        .addAttribute(Caller.API_KEY_ATTRIBUTE, key.id)
                        .build();
            }));
        }
    }
}
