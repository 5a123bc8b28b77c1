package dev.mlobservatory.console.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.stack.Ports;
import dev.mlobservatory.console.testing.LiveStack;
import dev.mlobservatory.console.testing.SerialFx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The receiver against the real Alertmanager (each version found): an alert posted to Alertmanager's API reaches
 * the console as a firing notification after group_wait, and as a resolved one once the alert ends.
 */
class ReceiverAlertmanagerLiveTest {

    private static final MediaType JSON = MediaType.get("application/json");

    static Stream<Tools.Versioned> alertmanagers() {
        return Tools.alertmanagerVersions().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("alertmanagers")
    void anAlertReachesTheConsoleFiringThenResolved(Tools.Versioned alertmanager, @TempDir Path dir)
            throws Exception {
        SerialFx fx = new SerialFx();
        NotificationsModel model = new NotificationsModel(fx);
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(10, TimeUnit.SECONDS).build();
        try (ConsoleReceiver receiver = new ConsoleReceiver(() -> 0, model::receive)) {
            int port = Ports.any();
            Path config = dir.resolve("alertmanager.yml");
            Files.writeString(config, """
                    route:
                      receiver: console
                      group_by: [alertname]
                      group_wait: 1s
                      group_interval: 1s
                      repeat_interval: 1h
                    receivers:
                      - name: console
                        webhook_configs:
                          - url: %s
                            send_resolved: true
                    """.formatted(receiver.localUrl()));
            Process am = new ProcessBuilder(alertmanager.path(), "--config.file=" + config,
                    "--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                    "--cluster.listen-address=")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
            try {
                String base = "http://127.0.0.1:" + port;
                LiveStack.await("Alertmanager ready", 30, () -> ok(http, base + "/-/ready"));
                Instant started = Instant.now().minusSeconds(2);

                post(http, base + "/api/v2/alerts", alert(started, null));
                LiveStack.await("the firing notification", 30, fx.holds(() -> !model.notifications().isEmpty()));
                Notification firing = fx.read(() -> model.notifications().get(0));
                assertThat(firing.status()).isEqualTo(AlertStatus.FIRING);
                assertThat(firing.alertName()).isEqualTo("ReceiverLiveTest");
                assertThat(firing.labelsText()).isEqualTo("severity=warning");
                assertThat(firing.summary()).isEqualTo("posted by the live test");
                assertThat(firing.message().receiver()).isEqualTo("console");
                assertThat(firing.message().alerts().get(0).startsAt()).isEqualTo(started);
                // Posted 2 s after startsAt: it cannot arrive sooner. (Alertmanager counts group_wait from startsAt,
                // so this alert, older than group_wait, is sent at once.)
                assertThat(firing.delay()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
                assertThat(fx.read(() -> model.firingGroupsProperty().get())).isEqualTo(1);

                post(http, base + "/api/v2/alerts", alert(started, Instant.now().minusSeconds(1)));
                LiveStack.await("the resolved notification", 30,
                        fx.holds(() -> model.notifications().get(0).status() == AlertStatus.RESOLVED));
                Notification resolved = fx.read(() -> model.notifications().get(0));
                assertThat(resolved.alertName()).isEqualTo("ReceiverLiveTest");
                assertThat(resolved.message().alerts().get(0).endsAt()).isNotNull();
                assertThat(fx.read(() -> model.firingGroupsProperty().get())).isZero();
            } finally {
                am.destroy();
                if (!am.waitFor(10, TimeUnit.SECONDS)) {
                    am.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /** One alert as Prometheus posts it to Alertmanager's API v2; {@code endsAt} null while it fires. */
    private static String alert(Instant startsAt, Instant endsAt) {
        return """
                [{"labels": {"alertname": "ReceiverLiveTest", "severity": "warning"},
                  "annotations": {"summary": "posted by the live test"},
                  "startsAt": "%s"%s,
                  "generatorURL": "http://127.0.0.1:9090/graph"}]
                """.formatted(startsAt, endsAt == null ? "" : ", \"endsAt\": \"" + endsAt + "\"");
    }

    private static boolean ok(OkHttpClient http, String url) {
        try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
            return r.isSuccessful();
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void post(OkHttpClient http, String url, String json) throws IOException {
        Request request = new Request.Builder().url(url).post(RequestBody.create(json, JSON)).build();
        try (Response r = http.newCall(request).execute()) {
            assertThat(r.code()).as("Alertmanager took the alert: %s", r.body().string()).isEqualTo(200);
        }
    }
}
