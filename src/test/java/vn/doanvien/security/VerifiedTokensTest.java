package vn.doanvien.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The verified-token cache in front of the real smallrye-jwt parser, on a clock the test moves: a token is
 * verified once, then served from the cache until its expiry or the cache's lifetime; anything the library
 * refuses is refused every time.
 */
class VerifiedTokensTest {

    private static final String ISSUER = "https://doanvien.vn";
    private static KeyPair keys;
    private static KeyPair otherKeys;

    /** The library's parser, counting the tokens it was asked to verify. */
    private final AtomicInteger verifications = new AtomicInteger();
    /** Epoch milliseconds of the test's clock; the cache's ticker follows it. */
    private final AtomicLong now = new AtomicLong();
    private DefaultJWTParser library;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        keys = rsa.generateKeyPair();
        otherKeys = rsa.generateKeyPair();
    }

    @BeforeEach
    void parser() {
        now.set(System.currentTimeMillis());
        JWTAuthContextInfo info = new JWTAuthContextInfo(keys.getPublic(), ISSUER);
        info.setExpGracePeriodSecs(0);
        info.setClockSkew(0);
        library = new DefaultJWTParser(info) {
            @Override
            public JsonWebToken parse(String token) throws ParseException {
                verifications.incrementAndGet();
                return super.parse(token);
            }
        };
    }

    private VerifiedTokens cache(long size, Duration lifetime) {
        return new VerifiedTokens(library, size, lifetime, () -> TimeUnit.MILLISECONDS.toNanos(now.get()), now::get);
    }

    private static String token(String upn, long expiresInSeconds, KeyPair signer) {
        return Jwt.issuer(ISSUER).upn(upn).groups(Set.of(Roles.OFFICER))
                .expiresAt(System.currentTimeMillis() / 1000 + expiresInSeconds).sign(signer.getPrivate());
    }

    @Test
    void aTokenIsVerifiedOnceAndServedWithItsClaims() throws Exception {
        VerifiedTokens tokens = cache(100, Duration.ofMinutes(5));
        String token = token("officer-1", 600, keys);
        JsonWebToken first = tokens.parse(token);
        JsonWebToken second = tokens.parse(token);
        assertEquals(1, verifications.get());
        assertSame(first, second);
        assertEquals("officer-1", second.getName());
        assertEquals(Set.of(Roles.OFFICER), second.getGroups());
    }

    @Test
    void aForgedOrAlteredTokenIsVerifiedAndRefusedEveryTime() throws Exception {
        VerifiedTokens tokens = cache(100, Duration.ofMinutes(5));
        String good = token("officer-2", 600, keys);
        tokens.parse(good);
        String foreign = token("officer-2", 600, otherKeys);
        String[] parts = good.split("\\.");
        String altered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        for (int i = 0; i < 3; i++) {
            assertThrows(ParseException.class, () -> tokens.parse(foreign));
            assertThrows(ParseException.class, () -> tokens.parse(altered));
        }
        assertEquals(1 + 6, verifications.get());
    }

    @Test
    void aKeptTokenIsDroppedAtItsExpiryAndTheLibraryRefusesIt() throws Exception {
        VerifiedTokens tokens = cache(100, Duration.ofHours(1));
        String token = token("officer-3", 30, keys);
        tokens.parse(token);
        now.addAndGet(29_000);
        tokens.parse(token);
        assertEquals(1, verifications.get());
        // Past exp on the cache's clock: the cache asks the library again. The library reads the real clock, on
        // which the token is still valid; what matters here is that the cache did not answer by itself.
        now.addAndGet(2_000);
        tokens.parse(token);
        assertEquals(2, verifications.get());
    }

    @Test
    void anExpiredTokenIsNeverKept() {
        VerifiedTokens tokens = cache(100, Duration.ofHours(1));
        String expired = token("officer-4", -60, keys);
        assertThrows(ParseException.class, () -> tokens.parse(expired));
        assertThrows(ParseException.class, () -> tokens.parse(expired));
        assertEquals(2, verifications.get());
    }

    @Test
    void aKeptTokenIsVerifiedAgainAfterTheCachesLifetime() throws Exception {
        VerifiedTokens tokens = cache(100, Duration.ofMinutes(5));
        String token = token("officer-5", 3600, keys);
        tokens.parse(token);
        now.addAndGet(Duration.ofMinutes(5).toMillis() + 1);
        tokens.parse(token);
        assertEquals(2, verifications.get());
    }

    @Test
    void sizeZeroKeepsNothing() throws Exception {
        VerifiedTokens tokens = cache(0, Duration.ofMinutes(5));
        String token = token("officer-6", 600, keys);
        tokens.parse(token);
        tokens.parse(token);
        tokens.parse(token);
        assertEquals(3, verifications.get());
    }
}
