package dev.mlobservatory.console.testing;

import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.stack.Ports;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Alertmanager (Tools.alertmanager(): 0.33.1 from .tools/sid, or the PATH's) on a free 127.0.0.1 port,
 * with a temporary storage folder, no cluster port, and a classroom-fast route (group_wait 1 s) to a webhook URL the
 * test gives. Stopped, and its folder removed, by {@link #close()}.
 */
public final class LiveAlertmanager implements AutoCloseable {

    /** Debian's build reads its notification template from here, whatever the configuration says. */
    private static final Path DEBIAN_TEMPLATE = Path.of("/usr/share/prometheus/alertmanager/default.tmpl");

    public final Tools.Versioned binary;
    public final String url;
    private final Process process;
    private final Path dir;

    private LiveAlertmanager(Tools.Versioned binary, String url, Process process, Path dir) {
        this.binary = binary;
        this.url = url;
        this.process = process;
        this.dir = dir;
    }

    /** Starts it with a route that sends every group to {@code webhook} (which may have nothing listening). */
    public static LiveAlertmanager start(String webhook) throws Exception {
        return start(Tools.alertmanager(), webhook);
    }

    /** As {@link #start(String)}, with this Alertmanager (tests that run against each version found). */
    public static LiveAlertmanager start(Tools.Versioned binary, String webhook) throws Exception {
        if (binary.path().endsWith("prometheus-alertmanager") && !Files.exists(DEBIAN_TEMPLATE)) {
            String why = "Debian's Alertmanager needs " + DEBIAN_TEMPLATE + " (installed with the package; "
                    + "for the copy unpacked in .tools: cp -r .tools/sid/usr/share/prometheus/alertmanager "
                    + "/usr/share/prometheus/)";
            // As Tools does: skipped locally, a failure on CI, where a missing install step must not pass unnoticed.
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(why);
            }
            Assumptions.abort(why);
        }
        Path dir = Files.createTempDirectory("silences-am-");
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
                """.formatted(webhook));
        int port = Ports.any();
        String url = "http://127.0.0.1:" + port;
        Process p = new ProcessBuilder(binary.path(), "--config.file=" + config, "--storage.path=" + dir.resolve("data"),
                "--cluster.listen-address=", "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
        LiveAlertmanager am = new LiveAlertmanager(binary, url, p, dir);
        try {
            LiveStack.await("Alertmanager ready at " + url, 30, () -> !p.isAlive() || am.ready());
            if (!p.isAlive()) {
                throw new IllegalStateException("Alertmanager exited with " + p.exitValue() + ": " + am.log());
            }
        } catch (Exception | AssertionError e) {
            am.close();
            throw e;
        }
        return am;
    }

    private boolean ready() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url + "/-/ready").toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(1000);
            try {
                return c.getResponseCode() == 200;
            } finally {
                c.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Posts alerts as Prometheus does ({@code POST /api/v2/alerts}, a JSON array); fails the test unless 200. */
    public void postAlerts(String json) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url + "/api/v2/alerts").toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        c.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
        int code = c.getResponseCode();
        c.disconnect();
        if (code != 200) {
            throw new IOException("POST /api/v2/alerts answered " + code);
        }
    }

    /** A firing alert with these labels, for {@link #postAlerts}: {@code alert("alertname", "X", "severity", "warning")}. */
    public static String alert(String... labels) {
        StringBuilder json = new StringBuilder("{\"labels\":{");
        for (int i = 0; i < labels.length; i += 2) {
            json.append(i == 0 ? "" : ",").append('"').append(labels[i]).append("\":\"").append(labels[i + 1])
                    .append('"');
        }
        return json.append("}}").toString();
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("alertmanager.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
