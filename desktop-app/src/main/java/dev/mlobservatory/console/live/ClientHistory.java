package dev.mlobservatory.console.live;

import dev.mlobservatory.console.traffic.ClientSamples;
import dev.mlobservatory.console.traffic.TrafficSnapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The last window of the traffic engine's per-second samples, as the Live tab's client-side series. Bounded by time
 * and by count, so an hour of live charts holds five minutes of points. Used by one poller at a time.
 */
final class ClientHistory {

    /** Samples come once a second; a longer silence (traffic stopped) is drawn as a gap. */
    static final double MAX_STEP_SECONDS = 2.5;
    /** Whatever the clock does, never more than this many samples. */
    static final int CAPACITY = ClientSamples.CAPACITY;

    static final String P50 = "client p50";
    static final String P95 = "client p95";
    static final String P99 = "client p99";
    static final String ALL_VERSIONS = "client (all versions)";

    private final ClientSamples source;
    private final Deque<ClientSamples.Sample> samples = new ArrayDeque<>();
    private double lastSeen = Double.NEGATIVE_INFINITY;

    ClientHistory(ClientSamples source) {
        this.source = source;
    }

    /** Takes the samples that arrived since the last call and forgets those older than {@code start}. */
    void update(double start) {
        List<ClientSamples.Sample> fresh = source.since(Math.max(lastSeen, start));
        for (ClientSamples.Sample s : fresh) {
            samples.addLast(s);
            lastSeen = s.epochSeconds();
        }
        while (!samples.isEmpty() && (samples.size() > CAPACITY || samples.peekFirst().epochSeconds() < start)) {
            samples.removeFirst();
        }
    }

    int size() {
        return samples.size();
    }

    /** The client-side series per chart; none when the traffic engine has measured nothing in the window. */
    Map<LiveChart, List<LiveSeries>> series() {
        if (samples.isEmpty()) {
            return Map.of();
        }
        return Map.of(
                LiveChart.LATENCY, List.of(
                        series(P50, TrafficSnapshot::p50Ms),
                        series(P95, TrafficSnapshot::p95Ms),
                        series(P99, TrafficSnapshot::p99Ms)),
                LiveChart.REQUEST_RATE, List.of(series(ALL_VERSIONS, TrafficSnapshot::achievedRate)),
                // A second in which nothing completed has no error rate: a gap, not a reassuring 0 %.
                LiveChart.ERROR_RATE, List.of(series(ALL_VERSIONS,
                        s -> s.completed() == 0 ? Double.NaN : 100 * s.errorRatio())));
    }

    private LiveSeries series(String name, ToDoubleFunction<TrafficSnapshot> value) {
        List<ClientSamples.Sample> list = new ArrayList<>(samples);
        double[] t = new double[list.size()];
        double[] v = new double[list.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = list.get(i).epochSeconds();
            v[i] = value.applyAsDouble(list.get(i).snapshot());
        }
        return LiveSeries.withGaps(name, LiveSeries.Source.CLIENT, t, v, MAX_STEP_SECONDS);
    }
}
