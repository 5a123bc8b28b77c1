package dev.mlobservatory.bench;

import dev.mlobservatory.api.drift.DriftMonitor;
import dev.mlobservatory.api.model.IrisFeatures;
import dev.mlobservatory.api.model.ModelCatalog;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The drift index: {@link DriftMonitor#observe} runs once per input on the request path,
 * {@link DriftMonitor#psi} once per version per scrape over a full window.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class DriftBenchmark {

    private static final String VERSION = "v1";

    private DriftMonitor drift;
    private IrisFeatures[] inputs;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        ModelCatalog catalog = ModelCatalog.trainDefault();
        drift = new DriftMonitor(catalog.trainingColumns(), List.of(VERSION));
        Flowers flowers = Flowers.load(2);
        inputs = new IrisFeatures[flowers.size()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = flowers.get(i);
        }
        for (int i = 0; i < DriftMonitor.WINDOW; i++) {
            drift.observe(VERSION, inputs[i % inputs.length]); // full window: psi() does its most work
        }
    }

    @Benchmark
    public void observe() {
        int i = next;
        next = i + 1 == inputs.length ? 0 : i + 1;
        drift.observe(VERSION, inputs[i]);
    }

    @Benchmark
    public double[] psi() {
        return drift.psi(VERSION);
    }
}
