package dev.mlobservatory.api.chaos;

import static dev.mlobservatory.api.TestApi.flower;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlobservatory.api.TestApi;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Fault injection: off unless enabled; when on, injected latency and errors are real in the metrics. */
class FaultsTest {

    private static final String SETOSA = flower(5.1, 3.5, 1.4, 0.2);

    @Test
    void disabledByDefaultTheAdminPathIsNotFound() {
        try (TestApi api = new TestApi()) {
            assertThat(api.get("/admin/faults").statusCode()).isEqualTo(404);
            assertThat(api.putJson("/admin/faults", "{\"error_ratio\":1}").statusCode()).isEqualTo(404);
            assertThat(api.postJson("/v1/predict", SETOSA).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void injectedLatencyIsTimeSpentInThePredictionPath() {
        try (TestApi api = new TestApi(true)) {
            HttpResponse<String> set = api.putJson("/admin/faults", "{\"latency_ms\":500,\"model_version\":\"v1\"}");
            assertThat(set.statusCode()).isEqualTo(200);
            assertThat(TestApi.json(set).path("latency_ms").asDouble()).isEqualTo(500.0);
            assertThat(TestApi.json(api.get("/admin/faults")).path("model_version").asText()).isEqualTo("v1");

            for (int i = 0; i < 5; i++) {
                assertThat(api.postJson("/v1/predict", SETOSA).statusCode()).isEqualTo(200);
                assertThat(api.postJson("/v2/predict", SETOSA).statusCode()).isEqualTo(200);
            }

            assertThat(durationSum(api, "v1") / 5).isGreaterThanOrEqualTo(0.500);
            // v2 untouched: a structural margin (a prediction takes under a millisecond), not a speed target.
            assertThat(durationSum(api, "v2") / 5).isLessThan(0.250);
            assertThat(gauge(api, "ml_fault_injected_latency_seconds", "v1")).isEqualTo(0.500);
        }
    }

    @Test
    void injectedErrorsAreReal500sCountedAsErrors() {
        try (TestApi api = new TestApi(true)) {
            api.putJson("/admin/faults", "{\"error_ratio\":1.0}");
            HttpResponse<String> r = api.postJson("/v2/predict", SETOSA);

            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(TestApi.json(r).path("error").asText()).startsWith("injected fault: model v2 failed on purpose");
            assertThat(counter(api, "v2", "error", "error")).isEqualTo(1.0);
            assertThat(counter(api, "v2", "setosa", "success")).isZero();

            api.putJson("/admin/faults", "{\"error_ratio\":0.5}");
            int failed = 0;
            for (int i = 0; i < 400; i++) {
                failed += api.postJson("/v1/predict", SETOSA).statusCode() == 500 ? 1 : 0;
            }
            assertThat(failed).isBetween(140, 260);
            assertThat(counter(api, "v1", "error", "error")).isEqualTo(failed);

            api.putJson("/admin/faults", "{}");
            assertThat(api.postJson("/v1/predict", SETOSA).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void scrapesAndHealthStillAnswerWhileSlowPredictionsHoldEveryWorker() throws Exception {
        try (TestApi api = new TestApi(true)) {
            // 30 s per prediction: far longer than any scheduling delay of a busy machine, so "answered before
            // any slow prediction finished" is a structural margin, not a timing bet.
            api.putJson("/admin/faults", "{\"latency_ms\":30000}");
            java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(80, r -> {
                Thread t = new Thread(r, "slow-caller");
                t.setDaemon(true);
                return t;
            });
            try {
                java.util.List<java.util.concurrent.Future<Integer>> slow = new java.util.ArrayList<>();
                for (int i = 0; i < 80; i++) { // more than the 64 prediction workers
                    slow.add(callers.submit(() -> api.postJson("/v1/predict", SETOSA).statusCode()));
                }
                awaitSleepingPredictions(64);

                assertThat(api.get("/metrics").statusCode()).isEqualTo(200);
                assertThat(api.get("/health").statusCode()).isEqualTo(200);

                // The ops endpoints answered while every worker still sleeps in a 30 s prediction.
                assertThat(slow).noneMatch(java.util.concurrent.Future::isDone);
                assertThat(sleepingPredictions()).isGreaterThanOrEqualTo(64);
            } finally {
                api.putJson("/admin/faults", "{}");
                callers.shutdownNow();
            }
        }
    }

    /** Threads of this JVM sleeping inside the fault injector: predictions holding a worker. */
    private static long sleepingPredictions() {
        return Thread.getAllStackTraces().values().stream()
                .filter(stack -> java.util.Arrays.stream(stack)
                        .anyMatch(f -> f.getClassName().equals(FaultInjector.class.getName())))
                .count();
    }

    private static void awaitSleepingPredictions(int n) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (sleepingPredictions() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + sleepingPredictions() + " of " + n + " predictions hold a worker");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aFailedBatchCountsEveryFlowerItCarriedAndNothingAsAnswered() {
        try (TestApi api = new TestApi(true)) {
            api.putJson("/admin/faults", "{\"error_ratio\":1.0,\"model_version\":\"v1\"}");
            String batch = "{\"instances\":[" + String.join(",", java.util.Collections.nCopies(100, SETOSA)) + "]}";

            assertThat(api.postJson("/v1/predict", batch).statusCode()).isEqualTo(500);
            assertThat(api.postJson("/v1/predict", "{not json").statusCode()).isEqualTo(400);

            // 100 flowers failed with the batch, plus one unparsable request; no flower counted as answered.
            assertThat(counter(api, "v1", "error", "error")).isEqualTo(101);
            assertThat(counter(api, "v1", "setosa", "success")).isZero();
        }
    }

    @Test
    void everySeriesAVersionCanHaveExistsAtZeroBeforeAnyRequest() {
        try (TestApi api = new TestApi(true)) {
            String text = api.get("/metrics").body();
            for (String version : java.util.List.of("v1", "v2")) {
                assertThat(text).contains("ml_predictions_total{model_version=\"" + version
                        + "\",prediction_result=\"error\",status=\"error\"} 0.0");
                for (String label : java.util.List.of("setosa", "versicolor", "virginica")) {
                    assertThat(text).contains("ml_predictions_total{model_version=\"" + version
                            + "\",prediction_result=\"" + label + "\",status=\"success\"} 0.0");
                }
                assertThat(text).contains("ml_prediction_duration_seconds_count{model_version=\"" + version + "\"} 0");
            }
        }
    }

    @Test
    void outOfRangeValuesAreRejectedNamingTheFieldAndChangeNothing() {
        try (TestApi api = new TestApi(true)) {
            api.putJson("/admin/faults", "{\"latency_ms\":5}");
            assertRejected(api, "{\"error_ratio\":1.5}", "error_ratio");
            assertRejected(api, "{\"latency_ms\":-1}", "latency_ms");
            assertRejected(api, "{\"latency_jitter_ms\":999999}", "latency_jitter_ms");
            assertRejected(api, "{\"latency_ms\":\"slow\"}", "latency_ms");
            assertRejected(api, "{\"model_version\":\"v9\"}", "model_version");
            assertRejected(api, "{\"latncy_ms\":5}", "latncy_ms");
            assertThat(api.putJson("/admin/faults", "{nope").statusCode()).isEqualTo(400);

            assertThat(TestApi.json(api.get("/admin/faults")).path("latency_ms").asDouble()).isEqualTo(5.0);
        }
    }

    private static void assertRejected(TestApi api, String body, String field) {
        HttpResponse<String> r = api.putJson("/admin/faults", body);
        assertThat(r.statusCode()).as(body).isEqualTo(400);
        JsonNode json = TestApi.json(r);
        assertThat(json.path("field").asText()).as(body).isEqualTo(field);
        assertThat(json.path("error").asText()).as(body).contains(field);
    }

    private static double durationSum(TestApi api, String version) {
        return api.registry.scrape().stream()
                .filter(m -> m.getMetadata().getName().equals("ml_prediction_duration_seconds"))
                .flatMap(m -> ((HistogramSnapshot) m).getDataPoints().stream())
                .filter(d -> d.getLabels().get("model_version").equals(version))
                .mapToDouble(HistogramSnapshot.HistogramDataPointSnapshot::getSum).sum();
    }

    private static double counter(TestApi api, String version, String result, String status) {
        return api.registry.scrape().stream()
                .filter(m -> m.getMetadata().getName().equals("ml_predictions"))
                .flatMap(m -> ((CounterSnapshot) m).getDataPoints().stream())
                .filter(d -> version.equals(d.getLabels().get("model_version"))
                        && result.equals(d.getLabels().get("prediction_result"))
                        && status.equals(d.getLabels().get("status")))
                .mapToDouble(CounterSnapshot.CounterDataPointSnapshot::getValue).sum();
    }

    private static double gauge(TestApi api, String name, String version) {
        return api.registry.scrape().stream()
                .filter(m -> m.getMetadata().getName().equals(name.replace("_seconds", "")) || m.getMetadata().getPrometheusName().equals(name))
                .flatMap(m -> ((io.prometheus.metrics.model.snapshots.GaugeSnapshot) m).getDataPoints().stream())
                .filter(d -> version.equals(d.getLabels().get("model_version")))
                .mapToDouble(io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot::getValue)
                .findFirst().orElse(Double.NaN);
    }
}
