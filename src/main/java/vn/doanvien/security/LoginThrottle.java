package vn.doanvien.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brute-force protection, in memory (one instance): failed logins per username and per client address, and
 * requests per client address on the open endpoints (join requests). A key with too many events in the window
 * is refused with 429 and Retry-After until its oldest event leaves the window.
 */
@ApplicationScoped
public class LoginThrottle {

    private final Map<String, Deque<Long>> events = new ConcurrentHashMap<>();
    private final int maxFailuresPerUser;
    private final int maxFailuresPerAddress;
    private final int maxJoinRequestsPerAddress;
    private final long windowMillis;
    private final Clock clock = Clock.systemUTC();

    LoginThrottle(@ConfigProperty(name = "doanvien.security.login.max-failures-per-user", defaultValue = "5")
                  int maxFailuresPerUser,
                  @ConfigProperty(name = "doanvien.security.login.max-failures-per-address", defaultValue = "20")
                  int maxFailuresPerAddress,
                  @ConfigProperty(name = "doanvien.security.join.max-requests-per-address", defaultValue = "10")
                  int maxJoinRequestsPerAddress,
                  @ConfigProperty(name = "doanvien.security.throttle.window", defaultValue = "PT15M")
                  Duration window) {
        this.maxFailuresPerUser = maxFailuresPerUser;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.maxJoinRequestsPerAddress = maxJoinRequestsPerAddress;
        this.windowMillis = window.toMillis();
    }

    /** Throws 429 when the username or the address has failed too often recently. */
    public void checkLogin(String username, String address) {
        check("user:" + username.toLowerCase(), maxFailuresPerUser);
        check("addr:" + address, maxFailuresPerAddress);
    }

    public void loginFailed(String username, String address) {
        record("user:" + username.toLowerCase());
        record("addr:" + address);
    }

    public void loginSucceeded(String username) {
        events.remove("user:" + username.toLowerCase());
    }

    /** Counts one request on an open endpoint from this address; throws 429 past the limit. */
    public void joinRequest(String address) {
        check("join:" + address, maxJoinRequestsPerAddress);
        record("join:" + address);
    }

    /** Forgets everything (tests). */
    public void reset() {
        events.clear();
    }

    private void check(String key, int max) {
        Deque<Long> times = events.get(key);
        if (times == null) {
            return;
        }
        synchronized (times) {
            long now = clock.millis();
            while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
                times.pollFirst();
            }
            if (times.size() >= max) {
                long retryAfter = Math.max(1, (times.peekFirst() + windowMillis - now + 999) / 1000);
                throw new TooManyRequests(retryAfter);
            }
        }
    }

    private void record(String key) {
        Deque<Long> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.millis());
            while (times.size() > 1000) {
                times.pollFirst();
            }
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
