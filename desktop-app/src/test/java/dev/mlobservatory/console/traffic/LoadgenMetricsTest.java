package dev.mlobservatory.console.traffic;

import static dev.mlobservatory.console.traffic.TrafficEngineTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.TestApi;
import dev.mlobservatory.api.testing.Tools;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** loadgen_* counts exactly what the engine counts, in the five outcomes, and passes Prometheus's linter. */
class LoadgenMetricsTest {

    @Test
    void allFiveOutcomesExistAtZeroAndNothingElse() {
        LoadgenMetrics metrics = new LoadgenMetrics();

        assertThat(outcomes(metrics)).containsOnly(
                Map.entry("ok", 0L), Map.entry("http_4xx", 0L), Map.entry("http_5xx", 0L),
                Map.entry("network_error", 0L), Map.entry("dropped", 0L));
        assertThat(gauge(metrics, "loadgen_in_flight")).isZero();
        assertThat(gauge(metrics, "loadgen_target_rate")).isZero();
    }

    @Test
    void statusCodesMapToBoundedOutcomes() {
        LoadgenMetrics metrics = new LoadgenMetrics();
        TrafficStats stats = new TrafficStats(metrics);
        for (int status : new int[] {200, 201, 204, 301, 400, 404, 418, 429, 500, 502, 503, 599}) {
            stats.response(status, 1_000_000);
        }
        stats.transportError();
        stats.dropped();
        stats.dropped();

        assertThat(outcomes(metrics)).containsOnly(
                Map.entry("ok", 3L), Map.entry("http_4xx", 5L), Map.entry("http_5xx", 4L),
                Map.entry("network_error", 1L), Map.entry("dropped", 2L));
        // Answered requests are timed; a request with no answer and a dropped arrival are not.
        assertThat(histogram(metrics).getCount()).isEqualTo(12);
        assertThat(histogram(metrics).getSum()).isEqualTo(0.012, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void aRunAgainstTheApiCountsWhatTheEngineCounts() throws Exception {
        LoadgenMetrics metrics = new LoadgenMetrics();
        try (TestApi api = new TestApi()) {
            TrafficSnapshot total = run(api.server.baseUrl(), metrics,
                    TrafficSettings.defaults().withRate(300).withErrorRatio(0.2));

            assertThat(total.ok()).isPositive();
            assertThat(total.clientErrors()).isPositive();
            assertThat(outcomes(metrics)).containsOnly(
                    Map.entry("ok", total.ok()), Map.entry("http_4xx", total.clientErrors()),
                    Map.entry("http_5xx", total.serverErrors()), Map.entry("network_error", total.transportErrors()),
                    Map.entry("dropped", total.dropped()));
            assertThat(histogram(metrics).getCount()).isEqualTo(total.ok() + total.clientErrors() + total.serverErrors());
            assertThat(gauge(metrics, "loadgen_in_flight")).isZero();
            assertThat(gauge(metrics, "loadgen_target_rate")).as("0 once stopped").isZero();
        }
    }

    @Test
    void networkErrorsAndDropsAreCountedAlike() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        LoadgenMetrics metrics = new LoadgenMetrics();
        TrafficSnapshot refused = run("http://127.0.0.1:" + closed, metrics, TrafficSettings.defaults().withRate(50));
        assertThat(refused.transportErrors()).isPositive();
        assertThat(outcomes(metrics).get("network_error")).isEqualTo(refused.transportErrors());

        try (SlowServer slow = new SlowServer(300)) {
            LoadgenMetrics capped = new LoadgenMetrics();
            TrafficSnapshot total = run(slow.url(), capped,
                    TrafficSettings.defaults().withRate(100).withMaxInFlight(2));
            assertThat(total.dropped()).isPositive();
            assertThat(outcomes(capped).get("dropped")).isEqualTo(total.dropped());
            assertThat(outcomes(capped).get("ok")).isEqualTo(total.ok());
        }
    }

    @Test
    void theTargetRateFollowsTheRunningEngine() throws Exception {
        LoadgenMetrics metrics = new LoadgenMetrics();
        try (TestApi api = new TestApi()) {
            // Not try-with-resources: it is closed inside, while the next engine runs.
            TrafficEngine engine = new TrafficEngine(api.server.baseUrl(), TrafficSettings.defaults().withRate(40), 1,
                    null, metrics);
            engine.start();
            await("target 40", () -> gauge(metrics, "loadgen_target_rate") == 40);
            engine.update(s -> s.withRate(70));
            await("target 70", () -> gauge(metrics, "loadgen_target_rate") == 70);
            // A second engine on the same metrics (the console's next run) keeps its rate when the first one stops.
            try (TrafficEngine next = new TrafficEngine(api.server.baseUrl(), TrafficSettings.defaults().withRate(5),
                    2, null, metrics)) {
                next.start();
                await("target 5", () -> gauge(metrics, "loadgen_target_rate") == 5);
                engine.close();
                assertThat(gauge(metrics, "loadgen_target_rate")).isEqualTo(5);
            } finally {
                engine.close();
            }
            assertThat(gauge(metrics, "loadgen_target_rate")).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mlobservatory.api.testing.Tools#eachPromtool")
    void promtoolCheckMetricsIsSilent(Tools.Versioned promtool) throws Exception {
        LoadgenMetrics metrics = new LoadgenMetrics();
        TrafficStats stats = new TrafficStats(metrics);
        stats.response(200, 2_000_000);
        stats.response(400, 800_000);
        stats.dropped();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        ExpositionFormats.init().getPrometheusTextFormatWriter().write(text, metrics.registry().scrape());

        Process p = new ProcessBuilder(promtool.path(), "check", "metrics").redirectErrorStream(true).start();
        p.getOutputStream().write(text.toByteArray());
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(output).as("promtool check metrics on\n" + text).isEmpty();
        assertThat(p.exitValue()).isZero();
    }

    /** Runs until two seconds are counted, pauses, lets answers land, stops: the engine's total. */
    private static TrafficSnapshot run(String url, LoadgenMetrics metrics, TrafficSettings settings) throws Exception {
        TrafficEngine engine = new TrafficEngine(url, settings, 42, null, metrics);
        try {
            engine.start();
            TrafficEngineTest.awaitSeconds(engine, 2);
            engine.update(s -> s.withRate(0));
            await("the requests in flight answered", () -> engine.inFlight() == 0);
        } finally {
            engine.close();
        }
        return engine.summary();
    }

    static Map<String, Long> outcomes(LoadgenMetrics metrics) {
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        for (CounterSnapshot.CounterDataPointSnapshot d : ((CounterSnapshot) metric(metrics, "loadgen_requests"))
                .getDataPoints()) {
            byOutcome.put(d.getLabels().get("outcome"), (long) d.getValue());
        }
        return byOutcome;
    }

    static double gauge(LoadgenMetrics metrics, String name) {
        return ((GaugeSnapshot) metric(metrics, name)).getDataPoints().get(0).getValue();
    }

    static HistogramSnapshot.HistogramDataPointSnapshot histogram(LoadgenMetrics metrics) {
        return ((HistogramSnapshot) metric(metrics, "loadgen_request_duration_seconds")).getDataPoints().get(0);
    }

    private static MetricSnapshot metric(LoadgenMetrics metrics, String name) {
        return metrics.registry().scrape().stream().filter(m -> m.getMetadata().getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no metric " + name));
    }
}
