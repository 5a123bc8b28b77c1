package dev.mlobservatory.console.stack;

import dev.mlobservatory.console.install.Version;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The real {@code prometheus} binary as a child process on 127.0.0.1, configured from the repository's no-Docker
 * configuration ({@link PrometheusConfig}) with the same rule files, and a data directory of its own.
 */
public final class PrometheusProcess implements AutoCloseable {

    /** Prometheus replays its write-ahead log on start; on a slow laptop that can take a while. */
    static final long READY_SECONDS = 60;
    private static final int LOG_TAIL = 40;

    private final Process process;
    private final int port;
    private final Deque<String> tail = new ArrayDeque<>();
    private volatile boolean closing;
    private volatile Thread reader;

    private PrometheusProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts Prometheus and waits until {@code /-/ready} answers.
     *
     * @param binary the prometheus executable
     * @param version its version, or null when unknown (then configured as 2.x, which every version accepts)
     * @param files the configuration template and rules to use
     * @param apiTarget host:port of the API to scrape
     * @param port where Prometheus listens on 127.0.0.1
     * @param dataDir its TSDB directory (created if missing)
     * @param interval null for the configuration's own intervals, e.g. "1s" in tests
     * @param children where the process is recorded so it never outlives the console
     * @param log receives each line Prometheus prints (from a reader thread)
     * @throws IOException when it cannot start, exits, or is not ready in time; the message says why
     */
    public static PrometheusProcess start(String binary, Version version, StackFiles files, String apiTarget,
                                          int port, Path dataDir, String interval, ChildProcesses children,
                                          Consumer<String> log)
            throws IOException, InterruptedException {
        return start(binary, version, files, apiTarget, null, port, dataDir, interval, children, log);
    }

    /** As above, also scraping the console's traffic metrics at {@code loadgenTarget} (host:port; null: none). */
    public static PrometheusProcess start(String binary, Version version, StackFiles files, String apiTarget,
                                          String loadgenTarget, int port, Path dataDir, String interval,
                                          ChildProcesses children, Consumer<String> log)
            throws IOException, InterruptedException {
        return start(binary, version, files, apiTarget, loadgenTarget, null, port, dataDir, interval, children, log);
    }

    /** As above, also sending alerts to the Alertmanager at {@code alertmanagerTarget} (host:port; null: none). */
    public static PrometheusProcess start(String binary, Version version, StackFiles files, String apiTarget,
                                          String loadgenTarget, String alertmanagerTarget, int port, Path dataDir,
                                          String interval, ChildProcesses children, Consumer<String> log)
            throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        Path config = dataDir.resolveSibling(dataDir.getFileName() + "-prometheus.yml");
        String template = Files.readString(files.prometheusTemplate());
        Files.writeString(config, PrometheusConfig.forVersion(
                PrometheusConfig.fill(template, apiTarget, "127.0.0.1:" + port, loadgenTarget, alertmanagerTarget,
                        files.rulesDir(), interval), version));
        List<String> command = new ArrayList<>(List.of(binary,
                "--config.file=" + config,
                "--storage.tsdb.path=" + dataDir,
                "--storage.tsdb.retention.time=1d",
                "--web.listen-address=127.0.0.1:" + port,
                "--web.enable-lifecycle"));
        command.addAll(PrometheusConfig.flags(version));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        PrometheusProcess prometheus = new PrometheusProcess(children.start(builder), port);
        prometheus.pipeOutput(log);
        try {
            prometheus.awaitReady();
        } catch (IOException | InterruptedException e) {
            prometheus.close();
            throw e;
        }
        return prometheus;
    }

    /**
     * Runs {@code action} with one sentence saying why, if the process ends without {@link #close()} having been
     * called: killed, crashed, or stopped by someone else. Runs on a JDK thread; not at all after close().
     */
    public void onUnexpectedExit(Consumer<String> action) {
        process.onExit().thenRun(() -> {
            if (closing) {
                return;
            }
            awaitOutput(); // the last error line is usually the reason: read it before saying why
            if (!closing) {
                action.accept(describeExit());
            }
        });
    }

    /**
     * "Prometheus (pid 4242) exited with code 137 (killed by signal 9, SIGKILL)." and, when it logged one, its last
     * error: a killed process has no last words worth showing, a crashed one usually has.
     */
    String describeExit() {
        int code = process.exitValue();
        String how = code > 128 && code < 160 ? " (killed by signal " + (code - 128) + signalName(code - 128) + ")" : "";
        String error = errorLine();
        return "Prometheus (pid " + process.pid() + ") exited with code " + code + how + "."
                + (error == null ? "" : " Its last error: " + error);
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 9 -> ", SIGKILL";
            case 15 -> ", SIGTERM";
            case 6 -> ", SIGABRT";
            case 11 -> ", SIGSEGV";
            default -> "";
        };
    }

    private void pipeOutput(Consumer<String> log) {
        reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (tail) {
                        if (tail.size() == LOG_TAIL) {
                            tail.removeFirst();
                        }
                        tail.addLast(line);
                    }
                    log.accept(line);
                }
            } catch (IOException closed) {
                // the process ended
            }
        }, "prometheus-output");
        reader.setDaemon(true);
        reader.start();
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
        while (System.nanoTime() < deadline) {
            if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
                throw new IOException("prometheus exited with code " + process.exitValue() + ": " + lastError());
            }
            if (ready()) {
                return;
            }
        }
        throw new IOException("prometheus did not become ready within " + READY_SECONDS + " s: " + lastError());
    }

    private boolean ready() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(baseUrl() + "/-/ready").toURL().openConnection();
            c.setConnectTimeout(500);
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

    /** The most telling line of Prometheus's output: the last error it logged, else its last line. */
    String lastError() {
        String error = errorLine();
        if (error != null) {
            return error;
        }
        synchronized (tail) {
            return tail.isEmpty() ? "(no output)" : tail.getLast();
        }
    }

    /** The last error line Prometheus printed, or null. */
    private String errorLine() {
        synchronized (tail) {
            for (var it = tail.descendingIterator(); it.hasNext(); ) {
                String line = it.next();
                // Prometheus 2.x logs level=error, 3.x level=ERROR
                if (line.contains("level=error") || line.contains("level=ERROR") || line.contains("err=")) {
                    return line;
                }
            }
            return null;
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM (Prometheus flushes its head block), SIGKILL after 5 s; returns once its output is read. */
    @Override
    public void close() {
        closing = true;
        ChildProcesses.stop(process.toHandle());
        awaitOutput();
    }

    /** The output reader ends when the process's stdout closes; nothing is logged after this returns. */
    private void awaitOutput() {
        Thread r = reader;
        if (r == null || r == Thread.currentThread()) {
            return;
        }
        try {
            r.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
