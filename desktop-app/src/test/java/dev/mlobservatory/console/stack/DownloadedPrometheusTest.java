package dev.mlobservatory.console.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.env.PrometheusSource;
import dev.mlobservatory.console.install.DownloadClient;
import dev.mlobservatory.console.install.GetPrometheusModel;
import dev.mlobservatory.console.install.ToolsFolder;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.testing.LiveStack;
import dev.mlobservatory.console.testing.ReleaseMirror;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Get Prometheus button's model from click to a running Local stack: the download from a loopback mirror, the
 * probe run again by itself, and Local mode starting the downloaded binary. Then its failures and Cancel as state.
 */
@Timeout(180)
class DownloadedPrometheusTest {

    @TempDir
    Path home;
    private ScheduledExecutorService executor;
    private ChildProcesses children;
    private StackLog log;
    private StackSetup setup;
    private StackModel stack;
    private ReleaseMirror mirror;
    private OkHttpClient http;
    private GetPrometheusModel getPrometheus;

    private StackFixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        mirror = new ReleaseMirror();
        fixture = new StackFixture(home);
        executor = fixture.executor;
        children = fixture.children;
        log = fixture.log;
        setup = fixture.setup;
        http = fixture.http;
        stack = fixture.stack;
        getPrometheus = new GetPrometheusModel(executor, FxThread.direct(), DownloadClient.of(http, Map.of()),
                ToolsFolder.of(home), mirror::url, setup::probe);
    }

    @AfterEach
    void tearDown() {
        getPrometheus.close();
        fixture.close();
        mirror.close();
    }

    private void awaitIdle() throws InterruptedException {
        LiveStack.await("the download to end", 60, () -> !getPrometheus.runningProperty().get());
    }

    @Test
    void oneClickThenLocalModeRunsTheDownloadedPrometheus() throws Exception {
        Path binary = home.resolve("tools/prometheus-3.5.3/prometheus").toAbsolutePath();
        getPrometheus.get();
        awaitIdle();
        assertThat(getPrometheus.failedProperty().get()).as(getPrometheus.statusProperty().get()).isFalse();
        assertThat(getPrometheus.statusProperty().get())
                .isEqualTo("Prometheus 3.5.3 installed in " + binary.getParent() + " (checksum verified).");
        assertThat(getPrometheus.progressProperty().get()).isEqualTo(1.0);

        // No Check again pressed: the install probes by itself.
        LiveStack.await("the probe to find the download", 30, () -> setup.environment() != null
                && setup.environment().prometheusSource() == PrometheusSource.DOWNLOADED);
        assertThat(setup.environment().prometheus()).isEqualTo(binary.toString());
        assertThat(log.statusProperty().get()).contains("Prometheus found (", "downloaded by the console)");

        stack.start();
        LiveStack.await("the stack running", 60, () -> stack.state().running());
        List<ProcessHandle> started = children.alive();
        assertThat(started).hasSize(1);
        assertThat(started.get(0).info().command().orElse("")).isEqualTo(binary.toString());
        PrometheusClient prometheus = stack.state().prometheus();
        LiveStack.await("the downloaded Prometheus ready", 30, prometheus::ready);

        stack.stop();
        LiveStack.await("the stack stopped", 30, () -> stack.state().phase() == StackPhase.STOPPED);
        assertThat(started.get(0).isAlive()).isFalse();
        assertThat(binary).as("the download stays for the next start").isExecutable();
    }

    @Test
    void failuresAndCancelAreStateAndLeaveNothing() throws Exception {
        mirror.mode(ReleaseMirror.Mode.HTML);
        getPrometheus.get();
        awaitIdle();
        assertThat(getPrometheus.failedProperty().get()).isTrue();
        assertThat(getPrometheus.statusProperty().get()).startsWith(mirror.url() + " is not a Prometheus release mirror");

        mirror.mode(ReleaseMirror.Mode.STALLED);
        getPrometheus.get();
        assertThat(getPrometheus.failedProperty().get()).as("a new attempt clears the failure").isFalse();
        LiveStack.await("the download under way", 30, () -> getPrometheus.progressProperty().get() > 0);
        assertThat(getPrometheus.statusProperty().get()).startsWith("Downloading: ");
        getPrometheus.cancel();
        awaitIdle();

        assertThat(getPrometheus.failedProperty().get()).isFalse();
        assertThat(getPrometheus.statusProperty().get()).isEqualTo("Cancelled; nothing was installed.");
        try (var files = Files.list(home.resolve("tools"))) {
            assertThat(files).isEmpty();
        }
    }
}
