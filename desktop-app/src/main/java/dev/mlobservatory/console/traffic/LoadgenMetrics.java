package dev.mlobservatory.console.traffic;

import dev.mlobservatory.api.metrics.ApiMetrics;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The traffic engine's own metrics ({@code loadgen_*}), the client's view to set beside the API's: defined in one
 * place against a registry of their own, never the default one (the in-process API has its own).
 * Recording is lock-free from any thread; one instance can outlive many engines (the console's runs add up).
 */
public final class LoadgenMetrics {

    /** The outcome label's only values: bounded, whatever the server answers. */
    public static final List<String> OUTCOMES = List.of("ok", "http_4xx", "http_5xx", "network_error", "dropped");

    /**
     * The API's buckets (ApiMetrics: sub-millisecond first, then the lab's) and two more for a client: it waits for
     * injected faults and queueing too, up to its 30 s call timeout, and a p95 beyond 5 s must still land in a bucket.
     */
    static final double[] DURATION_BUCKETS = {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0};

    private final PrometheusRegistry registry;
    private final CounterDataPoint ok;
    private final CounterDataPoint http4xx;
    private final CounterDataPoint http5xx;
    private final CounterDataPoint networkError;
    private final CounterDataPoint dropped;
    private final Histogram duration;
    private final Gauge inFlight;
    private final Gauge targetRate;
    private final AtomicReference<Object> owner = new AtomicReference<>();
    private final AtomicLong scrapes = new AtomicLong();

    /** On a fresh registry of its own. */
    public LoadgenMetrics() {
        this(new PrometheusRegistry());
    }

    public LoadgenMetrics(PrometheusRegistry registry) {
        this.registry = registry;
        Counter requests = Counter.builder()
                .name("loadgen_requests_total")
                .help("Requests of the traffic engine by outcome: ok (2xx), http_4xx (any other non-5xx answer),"
                        + " http_5xx, network_error (no HTTP answer), dropped (not sent: in-flight cap reached)")
                .labelNames("outcome")
                .register(registry);
        // All five exist at 0 from the start, so rate() and the dashboard see a series before the first error.
        ok = requests.labelValues(OUTCOMES.get(0));
        http4xx = requests.labelValues(OUTCOMES.get(1));
        http5xx = requests.labelValues(OUTCOMES.get(2));
        networkError = requests.labelValues(OUTCOMES.get(3));
        dropped = requests.labelValues(OUTCOMES.get(4));
        // The API's native resolution, so client and server p95 have the same error bound on one chart.
        duration = ApiMetrics.nativeResolution(Histogram.builder())
                .name("loadgen_request_duration_seconds")
                .help("Client-side latency of answered requests, from each request's intended start (coordinated"
                        + " omission corrected), so a stalled server shows as latency")
                .unit(Unit.SECONDS)
                .classicUpperBounds(DURATION_BUCKETS)
                .register(registry);
        inFlight = Gauge.builder()
                .name("loadgen_in_flight")
                .help("Requests sent and not yet answered")
                .register(registry);
        // Adds no series: counts the collections, so the CLI can wait for one last scrape of the final counts.
        registry.register((MultiCollector) () -> {
            scrapes.incrementAndGet();
            return new MetricSnapshots();
        });
        targetRate = Gauge.builder()
                .name("loadgen_target_rate")
                .help("Arrival rate the engine aims at now, burst included, in requests per second (0 when stopped)")
                .register(registry);
    }

    /** How often the registry has been collected (scraped) so far. */
    public long scrapes() {
        return scrapes.get();
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    /** An HTTP answer with {@code status}, classed as the engine's own counts class it. */
    void response(int status, long latencyNanos) {
        if (status >= 200 && status < 300) {
            ok.inc();
        } else if (status >= 500) {
            http5xx.inc();
        } else {
            http4xx.inc();
        }
        duration.observe(latencyNanos / 1e9);
    }

    void networkError() {
        networkError.inc();
    }

    void dropped() {
        dropped.inc();
    }

    void requestStarted() {
        inFlight.inc();
    }

    void requestEnded() {
        inFlight.dec();
    }

    void targetRate(double perSecond) {
        targetRate.set(perSecond);
    }

    /** {@code engine} is the one whose rate the gauge shows from now on. */
    void started(Object engine) {
        owner.set(engine);
    }

    /**
     * The target falls to 0 when the last engine started stops; an older one closing late (the console closes off
     * the FX thread while the next run may already have started) leaves the new run's rate alone.
     */
    void stopped(Object engine) {
        if (owner.compareAndSet(engine, null)) {
            targetRate.set(0);
        }
    }
}
