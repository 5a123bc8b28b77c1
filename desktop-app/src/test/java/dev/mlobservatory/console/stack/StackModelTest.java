package dev.mlobservatory.console.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.alerts.AlertsModel;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.prom.PrometheusAbsence;
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

/**
 * Stack control in Local mode with the real prometheus binary: setup, start, health chips, stop, and nothing left
 * behind.
 */
class StackModelTest {

    @TempDir
    Path home;
    private ScheduledExecutorService executor;
    private ChildProcesses children;
    private StackLog log;
    private StackSetup setup;
    private StackModel model;
    private StackHealth health;

    private StackFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new StackFixture(home);
        executor = fixture.executor;
        children = fixture.children;
        log = fixture.log;
        setup = fixture.setup;
        model = fixture.stack;
        health = new StackHealth(executor, FxThread.direct(), fixture.http, model, log);
    }

    @AfterEach
    void tearDown() {
        health.stop();
        fixture.close();
    }

    private void probed() throws InterruptedException {
        setup.probe();
        LiveStack.await("the environment probe", 30, () -> setup.environment() != null);
    }

    @Test
    void localModeStartsApiAndPrometheusThenStopsBoth() throws Exception {
        Tools.require("prometheus");
        probed();
        assertThat(setup.environment().prometheusUsable()).isTrue();
        assertThat(setup.modeProperty().get()).isEqualTo(StackMode.LOCAL); // no Docker engine on the build machines

        StackState running = started();
        PrometheusClient prometheus = running.prometheus();
        assertThat(prometheus).isNotNull();
        assertThat(running.apiUrl()).startsWith("http://127.0.0.1:");
        List<ProcessHandle> started = children.alive();
        assertThat(started).hasSize(1);
        assertThat(started.get(0).info().command().orElse("")).endsWith("prometheus");

        LiveStack.await("both targets up", 30, () -> {
            health.pollOnce();
            return health.prometheusChipProperty().get().text().contains("targets 2/2 up");
        });
        assertThat(health.apiChipProperty().get().level()).isEqualTo(Chip.Level.OK);
        assertThat(health.prometheusChipProperty().get().level()).isEqualTo(Chip.Level.OK);
        assertThat(health.grafanaChipProperty().get().level()).isEqualTo(Chip.Level.IDLE);
        assertThat(log.lines()).anyMatch(l -> l.contains("Prometheus ready at"));

        model.stop();
        LiveStack.await("the stack stopped", 30, () -> model.state().phase() == StackPhase.STOPPED);
        assertThat(started.get(0).isAlive()).isFalse();
        assertThat(children.alive()).isEmpty();
        assertThat(model.state().prometheus()).isNull();
        assertThat(prometheus.ready()).isFalse();
        assertThat(health.prometheusChipProperty().get().level()).as("grey once stopped").isEqualTo(Chip.Level.IDLE);
        assertThat(health.apiChipProperty().get().level()).isEqualTo(Chip.Level.IDLE);
        assertThat(Files.list(home).filter(p -> p.getFileName().toString().startsWith("prometheus-"))).isEmpty();
    }

    /** Starts the stack and returns the state that says RUNNING: one value, read once. */
    private StackState started() throws InterruptedException {
        model.start();
        LiveStack.await("the stack running", 60, () -> model.state().running());
        return model.state();
    }

    private void awaitPrometheusChip(Chip.Level level) throws InterruptedException {
        LiveStack.await("the Prometheus chip " + level, 30, () -> {
            health.pollOnce();
            return health.prometheusChipProperty().get().level() == level;
        });
    }

    @Test
    void aHungPrometheusTurnsTheChipRedAndItsReturnIsNoticed() throws Exception {
        Tools.require("prometheus");
        String kill = Tools.require("kill");
        probed();
        started();
        awaitPrometheusChip(Chip.Level.OK);
        ProcessHandle prometheus = children.alive().get(0);

        // SIGSTOP: the process lives but answers nothing, as a hung or swapped-out Prometheus would.
        new ProcessBuilder(kill, "-STOP", String.valueOf(prometheus.pid())).start().waitFor();
        try {
            awaitPrometheusChip(Chip.Level.DOWN);
            assertThat(log.statusProperty().get()).contains("stopped answering");
        } finally {
            new ProcessBuilder(kill, "-CONT", String.valueOf(prometheus.pid())).start().waitFor();
        }
        awaitPrometheusChip(Chip.Level.OK);
        assertThat(log.statusProperty().get()).startsWith("Prometheus is back.");
        assertThat(model.state().prometheusExit()).isNull();
    }

    @Test
    void aKilledPrometheusChildIsNoticedSaidAndRestartedWithItsData() throws Exception {
        Tools.require("prometheus");
        probed();
        StackState running = started();
        awaitPrometheusChip(Chip.Level.OK);
        List<Path> dataBefore = dataDirs();
        assertThat(dataBefore).hasSize(1);
        ProcessHandle prometheus = children.alive().get(0);

        prometheus.destroyForcibly(); // kill -9
        LiveStack.await("the console to notice its child died", 30, () -> model.state().prometheusExit() != null);
        String why = model.state().prometheusExit();
        assertThat(why).contains("pid " + prometheus.pid()).contains("exited with code 137").contains("SIGKILL");
        LiveStack.await("the status line to say so", 10,
                () -> log.statusProperty().get().contains("Restart Prometheus"));
        assertThat(log.lines()).anyMatch(l -> l.contains("exited with code 137"));
        awaitPrometheusChip(Chip.Level.DOWN);
        assertThat(log.statusProperty().get()).doesNotContain("keeps trying");

        model.restartPrometheus();
        LiveStack.await("Prometheus restarted", 60, () -> model.state().prometheusExit() == null);
        awaitPrometheusChip(Chip.Level.OK);
        assertThat(model.state().prometheus().baseUrl()).isEqualTo(running.prometheus().baseUrl());
        assertThat(dataDirs()).isEqualTo(dataBefore);
        assertThat(children.alive()).hasSize(1).noneMatch(h -> h.pid() == prometheus.pid());
    }

    @Test
    void aHomeThatCannotBeWrittenStillRunsLocalModeAndSaysWhereTheDataWent() throws Exception {
        Tools.require("prometheus");
        Path file = Files.writeString(home.resolve("a-file"), "");
        StackModel readOnly = new StackModel(executor, FxThread.direct(), children, file.resolve("home"),
                PrometheusClient.defaultHttp(), setup, log);
        try {
            setup.probe();
            LiveStack.await("the environment probe", 30, () -> setup.environment() != null);
            readOnly.start();
            LiveStack.await("the stack running", 60, () -> readOnly.state().running());
            assertThat(readOnly.state().prometheus()).isNotNull();
            assertThat(log.lines()).anyMatch(l -> l.contains("cannot be written")
                    && l.contains(DataDirs.fallbackRoot().toString()));
        } finally {
            readOnly.stopNow();
        }
    }

    @Test
    void aSavedPrometheusPathThatIsGoneIsNamedAndThePathIsUsedInstead() throws Exception {
        Tools.require("prometheus");
        // The console looks on the PATH, which may hold another version than the newest the tests know of.
        String onPath = Tools.find("prometheus");
        Path gone = home.resolve("old-download/prometheus");
        setup.prometheusPathProperty().set(gone.toString());
        probed();

        assertThat(setup.environment().prometheus()).isEqualTo(onPath);
        assertThat(setup.environment().prometheusNote()).contains(gone.toString()).contains("does not exist")
                .contains("using " + onPath + " from the PATH");
        LiveStack.await("the status line", 10, () -> log.statusProperty().get().contains(gone.toString()));
    }

    /** A "prometheus" that exists but does not run: the console treats it as missing, whatever is on the PATH. */
    private String brokenPrometheus() throws java.io.IOException {
        Path script = home.resolve("broken-prometheus");
        Files.writeString(script, "#!/bin/sh\necho 'cannot execute binary file' >&2\nexit 126\n");
        Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        return script.toString();
    }

    private List<Path> dataDirs() throws java.io.IOException {
        try (var files = Files.list(home)) {
            return files.filter(p -> p.getFileName().toString().startsWith("prometheus-")).sorted().toList();
        }
    }

    @Test
    void withoutPrometheusTheApiRunsAloneAndTheStatusSaysSo() throws Exception {
        setup.prometheusPathProperty().set(brokenPrometheus());
        probed();
        assertThat(setup.environment().prometheusUsable()).isFalse();
        assertThat(log.statusProperty().get()).contains("Prometheus not found");

        assertThat(model.prometheusAbsenceProperty().get()).isEqualTo(PrometheusAbsence.NOT_STARTED);
        AlertsModel alerts = new AlertsModel(executor, FxThread.direct(), model.prometheusProperty());
        alerts.explainAbsence(model.prometheusAbsenceProperty());

        assertThat(started().prometheus()).isNull();
        // Running without Prometheus: the tabs say so, and no longer ask for a Start that cannot help.
        assertThat(model.prometheusAbsenceProperty().get()).isEqualTo(PrometheusAbsence.NOT_INSTALLED);
        alerts.refresh();
        assertThat(alerts.messageProperty().get()).startsWith("This stack runs without Prometheus")
                .contains("Get Prometheus 3.5 LTS").endsWith("to see alert rules.");
        assertThat(children.alive()).isEmpty();
        health.pollOnce();
        assertThat(health.apiChipProperty().get().level()).isEqualTo(Chip.Level.OK);
        assertThat(log.lines()).anyMatch(l -> l.contains("running the API alone"));
    }

    @Test
    void aTakenPortIsReplacedByTheNextFreeOneAndSaid() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StackPorts p = setup.portsProperty().get();
            setup.portsProperty().set(new StackPorts(taken.getLocalPort(), p.prometheus(), p.grafana()));
            setup.prometheusPathProperty().set(brokenPrometheus());
            probed();
            assertThat(setup.environment().busyPorts()).contains(taken.getLocalPort());

            assertThat(started().apiUrl()).doesNotEndWith(":" + taken.getLocalPort());
            assertThat(log.lines()).anyMatch(l -> l.contains("port " + taken.getLocalPort() + " is already taken"));
        }
    }

    @Test
    void dockerModeWithoutAnEngineIsRefusedWithTheReason() throws Exception {
        probed();
        Assumptions.assumeFalse(setup.environment().dockerUsable(), "a Docker engine runs here");
        setup.modeProperty().set(StackMode.DOCKER);
        model.start();

        assertThat(model.state().phase()).isEqualTo(StackPhase.STOPPED);
        assertThat(log.statusProperty().get()).startsWith("Docker mode is not available: ");
    }
}
