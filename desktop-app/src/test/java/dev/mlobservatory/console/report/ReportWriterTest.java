package dev.mlobservatory.console.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlobservatory.console.ui.ChartPng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's files from plain data: page and JSON content, escaping, and no partial folder after a failure. */
class ReportWriterTest {

    private static final String EVIL = "<script>alert('x')</script>";
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 29, 14, 3, 12);

    @TempDir
    Path parent;

    static ReportData data(String notes) {
        ReportData.Traffic traffic = new ReportData.Traffic(true, 20, 19.5, 1200, 12, 0, 60,
                Map.of("ok", 1188L, "http_4xx", 0L, "http_5xx", 12L, "network_error", 0L, "dropped", 0L),
                3.2, 8.5, 14.0);
        return new ReportData("2026-11-29T13:03:12Z", notes,
                new ReportData.Versions("17.0.15 (Debian)", "3.5.3", "1.0", "Local"),
                List.of(new ReportData.Picture("targets.png", "Targets tab", "Lab deliverable 1: Prometheus targets, all UP"),
                        new ReportData.Picture("alerts.png", "Alerts tab", "")),
                List.of(new ReportData.Target("api", "127.0.0.1:8080", "up", ""),
                        new ReportData.Target("evil", EVIL, "down", "connection refused")),
                "", traffic,
                List.of(new ReportData.ChaosStep("2026-11-29T13:01:00Z", "Injected on v2: 20% of predictions fail", "v2")),
                List.of(new ReportData.QueryRun("sum by (version) (rate(ml_predictions_total[1m]))",
                        List.of(new ReportData.Row("{version=\"" + EVIL + "\"}", "1.5")), 1,
                        List.of(new ReportData.Line("{version=\"" + EVIL + "\"}", new double[] {1, 2, 3},
                                new double[] {1, Double.NaN, 2})), 15, "")),
                List.of(new ReportData.Metric("ml-api", "ml_predictions_total", "counter", "Predictions served, by " + EVIL)),
                "Prometheus /api/v1/metadata");
    }

    private static Map<String, ChartPng.Pixels> pngs() {
        ChartPng.Pixels px = new ChartPng.Pixels(3, 2, new int[] {-1, -1, -1, 0xff000000, 0xff000000, -1});
        return Map.of("targets.png", px, "alerts.png", px);
    }

    @Test
    void writesAPageTheJsonAndThePicturesIntoANewFolder() throws Exception {
        Path folder = ReportWriter.write(parent, data("I tracked p95 latency because users feel it."), pngs(), NOW,
                what -> { });

        assertThat(folder.getFileName().toString()).isEqualTo("ml-observatory-report-20261129-140312");
        try (Stream<Path> files = Files.list(parent)) {
            assertThat(files).containsExactly(folder); // no .partial left beside it
        }
        assertThat(Files.size(folder.resolve("targets.png"))).isPositive();
        assertThat(Files.readAllBytes(folder.resolve("alerts.png"))).startsWith(0x89, 'P', 'N', 'G');
        String html = Files.readString(folder.resolve("index.html"));
        assertThat(html).contains("Lab deliverable 1: Prometheus targets, all UP", "<img src=\"targets.png\"",
                "I tracked p95 latency because users feel it.", "1 of 2 targets UP at export",
                "Injected on v2: 20% of predictions fail", "ml_predictions_total", "<svg", "3.5.3", "p50 / p95 / p99",
                "What I tracked and why");
        // Offline: nothing fetched from anywhere.
        assertThat(html).doesNotContainPattern("(?i)<link|<script|src=\"https?:|url\\(|@import");
        JsonNode json = new ObjectMapper().readTree(folder.resolve("report.json").toFile());
        assertThat(json.path("versions").path("prometheus").asText()).isEqualTo("3.5.3");
        assertThat(json.path("notes").asText()).startsWith("I tracked p95");
        assertThat(json.path("traffic").path("sent").asLong()).isEqualTo(1200);
        assertThat(json.path("traffic").path("outcomes").path("http_5xx").asLong()).isEqualTo(12);
        assertThat(json.path("queries").get(0).path("rows").get(0).path("value").asText()).isEqualTo("1.5");
        assertThat(json.path("metrics").get(0).path("help").asText()).contains(EVIL);
        assertThat(json.path("pictures").get(0).path("deliverable").asText()).startsWith("Lab deliverable 1");
        assertThat(json.path("chaos").get(0).path("versions").asText()).isEqualTo("v2");
    }

    @Test
    void aLabelValueWithAScriptTagShowsAsText() {
        String html = ReportHtml.render(data("<b>bold?</b> & more"));

        assertThat(html).doesNotContain(EVIL).doesNotContain("<b>bold?</b>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&lt;b&gt;bold?&lt;/b&gt; &amp; more");
        assertThat(html.toLowerCase()).doesNotContain("<script");
    }

    @Test
    void aFailureHalfWayLeavesNoFolderThatLooksComplete() throws IOException {
        assertThatThrownBy(() -> ReportWriter.write(parent, data(""), pngs(), NOW, what -> {
            if (what.startsWith("writing index.html")) {
                throw new IllegalStateException("disk full");
            }
        })).isInstanceOf(ReportException.class).hasMessage("Could not write the report: disk full");

        try (Stream<Path> left = Files.list(parent)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aFolderThatIsAFileIsSaidPlainly() throws IOException {
        Path file = Files.writeString(parent.resolve("notes.txt"), "not a folder");

        assertThatThrownBy(() -> ReportWriter.write(file, data(""), pngs(), NOW, what -> { }))
                .isInstanceOf(ReportException.class)
                .hasMessage("Could not write the report: " + file + " is not a folder. Pick another folder.");
        assertThatThrownBy(() -> ReportWriter.write(parent.resolve("missing"), data(""), pngs(), NOW, what -> { }))
                .hasMessage("Could not write the report: the folder " + parent.resolve("missing")
                        + " does not exist. Pick another folder.");
    }

    @Test
    void twoReportsInOneSecondGetTwoFolders() throws Exception {
        Path first = ReportWriter.write(parent, data(""), pngs(), NOW, what -> { });
        Path second = ReportWriter.write(parent, data(""), pngs(), NOW, what -> { });

        assertThat(second).isNotEqualTo(first);
        assertThat(second.getFileName().toString()).isEqualTo(first.getFileName() + "-2");
    }

    @Test
    void theApiCatalogueComesFromItsHelpAndTypeLines() {
        List<ReportData.Metric> metrics = ReportCollector.parseExposition("""
                # HELP ml_predictions_total Predictions served.
                # TYPE ml_predictions_total counter
                ml_predictions_total{version="v1"} 3
                # HELP a_gauge A gauge with a\\\\backslash
                # TYPE a_gauge gauge
                """);

        assertThat(metrics).containsExactly(new ReportData.Metric("", "a_gauge", "gauge", "A gauge with a\\backslash"),
                new ReportData.Metric("", "ml_predictions_total", "counter", "Predictions served."));
    }
}
