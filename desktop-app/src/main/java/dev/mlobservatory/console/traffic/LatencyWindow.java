package dev.mlobservatory.console.traffic;

import java.time.Duration;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.IntCountsHistogram;

/**
 * The traffic engine's latencies over a sliding window of wall-clock seconds, so its p50/p95/p99 can be set beside
 * Prometheus's estimates over the same {@code rate()} window. Per-second percentiles cannot be merged into a
 * percentile over 20 s; per-second histograms can: one per second in a ring of {@link #CAPACITY_SECONDS}, merged
 * when asked. Each is log-linear with two significant digits (buckets under 0.8 % wide), and a percentile is read at
 * its bucket's middle, so it is within 0.4 % of the exact one. Memory is fixed (about 11 kB a second, 1.3 MB in
 * all); recording and reading are thread-safe (the engine's HTTP threads record, the Live tab's poller reads).
 */
public final class LatencyWindow {

    /** Two minutes: the Live tab's rate window is 20 s; Grafana's at a 15 s scrape and 1 m step is 75 s. */
    public static final int CAPACITY_SECONDS = 120;
    /** Latencies are kept in microseconds up to one minute; slower responses count as one minute. */
    private static final long MAX_MICROS = 60_000_000L;
    private static final int DIGITS = 2;

    /** p50, p95 and p99 in milliseconds over a window, and how many responses they come from. */
    public record Percentiles(long count, double p50Ms, double p95Ms, double p99Ms) {

        /** Nothing measured in the window: the percentiles are NaN. */
        public static final Percentiles NONE = new Percentiles(0, Double.NaN, Double.NaN, Double.NaN);

        public Percentiles {
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative, was " + count);
            }
        }

        /** The percentile {@code q} (0.5, 0.95 or 0.99) in milliseconds. */
        public double atMs(double q) {
            if (q == 0.5) {
                return p50Ms;
            }
            if (q == 0.95) {
                return p95Ms;
            }
            if (q == 0.99) {
                return p99Ms;
            }
            throw new IllegalArgumentException("only 0.5, 0.95 and 0.99 are kept, not " + q);
        }
    }

    private final IntCountsHistogram[] slots = new IntCountsHistogram[CAPACITY_SECONDS];
    /** The epoch second each slot holds, or Long.MIN_VALUE while it holds none. */
    private final long[] slotSecond = new long[CAPACITY_SECONDS];

    public LatencyWindow() {
        for (int i = 0; i < CAPACITY_SECONDS; i++) {
            slots[i] = new IntCountsHistogram(1, MAX_MICROS, DIGITS);
            slotSecond[i] = Long.MIN_VALUE;
        }
    }

    /**
     * One response that took {@code latencyNanos}, received at {@code epochMillis}. A response from more than
     * {@link #CAPACITY_SECONDS} before the newest is too old to be in any window and is not kept.
     */
    public synchronized void record(long epochMillis, long latencyNanos) {
        long second = Math.floorDiv(epochMillis, 1000);
        int i = (int) Math.floorMod(second, (long) CAPACITY_SECONDS);
        if (slotSecond[i] != second) {
            if (slotSecond[i] > second) {
                return; // the slot already holds a newer second
            }
            slots[i].reset();
            slotSecond[i] = second;
        }
        slots[i].recordValue(Math.max(1, Math.min(MAX_MICROS, latencyNanos / 1000)));
    }

    /**
     * The percentiles of the responses received in the {@code window} up to {@code nowEpochMillis}, counted in whole
     * seconds: a 20 s window is this second so far and the 19 before it.
     *
     * @throws IllegalArgumentException when the window is under a second or longer than {@link #CAPACITY_SECONDS}
     */
    public Percentiles over(long nowEpochMillis, Duration window) {
        long seconds = window.toSeconds();
        if (seconds < 1 || seconds > CAPACITY_SECONDS) {
            throw new IllegalArgumentException("window must be 1 to " + CAPACITY_SECONDS + " s, was " + window);
        }
        long now = Math.floorDiv(nowEpochMillis, 1000);
        IntCountsHistogram merged = new IntCountsHistogram(1, MAX_MICROS, DIGITS);
        synchronized (this) {
            for (int i = 0; i < CAPACITY_SECONDS; i++) {
                if (slotSecond[i] > now - seconds && slotSecond[i] <= now) {
                    merged.add(slots[i]);
                }
            }
        }
        long count = merged.getTotalCount();
        if (count == 0) {
            return Percentiles.NONE;
        }
        return new Percentiles(count, ms(merged, 50), ms(merged, 95), ms(merged, 99));
    }

    /** Forgets everything (tests). */
    public synchronized void clear() {
        for (int i = 0; i < CAPACITY_SECONDS; i++) {
            slots[i].reset();
            slotSecond[i] = Long.MIN_VALUE;
        }
    }

    /** The bucket's middle rather than its top (what getValueAtPercentile gives): half the error, either way. */
    private static double ms(AbstractHistogram h, double percentile) {
        return h.medianEquivalentValue(h.getValueAtPercentile(percentile)) / 1000.0;
    }
}
