package dev.mlobservatory.console.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.prom.PrometheusAbsence;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.stack.Ports;
import dev.mlobservatory.console.stack.StackFiles;
import dev.mlobservatory.console.testing.SerialFx;
import dev.mlobservatory.console.traffic.LatencyWindow;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The estimate model against a stand-in Prometheus that answers the dashboard's estimate queries with set values,
 * and a latency window with set latencies at a fixed clock: each state the view can be in, from one refresh.
 */
class EstimateModelTest {

    /** A whole second: the model's clock, and when the engine's responses arrived. */
    private static final long NOW = 1_700_000_000_000L;

    @TempDir
    Path home;

    private HttpServer server;
    private volatile String version = "3.5.3";
    /** The answer per quantile ("0.95") and histogram ("classic", "native"), in seconds; absent: no series. */
    private final Map<String, String> values = new ConcurrentHashMap<>();
    private volatile String error;
    private final List<String> asked = new CopyOnWriteArrayList<>();

    private final LatencyWindow engine = new LatencyWindow();
    private final SimpleObjectProperty<PrometheusClient> prometheus = new SimpleObjectProperty<>();
    private final SerialFx fx = new SerialFx();
    private ScheduledExecutorService executor;
    private EstimateModel model;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/status/buildinfo", ex ->
                answer(ex, 200, "{\"status\":\"success\",\"data\":{\"version\":\"" + version + "\"}}"));
        server.createContext("/api/v1/query", this::query);
        server.start();
        executor = AppExecutor.create();
        model = new EstimateModel(executor, fx, prometheus, DashboardQueries.read(StackFiles.locate(home).dashboard()),
                engine, LiveSettings.defaults(), () -> NOW);
    }

    @AfterEach
    void stop() {
        model.stop();
        AppExecutor.shutdown(executor);
        server.stop(0);
    }

    private void query(HttpExchange ex) throws IOException {
        String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String promql = URLDecoder.decode(form.substring(form.indexOf("query=") + 6).split("&")[0],
                StandardCharsets.UTF_8);
        asked.add(promql);
        if (error != null) {
            answer(ex, 400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"" + error + "\"}");
            return;
        }
        String q = promql.substring("histogram_quantile(".length(), promql.indexOf(','));
        String value = values.get(q + (promql.contains("_bucket") ? " classic" : " native"));
        String result = value == null ? "" : "{\"metric\":{},\"value\":[1700000000,\"" + value + "\"]}";
        answer(ex, 200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[" + result + "]}}");
    }

    private static void answer(HttpExchange ex, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(code, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private void connect() {
        prometheus.set(new PrometheusClient("http://127.0.0.1:" + server.getAddress().getPort(),
                PrometheusClient.defaultHttp()));
    }

    /** 800 ms + 0…400 ms over the last 20 s, as the Slow model gives: p50 ≈ 1000, p95 ≈ 1180, p99 ≈ 1196 ms. */
    private void slowTraffic() {
        for (int second = 0; second < 20; second++) {
            for (int i = 0; i < 400; i += 20) {
                engine.record(NOW - second * 1000L, (800 + i + second) * 1_000_000L);
            }
        }
    }

    private void prometheusSays(String histogram, double p50, double p95, double p99) {
        values.put("0.5 " + histogram, Double.toString(p50));
        values.put("0.95 " + histogram, Double.toString(p95));
        values.put("0.99 " + histogram, Double.toString(p99));
    }

    @Test
    void withoutPrometheusTheEngineColumnComesAndTheLineSaysWhy() {
        slowTraffic();

        Estimate e = model.refresh();

        assertThat(e.level()).isEqualTo(LiveModel.Level.WARNING);
        assertThat(e.message()).isEqualTo("Prometheus is not running: press ▶ Start stack (top left) to compare its "
                + "estimates with what the traffic engine measures.");
        assertThat(e.rows().get(1).engineMs()).isCloseTo(1180, withinPercentage(2));
        assertThat(e.rows().get(1).classicMs()).isNaN();
        assertThat(fx.read(() -> model.getEstimate())).isSameAs(e);

        model.explainAbsence(new SimpleObjectProperty<>(PrometheusAbsence.NOT_INSTALLED));
        assertThat(model.refresh().message()).startsWith("This stack runs without Prometheus");
    }

    @Test
    void onPrometheus3TheTableComparesClassicAndNativeWithTheEngine() {
        slowTraffic();
        prometheusSays("classic", 1.0, 2.346, 2.469);
        prometheusSays("native", 1.003, 1.182, 1.205);
        connect();

        Estimate e = model.refresh();

        assertThat(e.message()).startsWith("Prometheus 3.5.3 · over the last 20 s · 400 responses timed · updated ");
        Estimate.Row p95 = e.rows().get(1);
        assertThat(p95.classicMs()).isCloseTo(2346, withinPercentage(0.01));
        assertThat(p95.nativeMs()).isCloseTo(1182, withinPercentage(0.01));
        assertThat(p95.classicErrorPercent()).isCloseTo(99, withinPercentage(3));
        assertThat(Math.abs(p95.nativeErrorPercent())).isLessThan(2);
        assertThat(Estimate.verdict(p95.classicMs(), p95.engineMs())).isEqualTo(Estimate.Verdict.FAR_OFF);
        assertThat(Estimate.verdict(p95.nativeMs(), p95.engineMs())).isEqualTo(Estimate.Verdict.CLOSE);
        // The dashboard's queries, over the console's rate window, and nothing else but the version.
        assertThat(asked).hasSize(6).allSatisfy(q -> assertThat(q).contains("[20s]"));
    }

    @Test
    void onPrometheus2TheNativeColumnIsEmptyAndTheLineSaysWhy() {
        version = "2.42.0";
        slowTraffic();
        prometheusSays("classic", 1.0, 2.346, 2.469);
        connect();

        Estimate e = model.refresh();

        assertThat(e.level()).isEqualTo(LiveModel.Level.WARNING);
        assertThat(e.message()).startsWith("Prometheus 2.x (this is 2.42.0) does not collect native histograms; "
                + "Prometheus 3 does");
        assertThat(e.rows()).allSatisfy(r -> assertThat(r.nativeMs()).isNaN());
        assertThat(e.rows().get(1).classicMs()).isCloseTo(2346, withinPercentage(0.01));
        assertThat(asked).as("no native query asked of 2.x").hasSize(3).allSatisfy(q -> assertThat(q).contains("_bucket"));
    }

    @Test
    void prometheus3BeforeItsFirstScrapesOfTheTrafficSaysNoNativeDataYet() {
        slowTraffic();
        connect();

        assertThat(model.refresh().message()).startsWith("No native data yet — send traffic");
    }

    @Test
    void prometheus3WithClassicBucketsButNoNativeHistogramSaysTheApiServesNone() {
        // What an API built before native histograms gives (seen when a stale api-server jar was packaged).
        slowTraffic();
        prometheusSays("classic", 1.0, 2.346, 2.469);
        connect();

        Estimate e = model.refresh();

        assertThat(e.level()).isEqualTo(LiveModel.Level.WARNING);
        assertThat(e.message()).startsWith("Prometheus has the classic buckets but no native histogram: the API does "
                + "not serve one");
    }

    @Test
    void openingTheViewStartsTheRefreshesAtOnce() throws Exception {
        slowTraffic();
        prometheusSays("classic", 1.0, 2.346, 2.469);
        prometheusSays("native", 1.003, 1.182, 1.205);
        connect();
        model.start();
        assertThat(fx.read(() -> model.getEstimate().message())).isEqualTo("Waiting for the first figures…");

        fx.run(() -> model.openProperty().set(true));

        dev.mlobservatory.console.testing.LiveStack.await("an estimate from Prometheus", 10,
                fx.holds(() -> model.getEstimate().message().startsWith("Prometheus 3.5.3 · ")));
        assertThat(fx.read(() -> model.getEstimate().rows().get(1).nativeMs())).isCloseTo(1182, withinPercentage(0.01));
    }

    @Test
    void noTrafficAnywhereSaysSo() {
        connect();

        Estimate e = model.refresh();

        assertThat(e.message()).startsWith("No requests in the last 20 s: start traffic (Ctrl+T)");
        assertThat(e.rows()).allSatisfy(r -> assertThat(r.engineMs()).isNaN());
    }

    @Test
    void aRejectedQueryShowsPrometheussOwnWords() {
        slowTraffic();
        error = "parse error: unexpected character";
        connect();

        Estimate e = model.refresh();

        assertThat(e.level()).isEqualTo(LiveModel.Level.DANGER);
        assertThat(e.message()).contains("rejected an estimate query (bad_data): parse error: unexpected character");
        assertThat(e.rows().get(1).engineMs()).as("the measurement still shows").isCloseTo(1180, withinPercentage(2));
    }

    @Test
    void anUnreachablePrometheusIsAStateNotAStackTrace() {
        slowTraffic();
        prometheus.set(new PrometheusClient("http://127.0.0.1:" + Ports.any(), PrometheusClient.defaultHttp()));

        Estimate e = model.refresh();

        assertThat(e.level()).isEqualTo(LiveModel.Level.WARNING);
        assertThat(e.message()).contains("is not reachable").endsWith("showing what the traffic engine measures.");
    }
}
