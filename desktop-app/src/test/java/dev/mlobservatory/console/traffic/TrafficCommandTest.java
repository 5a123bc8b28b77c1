package dev.mlobservatory.console.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.TestApi;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrafficCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = dev.mlobservatory.console.LauncherAccess.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void aShortRunPrintsOneLinePerSecondAndASummary() {
        try (TestApi api = new TestApi()) {
            int code = run("traffic", "--url", api.server.baseUrl(), "--rate", "100", "--duration", "2500ms",
                    "--error-ratio", "0.1", "--mix", "v1=0.5,v2=0.5", "--drift", "0.3", "--seed", "1");

            assertThat(code).as(err.toString()).isZero();
            String text = out.toString();
            assertThat(text).contains("t(s)", "achieved", "p99 ms", "summary:", "engine CPU");
            assertThat(text.lines().filter(l -> l.matches("\\s+[12]\\s+100\\.0\\s.*"))).hasSize(2);
            // The last half second has its own row.
            assertThat(text.lines().filter(l -> l.matches("\\s+2\\.5\\s.*"))).hasSize(1);
            assertThat(text).containsPattern("summary: 2\\.\\d s, 2\\d\\d sent");
        }
    }

    /**
     * A row per whole second, the last one included, and each row's target is the rate asked for during that second:
     * the burst from 2 s on is not in row 2 (the second before it) but fills row 4.
     */
    @Test
    void everyWholeSecondHasARowWithTheTargetOfThatSecond() {
        try (TestApi api = new TestApi()) {
            int code = run("traffic", "--url", api.server.baseUrl(), "--rate", "20", "--duration", "4s",
                    "--burst-at", "2s", "--burst-x", "3", "--burst-for", "3s", "--seed", "1");

            assertThat(code).as(err.toString()).isZero();
            java.util.List<String[]> rows = out.toString().lines()
                    .filter(l -> l.matches("\\s+\\d+(\\.\\d)?\\s+\\d+\\.\\d\\s.*"))
                    .map(l -> l.trim().split("\\s+")).toList();
            assertThat(rows).extracting(r -> r[0]).containsExactly("1", "2", "3", "4");
            assertThat(rows.get(0)[1]).isEqualTo("20.0");
            // The CLI starts the burst by the wall clock, a moment before the engine's second 2 ends at worst.
            assertThat(Double.parseDouble(rows.get(1)[1])).isLessThan(40.0);
            assertThat(rows.get(3)[1]).isEqualTo("60.0");
        }
    }

    /**
     * One run with metrics, JSON and CSV: the CLI waits after the run for one scrape (--metrics-linger), which this
     * test makes once the run has ended, so every count compared is final.
     */
    @Test
    void metricsJsonCsvAndThePrintedSummaryAgree(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("summary.json");
        Path csv = dir.resolve("rows.csv");
        try (TestApi api = new TestApi()) {
            CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> run("traffic", "--url",
                    api.server.baseUrl(), "--rate", "150", "--duration", "2300ms", "--error-ratio", "0.2", "--seed", "3",
                    "--metrics-port", "0", "--metrics-linger", "120s", "--summary-json", json.toString(),
                    "--csv", csv.toString()));
            TrafficEngineTest.await("the run over", () -> out.toString().contains("serving the final metrics")
                    || code.isDone());
            Matcher port = Pattern.compile("metrics: http://127\\.0\\.0\\.1:(\\d+)/metrics").matcher(out.toString());
            assertThat(port.find()).as(out.toString() + err).isTrue();
            String exposition = scrape(Integer.parseInt(port.group(1)));
            assertThat(code.get()).as(err.toString()).isZero();

            Matcher printed = Pattern.compile("summary: [\\d.]+ s, (\\d+) sent \\([\\d.]+/s achieved\\), (\\d+) ok, "
                    + "(\\d+) 4xx, (\\d+) 5xx, (\\d+) transport errors, (\\d+) dropped").matcher(out.toString());
            assertThat(printed.find()).as(out.toString()).isTrue();
            long sent = Long.parseLong(printed.group(1));
            String[] names = {"ok", "http_4xx", "http_5xx", "network_error", "dropped"};
            long[] counts = new long[names.length];
            for (int i = 0; i < names.length; i++) {
                counts[i] = Long.parseLong(printed.group(i + 2));
            }
            assertThat(counts[0]).isPositive();
            assertThat(counts[1]).isPositive();

            JsonNode summary = new ObjectMapper().readTree(json.toFile());
            assertThat(summary.get("sent").asLong()).isEqualTo(sent);
            assertThat(summary.get("duration_s").asDouble()).isGreaterThan(2.2);
            assertThat(summary.get("achieved_rate").asDouble()).isPositive();
            for (String p : new String[] {"p50", "p95", "p99", "max"}) {
                assertThat(summary.get("latency_ms").get(p).asDouble()).as(p).isPositive();
            }
            List<String[]> rows = Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",", -1)).toList();
            assertThat(Files.readAllLines(csv).get(0)).isEqualTo(RunFiles.CSV_HEADER);
            assertThat(rows.stream().mapToLong(r -> Long.parseLong(r[3])).sum()).isEqualTo(sent);
            for (int i = 0; i < names.length; i++) {
                int column = 5 + i;
                assertThat(summary.get("outcomes").get(names[i]).asLong()).as(names[i]).isEqualTo(counts[i]);
                assertThat(rows.stream().mapToLong(r -> Long.parseLong(r[column])).sum()).as(names[i])
                        .isEqualTo(counts[i]);
                assertThat(exposition).as(names[i])
                        .contains("loadgen_requests_total{outcome=\"" + names[i] + "\"} " + counts[i] + ".0");
            }
            assertThat(exposition).contains("loadgen_target_rate 0.0", "loadgen_in_flight 0.0");
            // Nothing left beside the two files: the temporary ones were moved into place.
            try (var files = Files.list(dir)) {
                assertThat(files.map(f -> f.getFileName().toString())).containsOnly("summary.json", "rows.csv");
            }
        }
    }

    @Test
    void aTakenMetricsPortOrAMissingFolderIsExitCode2AndOneLine(@TempDir Path dir) throws Exception {
        try (TestApi api = new TestApi();
             ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(run("traffic", "--url", api.server.baseUrl(), "--duration", "1s",
                    "--metrics-port", Integer.toString(taken.getLocalPort()))).isEqualTo(2);
            assertThat(err.toString()).contains("already in use").doesNotContain("Exception", "\tat ");

            assertThat(run("traffic", "--url", api.server.baseUrl(), "--duration", "1s",
                    "--csv", dir.resolve("no/such/rows.csv").toString())).isEqualTo(2);
            assertThat(err.toString()).contains("--csv: folder " + dir.resolve("no/such") + " does not exist");
            assertThat(run("traffic", "--url", api.server.baseUrl(), "--duration", "1s",
                    "--summary-json", dir.toString())).isEqualTo(2);
            assertThat(err.toString()).contains("is a folder").doesNotContain("\tat ");
            assertThat(run("traffic", "--metrics-port", "70000")).isEqualTo(2);
            assertThat(out.toString()).doesNotContain("summary:");
        }
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    private static String scrape(int port) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void badArgumentsAreExitCode2WithAClearMessage() {
        assertThat(run("traffic", "--rate", "-5")).isEqualTo(2);
        assertThat(err.toString()).contains("rate must be").contains("--help").doesNotContain("Exception");
        assertThat(run("traffic", "--mix", "v1=abc")).isEqualTo(2);
        assertThat(run("traffic", "--duration", "forever")).isEqualTo(2);
        assertThat(run("traffic", "--error-ratio", "2")).isEqualTo(2);
        assertThat(run("traffic", "--burst-at", "1s", "--burst-x", "0")).isEqualTo(2);
        assertThat(run("traffic", "--no-such-option")).isEqualTo(2);
    }

    @Test
    void anUnreachableUrlSaysSo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        int code = run("traffic", "--url", "http://127.0.0.1:" + port, "--duration", "1s");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("cannot reach", "connection refused", "Is the API running?")
                .doesNotContain("Exception", "\tat ");
    }
}
