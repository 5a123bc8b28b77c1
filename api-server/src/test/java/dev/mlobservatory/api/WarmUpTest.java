package dev.mlobservatory.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.drift.DriftMonitor;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The warm-up before the first client: it happens, every request of it is answered as asked, and none of it is in the
 * metrics a class reads: no prediction counted, no duration or confidence observed, no HTTP request, no drift input.
 */
class WarmUpTest {

    private TestApi api;

    @BeforeEach
    void start() {
        api = new TestApi(true); // with /admin/faults, as the console's in-process API runs
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aFreshServerHasWarmedUpItsRequestPath() {
        WarmUp.Report report = api.server.warmUp();

        // At least one request of each kind (predictions to both versions, a batch, the three invalid bodies,
        // /health, a scrape in each format), however busy the machine; each answered with the status it asks for.
        assertThat(report.requests()).isGreaterThanOrEqualTo(WarmUp.KINDS);
        assertThat(report.unexpected()).isZero();
        assertThat(report.describe()).startsWith(report.requests() + " requests in ");
    }

    @Test
    void theWarmUpScrapesInEveryFormatAScraperCanGet() {
        // Prometheus 3 with native histograms on asks for protobuf, 2.x for OpenMetrics, curl for text: each format's
        // writer is warm before the first scrape, whatever the machine's load (each is a kind of its own). The
        // protobuf one matters most: its writer is a class tree of its own that no other request loads.
        ExpositionFormats formats = ExpositionFormats.init();

        assertThat(api.server.warmUp().scrapeFormats()).containsExactlyInAnyOrder(
                formats.getPrometheusTextFormatWriter().getContentType(),
                formats.getOpenMetricsTextFormatWriter().getContentType(),
                formats.getPrometheusProtobufWriter().getContentType());
    }

    @Test
    void theWarmUpIsInNoMetric() {
        List<MetricSnapshot> metrics = api.registry.scrape().stream().toList();

        assertThat(counterValues(metrics, "ml_predictions")).isNotEmpty().containsOnly(0.0);
        assertThat(histogramCounts(metrics, "ml_prediction_duration_seconds")).hasSize(2).containsOnly(0L);
        assertThat(histogramCounts(metrics, "ml_prediction_confidence")).hasSize(2).containsOnly(0L);
        assertThat(histogramCounts(metrics, "http_server_request_duration_seconds")).isEmpty();
        assertThat(counterValues(metrics, "http_server_connections_refused")).containsOnly(0.0);
        assertThat(metrics).filteredOn(m -> m.getMetadata().getName().equals("ml_feature_drift_psi"))
                .singleElement().satisfies(m -> assertThat(m.getDataPoints()).isEmpty()); // no index: < 300 inputs
    }

    @Test
    void theDriftMonitorStartsEmpty() {
        // One input short of the minimum: if the warm-up had fed the monitor even one flower, the index would show.
        for (String version : List.of("v1", "v2")) {
            assertThat(api.postJson("/" + version + "/predict", batch(DriftMonitor.MIN_SAMPLES - 1)).statusCode())
                    .isEqualTo(200);
        }
        assertThat(api.scrape()).doesNotContain("ml_feature_drift_psi{");

        HttpResponse<String> one = api.postJson("/v1/predict", TestApi.flower(5.1, 3.5, 1.4, 0.2));
        assertThat(one.statusCode()).isEqualTo(200);
        String text = api.scrape();
        assertThat(text).contains("ml_feature_drift_psi{feature=\"petal_width\",model_version=\"v1\"}")
                .doesNotContain("ml_feature_drift_psi{feature=\"petal_width\",model_version=\"v2\"}");
    }

    private static String batch(int rows) {
        StringJoiner instances = new StringJoiner(",", "{\"instances\":[", "]}");
        for (int i = 0; i < rows; i++) {
            // Real Iris rows, varied so the drift index has something to bin.
            instances.add(i % 3 == 0 ? TestApi.flower(5.1, 3.5, 1.4, 0.2)
                    : i % 3 == 1 ? TestApi.flower(6.4, 3.2, 4.5, 1.5) : TestApi.flower(6.3, 3.3, 6.0, 2.5));
        }
        return instances.toString();
    }

    private static List<Double> counterValues(List<MetricSnapshot> metrics, String name) {
        return metrics.stream()
                .filter(m -> m.getMetadata().getName().equals(name))
                .flatMap(m -> ((CounterSnapshot) m).getDataPoints().stream())
                .map(CounterSnapshot.CounterDataPointSnapshot::getValue)
                .toList();
    }

    private static List<Long> histogramCounts(List<MetricSnapshot> metrics, String name) {
        return metrics.stream()
                .filter(m -> m.getMetadata().getName().equals(name))
                .flatMap(m -> ((HistogramSnapshot) m).getDataPoints().stream())
                .map(HistogramSnapshot.HistogramDataPointSnapshot::getCount)
                .toList();
    }
}
