package dev.mlobservatory.console.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.ui.ChartPng;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export command without a window: session queries, progress steps, the API's catalogue, a clear failure. */
class ReportModelTest {

    @TempDir
    Path parent;
    private final ScheduledExecutorService executor = AppExecutor.create();
    private final List<String> progress = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void tearDown() {
        AppExecutor.shutdown(executor);
    }

    private static ReportInputs inputs(String apiUrl) {
        return new ReportInputs(null, apiUrl, "test", "Local", new ReportData.Traffic(false, 20, 0, 0, 0, 0, 0,
                Map.of(), null, null, null), List.of(), List.of());
    }

    private ReportModel model(String apiUrl) {
        ReportModel model = new ReportModel(executor, FxThread.direct(),
                new ReportCollector(PrometheusClient.defaultHttp()), () -> inputs(apiUrl));
        model.progressProperty().addListener((o, a, b) -> progress.add(b));
        return model;
    }

    private static List<ReportModel.Shot> shots() {
        return List.of(new ReportModel.Shot(new ReportData.Picture("live.png", "Live tab",
                "Lab deliverable 3: the dashboard with visible metrics"), new ChartPng.Pixels(1, 1, new int[] {-1})));
    }

    @Test
    void onlyTheQueriesRunThisSessionAreTheSessions() {
        ObservableList<String> history = FXCollections.observableArrayList("from_last_week");
        ReportModel model = model(null);
        model.followQueries(history);

        history.add(0, "up");
        history.add(0, "rate(ml_predictions_total[1m])");
        history.add(0, "up");

        assertThat(model.sessionQueries()).containsExactly("up", "rate(ml_predictions_total[1m])");
    }

    @Test
    void withoutPrometheusTheCatalogueComesFromTheApiAndEveryStepIsShown() throws Exception {
        HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] metrics = "# HELP ml_predictions_total Predictions served.\n# TYPE ml_predictions_total counter\n"
                .getBytes(StandardCharsets.UTF_8);
        api.createContext("/metrics", exchange -> {
            exchange.sendResponseHeaders(200, metrics.length);
            exchange.getResponseBody().write(metrics);
            exchange.close();
        });
        api.start();
        try {
            ReportModel model = model("http://127.0.0.1:" + api.getAddress().getPort());
            model.notesProperty().set("Latency, because users wait for it.");
            assertThat(model.begin()).isTrue();
            assertThat(model.begin()).isFalse(); // one export at a time

            Path folder = model.export(parent, shots()).get(30, TimeUnit.SECONDS);

            String html = Files.readString(folder.resolve("index.html"));
            assertThat(html).contains("ml_predictions_total", "Predictions served.", "the API&#39;s",
                    "Latency, because users wait for it.", "No Prometheus was running");
            assertThat(model.runningProperty().get()).isFalse();
            assertThat(model.lastReportProperty().get()).isEqualTo(folder);
            assertThat(progress).containsSubsequence(
                    "Exporting the report: step 1 of 5, taking pictures of the tabs…",
                    "Exporting the report: step 2 of 5, asking Prometheus for targets, metrics and query results…",
                    "Exporting the report: step 3 of 5, writing the pictures…",
                    "Exporting the report: step 4 of 5, writing index.html and report.json…",
                    "Exporting the report: step 5 of 5, finishing…",
                    "Report written: " + folder.resolve("index.html"));
        } finally {
            api.stop(0);
        }
    }

    @Test
    void aFolderThatCannotBeWrittenEndsTheExportWithASentence() throws Exception {
        Path file = Files.writeString(parent.resolve("a-file"), "x");
        ReportModel model = model(null);
        model.begin();

        var result = model.export(file, shots());

        assertThat(result).failsWithin(30, TimeUnit.SECONDS);
        assertThat(model.progressProperty().get())
                .isEqualTo("Could not write the report: " + file + " is not a folder. Pick another folder.");
        assertThat(model.runningProperty().get()).isFalse();
    }
}
