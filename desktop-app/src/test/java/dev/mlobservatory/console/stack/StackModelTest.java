package dev.mlobservatory.console.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.app.AppExecutor;
import dev.mlobservatory.console.app.FxThread;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.testing.LiveStack;
import dev.mlobservatory.console.ui.Chip;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stack control in Local mode with the real prometheus binary: start, chips, stop, and nothing left behind. */
class StackModelTest {

    @TempDir
    Path home;
    private ScheduledExecutorService executor;
    private ChildProcesses children;
    private StackModel model;

    @BeforeEach
    void setUp() {
        executor = AppExecutor.create();
        children = new ChildProcesses(home.resolve("children.pid"));
        model = new StackModel(executor, FxThread.direct(), children, StackFiles.locate(home), home,
                PrometheusClient.defaultHttp());
        model.portsProperty().set(new StackPorts(Ports.any(), Ports.any(), Ports.any()));
    }

    @AfterEach
    void tearDown() {
        model.stopNow();
        children.close();
        AppExecutor.shutdown(executor);
    }

    private void probed() throws InterruptedException {
        model.probe();
        LiveStack.await("the environment probe", 30, () -> model.environmentProperty().get() != null);
    }

    @Test
    void localModeStartsApiAndPrometheusThenStopsBoth() throws Exception {
        Tools.require("prometheus");
        probed();
        assertThat(model.environmentProperty().get().prometheusUsable()).isTrue();
        assertThat(model.modeProperty().get()).isEqualTo(StackMode.LOCAL); // no Docker engine on the build machines

        model.start();
        LiveStack.await("the stack running", 60, () -> model.phaseProperty().get() == StackPhase.RUNNING);
        PrometheusClient prometheus = model.prometheusProperty().get();
        assertThat(prometheus).isNotNull();
        assertThat(model.apiUrlProperty().get()).startsWith("http://127.0.0.1:");
        List<ProcessHandle> started = children.alive();
        assertThat(started).hasSize(1);
        assertThat(started.get(0).info().command().orElse("")).endsWith("prometheus");

        LiveStack.await("both targets up", 30, () -> {
            model.pollOnce();
            return model.prometheusChipProperty().get().text().contains("targets 2/2 up");
        });
        assertThat(model.apiChipProperty().get().level()).isEqualTo(Chip.Level.OK);
        assertThat(model.prometheusChipProperty().get().level()).isEqualTo(Chip.Level.OK);
        assertThat(model.grafanaChipProperty().get().level()).isEqualTo(Chip.Level.IDLE);
        assertThat(model.log()).anyMatch(l -> l.contains("Prometheus ready at"));

        model.stop();
        LiveStack.await("the stack stopped", 30, () -> model.phaseProperty().get() == StackPhase.STOPPED);
        assertThat(started.get(0).isAlive()).isFalse();
        assertThat(children.alive()).isEmpty();
        assertThat(model.prometheusProperty().get()).isNull();
        assertThat(prometheus.ready()).isFalse();
        assertThat(Files.list(home).filter(p -> p.getFileName().toString().startsWith("prometheus-"))).isEmpty();
    }

    @Test
    void prometheusGoingAwayTurnsTheChipRedAndItsReturnIsNoticed() throws Exception {
        String binary = Tools.require("prometheus");
        probed();
        model.start();
        LiveStack.await("the stack running", 60, () -> model.phaseProperty().get() == StackPhase.RUNNING);
        PrometheusClient prometheus = model.prometheusProperty().get();
        int port = Integer.parseInt(prometheus.baseUrl().replaceAll(".*:", ""));
        LiveStack.await("Prometheus up", 30, () -> {
            model.pollOnce();
            return model.prometheusChipProperty().get().level() == Chip.Level.OK;
        });

        children.alive().forEach(ProcessHandle::destroyForcibly); // Prometheus crashes
        LiveStack.await("Prometheus gone", 10, () -> children.alive().isEmpty());
        model.pollOnce();
        assertThat(model.prometheusChipProperty().get().level()).isEqualTo(Chip.Level.DOWN);
        assertThat(model.statusProperty().get()).contains("stopped answering");

        String apiTarget = model.apiUrlProperty().get().replace("http://", "");
        try (PrometheusProcess again = PrometheusProcess.start(binary, StackFiles.locate(home), apiTarget, port,
                home.resolve("again"), "1s", children, line -> { })) {
            LiveStack.await("Prometheus noticed again", 30, () -> {
                model.pollOnce();
                return model.prometheusChipProperty().get().level() == Chip.Level.OK;
            });
            assertThat(model.statusProperty().get()).startsWith("Prometheus is back.");
        }
    }

    @Test
    void withoutPrometheusTheApiRunsAloneAndTheStatusSaysSo() throws Exception {
        model.prometheusPathProperty().set(home.resolve("no-such-prometheus").toString());
        probed();
        assertThat(model.environmentProperty().get().prometheusUsable()).isFalse();
        assertThat(model.statusProperty().get()).contains("Prometheus not found");

        model.start();
        LiveStack.await("the API running", 60, () -> model.phaseProperty().get() == StackPhase.RUNNING);
        assertThat(model.prometheusProperty().get()).isNull();
        assertThat(children.alive()).isEmpty();
        model.pollOnce();
        assertThat(model.apiChipProperty().get().level()).isEqualTo(Chip.Level.OK);
        assertThat(model.log()).anyMatch(l -> l.contains("running the API alone"));
    }

    @Test
    void aTakenPortIsReplacedByTheNextFreeOneAndSaid() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StackPorts p = model.portsProperty().get();
            model.portsProperty().set(new StackPorts(taken.getLocalPort(), p.prometheus(), p.grafana()));
            model.prometheusPathProperty().set(home.resolve("no-such-prometheus").toString());
            probed();
            assertThat(model.environmentProperty().get().busyPorts()).contains(taken.getLocalPort());

            model.start();
            LiveStack.await("the API running", 60, () -> model.phaseProperty().get() == StackPhase.RUNNING);
            assertThat(model.apiUrlProperty().get()).doesNotEndWith(":" + taken.getLocalPort());
            assertThat(model.log()).anyMatch(l -> l.contains("port " + taken.getLocalPort() + " is already taken"));
        }
    }

    @Test
    void dockerModeWithoutAnEngineIsRefusedWithTheReason() throws Exception {
        probed();
        Assumptions.assumeFalse(model.environmentProperty().get().dockerUsable(), "a Docker engine runs here");
        model.modeProperty().set(StackMode.DOCKER);
        model.start();

        assertThat(model.phaseProperty().get()).isEqualTo(StackPhase.STOPPED);
        assertThat(model.statusProperty().get()).startsWith("Docker mode is not available: ");
    }
}
