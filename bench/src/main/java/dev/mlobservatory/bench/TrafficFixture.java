package dev.mlobservatory.bench;

import dev.mlobservatory.api.chaos.FaultSettings;
import dev.mlobservatory.api.chaos.InjectedFailure;
import dev.mlobservatory.api.http.ApiException;
import dev.mlobservatory.api.model.TrainedModel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Fills an {@link InstrumentedApi} with what a few minutes of classroom traffic leave behind: predictions on both
 * versions for every class, batches, rejected and failed requests, requests on every route with their statuses,
 * full drift windows, and a latency fault. After it, a scrape carries the full series set of a running API, and the
 * duration histograms hold native buckets spread as a classroom's fault demonstration spreads them.
 */
public final class TrafficFixture {

    /** Single predictions per version: four full drift windows, every class many times over. */
    static final int SINGLES = 2_000;
    static final int BATCHES = 20;
    /**
     * Requests per version under the fault issue 14 measured with, {@code latency_ms=800, latency_jitter_ms=400}:
     * enough to fill every native bucket between 0.8 and 1.2 s (about five at schema 3).
     */
    static final int SLOW = 200;
    static final double SLOW_BASE_SECONDS = 0.8;
    static final double SLOW_JITTER_SECONDS = 0.4;

    /** Bodies the API rejects with 400, each for a different reason. */
    private static final List<String> BAD_BODIES = List.of(
            "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":-0.2}",
            "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4}",
            "{\"sepal_length\":\"x\",\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}",
            "{\"sepal_length\":5.1,",
            "");

    /** Method, route and status of the other requests a running API sees. */
    private static final List<String[]> OTHER_REQUESTS = List.of(
            new String[] {"GET", "/health", "200"},
            new String[] {"GET", "/metrics", "200"},
            new String[] {"GET", "/v1/model", "200"},
            new String[] {"GET", "/v2/model", "200"},
            new String[] {"GET", "/v1/predict", "405"},
            new String[] {"DELETE", "/health", "405"},
            new String[] {"POST", "/v1/predict", "413"},
            new String[] {"POST", "/v1/predict", "415"},
            new String[] {"POST", "/v2/predict", "415"},
            new String[] {"GET", "/admin/faults", "200"},
            new String[] {"PUT", "/admin/faults", "200"},
            new String[] {"PUT", "/admin/faults", "400"},
            new String[] {"GET", "unmatched", "404"},
            new String[] {"POST", "unmatched", "404"},
            new String[] {"OTHER", "unmatched", "404"});

    private TrafficFixture() {
    }

    public static void run(InstrumentedApi api, Flowers flowers) {
        Random random = new Random(7);
        for (String version : api.catalog.versions()) {
            TrainedModel model = api.model(version);
            String route = "/" + version + "/predict";
            for (int i = 0; i < SINGLES; i++) {
                send(api, model, route, flowers.singleBody(i));
            }
            for (int b = 0; b < BATCHES; b++) {
                send(api, model, route, flowers.batchBody(b * 7, PredictBenchmark.BATCH_ROWS));
            }
            for (int i = 0; i < 10 * BAD_BODIES.size(); i++) {
                send(api, model, route, BAD_BODIES.get(i % BAD_BODIES.size()).getBytes(StandardCharsets.UTF_8));
            }
            // Injected failures: real 500s counted as errors, as /admin/faults makes them.
            api.faults.set(new FaultSettings(0, 0, 1, version));
            for (int i = 0; i < 50; i++) {
                send(api, model, route, flowers.singleBody(i));
            }
            api.faults.set(FaultSettings.NONE);
            // The latency fault, recorded as the endpoint and HttpMetricsHandler record what FaultInjector's sleep
            // produces, without sleeping: 2 × 200 real naps of about a second would make each trial's set-up take
            // minutes, and the histograms only ever see the duration. The native buckets then span microseconds
            // (Tribuo's answers) to over a second, the widest spread a classroom gives them.
            for (int i = 0; i < SLOW; i++) {
                double seconds = SLOW_BASE_SECONDS + SLOW_JITTER_SECONDS * random.nextDouble();
                api.modelMetrics(version).duration(seconds);
                api.metrics.httpRequest("POST", route, 200, seconds);
            }
        }
        for (String[] r : OTHER_REQUESTS) {
            for (int i = 0; i < 100; i++) {
                // Log-uniform from 0.1 ms to 2 s, so the observations spread over the buckets.
                double seconds = 1e-4 * Math.pow(2e4, random.nextDouble());
                api.metrics.httpRequest(r[0], r[1], Integer.parseInt(r[2]), seconds);
            }
        }
    }

    private static void send(InstrumentedApi api, TrainedModel model, String route, byte[] body) {
        try {
            PredictionPath.recordedWithHttp(model, api.modelMetrics(model.version()), api.metrics, api.drift, api.faults, route, body);
        } catch (ApiException | InjectedFailure expected) {
            // counted by the path, as the server counts it (an injected failure is a 500 there, see ErrorMapper)
        }
    }
}
