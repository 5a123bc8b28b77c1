package dev.mlobservatory.console.stack;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.concurrent.Poller;
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
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(3);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ScheduledExecutorService executor;
    private final FxThread fx;
    private final ChildProcesses children;
    private final StackFiles files;
    private final Path home;
    private final OkHttpClient http;
    private final OkHttpClient healthHttp;
    private final HealthPoller checks;

    private final ReadOnlyObjectWrapper<Environment> environment = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper probing = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<StackMode> mode = new SimpleObjectProperty<>(StackMode.LOCAL);
    private final ObjectProperty<StackPorts> ports = new SimpleObjectProperty<>(StackPorts.DEFAULT);
    private final StringProperty prometheusPath = new SimpleStringProperty("");
    /** The one source of truth: every part of the stack that must agree, set in one step (see {@link #publish}). */
    private volatile StackState current = StackState.STOPPED;
    /** {@link #current} once every property shows it: what readers on other threads get from {@link #state()}. */
    private volatile StackState published = StackState.STOPPED;
    private final ReadOnlyObjectWrapper<StackPhase> phase = new ReadOnlyObjectWrapper<>(StackPhase.STOPPED);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Checking what is installed…");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Chip> apiChip = new ReadOnlyObjectWrapper<>(Chip.idle("API", "not started"));
    private final ReadOnlyObjectWrapper<Chip> prometheusChip = new ReadOnlyObjectWrapper<>(Chip.idle("Prometheus", "not started"));
    private final ReadOnlyObjectWrapper<Chip> grafanaChip = new ReadOnlyObjectWrapper<>(Chip.idle("Grafana", "only in Docker mode"));
    private final ReadOnlyObjectWrapper<PrometheusClient> prometheus = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper apiUrl = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper grafanaUrl = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper grafanaReachable = new ReadOnlyBooleanWrapper();
    /** False after Kill API until Restart API: what the Chaos panel's buttons follow. */
    private final ReadOnlyBooleanWrapper apiUp = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper prometheusExit = new ReadOnlyStringWrapper();

    private volatile RunningStack running;
    /** The latest probe's answer, for readers off the FX thread; set after the mode it implies. */
    private volatile Environment probed;
    private volatile Future<?> starting;
    private final Poller health;

    public StackModel(ScheduledExecutorService executor, FxThread fx, ChildProcesses children, StackFiles files,
                      Path home, OkHttpClient http) {
        this.executor = executor;
        this.fx = fx;
        this.children = children;
        this.files = files;
        this.home = home;
        this.http = http;
        // Health checks answer within seconds or count as down: a hung Prometheus (stopped, swapping) must turn
        // its chip red at the next poll, not after the 15 s a slow query is allowed. Same connection pool.
        this.healthHttp = http.newBuilder().callTimeout(HEALTH_TIMEOUT).readTimeout(HEALTH_TIMEOUT).build();
        this.checks = new HealthPoller(healthHttp);
        this.health = new Poller(executor, POLL, this::pollOnce);
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
                StackPhase now = current.phase();
                if (now == StackPhase.STOPPED || now == StackPhase.FAILED) {
                    // Docker is the fuller picture (Grafana too) when it truly works; else Local.
                    mode.set(env.dockerUsable() ? StackMode.DOCKER : StackMode.LOCAL);
                    status.set(describe(env));
                }
                // The result last: whoever waits for it finds the mode already chosen.
                probed = env;
                environment.set(env);
                probing.set(false);
            });
        });
    }

    /** Starts the stack in the chosen mode. */
    public void start() {
        Environment env = environment.get();
        StackMode m = mode.get();
        if (env == null) {
            return;
        }
        if (m == StackMode.DOCKER && !env.dockerUsable()) {
            status.set("Docker mode is not available: " + env.dockerProblem());
            return;
        }
        synchronized (this) {
            if (current.phase().busy() || current.running()) {
                return;
            }
            publish(StackState.idle(StackPhase.STARTING));
        }
        StackPorts p = ports.get();
        status.set("Starting the stack (" + m + ")…");
        starting = executor.submit(() -> {
            try {
                RunningStack stack = m == StackMode.DOCKER
                        ? DockerStack.start(env.compose(), files.composeFile(), p, children, this::appendLog)
                        : LocalStack.start(p, files, env.prometheus(), children, home, this::appendLog,
                                this::prometheusExited);
                boolean stopped;
                synchronized (this) {
                    stopped = current.phase() != StackPhase.STARTING;
                    if (!stopped) {
                        running = stack;
                        publish(StackState.running(stack, stack.prometheusUrl() == null ? null
                                : new PrometheusClient(stack.prometheusUrl(), http)));
                    }
                }
                if (stopped) {
                    stack.close(); // Stop was pressed while the last step finished: it wins
                    return;
                }
                fx.run(() -> {
                    status.set("Running. " + stack.describe());
                    health.start();
                });
            } catch (InterruptedException e) {
                endStart(StackPhase.STOPPED, "Start cancelled.");
            } catch (Exception e) {
                appendLog("Start failed: " + e.getMessage());
                endStart(StackPhase.FAILED, "Could not start the stack: " + e.getMessage());
            }
        });
    }

    private void endStart(StackPhase phase, String why) {
        synchronized (this) {
            if (current.phase() == StackPhase.STARTING) {
                publish(StackState.idle(phase));
            }
        }
        fx.run(() -> status.set(why));
    }

    /** Stops what the console started (also cancels a start in progress). */
    public void stop() {
        synchronized (this) {
            StackPhase now = current.phase();
            if (now == StackPhase.STOPPED || now == StackPhase.STOPPING) {
                return;
            }
            publish(current.withPhase(StackPhase.STOPPING));
        }
        status.set("Stopping…");
        health.stop();
        Future<?> pending = starting;
        if (pending != null) {
            pending.cancel(true);
        }
        executor.execute(() -> {
            stopNow();
            fx.run(() -> status.set("Stopped. Nothing the console started is running."));
        });
    }

    /** Blocking stop for the application's exit: the stack, then any child left. Safe to call twice. */
    public void stopNow() {
        RunningStack stack;
        synchronized (this) {
            stack = running;
            running = null;
        }
        if (stack != null) {
            stack.close();
        }
        children.stopAll();
        synchronized (this) {
            if (current.phase() != StackPhase.STARTING) {
                publish(StackState.STOPPED);
            }
        }
        fx.run(() -> {
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

    /** Starts the console's Prometheus child again after it died, on the same port with the same data. */
    public void restartPrometheus() {
        RunningStack stack = running;
        if (stack == null || current.prometheusExit() == null) {
            return;
        }
        status.set("Restarting Prometheus…");
        executor.execute(() -> {
            try {
                stack.restartPrometheus();
                synchronized (this) {
                    if (running == stack) {
                        publish(current.withPrometheusExit(null));
                    }
                }
                appendLog("Prometheus restarted; its data folder was kept.");
                fx.run(() -> status.set("Prometheus restarted. " + stack.describe()));
                pollOnce();
            } catch (Exception e) {
                appendLog("Restart Prometheus failed: " + e.getMessage());
                fx.run(() -> status.set("Could not restart Prometheus: " + e.getMessage()));
            }
        });
    }

    /** The Prometheus child ended without the console asking (killed, crashed): say so, offer a restart. */
    private void prometheusExited(String why) {
        appendLog(why);
        synchronized (this) {
            if (running == null || !current.running()) {
                return; // a stop in progress: expected
            }
            publish(current.withPrometheusExit(why));
            fx.run(() -> status.set(why + " Press Restart Prometheus (its data is kept)."));
        }
    }

    /** An action on the running stack's API; {@code after} reports the API's new state to {@code apiUp}. */
    private void apiAction(String what, ApiAction action, String done, boolean up) {
        RunningStack stack = running;
        if (stack == null || !current.running()) {
            status.set(what + ": start the stack first.");
            return;
        }
        status.set(what + "…");
        executor.execute(() -> {
            try {
                action.run(stack);
                appendLog(done);
                synchronized (this) {
                    if (running == stack) {
                        publish(current.withApiUp(up));
                    }
                }
                fx.run(() -> status.set(done));
                pollOnce();
            } catch (Exception e) {
                appendLog(what + " failed: " + e.getMessage());
                fx.run(() -> status.set(what + " failed: " + e.getMessage()));
            }
        });
    }

    /**
     * Makes {@code next} the state: at once for the model's own decisions, then on the FX thread for the
     * properties, the parts first and the phase last, so that a listener of the phase reads parts that agree with
     * it; {@link #state()} follows last of all, so a reader on any thread that sees a state
     * also sees every property set to it. Called with this model's lock held, which keeps FX updates in order.
     */
    private void publish(StackState next) {
        current = next;
        fx.run(() -> {
            apiUrl.set(next.apiUrl());
            grafanaUrl.set(next.grafanaUrl());
            prometheus.set(next.prometheus());
            apiUp.set(next.apiUp());
            prometheusExit.set(next.prometheusExit());
            phase.set(next.phase());
            published = next;
        });
    }

    @FunctionalInterface
    private interface ApiAction {
        void run(RunningStack stack) throws Exception;
    }

    // --- polling ---------------------------------------------------------------------------------------

    /** One round of health checks (public for tests, which call it directly). */
    public void pollOnce() {
        RunningStack stack = running;
        if (stack == null) {
            return;
        }
        PrometheusClient client = stack.prometheusUrl() == null ? null
                : new PrometheusClient(stack.prometheusUrl(), healthHttp);
        Chip api = checks.api(stack.apiUrl());
        Chip prom = checks.prometheus(client);
        Chip graf = checks.grafana(stack.grafanaUrl());
        fx.run(() -> {
            // Decided under the lock, against the state of this moment: a poll that took seconds must neither
            // paint chips over a stopped stack nor promise "keeps trying" after the child's exit was reported.
            synchronized (this) {
                StackState now = current;
                if (running != stack) {
                    return;
                }
                Chip before = prometheusChip.get();
                if (now.prometheusExit() != null) {
                    // the child's own exit already said why and offers Restart Prometheus
                } else if (prom.level() == Chip.Level.DOWN && before.level() != Chip.Level.DOWN && client != null) {
                    status.set("Prometheus at " + client.baseUrl() + " stopped answering; the console keeps trying "
                            + "every " + POLL.toSeconds() + " s.");
                } else if (before.level() == Chip.Level.DOWN && prom.level() != Chip.Level.DOWN && now.running()) {
                    status.set("Prometheus is back. " + stack.describe());
                }
                apiChip.set(api);
                prometheusChip.set(prom);
                grafanaChip.set(graf);
                grafanaReachable.set(graf.level() == Chip.Level.OK);
            }
        });
    }

    private void appendLog(String line) {
        String stamped = LocalTime.now().format(CLOCK) + "  " + line;
        fx.run(() -> {
            if (current.phase() == StackPhase.STARTING) {
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
        if (env.prometheusNote() != null) {
            sb.append(env.prometheusNote()).append(' ');
        }
        sb.append(env.prometheusUsable() ? "Prometheus found (" + env.prometheusVersion() + ")." : "Prometheus not found.");
        sb.append(env.dockerUsable() ? " Docker ready." : " Docker: " + env.dockerProblem());
        if (!env.busyPorts().isEmpty()) {
            sb.append(" Ports in use: ").append(env.busyPorts()).append(" (the next free ones will be used).");
        }
        return sb.toString();
    }

    // --- state ----------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Environment> environmentProperty() { return environment.getReadOnlyProperty(); }
    /** The latest probe's answer, thread-safe; null until the first probe ends. */
    public Environment environment() { return probed; }
    public ReadOnlyBooleanProperty probingProperty() { return probing.getReadOnlyProperty(); }
    public ObjectProperty<StackMode> modeProperty() { return mode; }
    public ObjectProperty<StackPorts> portsProperty() { return ports; }
    public StringProperty prometheusPathProperty() { return prometheusPath; }
    /** The whole state, thread-safe: read it once and use its parts, never several properties one after another. */
    public StackState state() { return published; }
    public ReadOnlyObjectProperty<StackPhase> phaseProperty() { return phase.getReadOnlyProperty(); }
    /** Why the console's Prometheus child died, null while it runs (or none was started). */
    public ReadOnlyStringProperty prometheusExitProperty() { return prometheusExit.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ObservableList<String> log() { return FXCollections.unmodifiableObservableList(log); }
    public ReadOnlyObjectProperty<Chip> apiChipProperty() { return apiChip.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Chip> prometheusChipProperty() { return prometheusChip.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Chip> grafanaChipProperty() { return grafanaChip.getReadOnlyProperty(); }
    /** The current Prometheus, null when none runs: every Prometheus-backed tab follows it. */
    public ReadOnlyObjectProperty<PrometheusClient> prometheusProperty() { return prometheus.getReadOnlyProperty(); }
    public ReadOnlyStringProperty apiUrlProperty() { return apiUrl.getReadOnlyProperty(); }
    public ReadOnlyStringProperty grafanaUrlProperty() { return grafanaUrl.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty grafanaReachableProperty() { return grafanaReachable.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty apiUpProperty() { return apiUp.getReadOnlyProperty(); }
    public StackFiles files() { return files; }
}
