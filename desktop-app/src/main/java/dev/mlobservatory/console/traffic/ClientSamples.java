package dev.mlobservatory.console.traffic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The traffic engine's per-second snapshots stamped with wall-clock time, so the Live tab can draw the
 * client-observed percentiles beside Prometheus's series, and its latencies over a sliding window
 * ({@link #latencies()}) for "How good is the estimate?". Bounded (the last {@link #CAPACITY} seconds);
 * written by the traffic poller and the engine, read by the live poller: thread-safe.
 */
public final class ClientSamples {

    /** Ten minutes: twice the Live tab's window. */
    public static final int CAPACITY = 600;

    /** One second of client-side traffic at wall-clock {@code epochSeconds} (end of the interval). */
    public record Sample(double epochSeconds, TrafficSnapshot snapshot) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>(CAPACITY);
    private final LatencyWindow latencies = new LatencyWindow();

    /**
     * Every response of every engine run, by the wall-clock second it arrived in. Not cleared when traffic
     * restarts: Prometheus's window still holds the earlier requests, and the engine's should too.
     */
    public LatencyWindow latencies() {
        return latencies;
    }

    public synchronized void add(double epochSeconds, TrafficSnapshot snapshot) {
        if (samples.size() == CAPACITY) {
            samples.removeFirst();
        }
        samples.addLast(new Sample(epochSeconds, snapshot));
    }

    /** Samples strictly after {@code epochSeconds}, oldest first. */
    public synchronized List<Sample> since(double epochSeconds) {
        List<Sample> out = new ArrayList<>();
        for (var it = samples.descendingIterator(); it.hasNext(); ) {
            Sample s = it.next();
            if (s.epochSeconds() <= epochSeconds) {
                break;
            }
            out.add(0, s);
        }
        return out;
    }

    public synchronized void clear() {
        samples.clear();
    }
}
