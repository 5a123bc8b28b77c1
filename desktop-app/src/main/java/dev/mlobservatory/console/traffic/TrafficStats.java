package dev.mlobservatory.console.traffic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Counters and latency histograms of one run. Recording is lock-free from any thread; {@link #tick} (one thread)
 * turns the last interval into a snapshot. Memory is fixed: two histograms and at most {@link #HISTORY} snapshots.
 */
final class TrafficStats {

    /** Per-second snapshots kept: one hour. */
    static final int HISTORY = 3600;
    /** Latencies are recorded in microseconds up to one minute; slower responses count as one minute. */
    private static final long MAX_MICROS = 60_000_000L;

    /** Where every outcome is also counted, in the same call as here so the two never disagree; null for none. */
    private final LoadgenMetrics metrics;
    private final LongAdder sent = new LongAdder();
    private final LongAdder ok = new LongAdder();
    private final LongAdder clientErrors = new LongAdder();
    private final LongAdder serverErrors = new LongAdder();
    private final LongAdder transportErrors = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final Recorder recorder = new Recorder(1, MAX_MICROS, 3);
    private final Histogram total = new Histogram(1, MAX_MICROS, 3);
    private Histogram interval;

    private final long[] last = new long[6];
    private double lastTickSecond;
    private final ArrayDeque<TrafficSnapshot> history = new ArrayDeque<>();
    private volatile TrafficSnapshot latest;

    TrafficStats() {
        this(null);
    }

    TrafficStats(LoadgenMetrics metrics) {
        this.metrics = metrics;
    }

    void sent() {
        sent.increment();
    }

    void dropped() {
        dropped.increment();
        if (metrics != null) {
            metrics.dropped();
        }
    }

    void transportError() {
        transportErrors.increment();
        if (metrics != null) {
            metrics.networkError();
        }
    }

    void response(int status, long latencyNanos) {
        if (status >= 200 && status < 300) {
            ok.increment();
        } else if (status >= 500) {
            serverErrors.increment();
        } else {
            clientErrors.increment();
        }
        recorder.recordValue(Math.max(1, Math.min(MAX_MICROS, latencyNanos / 1000)));
        if (metrics != null) {
            metrics.response(status, latencyNanos);
        }
    }

    /** Closes the interval ending at {@code second} (seconds since start) and publishes its snapshot. */
    synchronized TrafficSnapshot tick(double second, double targetRate) {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        long[] now = {sent.sum(), ok.sum(), clientErrors.sum(), serverErrors.sum(), transportErrors.sum(), dropped.sum()};
        TrafficSnapshot s = snapshot(second, second - lastTickSecond, targetRate, now, last, interval);
        System.arraycopy(now, 0, last, 0, now.length);
        lastTickSecond = second;
        if (history.size() == HISTORY) {
            history.removeFirst();
        }
        history.addLast(s);
        latest = s;
        return s;
    }

    /** The whole run so far (call after the last {@link #tick}). */
    synchronized TrafficSnapshot total(double seconds, double targetRate) {
        return snapshot(seconds, seconds, targetRate, last, new long[6], total);
    }

    TrafficSnapshot latest() {
        return latest;
    }

    synchronized List<TrafficSnapshot> history() {
        return new ArrayList<>(history);
    }

    private static TrafficSnapshot snapshot(double second, double seconds, double target, long[] now, long[] before,
                                            Histogram h) {
        boolean any = h.getTotalCount() > 0;
        return new TrafficSnapshot(second, seconds, target,
                now[0] - before[0], now[1] - before[1], now[2] - before[2], now[3] - before[3],
                now[4] - before[4], now[5] - before[5],
                any ? h.getValueAtPercentile(50) / 1000.0 : Double.NaN,
                any ? h.getValueAtPercentile(95) / 1000.0 : Double.NaN,
                any ? h.getValueAtPercentile(99) / 1000.0 : Double.NaN,
                any ? h.getMaxValue() / 1000.0 : Double.NaN);
    }
}
