package vn.doanvien.security;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.doanvien.common.ApiProblem;

/**
 * Logs users in: checks the bcrypt password (throttled per username and address), issues a short-lived RS256
 * access token and a refresh token that is stored hashed and works once (rotation).
 */
@ApplicationScoped
@Transactional(dontRollbackOn = ApiProblem.class)
public class TokenService {

    private static final Logger LOG = Logger.getLogger(TokenService.class);
    /** Compared against when the username is unknown, so both cases take the same time. */
    private static final String DUMMY_HASH = Secrets.bcrypt("not-a-password-" + Secrets.random(8));

    private final LoginThrottle throttle;
    private final JwtVerification verification;
    private final String issuer;
    private final Duration accessLifetime;
    private final Duration refreshLifetime;

    TokenService(LoginThrottle throttle, JwtVerification verification,
                 @ConfigProperty(name = "doanvien.security.token.issuer", defaultValue = "https://doanvien.vn")
                 String issuer,
                 @ConfigProperty(name = "doanvien.security.token.access-lifetime", defaultValue = "PT15M")
                 Duration accessLifetime,
                 @ConfigProperty(name = "doanvien.security.token.refresh-lifetime", defaultValue = "P7D")
                 Duration refreshLifetime) {
        this.throttle = throttle;
        this.verification = verification;
        this.issuer = issuer;
        this.accessLifetime = accessLifetime;
        this.refreshLifetime = refreshLifetime;
    }

    AuthDtos.TokenResponse login(String username, String password, String address) {
        checkLocal();
        String name = username.trim();
        LoginThrottle.Attempt attempt = throttle.beginLogin(name, address);
        AppUser user = AppUser.find("lower(username) = ?1", name.toLowerCase()).firstResult();
        boolean ok = Secrets.bcryptMatches(password, user == null ? DUMMY_HASH : user.passwordHash);
        if (user == null || !ok || !user.enabled) {
            LOG.infof("failed login for a username from %s", address);
            throw unauthorized("Wrong username or password");
        }
        attempt.succeeded();
        return issue(user);
    }

    AuthDtos.TokenResponse refresh(String refreshToken, String address) {
        checkLocal();
        String hash = Secrets.sha256(refreshToken);
        LoginThrottle.Attempt attempt = throttle.beginRefresh(hash, address);
        // Locked: two concurrent uses of one token cannot both pass the "not used yet" check.
        RefreshToken stored = RefreshToken.<RefreshToken>find("tokenHash", hash)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult();
        OffsetDateTime now = OffsetDateTime.now();
        if (stored == null || stored.usedAt != null || stored.expiresAt.isBefore(now)) {
            if (stored != null && stored.usedAt != null) {
                // A used token coming back means it leaked: end every session of that user.
                RefreshToken.update("usedAt = ?1 where userId = ?2 and usedAt is null", now, stored.userId);
            }
            throw unauthorized("The refresh token is unknown, used or expired; log in again");
        }
        stored.usedAt = now;
        AppUser user = AppUser.findById(stored.userId);
        if (user == null || !user.enabled) {
            throw unauthorized("The account is disabled");
        }
        attempt.succeeded();
        return issue(user);
    }

    String accessToken(AppUser user) {
        var claims = Jwt.issuer(issuer)
                .upn(user.username)
                .subject(String.valueOf(user.id))
                .groups(Set.of(user.role))
                .expiresIn(accessLifetime);
        if (user.unitId != null) {
            claims.claim(Caller.UNIT_CLAIM, user.unitId);
        }
        if (user.memberId != null) {
            claims.claim(Caller.MEMBER_CLAIM, user.memberId);
        }
        return claims.jws().keyId("doanvien-local").sign(SecurityKeys.get().signingKey);
    }

    private AuthDtos.TokenResponse issue(AppUser user) {
        String refresh = Secrets.random(32);
        RefreshToken token = new RefreshToken();
        token.userId = user.id;
        token.tokenHash = Secrets.sha256(refresh);
        token.expiresAt = OffsetDateTime.now().plus(refreshLifetime);
        token.persist();
        return new AuthDtos.TokenResponse(accessToken(user), "Bearer", accessLifetime.toSeconds(), refresh,
                refreshLifetime.toSeconds(), user.role);
    }

    private void checkLocal() {
        if (verification.oidc()) {
            throw new ApiProblem(409, "external-identity-provider", "Tokens come from the identity provider",
                    "This installation verifies tokens of an external OpenID Connect provider; log in there", null,
                    null);
        }
    }

    static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "unauthorized", "Unauthorized", detail, null, null);
    }
}
