package dev.mlobservatory.api.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import dev.mlobservatory.api.chaos.FaultInjector;
import dev.mlobservatory.api.chaos.FaultSettings;
import dev.mlobservatory.api.drift.DriftMonitor;
import dev.mlobservatory.api.model.IrisFeatures;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Every metric the API exposes, defined in one place against an injected registry.
 * Names, types and labels are a contract: the alert rules, the Grafana dashboard and the console depend on them.
 */
public final class ApiMetrics {

    /** Status label value of a prediction that was answered. */
    public static final String SUCCESS = "success";
    /** Status and prediction_result label value of a prediction request that failed or was rejected. */
    public static final String ERROR = "error";
    /** Route label of every request whose path matches no route: scanning URLs must not create series. */
    public static final String UNMATCHED_ROUTE = "unmatched";

    /** Sub-millisecond buckets first: a Tribuo tree answers in microseconds, the lab's classic buckets follow. */
    static final double[] DURATION_BUCKETS = {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0};
    static final double[] CONFIDENCE_BUCKETS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
    static final double[] HTTP_BUCKETS = DURATION_BUCKETS;

    /*
     * Native histograms beside the classic buckets: a protobuf scrape (Prometheus 3 with native histograms on) gets
     * both, the text formats get the classic buckets alone, exactly as before. The native resolution is set here,
     * not left to the library's defaults, because it decides how far the p95 can be off: schema 3 makes each bucket
     * 2^(1/8) = 9% wider than the one before, so a quantile is at most ~4.5% off, where the classic 1 s / 2.5 s
     * buckets can put it more than a second away. 160 buckets at that width span 2^20, from a microsecond to a
     * second, so a Tribuo answer (microseconds) and an injected fault (seconds) usually fit without the client
     * having to halve the resolution; if a wider spread forces it to, the histogram is reset after an hour to get
     * its resolution back (rate() treats the reset like any counter reset). The cap also bounds what one series
     * costs per scrape: at most 160 buckets, whatever arrives.
     */
    static final int NATIVE_SCHEMA = 3;
    static final int NATIVE_MAX_BUCKETS = 160;
    static final long NATIVE_RESET_HOURS = 1;

    /**
     * {@code builder} with the native resolution above. Public so that every histogram of the project (the traffic
     * engine's too) has the same error bound, and client and server quantiles compare on one chart.
     */
    public static Histogram.Builder nativeResolution(Histogram.Builder builder) {
        return builder.nativeInitialSchema(NATIVE_SCHEMA)
                .nativeMaxNumberOfBuckets(NATIVE_MAX_BUCKETS)
                .nativeResetDuration(NATIVE_RESET_HOURS, TimeUnit.HOURS);
    }

    /** Methods kept as label values; anything else becomes "other" so odd clients cannot add series. */
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    private final Counter predictions;
    private final Histogram predictionDuration;
    private final Histogram predictionConfidence;
    private final Gauge modelAccuracy;
    private final Histogram httpDuration;
    private final Counter connectionsRefused;

    public ApiMetrics(PrometheusRegistry registry, ProcessStats process) {
        this(registry, process, true);
    }

    /**
     * The API's metrics without the JVM's, for a registry that is thrown away after use (the warm-up's rehearsal):
     * {@code JvmMetrics} remembers every registry it was registered with for the life of the JVM.
     */
    public static ApiMetrics withoutJvmMetrics(PrometheusRegistry registry, ProcessStats process) {
        return new ApiMetrics(registry, process, false);
    }

    private ApiMetrics(PrometheusRegistry registry, ProcessStats process, boolean jvm) {
        predictions = Counter.builder()
                .name("ml_predictions_total")
                .help("Prediction requests by model version, predicted class (or error) and status")
                .labelNames("model_version", "prediction_result", "status")
                .register(registry);
        predictionDuration = nativeResolution(Histogram.builder())
                .name("ml_prediction_duration_seconds")
                .help("Time spent processing prediction requests, from the received body to the answer")
                .unit(Unit.SECONDS)
                .labelNames("model_version")
                .classicUpperBounds(DURATION_BUCKETS)
                .register(registry);
        predictionConfidence = nativeResolution(Histogram.builder())
                .name("ml_prediction_confidence")
                .help("Score of the predicted class, one observation per predicted flower")
                .labelNames("model_version")
                .classicUpperBounds(CONFIDENCE_BUCKETS)
                .register(registry);
        modelAccuracy = Gauge.builder()
                .name("ml_model_accuracy")
                .help("Accuracy of the model version on the hold-out split, measured at start-up (0-1)")
                .labelNames("model_version")
                .register(registry);
        GaugeWithCallback.builder()
                .name("app_memory_usage_bytes")
                .help("Resident memory of the process (heap used where RSS cannot be read)")
                .unit(Unit.BYTES)
                .callback(cb -> cb.call(process.memoryBytes()))
                .register(registry);
        GaugeWithCallback.builder()
                .name("app_cpu_usage_percent")
                .help("Process CPU over the trailing " + ProcessStats.CPU_WINDOW.toSeconds() + " s, sampled by the"
                        + " process every " + ProcessStats.SAMPLE_EVERY.toSeconds() + " s whoever scrapes, percent of"
                        + " one core (for rates over other windows use process_cpu_seconds_total)")
                .callback(cb -> cb.call(process.cpuPercent()))
                .register(registry);
        httpDuration = nativeResolution(Histogram.builder())
                .name("http_server_request_duration_seconds")
                .help("HTTP requests by method, route template and status code")
                .unit(Unit.SECONDS)
                .labelNames("method", "route", "status")
                .classicUpperBounds(HTTP_BUCKETS)
                .register(registry);
        connectionsRefused = Counter.builder()
                .name("http_server_connections_refused_total")
                .help("Connections answered 503 and closed because the server had its maximum of open connections")
                .register(registry);
        if (jvm) {
            JvmMetrics.builder().register(registry);
        }
    }

    /** {@code http_server_open_connections}: connections open now, read when scraped; the cap is its ceiling. */
    public void registerConnections(PrometheusRegistry registry, IntSupplier open) {
        GaugeWithCallback.builder()
                .name("http_server_open_connections")
                .help("HTTP connections open now (refused ones not included)")
                .callback(cb -> cb.call(open.getAsInt()))
                .register(registry);
    }

    public void connectionRefused() {
        connectionsRefused.inc();
    }

    /** {@code ml_feature_drift_psi}: computed from the monitor's windows when scraped, absent until enough inputs. */
    public void registerDrift(PrometheusRegistry registry, DriftMonitor drift) {
        GaugeWithCallback.builder()
                .name("ml_feature_drift_psi")
                .help("Population stability index of the last " + DriftMonitor.WINDOW
                        + " inputs per model version against the training data, per feature, less its expected value"
                        + " without drift; absent before " + DriftMonitor.MIN_SAMPLES
                        + " inputs (0 = alike, >0.2 = shifted)")
                .labelNames("model_version", "feature")
                .callback(cb -> {
                    for (String version : drift.versions()) {
                        double[] psi = drift.psi(version);
                        if (psi == null) {
                            continue;
                        }
                        for (int f = 0; f < psi.length; f++) {
                            cb.call(psi[f], version, IrisFeatures.NAMES.get(f));
                        }
                    }
                })
                .register(registry);
    }

    /** The injected faults in force, per model version: the knob beside the symptoms on the dashboard. */
    public void registerFaults(PrometheusRegistry registry, FaultInjector faults, List<String> versions) {
        GaugeWithCallback.builder()
                .name("ml_fault_injected_latency_seconds")
                .help("Mean extra latency injected into predictions through /admin/faults (latency + jitter/2)")
                .unit(Unit.SECONDS)
                .labelNames("model_version")
                .callback(cb -> {
                    FaultSettings s = faults.settings();
                    for (String v : versions) {
                        cb.call(s.affects(v) ? (s.latencyMs() + s.latencyJitterMs() / 2) / 1000 : 0, v);
                    }
                })
                .register(registry);
        GaugeWithCallback.builder()
                .name("ml_fault_injected_error_ratio")
                .help("Share of predictions made to fail through /admin/faults (0-1)")
                .labelNames("model_version")
                .callback(cb -> {
                    FaultSettings s = faults.settings();
                    for (String v : versions) {
                        cb.call(s.affects(v) ? s.errorRatio() : 0, v);
                    }
                })
                .register(registry);
    }

    /**
     * The prediction series of {@code version} ({@code ml_predictions_total}, {@code ml_prediction_duration_seconds},
     * {@code ml_prediction_confidence}), for the endpoint that serves the version to keep and record into.
     */
    public ModelMetrics forVersion(String version, java.util.List<String> classes) {
        return new ModelMetrics(version, classes, predictions, predictionDuration, predictionConfidence);
    }

    public void modelAccuracy(String version, double accuracy) {
        modelAccuracy.labelValues(version).set(accuracy);
    }

    public void httpRequest(String method, String route, int status, double seconds) {
        httpDuration.labelValues(methodLabel(method), route, Integer.toString(status)).observe(seconds);
    }

    static String methodLabel(String method) {
        String upper = method.toUpperCase(Locale.ROOT);
        return KNOWN_METHODS.contains(upper) ? upper : "other";
    }
}
