package vn.doanvien.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ThrottleStore} in this instance's memory: each key's events under the key's own lock. */
@ApplicationScoped
class LocalThrottleStore implements ThrottleStore {

    /** A key holds at most this many events, whatever its limit. */
    private static final int MAX_EVENTS = 1000;

    private final Map<String, Deque<Long>> events = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    @Override
    public long tryRecord(String key, int max, Duration window) {
        long windowMillis = window.toMillis();
        // compute() runs under the map's lock for this key: the check and the record are one step
        long[] retryAfter = {0};
        events.compute(key, (k, times) -> {
            Deque<Long> t = times == null ? new ArrayDeque<>() : times;
            long now = clock.millis();
            while (!t.isEmpty() && t.peekFirst() <= now - windowMillis) {
                t.pollFirst();
            }
            if (t.size() >= max) {
                retryAfter[0] = Math.max(1, (t.peekFirst() + windowMillis - now + 999) / 1000);
            } else {
                t.addLast(now);
                while (t.size() > MAX_EVENTS) {
                    t.pollFirst();
                }
            }
            return t.isEmpty() ? null : t;
        });
        return retryAfter[0];
    }

    @Override
    public void undo(String key) {
        events.computeIfPresent(key, (k, t) -> {
            t.pollLast();
            return t.isEmpty() ? null : t;
        });
    }

    @Override
    public void clear(String key) {
        events.remove(key);
    }

    @Override
    public void clearAll() {
        events.clear();
    }
}
