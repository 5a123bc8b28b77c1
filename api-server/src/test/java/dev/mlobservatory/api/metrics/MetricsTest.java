package dev.mlobservatory.api.metrics;

import static dev.mlobservatory.api.TestApi.flower;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.TestApi;
import java.time.Instant;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The metric contract that alerts and dashboards depend on, read from the live /metrics. */
class MetricsTest {

    private static final String SETOSA = flower(5.1, 3.5, 1.4, 0.2);
    private static final String VIRGINICA = flower(7.7, 3.8, 6.7, 2.2);

    private TestApi api;

    @BeforeEach
    void start() {
        api = new TestApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void everyMetricIsExposedWithItsLabelsAfterTraffic() {
        api.postJson("/v1/predict", SETOSA);
        api.postJson("/v2/predict", VIRGINICA);
        api.postJson("/v1/predict", "{not json");
        api.get("/nowhere");

        String text = scrape();

        assertThat(text).contains(
                "# TYPE ml_predictions_total counter",
                "ml_predictions_total{model_version=\"v1\",prediction_result=\"setosa\",status=\"success\"} 1",
                "ml_predictions_total{model_version=\"v2\",prediction_result=\"virginica\",status=\"success\"} 1",
                "ml_predictions_total{model_version=\"v1\",prediction_result=\"error\",status=\"error\"} 1",
                "# TYPE ml_prediction_duration_seconds histogram",
                "ml_prediction_duration_seconds_bucket{model_version=\"v1\",le=\"5.0E-4\"}",
                "ml_prediction_duration_seconds_count{model_version=\"v1\"} 2",
                "ml_prediction_duration_seconds_count{model_version=\"v2\"} 1",
                "# TYPE ml_prediction_confidence histogram",
                "ml_prediction_confidence_count{model_version=\"v2\"} 1",
                "# TYPE ml_model_accuracy gauge",
                "ml_model_accuracy{model_version=\"v1\"}",
                "ml_model_accuracy{model_version=\"v2\"}",
                "# TYPE app_memory_usage_bytes gauge",
                "# TYPE app_cpu_usage_percent gauge",
                "# HELP app_cpu_usage_percent Process CPU over the trailing 10 s, sampled by the process every 1 s",
                "# TYPE http_server_request_duration_seconds histogram",
                "http_server_request_duration_seconds_count{method=\"POST\",route=\"/v1/predict\",status=\"200\"} 1",
                "http_server_request_duration_seconds_count{method=\"POST\",route=\"/v1/predict\",status=\"400\"} 1",
                "http_server_request_duration_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"} 1",
                "jvm_memory_used_bytes", "jvm_threads_current", "process_cpu_seconds_total");
        assertThat(bucketBounds(text, "ml_prediction_duration_seconds_bucket{model_version=\"v1\""))
                .containsExactly("5.0E-4", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25",
                        "0.5", "1.0", "2.5", "5.0", "+Inf");
        assertThat(bucketBounds(text, "ml_prediction_confidence_bucket{model_version=\"v2\""))
                .containsExactly("0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1.0", "+Inf");
        assertThat(value(text, "app_memory_usage_bytes")).isGreaterThan(10e6);
        assertThat(value(text, "app_cpu_usage_percent")).isGreaterThanOrEqualTo(0);
        assertThat(value(text, "ml_model_accuracy{model_version=\"v2\"}")).isBetween(0.85, 1.0);
        // NoPredictionTraffic waits for 5 minutes of uptime, read from this series: without it the alert never fires.
        assertThat(value(text, "process_start_time_seconds"))
                .isBetween(Instant.now().getEpochSecond() - 3_600.0, Instant.now().getEpochSecond() + 1.0);
    }

    @Test
    void batchCountsEveryRowAndObservesDurationOnce() {
        api.postJson("/v1/predict", "{\"instances\":[" + SETOSA + "," + SETOSA + "," + VIRGINICA + "]}");

        String text = scrape();

        assertThat(value(text, "ml_predictions_total{model_version=\"v1\",prediction_result=\"setosa\",status=\"success\"}"))
                .isEqualTo(2);
        assertThat(value(text, "ml_prediction_confidence_count{model_version=\"v1\"}")).isEqualTo(3);
        assertThat(value(text, "ml_prediction_duration_seconds_count{model_version=\"v1\"}")).isEqualTo(1);
    }

    @Test
    void openMetricsWhenTheAcceptHeaderAsksForIt() {
        HttpResponse<String> response = api.send(api.request("/metrics")
                .header("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8").GET());

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/openmetrics-text"));
        assertThat(response.body()).endsWith("# EOF\n");
        assertThat(api.get("/metrics").headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
    }

    @Test
    void scanningRandomPathsAddsNoSeries() {
        api.get("/first-unknown");
        scrape(); // the scrape's own route series exist from here on
        List<String> before = seriesOf(scrape(), "http_server_request_duration_seconds", "ml_");

        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            String path = "/" + Long.toHexString(random.nextLong()) + "/" + random.nextInt(1000);
            assertThat(api.get(path).statusCode()).isEqualTo(404);
        }

        String text = scrape();
        assertThat(seriesOf(text, "http_server_request_duration_seconds", "ml_")).isEqualTo(before);
        assertThat(value(text, "http_server_request_duration_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"}"))
                .isEqualTo(501);
    }

    @Test
    void eightThreadsOfAThousandRequestsLeaveTheCountersExact() throws Exception {
        int threads = 8;
        int perThread = 1000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String version = t % 2 == 0 ? "v1" : "v2";
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        // Per thread: 500 setosa, 400 virginica, 100 rejected.
                        String body = i % 10 == 0 ? "{\"sepal_length\":-1}" : i % 2 == 0 ? SETOSA : VIRGINICA;
                        api.postJson("/" + version + "/predict", body);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        String text = scrape();
        for (String v : List.of("v1", "v2")) {
            assertThat(value(text, "ml_predictions_total{model_version=\"" + v
                    + "\",prediction_result=\"setosa\",status=\"success\"}")).isEqualTo(4 * 400);
            assertThat(value(text, "ml_predictions_total{model_version=\"" + v
                    + "\",prediction_result=\"virginica\",status=\"success\"}")).isEqualTo(4 * 500);
            assertThat(value(text, "ml_predictions_total{model_version=\"" + v
                    + "\",prediction_result=\"error\",status=\"error\"}")).isEqualTo(4 * 100);
            assertThat(value(text, "ml_prediction_duration_seconds_count{model_version=\"" + v + "\"}"))
                    .isEqualTo(4 * 1000);
            assertThat(value(text, "http_server_request_duration_seconds_count{method=\"POST\",route=\"/" + v
                    + "/predict\",status=\"200\"}")).isEqualTo(4 * 900);
        }
    }

    private String scrape() {
        HttpResponse<String> response = api.get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    static double value(String text, String series) {
        for (String line : text.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0]);
            }
        }
        throw new AssertionError("no series " + series + " in /metrics");
    }

    private static List<String> bucketBounds(String text, String prefix) {
        List<String> bounds = new ArrayList<>();
        Matcher m = Pattern.compile(Pattern.quote(prefix) + ",le=\"([^\"]+)\"}").matcher(text);
        while (m.find()) {
            bounds.add(m.group(1));
        }
        return bounds;
    }

    private static List<String> seriesOf(String text, String... prefixes) {
        List<String> series = new ArrayList<>();
        for (String line : text.split("\n")) {
            for (String p : prefixes) {
                if (line.startsWith(p)) {
                    series.add(line.substring(0, line.lastIndexOf(' ')));
                }
            }
        }
        return series;
    }
}
