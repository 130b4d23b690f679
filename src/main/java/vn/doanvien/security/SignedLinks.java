package vn.doanvien.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Links to a chart that open in a browser tab, where no Authorization header goes: the JSON series answers carry a
 * {@code chartUrl} whose query names who asked ({@code by}, {@code role}, {@code unit}), when it expires
 * ({@code expires}, {@code doanvien.security.link-lifetime}, 10 minutes by default) and an HMAC-SHA256
 * {@code signature} over the path and every other parameter. Such a link authenticates one GET of that exact chart
 * as the person who asked, with their role and unit, so scope applies as it did for them; it opens nothing else
 * (only the chart paths below accept a signature, any change of a parameter breaks it) and carries no personal data.
 * The key is derived from the data secret, which every instance shares.
 */
public final class SignedLinks {

    /** The paths a signature opens: pictures of aggregate figures. */
    public static final List<String> CHART_PATHS = List.of("/chart.svg", "/chart.png", "/series.svg", "/series.png");
    static final String SIGNATURE = "signature";
    /** The roles a link may be signed for: those that may read charts. */
    static final Set<String> SIGNER_ROLES = Set.of(Roles.ADMIN, Roles.OFFICER, Roles.ANALYST);

    private SignedLinks() {
    }

    static Duration lifetime() {
        return ConfigProvider.getConfig().getOptionalValue("doanvien.security.link-lifetime", Duration.class)
                .orElse(Duration.ofMinutes(10));
    }

    /**
     * The link to {@code path} (e.g. {@code /api/v1/targets/1/chart.png}) with {@code query} (null values left out),
     * signed for {@code caller}; relative to the server's root.
     */
    public static String sign(String path, Map<String, String> query, Caller caller) {
        if (CHART_PATHS.stream().noneMatch(path::endsWith)) {
            throw new IllegalArgumentException("not a chart: " + path);
        }
        SortedMap<String, String> params = new TreeMap<>();
        query.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                params.put(k, v);
            }
        });
        params.put("by", caller.name());
        params.put("role", caller.role());
        if (caller.unitId() != null) {
            params.put("unit", caller.unitId().toString());
        }
        params.put("expires", Long.toString(Instant.now().plus(lifetime()).getEpochSecond()));
        String canonical = canonical(path, params);
        return canonical + "&" + SIGNATURE + "=" + mac(canonical);
    }

    /** {@link #sign} as an absolute URL under the server's {@code base} URI (what a browser tab can open). */
    public static String absolute(URI base, String path, Map<String, String> query, Caller caller) {
        return base.resolve(sign(path, query, caller)).toString();
    }

    /** The identity a signed request stands for, or empty when it is not a valid, unexpired signed chart link. */
    static Optional<SecurityIdentity> verify(String method, String path, MultiMap query, Instant now) {
        if (!"GET".equals(method) || CHART_PATHS.stream().noneMatch(path::endsWith)) {
            return Optional.empty();
        }
        SortedMap<String, String> params = new TreeMap<>();
        for (String name : query.names()) {
            List<String> values = query.getAll(name);
            if (values.size() != 1) {
                return Optional.empty();
            }
            if (!name.equals(SIGNATURE)) {
                params.put(name, values.get(0));
            }
        }
        String signature = query.get(SIGNATURE);
        if (signature == null || !MessageDigest.isEqual(signature.getBytes(StandardCharsets.US_ASCII),
                mac(canonical(path, params)).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        long expires;
        try {
            expires = Long.parseLong(params.getOrDefault("expires", ""));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String role = params.get("role");
        if (expires < now.getEpochSecond() || !SIGNER_ROLES.contains(role)) {
            return Optional.empty();
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("link:" + params.get("by")))
                .addRole(role);
        if (params.containsKey("unit")) {
            identity.addAttribute(Caller.UNIT_CLAIM, Long.valueOf(params.get("unit")));
        }
        return Optional.of(identity.build());
    }

    private static String canonical(String path, SortedMap<String, String> params) {
        StringBuilder b = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> p : params.entrySet()) {
            b.append(separator).append(encode(p.getKey())).append('=').append(encode(p.getValue()));
            separator = '&';
        }
        return b.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String mac(String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SecurityKeys.get().linkKey, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A signed link presented, as a credential. */
    public static final class Request extends BaseAuthenticationRequest {
        final SecurityIdentity identity;

        Request(SecurityIdentity identity) {
            this.identity = identity;
        }
    }

    /** Reads a signature from the query of a GET of a chart; any other request is left to the other mechanisms. */
    @ApplicationScoped
    public static class Mechanism implements HttpAuthenticationMechanism {

        @Override
        public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
            if (context.request().getParam(SIGNATURE) == null || context.request().getHeader("Authorization") != null) {
                return Uni.createFrom().optional(Optional.empty());
            }
            Optional<SecurityIdentity> identity = verify(context.request().method().name(), context.request().path(),
                    context.queryParams(), Instant.now());
            if (identity.isEmpty()) {
                return Uni.createFrom().failure(new AuthenticationFailedException("invalid or expired signed link"));
            }
            return identities.authenticate(new Request(identity.get()));
        }

        @Override
        public Uni<ChallengeData> getChallenge(RoutingContext context) {
            return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
        }

        @Override
        public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
            return Set.of(Request.class);
        }
    }

    /** The identity was built from the verified link: nothing to look up. */
    @ApplicationScoped
    public static class Provider implements IdentityProvider<Request> {

        @Override
        public Class<Request> getRequestType() {
            return Request.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(Request request, AuthenticationRequestContext context) {
            return Uni.createFrom().item(request.identity);
        }
    }
}
