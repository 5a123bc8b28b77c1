package dev.mlobservatory.console.stack;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.concurrent.Poller;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.ui.Chip;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chip per part of the running stack (API, Prometheus, Grafana), asked every two seconds while the stack runs,
 * and at once after the stack changes (Kill API, Restart Prometheus). Grey while nothing runs.
 */
public final class StackHealth {

    private static final Logger LOG = LoggerFactory.getLogger(StackHealth.class);

    static final Duration POLL = Duration.ofSeconds(2);
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final FxThread fx;
    private final StackModel stack;
    private final StackLog log;
    private final OkHttpClient http;
    private final HealthPoller checks;
    private final Poller poller;
    /** The health checks' client of the running Prometheus: one per Prometheus, not one per poll. */
    private volatile PrometheusClient prometheus;

    private final ReadOnlyObjectWrapper<Chip> apiChip = new ReadOnlyObjectWrapper<>(idleApi());
    private final ReadOnlyObjectWrapper<Chip> prometheusChip = new ReadOnlyObjectWrapper<>(idlePrometheus());
    private final ReadOnlyObjectWrapper<Chip> grafanaChip = new ReadOnlyObjectWrapper<>(idleGrafana());
    private final ReadOnlyBooleanWrapper grafanaReachable = new ReadOnlyBooleanWrapper();

    /**
     * @param http the console's client; the checks use a variant of it that shares its connections and threads
     *             (so it is shut down with it) and answers within {@link #TIMEOUT} or counts as down: a hung
     *             Prometheus (stopped, swapping) must turn its chip red at the next poll, not after the 15 s a slow
     *             query is allowed
     */
    public StackHealth(ScheduledExecutorService executor, FxThread fx, OkHttpClient http, StackModel stack,
                       StackLog log) {
        this.fx = fx;
        this.stack = stack;
        this.log = log;
        this.http = http.newBuilder().callTimeout(TIMEOUT).readTimeout(TIMEOUT).build();
        this.checks = new HealthPoller(this.http);
        this.poller = new Poller(executor, POLL, this::pollOnce);
        stack.phaseProperty().addListener((o, was, phase) -> follow(phase));
        stack.apiUpProperty().addListener((o, was, up) -> poller.runSoon());
        stack.prometheusExitProperty().addListener((o, was, why) -> poller.runSoon());
        follow(stack.phaseProperty().get());
    }

    /** Polls while the stack runs; greys the chips out once it does not. On the FX thread. */
    private void follow(StackPhase phase) {
        if (phase == StackPhase.RUNNING) {
            poller.start();
            return;
        }
        poller.stop();
        apiChip.set(idleApi());
        prometheusChip.set(idlePrometheus());
        grafanaChip.set(idleGrafana());
        grafanaReachable.set(false);
    }

    /** Stops polling; for the console's exit. */
    public void stop() {
        poller.stop();
    }

    /** One round of health checks; blocking (public for tests, which call it directly). */
    public void pollOnce() {
        StackState polled = stack.state();
        if (!polled.running()) {
            return;
        }
        PrometheusClient client = client(polled.prometheus());
        Chip api = checks.api(polled.apiUrl());
        Chip prom = checks.prometheus(client);
        Chip graf = checks.grafana(polled.grafanaUrl());
        fx.run(() -> publish(polled, client, api, prom, graf));
    }

    /**
     * Shows one poll's chips, against the state of this moment: a poll that took seconds must neither paint chips
     * over a stopped stack nor promise "keeps trying" after the child's exit was reported. Synchronized because
     * a test's direct poll and the poller's may publish at once where no FX thread orders them.
     */
    private synchronized void publish(StackState polled, PrometheusClient client, Chip api, Chip prom, Chip graf) {
        StackState now = stack.state();
        if (!now.running() || !Objects.equals(now.apiUrl(), polled.apiUrl())) {
            return;
        }
        Chip before = prometheusChip.get();
        if (now.prometheusExit() != null) {
            // the child's own exit already said why and offers Restart Prometheus
        } else if (prom.level() == Chip.Level.DOWN && before.level() != Chip.Level.DOWN && client != null) {
            log.say("Prometheus at " + client.baseUrl() + " stopped answering; the console keeps trying every "
                    + POLL.toSeconds() + " s.");
        } else if (before.level() == Chip.Level.DOWN && prom.level() != Chip.Level.DOWN) {
            log.say("Prometheus is back. " + stack.describe());
        }
        if (prom.level() == Chip.Level.OK && before.level() != Chip.Level.OK) {
            LOG.info("Prometheus chip green: {}", prom.text()); // the README's start-up timings come from this line
        }
        apiChip.set(api);
        prometheusChip.set(prom);
        grafanaChip.set(graf);
        grafanaReachable.set(graf.level() == Chip.Level.OK);
    }

    private PrometheusClient client(PrometheusClient running) {
        if (running == null) {
            return null;
        }
        PrometheusClient mine = prometheus;
        if (mine == null || !mine.baseUrl().equals(running.baseUrl())) {
            mine = new PrometheusClient(running.baseUrl(), http);
            prometheus = mine;
        }
        return mine;
    }

    private static Chip idleApi() {
        return Chip.idle("API", "not started");
    }

    private static Chip idlePrometheus() {
        return Chip.idle("Prometheus", "not started");
    }

    private static Chip idleGrafana() {
        return Chip.idle("Grafana", "only in Docker mode");
    }

    public ReadOnlyObjectProperty<Chip> apiChipProperty() { return apiChip.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Chip> prometheusChipProperty() { return prometheusChip.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Chip> grafanaChipProperty() { return grafanaChip.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty grafanaReachableProperty() { return grafanaReachable.getReadOnlyProperty(); }
}
