package dev.mlobservatory.console.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.prom.QueryResult;
import dev.mlobservatory.console.stack.Ports;
import dev.mlobservatory.console.stack.StackFiles;
import dev.mlobservatory.console.testing.LiveStack;
import dev.mlobservatory.console.testing.SerialFx;
import dev.mlobservatory.console.traffic.ClientSamples;
import dev.mlobservatory.console.traffic.TrafficSnapshot;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without Prometheus the Live tab still draws what the traffic engine measures, and says why the rest is missing. */
class LiveModelWithoutPrometheusTest {

    @TempDir
    Path home;

    private final ClientSamples samples = new ClientSamples();
    private final SimpleObjectProperty<PrometheusClient> prometheus = new SimpleObjectProperty<>();
    private final SerialFx fx = new SerialFx();
    private ScheduledExecutorService executor;
    private LiveModel model;

    @BeforeEach
    void createModel() throws Exception {
        executor = AppExecutor.create();
        model = new LiveModel(executor, fx, prometheus,
                DashboardQueries.read(StackFiles.locate(home).dashboard()), samples);
    }

    @AfterEach
    void stopModel() {
        model.stop();
        AppExecutor.shutdown(executor);
    }

    /** One second of traffic: {@code sent} requests of which {@code errors} failed, with these percentiles. */
    static TrafficSnapshot second(long sent, long errors, double p50, double p95, double p99) {
        return new TrafficSnapshot(0, 1, sent, sent, sent - errors, errors, 0, 0, 0, p50, p95, p99, p99);
    }

    private static double now() {
        return System.currentTimeMillis() / 1000.0;
    }

    @Test
    void noPrometheusShowsAStatusAndTheClientSeries() {
        double now = now();
        for (int i = 30; i >= 1; i--) {
            samples.add(now - i, second(100, 10, 2.0, 5.0, 9.0));
        }

        LiveFrame frame = model.refresh();

        assertThat(model.getStatus()).contains("Prometheus not running")
                .contains("showing what the traffic engine measures");
        assertThat(model.getLevel()).isEqualTo(LiveModel.Level.WARNING);
        assertThat(model.isPrometheusAnswering()).isFalse();
        assertThat(model.getFrame()).isSameAs(frame);
        for (LiveChart chart : LiveChart.values()) {
            assertThat(frame.series(chart, LiveSeries.Source.SERVER)).as(chart.name()).isEmpty();
            assertThat(frame.series(chart, LiveSeries.Source.CLIENT)).as(chart.name()).isNotEmpty();
        }
        assertThat(frame.series(LiveChart.LATENCY)).extracting(LiveSeries::name)
                .containsExactly("client p50", "client p95", "client p99");
        assertThat(frame.find(LiveChart.LATENCY, "client p95").maxFinite()).isEqualTo(5.0);
        assertThat(frame.find(LiveChart.LATENCY, "client p99").size()).isEqualTo(30);
        assertThat(frame.series(LiveChart.REQUEST_RATE).get(0).maxFinite()).isEqualTo(100.0);
        assertThat(frame.series(LiveChart.ERROR_RATE).get(0).maxFinite()).isEqualTo(10.0);
    }

    @Test
    void clientPointsAreKeptForTheWindowOnlyAndSecondsWithoutAnswersAreGaps() {
        double now = now();
        for (int i = 500; i >= 1; i--) { // more than the five-minute window
            samples.add(now - i, i == 3 ? second(0, 0, Double.NaN, Double.NaN, Double.NaN)
                    : second(50, 0, 1.0, 2.0, 3.0));
        }

        LiveFrame first = model.refresh();
        LiveFrame second = model.refresh(); // nothing new: the same points, not twice as many

        for (LiveFrame frame : new LiveFrame[] {first, second}) {
            LiveSeries p95 = frame.find(LiveChart.LATENCY, "client p95");
            assertThat(Arrays.stream(p95.times()).min().orElseThrow()).isGreaterThanOrEqualTo(frame.start());
            assertThat(p95.size()).isBetween(295, 302);
            assertThat(Arrays.stream(p95.values()).filter(Double::isNaN).count()).isEqualTo(1);
            double[] errors = frame.series(LiveChart.ERROR_RATE).get(0).values();
            // Nothing completed in that second: no error rate, rather than a reassuring 0 %.
            assertThat(Arrays.stream(errors).filter(Double::isNaN).count()).isEqualTo(1);
        }
    }

    @Test
    void unreachablePrometheusIsAStatusNotAnException() {
        samples.add(now() - 1, second(10, 0, 1.0, 2.0, 3.0));
        String nobody = "http://127.0.0.1:" + Ports.any();
        prometheus.set(new PrometheusClient(nobody, PrometheusClient.defaultHttp()));

        LiveFrame frame = model.refresh();

        assertThat(model.getStatus()).contains(nobody).contains("not reachable")
                .contains("showing what the traffic engine measures");
        assertThat(model.getLevel()).isEqualTo(LiveModel.Level.WARNING);
        assertThat(frame.series(LiveChart.LATENCY, LiveSeries.Source.SERVER)).isEmpty();
        assertThat(frame.series(LiveChart.LATENCY, LiveSeries.Source.CLIENT)).hasSize(3);
    }

    @Test
    void startPublishesOnTheExecutorAndStopEndsIt() throws Exception {
        samples.add(now() - 1, second(10, 0, 1.0, 2.0, 3.0));

        model.start();
        model.start(); // idempotent: still one poll

        LiveStack.await("a frame published by the poll", 10,
                fx.holds(() -> !model.getFrame().series(LiveChart.LATENCY).isEmpty()));
        assertThat(model.isRunning()).isTrue();
        model.stop();
        assertThat(model.isRunning()).isFalse();
    }

    @Test
    void nanAndMissingStepsFromPrometheusAreGaps() {
        DashboardQueries.Target target = new DashboardQueries.Target("Latency p50/p95/p99", "A", "x",
                "p50 {{model_version}}");
        // 0/0 at t=4, +Inf at t=6, no point at t=10 (no scrape): all three must be gaps, not crashes or spikes.
        QueryResult.Series s = new QueryResult.Series(Map.of("model_version", "v1"),
                new double[] {0, 2, 4, 6, 8, 12}, new double[] {0.001, 0.002, Double.NaN,
                        Double.POSITIVE_INFINITY, 0.003, 0.004});

        LiveSeries series = LiveModel.server(target, s, 1000, 2);

        assertThat(series.name()).isEqualTo("p50 v1");
        assertThat(series.source()).isEqualTo(LiveSeries.Source.SERVER);
        assertThat(series.times()).containsExactly(0, 2, 4, 6, 8, 10, 12);
        assertThat(series.values()).usingComparatorWithPrecision(1e-9)
                .containsExactly(1.0, 2.0, Double.NaN, Double.NaN, 3.0, Double.NaN, 4.0);
        assertThat(series.maxFinite()).isEqualTo(4.0, org.assertj.core.data.Offset.offset(1e-9));
    }
}
