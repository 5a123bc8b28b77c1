package dev.mlobservatory.api.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The prediction series of one model version, kept by the endpoint that serves it.
 * Each series is looked up once and then held: {@code labelValues(...)} builds a label list and searches the
 * metric's map on every call (about 15 ns and 40–90 bytes each, three times per prediction), a measurable share
 * of a 2 µs prediction (see {@code docs/performance-jmh.md}). A series is still created on its first use, so
 * /metrics shows exactly the series it showed before. Safe for many request threads.
 */
public final class ModelMetrics {

    private final String version;
    private final Counter predictions;
    private final Histogram duration;
    private final Histogram confidence;
    /** One counter per predicted class: bounded by the model's classes. */
    private final Map<String, CounterDataPoint> answered = new ConcurrentHashMap<>();
    // Bound on first use. Two threads may both look one up; labelValues returns the same series to both.
    private volatile CounterDataPoint failed;
    private volatile DistributionDataPoint durationSeries;
    private volatile DistributionDataPoint confidenceSeries;

    ModelMetrics(String version, Counter predictions, Histogram duration, Histogram confidence) {
        this.version = version;
        this.predictions = predictions;
        this.duration = duration;
        this.confidence = confidence;
    }

    public String version() {
        return version;
    }

    /** Records a prediction that was answered, one per flower. */
    public void predicted(String label, double score) {
        CounterDataPoint counter = answered.get(label);
        if (counter == null) {
            counter = answered.computeIfAbsent(label, l -> predictions.labelValues(version, l, ApiMetrics.SUCCESS));
        }
        counter.inc();
        DistributionDataPoint c = confidenceSeries;
        if (c == null) {
            confidenceSeries = c = confidence.labelValues(version);
        }
        c.observe(score);
    }

    /** Records a prediction request that was rejected or failed. */
    public void failed() {
        CounterDataPoint f = failed;
        if (f == null) {
            failed = f = predictions.labelValues(version, ApiMetrics.ERROR, ApiMetrics.ERROR);
        }
        f.inc();
    }

    /** Time spent on one prediction request, answered or not. */
    public void duration(double seconds) {
        DistributionDataPoint d = durationSeries;
        if (d == null) {
            durationSeries = d = duration.labelValues(version);
        }
        d.observe(seconds);
    }
}
