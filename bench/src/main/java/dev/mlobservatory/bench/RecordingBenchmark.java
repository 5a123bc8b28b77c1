package dev.mlobservatory.bench;

import dev.mlobservatory.api.metrics.ModelMetrics;
import dev.mlobservatory.api.model.IrisFeatures;
import dev.mlobservatory.api.model.ModelCatalog;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Each call the prediction path makes to record itself, alone: where the instrumentation cost of
 * {@link PredictBenchmark} goes. One version, one label set, as a request would call them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class RecordingBenchmark {

    private InstrumentedApi api;
    private ModelMetrics v1;
    private IrisFeatures flower;
    private double seconds = 0.0003;

    @Setup(Level.Trial)
    public void setUp() {
        api = new InstrumentedApi(ModelCatalog.trainDefault());
        v1 = api.modelMetrics("v1");
        flower = Flowers.load(1).get(0);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        api.close();
    }

    /** The two clock reads around a request (endpoint and HTTP handler each take two). */
    @Benchmark
    public long clockPair() {
        long start = System.nanoTime();
        return System.nanoTime() - start;
    }

    /** {@code ml_predictions_total} + {@code ml_prediction_confidence}, once per flower. */
    @Benchmark
    public void predicted() {
        v1.predicted("versicolor", 0.93);
    }

    /** {@code ml_prediction_duration_seconds}, once per request. */
    @Benchmark
    public void predictionDuration() {
        v1.duration(seconds);
    }

    /** {@code http_server_request_duration_seconds}, once per request. */
    @Benchmark
    public void httpRequest() {
        api.metrics.httpRequest("POST", "/v1/predict", 200, seconds);
    }

    /** The drift window, once per flower. */
    @Benchmark
    public void driftObserve() {
        api.drift.observe("v1", flower);
    }

    /** The fault check with no faults set, once per request. */
    @Benchmark
    public void faultsApply() {
        api.faults.apply("v1");
    }
}
