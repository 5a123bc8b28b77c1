package dev.mlobservatory.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlobservatory.api.testing.Tools;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real prometheus binary on 127.0.0.1 and a free port, with a temporary data directory,
 * configured from the repository's no-Docker configuration with its targets and intervals filled in.
 */
final class PrometheusProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** prometheus-local.yml's 3.x-only line, which 2.x rejects. */
    static final String CLASSIC_TOO = "    always_scrape_classic_histograms: true\n";

    private final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();
    final String baseUrl;

    private PrometheusProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /**
     * Fills prometheus-local.yml: the API and Prometheus targets, the rules' absolute path, every interval, no
     * alerting section; and, as
     * the console's PrometheusConfig does, adapts it to the version: the 3.x-only line dropped for 2.x, the
     * {@code scrape_native_histograms} setting added from 3.8.
     */
    static String localConfig(String apiTarget, String selfTarget, String interval, Tools.Versioned version)
            throws IOException {
        String filled = Files.readString(Repo.PROMETHEUS_LOCAL)
                .replace("'127.0.0.1:8080'", "'" + apiTarget + "'")
                .replace("'127.0.0.1:9090'", "'" + selfTarget + "'")
                .replace("../../rules/", Repo.ROOT.resolve("rules") + "/")
                .replaceAll("(scrape_interval|evaluation_interval|scrape_timeout): \\S+", "$1: " + interval);
        // No Alertmanager here: the alerting section goes, as the console drops it, so a test's alerts never
        // reach whatever happens to listen on 127.0.0.1:9093.
        int alerting = filled.indexOf("# The console's Alertmanager");
        filled = filled.substring(0, alerting) + filled.substring(filled.indexOf("\nscrape_configs:", alerting) + 1);
        if (version.major() < 3) {
            return filled.replace(CLASSIC_TOO, "");
        }
        return version.atLeast(3, 8) ? filled.replace(CLASSIC_TOO, CLASSIC_TOO + "    scrape_native_histograms: true\n")
                : filled;
    }

    /** Command-line flags beside the configuration: native histograms are a feature flag on 3.0 to 3.7. */
    static List<String> flags(Tools.Versioned version) {
        return version.major() >= 3 && !version.atLeast(3, 8) ? List.of("--enable-feature=native-histograms")
                : List.of();
    }

    static PrometheusProcess start(Tools.Versioned binary, Path dir, String apiTarget) throws Exception {
        return start(binary, dir, apiTarget, null);
    }

    /** @param loadgenTarget where job loadgen scrapes, null to leave the template's (nothing listens there) */
    static PrometheusProcess start(Tools.Versioned binary, Path dir, String apiTarget, String loadgenTarget)
            throws Exception {
        int port = freePort();
        Path config = dir.resolve("prometheus.yml");
        String filled = localConfig(apiTarget, "127.0.0.1:" + port, "1s", binary);
        if (loadgenTarget != null) {
            filled = filled.replace("'127.0.0.1:9465'", "'" + loadgenTarget + "'");
        }
        Files.writeString(config, filled);
        Path log = dir.resolve("prometheus.log");
        List<String> command = new ArrayList<>(List.of(binary.path(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--web.enable-lifecycle"));
        command.addAll(flags(binary));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusProcess prometheus = new PrometheusProcess(process, log, port);
        try {
            prometheus.awaitReady();
        } catch (Exception | AssertionError e) {
            // Not ready (or the port was taken meanwhile): stop it, or it outlives the test and keeps writing into
            // the @TempDir that JUnit is about to delete.
            prometheus.close();
            throw e;
        }
        return prometheus;
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/-/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("prometheus not ready within 30 s:\n" + logTail());
    }

    /** The {@code data} of an instant query; fails on an error answer. */
    JsonNode query(String promql) throws Exception {
        String url = baseUrl + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(r.body());
        if (!"success".equals(body.path("status").asText())) {
            throw new AssertionError("query failed: " + promql + " -> " + r.body());
        }
        return body.path("data");
    }

    String logTail() {
        try {
            String text = Files.readString(log);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            // No waiting when interrupted, but the process must not outlive the test either way.
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
