package dev.mlobservatory.console.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.TestApi;
import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.testing.LiveStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The report's data from a real Prometheus scraping a real API: the targets deliverable shows every target UP, the
 * catalogue has the API's metrics with their help text, and a session query has its table and chart.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.mlobservatory.api.testing.Tools#eachPrometheus")
class ReportLiveTest {

    @Parameter
    Tools.Versioned binary;

    @TempDir
    Path out;

    /**
     * The API's prediction counter: Prometheus 3 names it {@code ml_predictions_total} in its metadata, 2.x by the
     * OpenMetrics family name {@code ml_predictions}.
     */
    private static final String PREDICTIONS = "ml_predictions";

    @Test
    void theReportHasTheTargetsUpTheCatalogueAndTheQueries() throws Exception {
        try (LiveStack stack = LiveStack.start(binary)) {
            for (int i = 0; i < 5; i++) {
                stack.api.postJson("/v1/predict", TestApi.flower(5.1, 3.5, 1.4, 0.2));
            }
            stack.awaitSeries("the API's predictions scraped", "ml_predictions_total", 30);
            ReportCollector collector = new ReportCollector(PrometheusClient.defaultHttp());
            ReportInputs in = new ReportInputs(stack.client, stack.apiUrl(), "test", "Local",
                    new ReportData.Traffic(false, 20, 0, 0, 0, 0, 0, Map.of(), null, null, null), List.of(),
                    List.of("sum by (model_version) (ml_predictions_total)", "this is not promql"));
            AtomicReference<ReportData> data = new AtomicReference<>();
            // Metadata arrives with the scrape that follows the first samples: wait for the API's help texts.
            try {
                LiveStack.await("the catalogue and every target UP", 30, () -> {
                ReportData d = collector.collect(in, "", List.of(), Instant.now());
                data.set(d);
                return !d.targets().isEmpty() && d.targets().stream().allMatch(t -> t.health().equals("up"))
                        && d.metrics().stream().anyMatch(m -> m.name().startsWith(PREDICTIONS));
                });
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; last seen: targets " + data.get().targets() + ", "
                        + data.get().metrics().size() + " metrics from " + data.get().metricsSource(), e);
            }
            ReportData d = data.get();

            assertThat(d.versions().prometheus()).isEqualTo(binary.version());
            assertThat(d.targets()).extracting(ReportData.Target::job).contains("ml-api");
            ReportData.Metric predictions = d.metrics().stream()
                    .filter(m -> m.name().startsWith(PREDICTIONS)).findFirst().orElseThrow();
            assertThat(predictions.type()).isEqualTo("counter");
            assertThat(predictions.job()).isEqualTo("ml-api");
            assertThat(predictions.help()).isNotBlank();
            ReportData.QueryRun sum = d.queries().get(0);
            assertThat(sum.error()).isEmpty();
            assertThat(sum.rows()).extracting(ReportData.Row::series).contains("{model_version=\"v1\"}");
            assertThat(sum.lines()).isNotEmpty();
            assertThat(d.queries().get(1).error()).isNotBlank();

            Path folder = ReportWriter.write(out, d, Map.of(), LocalDateTime.now(), what -> { });
            String html = Files.readString(folder.resolve("index.html"));
            assertThat(html).contains(d.targets().size() + " of " + d.targets().size() + " targets UP at export",
                    "ml_predictions_total", ReportHtml.escape(predictions.help()), "<svg");
        }
    }
}
