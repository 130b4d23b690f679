package vn.doanvien.security;

import java.time.Duration;

/**
 * Sliding-window counters for the throttles, with one atomic step: count an attempt only if the window has room
 * for it. The counting and the decision are one operation, so concurrent attempts cannot all pass a check made
 * before any of them is counted. This instance keeps them in memory ({@link LocalThrottleStore}); several
 * instances behind a load balancer need a shared store with the same contract (a Redis sorted set per key, or a
 * database row per key locked for the step).
 */
public interface ThrottleStore {

    /**
     * Drops the key's events older than {@code window}, then records one now if fewer than {@code max} remain.
     *
     * @return 0 when recorded, else the seconds until the oldest event leaves the window
     */
    long tryRecord(String key, int max, Duration window);

    /** Takes back the key's most recent event (an attempt that turned out not to count). */
    void undo(String key);

    /** Forgets every event of the key. */
    void clear(String key);

    /** Forgets everything (tests). */
    void clearAll();
}
