package vn.doanvien.common;

import org.jboss.logging.Logger;

/**
 * Gives back to the operating system the heap that a one-off bulk task at start-up grew: the demo registry's load,
 * the build of the figures by dimension after an upgrade. Such a task leaves the heap several times larger than the
 * service needs afterwards, and the JVM returns committed heap only after a full collection. With the flags of
 * docs/operations.md ({@code -XX:-ShrinkHeapInSteps -XX:MaxHeapFreeRatio=40}) that one collection shrinks the heap
 * to what is live plus 40 %, and {@code -XX:TrimNativeHeapInterval} returns the native memory freed beside it.
 * Called once the task's method has returned, so that its locals are garbage too. Measured in
 * bench/startup/RESULTS.md. Not for requests: the service holds no caches, so it never needs this in between.
 */
public final class HeapRelease {

    private static final Logger LOG = Logger.getLogger(HeapRelease.class);

    private HeapRelease() {
    }

    /** A full collection after {@code task}, which has just ended (ignored under -XX:+DisableExplicitGC). */
    public static void afterOneOffTask(String task) {
        Runtime runtime = Runtime.getRuntime();
        long before = runtime.totalMemory();
        long started = System.nanoTime();
        System.gc();
        LOG.infof("Heap after %s: %d MB committed, was %d MB (full collection in %d ms)", task,
                runtime.totalMemory() >> 20, before >> 20, (System.nanoTime() - started) / 1_000_000);
    }
}
