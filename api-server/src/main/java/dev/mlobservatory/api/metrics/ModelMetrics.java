package dev.mlobservatory.api.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The prediction series of one model version, kept by the endpoint that serves it.
 *
 * <p>Every series this version can ever have is created at zero when the endpoint is built: a success series per
 * class the model knows, the error series, and the two histograms. So a query finds them from the first scrape
 * on, and a ratio such as the error rate needs no {@code or vector(0)} for a version that never failed.
 *
 * <p>Each series is looked up once and then held: {@code labelValues(...)} builds a label list and searches the
 * metric's map on every call (about 15 ns and 40–90 bytes each, three times per prediction), a measurable share
 * of a 2 µs prediction (see {@code docs/performance-jmh.md}). Safe for many request threads.
 */
public final class ModelMetrics {

    private final String version;
    /** One counter per class the model can predict: created at zero, bounded by the model's classes. */
    private final Map<String, CounterDataPoint> answered;
    private final Counter predictions;
    private final CounterDataPoint failed;
    private final DistributionDataPoint durationSeries;
    private final DistributionDataPoint confidenceSeries;

    ModelMetrics(String version, List<String> classes, Counter predictions, Histogram duration, Histogram confidence) {
        this.version = version;
        this.predictions = predictions;
        Map<String, CounterDataPoint> byClass = new ConcurrentHashMap<>();
        for (String label : classes) {
            byClass.put(label, predictions.labelValues(version, label, ApiMetrics.SUCCESS));
        }
        this.answered = byClass;
        this.failed = predictions.labelValues(version, ApiMetrics.ERROR, ApiMetrics.ERROR);
        this.durationSeries = duration.labelValues(version);
        this.confidenceSeries = confidence.labelValues(version);
    }

    public String version() {
        return version;
    }

    /** Records a prediction that was answered, one per flower. */
    public void predicted(String label, double score) {
        CounterDataPoint counter = answered.get(label);
        if (counter == null) {
            // A class the model did not declare: still counted, never lost (bounded by what the model returns).
            counter = answered.computeIfAbsent(label, l -> predictions.labelValues(version, l, ApiMetrics.SUCCESS));
        }
        counter.inc();
        confidenceSeries.observe(score);
    }

    /**
     * Records a prediction request that was rejected or failed, as the flowers it carried: a failed batch of 100
     * weighs as much in the error rate as 100 answered flowers. A request that never parsed has no flowers to
     * count and counts as one.
     */
    public void failed(int flowers) {
        if (flowers < 1) {
            throw new IllegalArgumentException("flowers must be at least 1, got " + flowers);
        }
        failed.inc(flowers);
    }

    /** Time spent on one prediction request, answered or not. */
    public void duration(double seconds) {
        durationSeries.observe(seconds);
    }
}
