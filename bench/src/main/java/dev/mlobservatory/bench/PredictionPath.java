package dev.mlobservatory.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mlobservatory.api.chaos.FaultInjector;
import dev.mlobservatory.api.drift.DriftMonitor;
import dev.mlobservatory.api.http.ApiException;
import dev.mlobservatory.api.http.Json;
import dev.mlobservatory.api.http.PredictEndpoint;
import dev.mlobservatory.api.http.PredictRequest;
import dev.mlobservatory.api.metrics.ApiMetrics;
import dev.mlobservatory.api.metrics.ModelMetrics;
import dev.mlobservatory.api.model.IrisFeatures;
import dev.mlobservatory.api.model.PredictionResult;
import dev.mlobservatory.api.model.TrainedModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The work of {@code POST /vN/predict} between the body's bytes and the answer's bytes, with and without the
 * recording. {@link #recorded} follows {@code PredictEndpoint.handle} statement by statement (minus the Undertow
 * exchange); keep the two in step when the endpoint changes.
 */
public final class PredictionPath {

    private PredictionPath() {
    }

    /** Parse, predict, write: the prediction with nothing recorded. */
    public static byte[] plain(TrainedModel model, byte[] body) {
        PredictRequest request = PredictRequest.parse(body);
        return write(answer(model, request, null));
    }

    /**
     * The same as the endpoint does it: drift observed per input, faults applied, every flower counted with its
     * confidence, a failure counted as an error, and the request's duration observed.
     */
    public static byte[] recorded(TrainedModel model, ModelMetrics metrics, DriftMonitor drift, FaultInjector faults,
                                  byte[] body) {
        String version = model.version();
        long start = System.nanoTime();
        int flowers = 1;
        try {
            PredictRequest request = PredictRequest.parse(body);
            flowers = request.rows().size();
            for (IrisFeatures features : request.rows()) {
                drift.observe(version, features);
            }
            faults.apply(version);
            return write(answer(model, request, metrics));
        } catch (RuntimeException e) {
            metrics.failed(flowers);
            throw e;
        } finally {
            metrics.duration((System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * {@link #recorded} inside what {@code HttpMetricsHandler} adds to every request: its own clock and one
     * observation of {@code http_server_request_duration_seconds}. The full instrumentation of one request.
     */
    public static byte[] recordedWithHttp(TrainedModel model, ModelMetrics metrics, ApiMetrics http,
                                          DriftMonitor drift, FaultInjector faults, String route, byte[] body) {
        long start = System.nanoTime();
        int status = 200;
        try {
            return recorded(model, metrics, drift, faults, body);
        } catch (ApiException e) {
            status = e.status();
            throw e;
        } catch (RuntimeException e) {
            status = 500;
            throw e;
        } finally {
            http.httpRequest("POST", route, status, (System.nanoTime() - start) / 1e9);
        }
    }

    private static Object answer(TrainedModel model, PredictRequest request, ModelMetrics metrics) {
        if (!request.batch()) {
            PredictionResult r = predict(model, request.rows().get(0), metrics);
            return new PredictEndpoint.Single(r.label(), r.confidence(), r.probabilities(), model.version());
        }
        List<PredictEndpoint.Row> rows = new ArrayList<>(request.rows().size());
        for (IrisFeatures features : request.rows()) {
            PredictionResult r = predict(model, features, metrics);
            rows.add(new PredictEndpoint.Row(r.label(), r.confidence(), r.probabilities()));
        }
        return new PredictEndpoint.Batch(rows, model.version());
    }

    private static PredictionResult predict(TrainedModel model, IrisFeatures features, ModelMetrics metrics) {
        PredictionResult r = model.predict(features);
        if (metrics != null) {
            metrics.predicted(r.label(), r.confidence());
        }
        return r;
    }

    private static byte[] write(Object answer) {
        try {
            return Json.MAPPER.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
    }
}
