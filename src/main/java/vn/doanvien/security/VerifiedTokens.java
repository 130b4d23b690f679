package vn.doanvien.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens verified once, not on every request. Checking an RS256 signature was half of the CPU time of a
 * cheap read (a member by id: bench/load/RESULTS.md, the JFR summary of 2026-12-06 evening); a client sends the
 * same token for its whole life, so the verified token is kept, keyed by the exact token text, until the earlier
 * of its expiry and {@code doanvien.security.token.verified-cache-lifetime}.
 * <ul>
 * <li>Only a token the library accepted is kept: a forged, altered, expired or foreign token differs in its text
 * and is verified (and refused) every time.</li>
 * <li>A kept token is dropped at its {@code exp}, before the library's clock skew would still accept it, so the
 * library has the last word on a token near its end.</li>
 * <li>Nothing is kept beyond the token's own claims, which the token carries anyway: access tokens are stateless
 * (the account is checked at login and refresh, {@link TokenService}), and the unit scope is checked on every
 * request as before.</li>
 * <li>At most {@code doanvien.security.token.verified-cache-size} tokens are kept (0: none, every request
 * verifies); each holds the token text and its parsed claims.</li>
 * </ul>
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    private final JWTParser library;
    private final Cache<String, JsonWebToken> kept;

    @Inject
    VerifiedTokens(DefaultJWTParser library,
                   @ConfigProperty(name = "doanvien.security.token.verified-cache-size", defaultValue = "5000")
                   long size,
                   @ConfigProperty(name = "doanvien.security.token.verified-cache-lifetime", defaultValue = "PT5M")
                   Duration lifetime) {
        this(library, size, lifetime, Ticker.systemTicker(), System::currentTimeMillis);
    }

    /** For tests: a clock of nanoseconds for the cache and one of epoch milliseconds for the tokens' expiry. */
    VerifiedTokens(JWTParser library, long size, Duration lifetime, Ticker ticker, java.util.function.LongSupplier millis) {
        this.library = library;
        this.kept = Caffeine.newBuilder()
                .maximumSize(Math.max(0, size))
                .ticker(ticker)
                .executor(Runnable::run)
                .expireAfter(new UntilExpiry(lifetime, millis))
                .build();
    }

    /** The token as the library parses and verifies it, or the verified token kept from an earlier request. */
    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = kept.getIfPresent(token);
        if (known != null) {
            return known;
        }
        JsonWebToken verified = library.parse(token);
        kept.put(token, verified);
        return verified;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return library.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return library.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return library.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return library.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return library.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return library.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return library.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return library.parseOnly(token);
    }

    /** Kept until the token's {@code exp} (now, for a token without one) or the lifetime, whichever is first. */
    private record UntilExpiry(Duration lifetime, java.util.function.LongSupplier millis)
            implements Expiry<String, JsonWebToken> {

        @Override
        public long expireAfterCreate(String token, JsonWebToken verified, long currentTime) {
            long untilExp = TimeUnit.SECONDS.toNanos(verified.getExpirationTime())
                    - TimeUnit.MILLISECONDS.toNanos(millis.getAsLong());
            return Math.max(0, Math.min(untilExp, lifetime.toNanos()));
        }

        @Override
        public long expireAfterUpdate(String token, JsonWebToken verified, long currentTime, long currentDuration) {
            return expireAfterCreate(token, verified, currentTime);
        }

        @Override
        public long expireAfterRead(String token, JsonWebToken verified, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
