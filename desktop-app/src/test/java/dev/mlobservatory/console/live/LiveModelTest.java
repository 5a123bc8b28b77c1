package dev.mlobservatory.console.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.TestApi;
import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.stack.Ports;
import dev.mlobservatory.console.stack.StackFiles;
import dev.mlobservatory.console.testing.LiveStack;
import dev.mlobservatory.console.testing.SerialFx;
import dev.mlobservatory.console.traffic.ClientSamples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The Live tab's server-side series from the real prometheus binary scraping a real API every second. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.mlobservatory.api.testing.Tools#eachPrometheus")
class LiveModelTest {

    /** Each Prometheus found (3.5 LTS and the distribution's 2.x), named in the test's display name. */
    @Parameter
    Tools.Versioned binary;

    @TempDir
    Path home;

    /** The stack scrapes every second: Grafana's $__rate_interval for that is 4 s. */
    private static final LiveSettings SETTINGS = LiveSettings.forScrapeInterval(Duration.ofSeconds(1));

    private static LiveStack stack;
    private static Thread traffic;
    private static final AtomicBoolean trafficOn = new AtomicBoolean(true);
    private static final AtomicInteger sent = new AtomicInteger();

    private final SimpleObjectProperty<PrometheusClient> prometheus = new SimpleObjectProperty<>();
    private final ClientSamples samples = new ClientSamples();
    private final SerialFx fx = new SerialFx();
    private ScheduledExecutorService executor;
    private LiveModel model;

    @BeforeParameterizedClassInvocation
    static void startStackAndTraffic(Tools.Versioned binary) throws Exception {
        trafficOn.set(true); // the previous Prometheus's run turned it off
        sent.set(0);
        stack = LiveStack.start(binary);
        // Predictions at ~40 req/s until the last test is done (not for a fixed time: on a busy machine the later
        // tests may start after it, and their rates would be 0): valid flowers to v1 and v2, one in five invalid.
        traffic = new Thread(() -> {
            for (int i = 0; trafficOn.get(); i++) {
                String version = i % 4 == 3 ? "/v2/predict" : "/v1/predict";
                String body = i % 5 == 4 ? "{\"sepal_length\": \"not a number\"}"
                        : TestApi.flower(5.1 + (i % 10) * 0.1, 3.5, 1.4 + (i % 7) * 0.5, 0.2 + (i % 3) * 0.6);
                stack.api.postJson(version, body);
                sent.incrementAndGet();
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "live-test-traffic");
        traffic.setDaemon(true);
        traffic.start();
    }

    @AfterParameterizedClassInvocation
    static void stopStack() throws InterruptedException {
        trafficOn.set(false);
        if (traffic != null) {
            traffic.join(5000);
        }
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void createModel() throws Exception {
        executor = AppExecutor.create();
        model = new LiveModel(executor, fx, prometheus,
                DashboardQueries.read(StackFiles.locate(home).dashboard()),
                samples, SETTINGS);
    }

    @AfterEach
    void stopModel() {
        model.stop();
        AppExecutor.shutdown(executor);
    }

    private static boolean finite(LiveFrame f, LiveChart chart, String name) {
        LiveSeries s = f.find(chart, name);
        return s != null && s.hasFiniteValue();
    }

    /** Refreshes until the server-side series of v1 are all there (Prometheus needs a few scrapes for rates). */
    private LiveFrame refreshUntilV1IsThere() throws InterruptedException {
        LiveFrame[] last = new LiveFrame[1];
        LiveStack.await("latency, request rate and error rate of v1 from Prometheus", 60, () -> {
            LiveFrame f = model.refresh();
            last[0] = f;
            return finite(f, LiveChart.LATENCY, "p50 v1") && finite(f, LiveChart.LATENCY, "p95 v1")
                    && finite(f, LiveChart.LATENCY, "p99 v1") && f.find(LiveChart.REQUEST_RATE, "v1") != null
                    && f.find(LiveChart.REQUEST_RATE, "v1").maxFinite() > 0
                    && finite(f, LiveChart.ERROR_RATE, "v1");
        });
        return last[0];
    }

    @Test
    void dashboardQueriesGiveLatencyRateAndErrorsPerModelVersion() throws Exception {
        prometheus.set(stack.client);

        LiveFrame f = refreshUntilV1IsThere();

        assertThat(model.getStatus()).contains(stack.client.baseUrl()).contains("rate window 4s");
        assertThat(model.getLevel()).isEqualTo(LiveModel.Level.OK);
        assertThat(model.isPrometheusAnswering()).isTrue();
        // Latency in ms: the estimate is somewhere in the buckets (0.5 ms .. 5 s), not a number of seconds.
        double p99 = f.find(LiveChart.LATENCY, "p99 v1").maxFinite();
        double p50 = f.find(LiveChart.LATENCY, "p50 v1").maxFinite();
        assertThat(p50).isGreaterThan(0.01).isLessThan(5000);
        assertThat(p99).isGreaterThanOrEqualTo(p50).isLessThan(5000);
        // Per model version, named by the dashboard's legend formats.
        assertThat(f.series(LiveChart.REQUEST_RATE, LiveSeries.Source.SERVER)).extracting(LiveSeries::name)
                .contains("v1", "v2");
        assertThat(f.series(LiveChart.LATENCY, LiveSeries.Source.SERVER)).extracting(LiveSeries::name)
                .contains("p50 v1", "p95 v1", "p99 v1", "p50 v2", "p95 v2", "p99 v2");
        // One request in five was invalid: the server saw errors.
        assertThat(f.find(LiveChart.ERROR_RATE, "v1").maxFinite()).isGreaterThan(0).isLessThanOrEqualTo(100);
        // Points are on the step grid and inside the window.
        LiveSeries rate = f.find(LiveChart.REQUEST_RATE, "v1");
        assertThat(rate.times()[0]).isGreaterThanOrEqualTo(f.start());
        assertThat(rate.times()[rate.size() - 1]).isLessThanOrEqualTo(f.end());
        assertThat(rate.times()[rate.size() - 1] % 2).isZero();
        assertThat(sent.get()).isGreaterThan(0);
    }

    @Test
    void aQueryPrometheusRejectsIsShownInItsWordsAndTheOthersStillDraw() throws Exception {
        Path broken = home.resolve("broken-dashboard.json");
        String dashboard = Files.readString(StackFiles.locate(home).dashboard());
        String errorPanelExpr = "\"expr\": \"100 * (sum by (model_version)";
        assertThat(dashboard).containsOnlyOnce(errorPanelExpr);
        Files.writeString(broken, dashboard.replace(errorPanelExpr, "\"expr\": \"100 * (sum by by (model_version)"));
        LiveModel withBrokenQuery = new LiveModel(executor, FxThread.direct(), prometheus,
                DashboardQueries.read(broken), samples, SETTINGS);
        prometheus.set(stack.client);

        LiveStack.await("the request rate of v1", 60,
                () -> withBrokenQuery.refresh().find(LiveChart.REQUEST_RATE, "v1") != null);

        assertThat(withBrokenQuery.getStatus()).startsWith("Prometheus rejected the \"Error rate %\" query A: bad_data:")
                .contains("parse error");
        assertThat(withBrokenQuery.getLevel()).isEqualTo(LiveModel.Level.DANGER);
        assertThat(withBrokenQuery.getFrame().series(LiveChart.ERROR_RATE, LiveSeries.Source.SERVER)).isEmpty();
        assertThat(withBrokenQuery.getFrame().series(LiveChart.LATENCY, LiveSeries.Source.SERVER)).isNotEmpty();
    }

    @Test
    void recoversWhenPrometheusComesBack() throws Exception {
        String nobody = "http://127.0.0.1:" + Ports.any();
        prometheus.set(new PrometheusClient(nobody, PrometheusClient.defaultHttp()));
        model.refresh();
        assertThat(model.getStatus()).contains("not reachable");
        assertThat(model.isPrometheusAnswering()).isFalse();

        prometheus.set(null);
        model.refresh();
        assertThat(model.getStatus()).contains("Prometheus not running");

        prometheus.set(stack.client);
        refreshUntilV1IsThere();
        assertThat(model.isPrometheusAnswering()).isTrue();
        assertThat(model.getStatus()).doesNotContain("not reachable").contains(stack.client.baseUrl());
    }

    @Test
    void theRunningPollFollowsPrometheusAppearing() throws Exception {
        model.start();
        LiveStack.await("the first refresh without Prometheus", 10,
                fx.holds(() -> model.getStatus().contains("Prometheus not running")));

        prometheus.set(stack.client);

        // The poll publishes from the executor: read its frame and flags as one publication, as the FX thread does.
        LiveStack.await("the poll to show Prometheus's series", 60,
                fx.holds(() -> model.getFrame().find(LiveChart.REQUEST_RATE, "v1") != null));
        assertThat(fx.read(model::isPrometheusAnswering)).isTrue();
    }
}
