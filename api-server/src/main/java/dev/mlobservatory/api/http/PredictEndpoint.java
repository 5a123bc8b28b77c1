package dev.mlobservatory.api.http;

import dev.mlobservatory.api.chaos.FaultInjector;
import dev.mlobservatory.api.drift.DriftMonitor;
import dev.mlobservatory.api.metrics.ApiMetrics;
import dev.mlobservatory.api.metrics.ModelMetrics;
import dev.mlobservatory.api.model.IrisFeatures;
import dev.mlobservatory.api.model.PredictionResult;
import dev.mlobservatory.api.model.TrainedModel;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code POST /vN/predict}: one flower or a batch, answered by one model version, every outcome counted. */
public final class PredictEndpoint implements Endpoint {

    /** The answer for one flower. */
    public record Single(String prediction, double confidence, Map<String, Double> probabilities,
                         String modelVersion) {
    }

    /** One row of a batch answer. */
    public record Row(String prediction, double confidence, Map<String, Double> probabilities) {
    }

    /** The answer for a batch, rows in request order. */
    public record Batch(List<Row> predictions, String modelVersion) {
    }

    private final TrainedModel model;
    private final ModelMetrics metrics;
    private final DriftMonitor drift;
    private final FaultInjector faults;

    public PredictEndpoint(TrainedModel model, ApiMetrics metrics, DriftMonitor drift, FaultInjector faults) {
        this.model = model;
        this.metrics = metrics.forVersion(model.version(), model.classes());
        this.drift = drift;
        this.faults = faults;
    }

    @Override
    public void handle(HttpServerExchange exchange) {
        String version = model.version();
        long start = System.nanoTime();
        int flowers = 1; // until the body parsed, a rejected request is one failed request: it has no flowers
        try {
            RequestBody.requireJson(exchange);
            PredictRequest request = PredictRequest.parse(
                    RequestBody.read(exchange, PredictRequest.MAX_BATCH_BODY_BYTES));
            flowers = request.rows().size();
            for (IrisFeatures features : request.rows()) {
                drift.observe(version, features); // the inputs drift whether or not the model then fails
            }
            faults.apply(version); // inside the timed region: injected latency is real latency
            List<PredictionResult> results = new ArrayList<>(flowers);
            for (IrisFeatures features : request.rows()) {
                results.add(model.predict(features));
            }
            Json.send(exchange, StatusCodes.OK, request.batch() ? batch(results) : single(results.get(0)));
            // Counted once answered, so a request is all successes or all failures, never both.
            for (PredictionResult r : results) {
                metrics.predicted(r.label(), r.confidence());
            }
        } catch (RuntimeException e) {
            // The lab's contract: a rejected or failed prediction counts as status="error", one per flower.
            metrics.failed(flowers);
            throw e;
        } finally {
            metrics.duration((System.nanoTime() - start) / 1e9);
        }
    }

    private Single single(PredictionResult r) {
        return new Single(r.label(), r.confidence(), r.probabilities(), model.version());
    }

    private Batch batch(List<PredictionResult> results) {
        List<Row> out = new ArrayList<>(results.size());
        for (PredictionResult r : results) {
            out.add(new Row(r.label(), r.confidence(), r.probabilities()));
        }
        return new Batch(out, model.version());
    }
}
