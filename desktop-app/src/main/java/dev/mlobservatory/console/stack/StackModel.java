package dev.mlobservatory.console.stack;

import dev.mlobservatory.console.app.AppExecutor;
import dev.mlobservatory.console.app.FxThread;
import dev.mlobservatory.console.env.Environment;
import dev.mlobservatory.console.env.EnvironmentProbe;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.ui.Chip;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import okhttp3.OkHttpClient;

/**
 * Stack control: what is installed, which mode, start and stop with progress, the log, and a chip per part
 * polled every two seconds. Every process action runs on the executor; state comes back through {@link FxThread}.
 */
public final class StackModel {

    static final int LOG_LINES = 2_000;
    static final Duration POLL = Duration.ofSeconds(2);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ScheduledExecutorService executor;
    private final FxThread fx;
    private final ChildProcesses children;
    private final StackFiles files;
    private final Path home;
    private final OkHttpClient http;
    private final HealthPoller health;

    private final ObjectProperty<Environment> environment = new SimpleObjectProperty<>();
    private final BooleanProperty probing = new SimpleBooleanProperty();
    private final ObjectProperty<StackMode> mode = new SimpleObjectProperty<>(StackMode.LOCAL);
    private final ObjectProperty<StackPorts> ports = new SimpleObjectProperty<>(StackPorts.DEFAULT);
    private final StringProperty prometheusPath = new SimpleStringProperty("");
    private final ObjectProperty<StackPhase> phase = new SimpleObjectProperty<>(StackPhase.STOPPED);
    private final StringProperty status = new SimpleStringProperty("Checking what is installed…");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObjectProperty<Chip> apiChip = new SimpleObjectProperty<>(Chip.idle("API", "not started"));
    private final ObjectProperty<Chip> prometheusChip = new SimpleObjectProperty<>(Chip.idle("Prometheus", "not started"));
    private final ObjectProperty<Chip> grafanaChip = new SimpleObjectProperty<>(Chip.idle("Grafana", "only in Docker mode"));
    private final ObjectProperty<PrometheusClient> prometheus = new SimpleObjectProperty<>();
    private final StringProperty apiUrl = new SimpleStringProperty();
    private final StringProperty grafanaUrl = new SimpleStringProperty();
    private final BooleanProperty grafanaReachable = new SimpleBooleanProperty();
    /** False after Kill API until Restart API: what the Chaos panel's buttons follow. */
    private final BooleanProperty apiUp = new SimpleBooleanProperty(true);

    private volatile RunningStack running;
    private volatile Future<?> starting;
    private ScheduledFuture<?> poll;

    public StackModel(ScheduledExecutorService executor, FxThread fx, ChildProcesses children, StackFiles files,
                      Path home, OkHttpClient http) {
        this.executor = executor;
        this.fx = fx;
        this.children = children;
        this.files = files;
        this.home = home;
        this.http = http;
        this.health = new HealthPoller(http);
    }

    // --- commands ---------------------------------------------------------------------------------------

    /** Looks for Docker, compose, prometheus and busy ports, then picks the best mode available. */
    public void probe() {
        probing.set(true);
        StackPorts p = ports.get();
        String configured = prometheusPath.get();
        executor.execute(() -> {
            Environment env = EnvironmentProbe.probe(configured, files.repository(),
                    List.of(p.api(), p.prometheus(), p.grafana()));
            fx.run(() -> {
                environment.set(env);
                probing.set(false);
                if (phase.get() == StackPhase.STOPPED || phase.get() == StackPhase.FAILED) {
                    // Docker is the fuller picture (Grafana too) when it truly works; else Local.
                    mode.set(env.dockerUsable() ? StackMode.DOCKER : StackMode.LOCAL);
                    status.set(describe(env));
                }
            });
        });
    }

    /** Starts the stack in the chosen mode. */
    public void start() {
        Environment env = environment.get();
        if (env == null || phase.get().busy() || phase.get() == StackPhase.RUNNING) {
            return;
        }
        StackMode m = mode.get();
        if (m == StackMode.DOCKER && !env.dockerUsable()) {
            status.set("Docker mode is not available: " + env.dockerProblem());
            return;
        }
        StackPorts p = ports.get();
        phase.set(StackPhase.STARTING);
        status.set("Starting the stack (" + m + ")…");
        starting = executor.submit(() -> {
            try {
                RunningStack stack = m == StackMode.DOCKER
                        ? DockerStack.start(env.compose(), files.composeFile(), p, children, this::appendLog)
                        : LocalStack.start(p, files, env.prometheus(), children, home, this::appendLog);
                running = stack;
                fx.run(() -> {
                    apiUp.set(true);
                    phase.set(StackPhase.RUNNING);
                    apiUrl.set(stack.apiUrl());
                    grafanaUrl.set(stack.grafanaUrl());
                    prometheus.set(stack.prometheusUrl() == null ? null
                            : new PrometheusClient(stack.prometheusUrl(), PrometheusClient.defaultHttp()));
                    status.set("Running. " + stack.describe());
                    startPolling();
                });
            } catch (InterruptedException e) {
                fx.run(() -> {
                    phase.set(StackPhase.STOPPED);
                    status.set("Start cancelled.");
                });
            } catch (Exception e) {
                appendLog("Start failed: " + e.getMessage());
                fx.run(() -> {
                    phase.set(StackPhase.FAILED);
                    status.set("Could not start the stack: " + e.getMessage());
                });
            }
        });
    }

    /** Stops what the console started (also cancels a start in progress). */
    public void stop() {
        if (phase.get() == StackPhase.STOPPED || phase.get() == StackPhase.STOPPING) {
            return;
        }
        phase.set(StackPhase.STOPPING);
        status.set("Stopping…");
        stopPolling();
        Future<?> pending = starting;
        if (pending != null) {
            pending.cancel(true);
        }
        executor.execute(() -> {
            stopNow();
            fx.run(() -> {
                phase.set(StackPhase.STOPPED);
                status.set("Stopped. Nothing the console started is running.");
            });
        });
    }

    /** Blocking stop for the application's exit: the stack, then any child left. Safe to call twice. */
    public void stopNow() {
        RunningStack stack = running;
        running = null;
        if (stack != null) {
            stack.close();
        }
        children.stopAll();
        fx.run(() -> {
            prometheus.set(null);
            apiUrl.set(null);
            grafanaUrl.set(null);
            grafanaReachable.set(false);
            apiChip.set(Chip.idle("API", "not started"));
            prometheusChip.set(Chip.idle("Prometheus", "not started"));
            grafanaChip.set(Chip.idle("Grafana", "only in Docker mode"));
        });
    }

    /** Stops the API alone (Local: the in-process server; Docker: {@code compose stop api}): APIDown on cue. */
    public void killApi() {
        apiAction("Kill API", RunningStack::stopApi, "API stopped. Prometheus will mark it down; APIDown goes "
                + "pending at the next rule evaluation and fires after its 'for' (1 m).", false);
    }

    /** Starts the API again on the same port. */
    public void restartApi() {
        apiAction("Restart API", RunningStack::startApi, "API started again.", true);
    }

    /** An action on the running stack's API; {@code after} reports the API's new state to {@code apiUp}. */
    private void apiAction(String what, ApiAction action, String done, boolean up) {
        RunningStack stack = running;
        if (stack == null || phase.get() != StackPhase.RUNNING) {
            status.set(what + ": start the stack first.");
            return;
        }
        status.set(what + "…");
        executor.execute(() -> {
            try {
                action.run(stack);
                appendLog(done);
                fx.run(() -> {
                    apiUp.set(up);
                    status.set(done);
                });
                pollOnce();
            } catch (Exception e) {
                appendLog(what + " failed: " + e.getMessage());
                fx.run(() -> status.set(what + " failed: " + e.getMessage()));
            }
        });
    }

    @FunctionalInterface
    private interface ApiAction {
        void run(RunningStack stack) throws Exception;
    }

    /** The running stack, for actions on one part (Kill/Restart API); null when stopped. */
    public RunningStack running() {
        return running;
    }

    public void clearLog() {
        log.clear();
    }

    // --- polling ---------------------------------------------------------------------------------------

    private void startPolling() {
        stopPolling();
        poll = AppExecutor.every(executor, POLL, this::pollOnce);
    }

    private void stopPolling() {
        if (poll != null) {
            poll.cancel(true);
            poll = null;
        }
    }

    /** One round of health checks (public for tests, which call it directly). */
    public void pollOnce() {
        RunningStack stack = running;
        if (stack == null) {
            return;
        }
        PrometheusClient client = stack.prometheusUrl() == null ? null
                : new PrometheusClient(stack.prometheusUrl(), http);
        Chip api = health.api(stack.apiUrl());
        Chip prom = health.prometheus(client);
        Chip graf = health.grafana(stack.grafanaUrl());
        fx.run(() -> {
            Chip before = prometheusChip.get();
            if (prom.level() == Chip.Level.DOWN && before.level() != Chip.Level.DOWN && client != null) {
                status.set("Prometheus at " + client.baseUrl() + " stopped answering; the console keeps trying "
                        + "every " + POLL.toSeconds() + " s.");
            } else if (before.level() == Chip.Level.DOWN && prom.level() != Chip.Level.DOWN && phase.get() == StackPhase.RUNNING) {
                status.set("Prometheus is back. " + stack.describe());
            }
            apiChip.set(api);
            prometheusChip.set(prom);
            grafanaChip.set(graf);
            grafanaReachable.set(graf.level() == Chip.Level.OK);
        });
    }

    private void appendLog(String line) {
        String stamped = LocalTime.now().format(CLOCK) + "  " + line;
        fx.run(() -> {
            if (phase.get() == StackPhase.STARTING) {
                // Progress while images build or pull: the latest line, in the status bar too.
                status.set("Starting… " + (line.length() > 140 ? line.substring(0, 140) + "…" : line));
            }
            log.add(stamped);
            if (log.size() > LOG_LINES) {
                log.remove(0, log.size() - LOG_LINES);
            }
        });
    }

    static String describe(Environment env) {
        StringBuilder sb = new StringBuilder();
        sb.append(env.prometheusUsable() ? "Prometheus found (" + env.prometheusVersion() + ")." : "Prometheus not found.");
        sb.append(env.dockerUsable() ? " Docker ready." : " Docker: " + env.dockerProblem());
        if (!env.busyPorts().isEmpty()) {
            sb.append(" Ports in use: ").append(env.busyPorts()).append(" (the next free ones will be used).");
        }
        return sb.toString();
    }

    // --- state ----------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Environment> environmentProperty() { return environment; }
    public ReadOnlyBooleanProperty probingProperty() { return probing; }
    public ObjectProperty<StackMode> modeProperty() { return mode; }
    public ObjectProperty<StackPorts> portsProperty() { return ports; }
    public StringProperty prometheusPathProperty() { return prometheusPath; }
    public ReadOnlyObjectProperty<StackPhase> phaseProperty() { return phase; }
    public ReadOnlyStringProperty statusProperty() { return status; }
    public ObservableList<String> log() { return FXCollections.unmodifiableObservableList(log); }
    public ReadOnlyObjectProperty<Chip> apiChipProperty() { return apiChip; }
    public ReadOnlyObjectProperty<Chip> prometheusChipProperty() { return prometheusChip; }
    public ReadOnlyObjectProperty<Chip> grafanaChipProperty() { return grafanaChip; }
    /** The current Prometheus, null when none runs: every Prometheus-backed tab follows it. */
    public ReadOnlyObjectProperty<PrometheusClient> prometheusProperty() { return prometheus; }
    public ReadOnlyStringProperty apiUrlProperty() { return apiUrl; }
    public ReadOnlyStringProperty grafanaUrlProperty() { return grafanaUrl; }
    public ReadOnlyBooleanProperty grafanaReachableProperty() { return grafanaReachable; }
    public ReadOnlyBooleanProperty apiUpProperty() { return apiUp; }
    public StackFiles files() { return files; }
}
