package vn.doanvien.security;

import java.time.Duration;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How bearer tokens are verified. {@code doanvien.security.mode=local} (default): RS256 tokens issued by this
 * API ({@link TokenService}), checked with the public half of {@link SecurityKeys} and the configured issuer.
 * {@code doanvien.security.mode=oidc}: tokens of an external OpenID Connect provider, checked against its JWKS
 * ({@code doanvien.security.oidc.jwks-url}) and issuer ({@code doanvien.security.oidc.issuer}); roles from the
 * claim at {@code doanvien.security.oidc.groups-path} (default {@code groups}).
 */
@ApplicationScoped
public class JwtVerification {

    private final String mode;
    private final String issuer;
    private final Optional<String> oidcIssuer;
    private final Optional<String> jwksUrl;
    private final String groupsPath;
    private final Duration clockSkew;

    JwtVerification(@ConfigProperty(name = "doanvien.security.mode", defaultValue = "local") String mode,
                    @ConfigProperty(name = "doanvien.security.token.issuer", defaultValue = "https://doanvien.vn")
                    String issuer,
                    @ConfigProperty(name = "doanvien.security.oidc.issuer") Optional<String> oidcIssuer,
                    @ConfigProperty(name = "doanvien.security.oidc.jwks-url") Optional<String> jwksUrl,
                    @ConfigProperty(name = "doanvien.security.oidc.groups-path", defaultValue = "groups")
                    String groupsPath,
                    @ConfigProperty(name = "doanvien.security.token.clock-skew", defaultValue = "PT5S")
                    Duration clockSkew) {
        this.clockSkew = clockSkew;
        this.mode = mode;
        this.issuer = issuer;
        this.oidcIssuer = oidcIssuer;
        this.jwksUrl = jwksUrl;
        this.groupsPath = groupsPath;
    }

    boolean oidc() {
        return "oidc".equalsIgnoreCase(mode);
    }

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    JWTAuthContextInfo contextInfo() {
        JWTAuthContextInfo info;
        if (oidc()) {
            info = new JWTAuthContextInfo(jwksUrl.orElseThrow(() -> new IllegalStateException(
                    "doanvien.security.mode=oidc needs doanvien.security.oidc.jwks-url")),
                    oidcIssuer.orElseThrow(() -> new IllegalStateException(
                            "doanvien.security.mode=oidc needs doanvien.security.oidc.issuer")));
            info.setGroupsPath(groupsPath);
        } else {
            info = new JWTAuthContextInfo(SecurityKeys.get().verificationKey(), issuer);
        }
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        info.setExpGracePeriodSecs(0);
        // The library's default tolerates 60 s past expiry (and before issue); only real clock drift is forgiven.
        info.setClockSkew((int) clockSkew.toSeconds());
        return info;
    }
}
