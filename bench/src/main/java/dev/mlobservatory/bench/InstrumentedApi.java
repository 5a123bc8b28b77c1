package dev.mlobservatory.bench;

import dev.mlobservatory.api.chaos.FaultInjector;
import dev.mlobservatory.api.drift.DriftMonitor;
import dev.mlobservatory.api.metrics.ApiMetrics;
import dev.mlobservatory.api.metrics.ModelMetrics;
import dev.mlobservatory.api.metrics.ProcessStats;
import dev.mlobservatory.api.model.ModelCatalog;
import dev.mlobservatory.api.model.TrainedModel;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API's recording side on a fresh registry, registered as {@code ApiServer.start} does it
 * (every metric, the JVM metrics, the drift and fault gauges, the CPU sampler), without the HTTP server around it.
 * {@link #close()} stops the sampler, as the server's close does.
 */
public final class InstrumentedApi implements AutoCloseable {

    public final ModelCatalog catalog;
    public final PrometheusRegistry registry = new PrometheusRegistry();
    public final ApiMetrics metrics;
    public final DriftMonitor drift;
    public final FaultInjector faults = new FaultInjector();
    private final ProcessStats process = ProcessStats.start();
    /** Per version, the series its endpoint keeps (one PredictEndpoint per version in the server). */
    private final Map<String, ModelMetrics> byVersion = new LinkedHashMap<>();

    public InstrumentedApi(ModelCatalog catalog) {
        this.catalog = catalog;
        this.metrics = new ApiMetrics(registry, process);
        for (TrainedModel model : catalog.all()) {
            metrics.modelAccuracy(model.version(), model.accuracy());
            byVersion.put(model.version(), metrics.forVersion(model.version(), model.classes()));
        }
        this.drift = new DriftMonitor(catalog.trainingColumns(), catalog.versions());
        metrics.registerDrift(registry, drift);
        metrics.registerFaults(registry, faults, catalog.versions());
    }

    public ModelMetrics modelMetrics(String version) {
        return byVersion.get(version);
    }

    public TrainedModel model(String version) {
        return catalog.find(version).orElseThrow(() -> new IllegalArgumentException("no model " + version));
    }

    @Override
    public void close() {
        process.close();
    }
}
