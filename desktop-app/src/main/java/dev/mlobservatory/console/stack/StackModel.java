package dev.mlobservatory.console.stack;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.env.Environment;
import dev.mlobservatory.console.install.Version;
import dev.mlobservatory.console.prom.PrometheusAbsence;
import dev.mlobservatory.console.prom.PrometheusClient;
import java.nio.file.Path;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import okhttp3.OkHttpClient;

/**
 * The stack's life: start in the mode its {@link StackSetup} chose, stop, Kill and Restart API, Restart Prometheus.
 * Every process action runs on the executor; the state comes back as one {@link StackState} through
 * {@link FxThread}. What it does is told in its {@link StackLog}; how each part is doing, by {@link StackHealth}.
 */
public final class StackModel {

    private final ScheduledExecutorService executor;
    private final FxThread fx;
    private final ChildProcesses children;
    private final Path home;
    private final OkHttpClient http;
    private final StackSetup setup;
    private final StackLog log;
    private final LoadgenEndpoint loadgen;
    private final ReceiverEndpoint receiver;

    /** The one source of truth: every part of the stack that must agree, set in one step (see {@link #publish}). */
    private volatile StackState current = StackState.STOPPED;
    /** {@link #current} once every property shows it: what readers on other threads get from {@link #state()}. */
    private volatile StackState published = StackState.STOPPED;
    private final ReadOnlyObjectWrapper<StackPhase> phase = new ReadOnlyObjectWrapper<>(StackPhase.STOPPED);
    private final ReadOnlyObjectWrapper<PrometheusClient> prometheus = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper apiUrl = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper grafanaUrl = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper alertmanager = new ReadOnlyStringWrapper();
    /** False after Kill API until Restart API: what the Chaos panel's buttons follow. */
    private final ReadOnlyBooleanWrapper apiUp = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper prometheusExit = new ReadOnlyStringWrapper();
    /** Why there is no Prometheus to ask, null while there is one: so each tab says what is true. */
    private final ReadOnlyObjectWrapper<PrometheusAbsence> prometheusAbsence =
            new ReadOnlyObjectWrapper<>(PrometheusAbsence.NOT_STARTED);

    private volatile RunningStack running;
    private volatile Future<?> starting;

    /** @param http the console's one client, which the Prometheus-backed tabs will query through */
    public StackModel(ScheduledExecutorService executor, FxThread fx, ChildProcesses children, Path home,
                      OkHttpClient http, StackSetup setup, StackLog log) {
        this(executor, fx, children, home, http, setup, log, LoadgenEndpoint.NONE);
    }

    /** @param loadgen where each mode's Prometheus finds the console's traffic metrics */
    public StackModel(ScheduledExecutorService executor, FxThread fx, ChildProcesses children, Path home,
                      OkHttpClient http, StackSetup setup, StackLog log, LoadgenEndpoint loadgen) {
        this(executor, fx, children, home, http, setup, log, loadgen, ReceiverEndpoint.NONE);
    }

    /** @param receiver where each mode's Alertmanager posts its notifications: the console's receiver */
    public StackModel(ScheduledExecutorService executor, FxThread fx, ChildProcesses children, Path home,
                      OkHttpClient http, StackSetup setup, StackLog log, LoadgenEndpoint loadgen,
                      ReceiverEndpoint receiver) {
        this.loadgen = loadgen;
        this.receiver = receiver;
        this.executor = executor;
        this.fx = fx;
        this.children = children;
        this.home = home;
        this.http = http;
        this.setup = setup;
        this.log = log;
        setup.keepModeWhile(() -> current.phase() != StackPhase.STOPPED && current.phase() != StackPhase.FAILED);
    }

    // --- commands ---------------------------------------------------------------------------------------

    /** Starts the stack in the mode the setup chose, once it has probed the machine. */
    public void start() {
        Environment env = setup.environment();
        StackMode m = setup.modeProperty().get();
        if (env == null) {
            return;
        }
        if (m == StackMode.DOCKER && !env.dockerUsable()) {
            log.say("Docker mode is not available: " + env.dockerProblem());
            return;
        }
        synchronized (this) {
            if (current.phase().busy() || current.running()) {
                return;
            }
            publish(StackState.idle(StackPhase.STARTING));
        }
        StackPorts p = setup.portsProperty().get();
        StackFiles files = setup.files();
        log.say("Starting the stack (" + m + ")…");
        starting = executor.submit(() -> {
            try {
                if (m == StackMode.DOCKER) {
                    openLoadgenForDocker();
                    openReceiverForDocker();
                }
                RunningStack stack = m == StackMode.DOCKER
                        ? DockerStack.start(env.compose(), files.composeFile(), p, children, this::progress)
                        : LocalStack.start(p, files, env.prometheus(),
                                Version.find(env.prometheusVersion()).orElse(null), env.alertmanager(), receiver,
                                children, home, this::progress, this::prometheusExited, this::alertmanagerExited,
                                loadgen.localTarget());
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
                log.say("Running. " + stack.describe());
            } catch (InterruptedException e) {
                endStart(StackPhase.STOPPED, "Start cancelled.");
            } catch (Exception e) {
                log.append("Start failed: " + e.getMessage(), false);
                endStart(StackPhase.FAILED, "Could not start the stack: " + e.getMessage());
            }
        });
    }

    /** Not fatal: without it the stack works, only the loadgen target shows down; the log says why and what to do. */
    private void openLoadgenForDocker() {
        try {
            progress("Traffic metrics for Docker's Prometheus on " + loadgen.openForDocker() + " (job loadgen).");
        } catch (java.io.IOException e) {
            progress("Traffic metrics: " + e.getMessage() + ". Docker's Prometheus will show job loadgen down; "
                    + "free the port, or set port.loadgen in settings.properties and the loadgen target in "
                    + "stack/prometheus/prometheus.yml to another one.");
        }
    }

    /** Not fatal either: Alertmanager then fails its sends (its log says so) and the console shows no notification. */
    private void openReceiverForDocker() {
        try {
            String where = receiver.openForDocker();
            if (where != null) {
                progress("Notifications from Docker's Alertmanager to " + where + ".");
            }
        } catch (java.io.IOException e) {
            progress("Notifications: " + e.getMessage() + ". Docker's Alertmanager cannot reach the console; free "
                    + "the port, or set port.receiver in settings.properties and the webhook URL in "
                    + "stack/alertmanager/alertmanager.yml to another one.");
        }
    }

    private void endStart(StackPhase phase, String why) {
        loadgen.closeForDocker();
        receiver.closeForDocker();
        synchronized (this) {
            if (current.phase() == StackPhase.STARTING) {
                publish(StackState.idle(phase));
            }
        }
        log.say(why);
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
        log.say("Stopping…");
        Future<?> pending = starting;
        if (pending != null) {
            pending.cancel(true);
        }
        executor.execute(() -> {
            stopNow();
            log.say("Stopped. Nothing the console started is running.");
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
        loadgen.closeForDocker();
        receiver.closeForDocker();
        children.stopAll();
        synchronized (this) {
            if (current.phase() != StackPhase.STARTING) {
                publish(StackState.STOPPED);
            }
        }
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
        log.say("Restarting Prometheus…");
        executor.execute(() -> {
            try {
                stack.restartPrometheus();
                synchronized (this) {
                    if (running == stack) {
                        publish(current.withPrometheusExit(null));
                    }
                }
                log.append("Prometheus restarted; its data folder was kept.", false);
                log.say("Prometheus restarted. " + stack.describe());
            } catch (Exception e) {
                log.append("Restart Prometheus failed: " + e.getMessage(), false);
                log.say("Could not restart Prometheus: " + e.getMessage());
            }
        });
    }

    /** The Prometheus child ended without the console asking (killed, crashed): say so, offer a restart. */
    private void prometheusExited(String why) {
        log.append(why, false);
        synchronized (this) {
            if (running == null || !current.running()) {
                return; // a stop in progress: expected
            }
            publish(current.withPrometheusExit(why));
            log.say(why + " Press Restart Prometheus (its data is kept).");
        }
    }

    /**
     * The Alertmanager child ended without the console asking: notifications and silences are off until the stack
     * starts again (its silences live in the stack's temporary folder, so a restart alone would not bring them back).
     */
    private void alertmanagerExited(String why) {
        synchronized (this) {
            if (running == null || !current.running()) {
                return; // a stop in progress: expected
            }
            publish(current.withoutAlertmanager());
            log.say(why + " Notifications and silences are off: Stop and Start the stack to bring it back.");
        }
    }

    /** An action on the running stack's API; {@code up} is the API's state after it. */
    private void apiAction(String what, ApiAction action, String done, boolean up) {
        RunningStack stack = running;
        if (stack == null || !current.running()) {
            log.say(what + ": start the stack first.");
            return;
        }
        log.say(what + "…");
        executor.execute(() -> {
            try {
                action.run(stack);
                log.append(done, false);
                synchronized (this) {
                    if (running == stack) {
                        publish(current.withApiUp(up));
                    }
                }
                log.say(done);
            } catch (Exception e) {
                log.append(what + " failed: " + e.getMessage(), false);
                log.say(what + " failed: " + e.getMessage());
            }
        });
    }

    /** A line of a start in progress: in the log, and in the status line while starting. */
    private void progress(String line) {
        log.append(line, current.phase() == StackPhase.STARTING);
    }

    /**
     * Makes {@code next} the state: at once for the model's own decisions, then on the FX thread for the
     * properties. The URLs and the Prometheus client come first, then {@link #state()}, so a reader on any thread
     * that sees a state also finds those properties set to it (the traffic model reads the API's URL); the API's
     * up flag and the phase come last, so their listeners (the health poll, which reads {@link #state()}) see
     * parts that agree with them. Called with this model's lock held, which keeps FX updates in order.
     */
    private void publish(StackState next) {
        current = next;
        fx.run(() -> {
            apiUrl.set(next.apiUrl());
            grafanaUrl.set(next.grafanaUrl());
            alertmanager.set(next.alertmanagerUrl());
            // Before the client: whoever follows the client reads why it is null.
            prometheusAbsence.set(next.prometheus() != null ? null
                    : next.running() ? PrometheusAbsence.NOT_INSTALLED : PrometheusAbsence.NOT_STARTED);
            prometheus.set(next.prometheus());
            prometheusExit.set(next.prometheusExit());
            published = next;
            apiUp.set(next.apiUp());
            phase.set(next.phase());
        });
    }

    @FunctionalInterface
    private interface ApiAction {
        void run(RunningStack stack) throws Exception;
    }

    /** What runs where ("Local: API on 127.0.0.1:8080, …"); empty while nothing runs. */
    String describe() {
        RunningStack stack = running;
        return stack == null ? "" : stack.describe();
    }

    // --- state ----------------------------------------------------------------------------------------

    /** The whole state, thread-safe: read it once and use its parts, never several properties one after another. */
    public StackState state() { return published; }
    public ReadOnlyObjectProperty<StackPhase> phaseProperty() { return phase.getReadOnlyProperty(); }
    /** Why the console's Prometheus child died, null while it runs (or none was started). */
    public ReadOnlyStringProperty prometheusExitProperty() { return prometheusExit.getReadOnlyProperty(); }
    /** The current Prometheus, null when none runs: every Prometheus-backed tab follows it. */
    public ReadOnlyObjectProperty<PrometheusClient> prometheusProperty() { return prometheus.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<PrometheusAbsence> prometheusAbsenceProperty() {
        return prometheusAbsence.getReadOnlyProperty();
    }
    public ReadOnlyStringProperty apiUrlProperty() { return apiUrl.getReadOnlyProperty(); }
    public ReadOnlyStringProperty grafanaUrlProperty() { return grafanaUrl.getReadOnlyProperty(); }
    /** The running stack's Alertmanager (e.g. {@code http://127.0.0.1:9093}), null when none runs. */
    public ReadOnlyStringProperty alertmanagerProperty() { return alertmanager.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty apiUpProperty() { return apiUp.getReadOnlyProperty(); }
    public StackSetup setup() { return setup; }
    public StackLog log() { return log; }
}
