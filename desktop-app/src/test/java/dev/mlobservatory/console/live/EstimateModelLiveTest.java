package dev.mlobservatory.console.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.stack.StackFiles;
import dev.mlobservatory.console.testing.LiveStack;
import dev.mlobservatory.console.testing.SerialFx;
import dev.mlobservatory.console.traffic.ClientSamples;
import dev.mlobservatory.console.traffic.TrafficEngine;
import dev.mlobservatory.console.traffic.TrafficSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "How good is the estimate?" against each real Prometheus scraping a real API every second, while the API's
 * latency fault adds 800 ms + 0…400 ms (as the lab's Slow model does) and the traffic engine times the round trips:
 * on 3.x the native histogram's p95 and p99 are closer to the engine's than the classic buckets', which the lab's
 * 1 s / 2.5 s bounds put about twice too high; on 2.x the line says native histograms need Prometheus 3.
 */
class EstimateModelLiveTest {

    /** The stack scrapes every second: Grafana's $__rate_interval for that is 4 s, and the engine's window too. */
    private static final LiveSettings SETTINGS = LiveSettings.forScrapeInterval(Duration.ofSeconds(1));

    @TempDir
    Path home;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mlobservatory.api.testing.Tools#eachPrometheus")
    void underInjectedLatencyTheNativeEstimateIsTheCloserOneOn3AndOn2TheLineSaysWhy(Tools.Versioned binary)
            throws Exception {
        ScheduledExecutorService executor = AppExecutor.create();
        ClientSamples samples = new ClientSamples();
        try (LiveStack stack = LiveStack.startWithFaults(binary)) {
            // The fault comes before the first request, so every response in every window is a slow one.
            assertThat(stack.api.putJson("/admin/faults", "{\"latency_ms\":800,\"latency_jitter_ms\":400}")
                    .statusCode()).isEqualTo(200);
            EstimateModel model = new EstimateModel(executor, new SerialFx(),
                    new SimpleObjectProperty<PrometheusClient>(stack.client),
                    DashboardQueries.read(StackFiles.locate(home).dashboard()), samples.latencies(), SETTINGS);
            assertThat(model.window()).isEqualTo(Duration.ofSeconds(4));
            try (TrafficEngine engine = new TrafficEngine(stack.apiUrl(), TrafficSettings.defaults().withRate(40), 14,
                    samples.latencies())) {
                engine.start();
                AtomicReference<Estimate> last = new AtomicReference<>();
                if (binary.major() >= 3) {
                    LiveStack.await("p95 and p99 from all three sources", 90, () -> {
                        Estimate e = model.refresh();
                        last.set(e);
                        return e.rows().stream().skip(1).allMatch(r -> Double.isFinite(r.classicMs())
                                && Double.isFinite(r.nativeMs()) && Double.isFinite(r.engineMs()));
                    });
                    Estimate e = last.get();
                    for (Estimate.Row r : e.rows().subList(1, 3)) {
                        assertThat(Math.abs(r.nativeErrorPercent())).as(r + ": native closer than classic")
                                .isLessThan(Math.abs(r.classicErrorPercent()));
                        assertThat(r.engineMs()).as(r + ": the engine measured the fault").isBetween(800.0, 2000.0);
                    }
                    Estimate.Row p95 = e.rows().get(1);
                    assertThat(Estimate.verdict(p95.classicMs(), p95.engineMs())).as(p95.toString())
                            .isEqualTo(Estimate.Verdict.FAR_OFF);
                    assertThat(e.message()).startsWith("Prometheus " + binary.major() + ".");
                } else {
                    LiveStack.await("the classic p95 and the 2.x line", 90, () -> {
                        Estimate e = model.refresh();
                        last.set(e);
                        return Double.isFinite(e.rows().get(1).classicMs());
                    });
                    Estimate e = last.get();
                    assertThat(e.message()).startsWith("Prometheus 2.x (this is " + binary.major() + ".")
                            .contains("does not collect native histograms; Prometheus 3 does");
                    assertThat(e.level()).isEqualTo(LiveModel.Level.WARNING);
                    assertThat(e.rows()).allSatisfy(r -> assertThat(r.nativeMs()).isNaN());
                }
            }
        } finally {
            AppExecutor.shutdown(executor);
        }
    }
}
