package dev.mlobservatory.console.stack;

import dev.mlobservatory.console.install.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The real {@code prometheus} binary as a child process on 127.0.0.1, configured from the repository's no-Docker
 * configuration ({@link PrometheusConfig}) with the same rule files, and a data directory of its own.
 */
public final class PrometheusProcess implements AutoCloseable {

    /** Prometheus replays its write-ahead log on start; on a slow laptop that can take a while. */
    static final long READY_SECONDS = 60;

    private final ServerProcess server;

    private PrometheusProcess(ServerProcess server) {
        this.server = server;
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
        return new PrometheusProcess(ServerProcess.start("Prometheus", new ProcessBuilder(command), port,
                READY_SECONDS, children, log));
    }

    /**
     * Runs {@code action} with one sentence saying why, if the process ends without {@link #close()} having been
     * called: killed, crashed, or stopped by someone else. Runs on a JDK thread; not at all after close().
     */
    public void onUnexpectedExit(Consumer<String> action) {
        server.onUnexpectedExit(action);
    }

    /** "Prometheus (pid 4242) exited with code 137 (killed by signal 9, SIGKILL)." and its last error, if any. */
    String describeExit() {
        return server.describeExit();
    }

    /** The most telling line of Prometheus's output: the last error it logged, else its last line. */
    String lastError() {
        return server.lastError();
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public int port() {
        return server.port();
    }

    public ProcessHandle handle() {
        return server.handle();
    }

    public boolean isAlive() {
        return server.isAlive();
    }

    /** SIGTERM (Prometheus flushes its head block), SIGKILL after 5 s; returns once its output is read. */
    @Override
    public void close() {
        server.close();
    }
}
