package dev.mlobservatory.api.metrics;

import static dev.mlobservatory.api.TestApi.flower;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.TestApi;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The three histograms keep native buckets at the resolution ApiMetrics sets, beside the classic ones. */
class NativeHistogramTest {

    private static final String PROTOBUF =
            "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited";

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
    void everyHistogramHasClassicAndNativeDataAtSchemaThree() throws InterruptedException {
        api.postJson("/v1/predict", flower(5.1, 3.5, 1.4, 0.2));

        for (String name : List.of("ml_prediction_duration_seconds", "ml_prediction_confidence",
                "http_server_request_duration_seconds")) {
            HistogramDataPointSnapshot point = firstPoint(name);
            assertThat(point.hasClassicHistogramData()).as(name + " classic").isTrue();
            assertThat(point.hasNativeHistogramData()).as(name + " native").isTrue();
            assertThat(point.getNativeSchema()).as(name + " schema").isEqualTo(ApiMetrics.NATIVE_SCHEMA);
        }
    }

    /**
     * The histogram's first data point, awaited: the HTTP duration is recorded when the exchange completes, which
     * can be just after the client already has its answer.
     */
    private HistogramDataPointSnapshot firstPoint(String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            MetricSnapshots found = api.registry.scrape(name::equals);
            if (found.size() > 0 && !((HistogramSnapshot) found.get(0)).getDataPoints().isEmpty()) {
                return ((HistogramSnapshot) found.get(0)).getDataPoints().get(0);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no observation of " + name + " within 10 s");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void protobufIsAnsweredWhenPrometheusAsksForIt() {
        api.postJson("/v1/predict", flower(5.1, 3.5, 1.4, 0.2));

        HttpResponse<String> response = api.send(api.request("/metrics").header("Accept", PROTOBUF).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/vnd.google.protobuf"));
        // the text format is unchanged: classic buckets only, no native data in it
        assertThat(api.scrape()).contains("ml_prediction_duration_seconds_bucket{model_version=\"v1\",le=\"+Inf\"} 1");
    }
}
