package dev.mlobservatory.stack;

import static dev.mlobservatory.api.TestApi.flower;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlobservatory.api.TestApi;
import dev.mlobservatory.api.testing.Tools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The no-Docker stack for real: the API in-process and the prometheus binary with the repository's
 * configuration and rules. Every dashboard expression must return data (the native-histogram ones only on
 * Prometheus 3), and stopping the API must show as up == 0 and APIDown pending.
 */
class LiveStackTest {

    /** What Grafana would put for $__rate_interval at a 1 s scrape: several scrapes per window. */
    private static final String RATE_INTERVAL = "10s";

    private static final String[] FLOWERS = {
        flower(5.1, 3.5, 1.4, 0.2), flower(6.4, 3.2, 4.5, 1.5), flower(7.7, 3.8, 6.7, 2.2), flower(6.3, 2.8, 5.1, 1.5)};

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mlobservatory.api.testing.Tools#eachPrometheus")
    void dashboardQueriesReturnDataAndStoppingTheApiRaisesApiDown(Tools.Versioned prometheusBinary, @TempDir Path tmp)
            throws Exception {
        Dashboard dashboard = Dashboard.load(Repo.DASHBOARD);
        TestApi api = new TestApi(true);
        // A few real 500s on v2, so the fault panels show an effect and not only their zero fallback.
        assertThat(api.putJson("/admin/faults", "{\"error_ratio\":0.1,\"model_version\":\"v2\"}").statusCode())
                .isEqualTo(200);
        AtomicBoolean sending = new AtomicBoolean(true);
        Thread traffic = new Thread(() -> sendTraffic(api, sending), "test-traffic");
        traffic.setDaemon(true);
        try (LoadgenStandIn loadgen = new LoadgenStandIn();
             PrometheusProcess prometheus = PrometheusProcess.start(prometheusBinary, tmp,
                     "127.0.0.1:" + api.server.port(), loadgen.target())) {
            traffic.start();

            // Every panel's every target returns at least one series once traffic has been scraped; on 2.x, which
            // collects no native histograms, the native quantiles answer with nothing (and no error).
            List<String> empty = new ArrayList<>();
            List<String> nativeOn2 = new ArrayList<>();
            for (Dashboard.Query q : dashboard.queries()) {
                String promql = q.substituted(RATE_INTERVAL);
                if (q.isNative() && prometheusBinary.major() < 3) {
                    if (prometheus.query(promql).path("result").size() > 0) {
                        nativeOn2.add(q.panel() + " / " + q.refId());
                    }
                } else if (!await(() -> prometheus.query(promql).path("result").size() > 0, 30)) {
                    empty.add(q.panel() + " / " + q.refId() + ": " + promql);
                }
            }
            assertThat(empty).as("dashboard expressions without data").isEmpty();
            assertThat(nativeOn2).as("native quantiles answered by Prometheus 2.x").isEmpty();
            assertThat(value(prometheus.query("up{job=\"ml-api\"}"))).isEqualTo(1.0);
            assertThat(value(prometheus.query("up{job=\"prometheus\"}"))).isEqualTo(1.0);

            // The API goes away: the next scrape fails and APIDown becomes pending (for: 1m keeps it from firing yet).
            sending.set(false);
            traffic.join(5_000);
            api.close();
            assertThat(await(() -> value(prometheus.query("up{job=\"ml-api\"}")) == 0.0, 15))
                    .as("up reads 0 after the API stopped").isTrue();
            assertThat(await(() -> prometheus.query("ALERTS{alertname=\"APIDown\",alertstate=~\"pending|firing\"}")
                    .path("result").size() == 1, 15))
                    .as("APIDown pending after the API stopped\n" + prometheus.logTail()).isTrue();
        } finally {
            sending.set(false);
            api.close();
        }
    }

    /** Good traffic to both versions and every class, and one rejected request in ten. */
    private static void sendTraffic(TestApi api, AtomicBoolean sending) {
        int i = 0;
        while (sending.get()) {
            try {
                String version = i % 3 == 0 ? "v2" : "v1";
                String body = i % 10 == 9 ? "{\"sepal_length\":-1}" : FLOWERS[i % FLOWERS.length];
                api.postJson("/" + version + "/predict", body);
                i++;
                TimeUnit.MILLISECONDS.sleep(10);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException stoppedMidRequest) {
                return;
            }
        }
    }

    private static double value(JsonNode data) {
        JsonNode result = data.path("result");
        assertThat(result.size()).as("one series in " + data).isEqualTo(1);
        return result.get(0).path("value").get(1).asDouble();
    }

    interface Check {
        boolean holds() throws Exception;
    }

    static boolean await(Check check, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!check.holds()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(250); // the poll interval: Prometheus scrapes and evaluates every second
        }
        return true;
    }
}
