package dev.mlobservatory.console.testing;

import dev.mlobservatory.api.TestApi;
import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.install.Version;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.prom.QueryResult;
import dev.mlobservatory.console.stack.ChildProcesses;
import dev.mlobservatory.console.stack.Ports;
import dev.mlobservatory.console.stack.PrometheusProcess;
import dev.mlobservatory.console.stack.StackFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * A real API in-process and the real prometheus binary scraping it every second, both on 127.0.0.1 and free
 * ports, with a temporary data directory; the repository's no-Docker configuration and rules. Skips the test
 * locally when prometheus is missing, fails it on CI. Close it in {@code @AfterAll}/{@code @AfterEach}.
 */
public final class LiveStack implements AutoCloseable {

    public final TestApi api;
    public final PrometheusProcess prometheus;
    public final PrometheusClient client;
    public final Path dir;
    private final ChildProcesses children;

    private LiveStack(TestApi api, PrometheusProcess prometheus, Path dir, ChildProcesses children) {
        this.api = api;
        this.prometheus = prometheus;
        this.dir = dir;
        this.children = children;
        this.client = new PrometheusClient(prometheus.baseUrl(), PrometheusClient.defaultHttp());
    }

    /** With the newest prometheus found (3.5 LTS where it is there). */
    public static LiveStack start() throws Exception {
        return start(Tools.prometheusVersions().get(0));
    }

    /** With {@code prometheus}, one of {@link Tools#prometheusVersions()}. */
    public static LiveStack start(Tools.Versioned binary) throws Exception {
        return start(binary, false);
    }

    /** With {@code prometheus}, and an API that takes faults at /admin/faults, as the console's in-process one does. */
    public static LiveStack startWithFaults(Tools.Versioned binary) throws Exception {
        return start(binary, true);
    }

    /** With {@code prometheus} also scraping the traffic metrics at {@code loadgenTarget} as job loadgen. */
    public static LiveStack startWithLoadgen(Tools.Versioned binary, String loadgenTarget) throws Exception {
        return start(binary, false, loadgenTarget);
    }

    private static LiveStack start(Tools.Versioned binary, boolean faults) throws Exception {
        return start(binary, faults, null);
    }

    private static LiveStack start(Tools.Versioned binary, boolean faults, String loadgenTarget) throws Exception {
        Path dir = Files.createTempDirectory("console-live-");
        TestApi api = new TestApi(faults);
        ChildProcesses children = new ChildProcesses(dir);
        try {
            PrometheusProcess prometheus = PrometheusProcess.start(binary.path(), version(binary),
                    StackFiles.locate(dir), "127.0.0.1:" + api.server.port(), loadgenTarget, Ports.any(),
                    dir.resolve("data"), "1s", children, line -> { });
            return new LiveStack(api, prometheus, dir, children);
        } catch (Exception e) {
            api.close();
            children.close();
            throw e;
        }
    }

    /** The console's view of a test binary's version: native histograms on where Local mode turns them on. */
    public static Version version(Tools.Versioned prometheus) {
        return new Version(prometheus.major(), prometheus.minor(), prometheus.patch());
    }

    /** Waits (up to {@code seconds}) until {@code condition} holds; fails the test otherwise. */
    public static void await(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
    }

    /** Waits (up to {@code seconds}) until the instant query {@code promql} returns at least one series. */
    public void awaitSeries(String what, String promql, int seconds) throws InterruptedException {
        await(what, seconds, () -> {
            try {
                return client.query(promql) instanceof QueryResult.Vector v && !v.samples().isEmpty();
            } catch (Exception notYet) {
                return false;
            }
        });
    }

    public String apiUrl() {
        return api.server.baseUrl();
    }

    @Override
    public void close() {
        children.close();
        api.close();
    }
}
