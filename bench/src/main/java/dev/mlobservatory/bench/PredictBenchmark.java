package dev.mlobservatory.bench;

import dev.mlobservatory.api.metrics.ModelMetrics;
import dev.mlobservatory.api.model.ModelCatalog;
import dev.mlobservatory.api.model.TrainedModel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One prediction request (JSON parse, Tribuo predict, JSON write), single flower and batch of 100, with nothing
 * recorded, with the endpoint's recording, and with the HTTP metric on top. The ratio of the throughputs is the
 * cost of observing the API.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class PredictBenchmark {

    static final int BATCH_ROWS = 100;

    @Param({"v1", "v2"})
    public String version;

    private TrainedModel model;
    private InstrumentedApi api;
    private ModelMetrics series;
    private String route;
    private byte[][] singles;
    private byte[][] batches;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        api = new InstrumentedApi(ModelCatalog.trainDefault()); // a fresh registry per trial
        model = api.model(version);
        series = api.modelMetrics(version);
        route = "/" + version + "/predict";
        Flowers flowers = Flowers.load(1);
        singles = new byte[flowers.size()][];
        for (int i = 0; i < singles.length; i++) {
            singles[i] = flowers.singleBody(i);
        }
        batches = new byte[3][];
        for (int b = 0; b < batches.length; b++) {
            batches[b] = flowers.batchBody(b * 50, BATCH_ROWS);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        api.close();
    }

    private byte[] nextSingle() {
        int i = next;
        next = i + 1 == singles.length ? 0 : i + 1;
        return singles[i];
    }

    private byte[] nextBatch() {
        int i = next;
        next = i + 1 >= batches.length ? 0 : i + 1;
        return batches[i];
    }

    @Benchmark
    public byte[] singlePlain() {
        return PredictionPath.plain(model, nextSingle());
    }

    @Benchmark
    public byte[] singleRecorded() {
        return PredictionPath.recorded(model, series, api.drift, api.faults, nextSingle());
    }

    @Benchmark
    public byte[] singleRecordedHttp() {
        return PredictionPath.recordedWithHttp(model, series, api.metrics, api.drift, api.faults, route, nextSingle());
    }

    @Benchmark
    public byte[] batch100Plain() {
        return PredictionPath.plain(model, nextBatch());
    }

    @Benchmark
    public byte[] batch100Recorded() {
        return PredictionPath.recorded(model, series, api.drift, api.faults, nextBatch());
    }

    @Benchmark
    public byte[] batch100RecordedHttp() {
        return PredictionPath.recordedWithHttp(model, series, api.metrics, api.drift, api.faults, route, nextBatch());
    }
}
