package dev.mlobservatory.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlobservatory.api.testing.Tools;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * stack/alertmanager/alertmanager.yml, checked by Alertmanager's own tool and binary (0.33.1, the version compose
 * pins): valid, every alert of the rules routed to the console, and warnings muted while APIDown fires.
 */
class AlertmanagerConfigTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void amtoolAcceptsTheConfiguration() throws Exception {
        Cmd result = Cmd.run(Repo.ROOT, List.of(Tools.require("amtool"), "check-config", Repo.ALERTMANAGER.toString()));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS", "1 inhibit rules", "1 receivers");
    }

    /** The lab's alerts, by name and severity as the rules label them, all reach the console's receiver. */
    @ParameterizedTest
    @ValueSource(strings = {"alertname=APIDown severity=critical", "alertname=HighErrorRate severity=warning",
            "alertname=PredictionDrift severity=warning model_version=v2"})
    void everyAlertIsRoutedToTheConsole(String labels) throws Exception {
        List<String> command = new ArrayList<>(List.of(Tools.require("amtool"), "config", "routes", "test",
                "--config.file=" + Repo.ALERTMANAGER, "--verify.receivers=console"));
        command.addAll(List.of(labels.split(" ")));
        Cmd result = Cmd.run(Repo.ROOT, command);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("console");
    }

    /**
     * The real Alertmanager, given APIDown and two warnings through its API v2 as Prometheus would send them: the
     * warning of the same stack is suppressed, inhibited by APIDown; a warning of another stack is not.
     */
    @Test
    void whileApiDownFiresWarningsOfTheSameStackAreInhibited(@TempDir Path dir) throws Exception {
        Tools.Versioned binary = Tools.alertmanager();
        int port = PrometheusProcess.freePort();
        Path config = dir.resolve("alertmanager.yml");
        // Nothing listens on port 9 (discard): the notifications fail, which this test does not look at.
        Files.writeString(config, Files.readString(Repo.ALERTMANAGER)
                .replace("http://host.docker.internal:9466/webhook", "http://127.0.0.1:9/webhook"));
        Process am = new ProcessBuilder(binary.path(), "--config.file=" + config, "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")
                .redirectErrorStream(true).redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
        String base = "http://127.0.0.1:" + port;
        try {
            await(() -> get(base + "/-/ready") != null, "Alertmanager ready", dir);
            String now = Instant.now().toString();
            post(base + "/api/v2/alerts", """
                    [{"labels": {"alertname": "APIDown", "severity": "critical", "stack": "ml-observatory",
                                 "job": "ml-api", "instance": "api:8080"}, "startsAt": "%1$s"},
                     {"labels": {"alertname": "HighErrorRate", "severity": "warning", "stack": "ml-observatory"},
                      "startsAt": "%1$s"},
                     {"labels": {"alertname": "HighLatency", "severity": "warning", "stack": "another-class"},
                      "startsAt": "%1$s"}]""".formatted(now));

            await(() -> alert(base, "HighErrorRate") != null
                    && alert(base, "HighErrorRate").at("/status/inhibitedBy").size() > 0, "HighErrorRate inhibited", dir);

            JsonNode apiDown = alert(base, "APIDown");
            JsonNode warning = alert(base, "HighErrorRate");
            assertThat(warning.at("/status/state").asText()).isEqualTo("suppressed");
            assertThat(warning.at("/status/inhibitedBy/0").asText()).isEqualTo(apiDown.path("fingerprint").asText());
            JsonNode otherStack = alert(base, "HighLatency");
            assertThat(otherStack.at("/status/state").asText()).isEqualTo("active");
            assertThat(otherStack.at("/status/inhibitedBy")).isEmpty();
            assertThat(apiDown.at("/status/state").asText()).isEqualTo("active");
        } finally {
            am.destroy();
            if (!am.waitFor(10, TimeUnit.SECONDS)) {
                am.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** The alert named {@code name} as {@code /api/v2/alerts} lists it (inhibited ones included), or null. */
    private JsonNode alert(String base, String name) throws IOException, InterruptedException {
        String body = get(base + "/api/v2/alerts?inhibited=true&silenced=true&active=true");
        if (body == null) {
            return null;
        }
        for (JsonNode a : JSON.readTree(body)) {
            if (name.equals(a.at("/labels/alertname").asText())) {
                return a;
            }
        }
        return null;
    }

    private String get(String url) throws InterruptedException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException notYet) {
            return null;
        }
    }

    private void post(String url, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls {@code condition} until it holds, for at most 30 s; the failure quotes Alertmanager's log. */
    private static void await(Condition condition, String what, Path dir) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError(what + " within 30 s; Alertmanager's log:\n"
                + Files.readString(dir.resolve("alertmanager.log")));
    }
}
