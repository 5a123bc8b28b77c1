package dev.mlobservatory.api.metrics;

/**
 * Process CPU over a trailing window of samples: a ring of the last {@code capacity} (wall time, CPU time) pairs,
 * and the share of one core the process used between the oldest and the newest. Reading it changes nothing, so
 * the figure depends on the samples alone, never on who reads it or how often.
 */
final class CpuWindow {

    private final long[] wallNanos;
    private final long[] cpuNanos;
    private int size;
    private int next;

    /** @param capacity samples kept; the window spans {@code capacity - 1} sampling periods */
    CpuWindow(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity must be at least 2 samples to span a period, got " + capacity);
        }
        wallNanos = new long[capacity];
        cpuNanos = new long[capacity];
    }

    /** Adds a sample, dropping the oldest once the ring is full. */
    synchronized void add(long wall, long cpu) {
        wallNanos[next] = wall;
        cpuNanos[next] = cpu;
        next = (next + 1) % wallNanos.length;
        size = Math.min(size + 1, wallNanos.length);
    }

    /**
     * CPU time over wall time from the oldest sample kept to the newest, in percent of one core: over the whole
     * window once it has filled, over what exists before that, and 0 until two samples exist.
     */
    synchronized double percent() {
        if (size < 2) {
            return 0;
        }
        int newest = Math.floorMod(next - 1, wallNanos.length);
        int oldest = size < wallNanos.length ? 0 : next;
        long wall = wallNanos[newest] - wallNanos[oldest];
        if (wall <= 0) {
            return 0;
        }
        return Math.max(0, 100.0 * (cpuNanos[newest] - cpuNanos[oldest]) / wall);
    }
}
