package vn.doanvien.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brute-force protection: attempts per username and per client address at logins, refreshes and join-secret
 * checks, and requests per client address on the open join endpoint. An attempt is counted when it starts, in
 * the same step that checks the limit ({@link ThrottleStore#tryRecord}), so concurrent attempts are counted
 * before any of them is evaluated; one that succeeds is taken back afterwards. A key at its limit is refused
 * with 429 and Retry-After until its oldest attempt leaves the window, even with the right password.
 */
@ApplicationScoped
public class LoginThrottle {

    private final ThrottleStore store;
    private final int maxFailuresPerUser;
    private final int maxFailuresPerAddress;
    private final int maxJoinRequestsPerAddress;
    private final Duration window;

    LoginThrottle(ThrottleStore store,
                  @ConfigProperty(name = "doanvien.security.login.max-failures-per-user", defaultValue = "5")
                  int maxFailuresPerUser,
                  @ConfigProperty(name = "doanvien.security.login.max-failures-per-address", defaultValue = "20")
                  int maxFailuresPerAddress,
                  @ConfigProperty(name = "doanvien.security.join.max-requests-per-address", defaultValue = "10")
                  int maxJoinRequestsPerAddress,
                  @ConfigProperty(name = "doanvien.security.throttle.window", defaultValue = "PT15M")
                  Duration window) {
        this.store = store;
        this.maxFailuresPerUser = maxFailuresPerUser;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.maxJoinRequestsPerAddress = maxJoinRequestsPerAddress;
        this.window = window;
    }

    /** An attempt counted against its keys until it is known to have succeeded. */
    public final class Attempt {
        private final String subjectKey;
        private final String addressKey;

        private Attempt(String subjectKey, String addressKey) {
            this.subjectKey = subjectKey;
            this.addressKey = addressKey;
        }

        /** The right secret: the subject's failures are forgotten and this attempt no longer counts. */
        public void succeeded() {
            store.clear(subjectKey);
            store.undo(addressKey);
        }
    }

    /**
     * Counts a login attempt for the username and the address; 429 when either is at its limit. Call
     * {@link Attempt#succeeded()} once the password is right; a wrong one stays counted.
     */
    public Attempt beginLogin(String username, String address) {
        return begin("user:" + username.toLowerCase(), maxFailuresPerUser, "addr:" + address);
    }

    /** Counts an attempt to use a refresh token from this address (the token itself is the subject). */
    public Attempt beginRefresh(String tokenHash, String address) {
        return begin("refresh:" + tokenHash, maxFailuresPerUser, "addr:" + address);
    }

    /** Counts an attempt to read a join request with its secret. */
    public Attempt beginJoinSecret(String reference, String address) {
        return begin("join:" + reference, maxFailuresPerUser, "addr:" + address);
    }

    /** Counts one request on the open join endpoint from this address; 429 past the limit. */
    public void joinRequest(String address) {
        refuseIfFull(store.tryRecord("joins:" + address, maxJoinRequestsPerAddress, window));
    }

    /** Forgets everything (tests). */
    public void reset() {
        store.clearAll();
    }

    private Attempt begin(String subjectKey, int maxPerSubject, String addressKey) {
        refuseIfFull(store.tryRecord(addressKey, maxFailuresPerAddress, window));
        long wait = store.tryRecord(subjectKey, maxPerSubject, window);
        if (wait > 0) {
            store.undo(addressKey);
            refuseIfFull(wait);
        }
        return new Attempt(subjectKey, addressKey);
    }

    private static void refuseIfFull(long retryAfterSeconds) {
        if (retryAfterSeconds > 0) {
            throw new TooManyRequests(retryAfterSeconds);
        }
    }

    /** 429 with the seconds to wait. */
    public static class TooManyRequests extends RuntimeException {
        final long retryAfterSeconds;

        TooManyRequests(long retryAfterSeconds) {
            super("too many requests", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }
}
