package dev.mlobservatory.console.traffic;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.concurrent.Poller;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableValue;

/**
 * The console's traffic controls: rate, error ratio, model mix and drift (live while running), start/stop and
 * Burst, and a readout of what the engine achieved. Each second's snapshot also goes to {@link #samples()} for
 * the Live tab's client-side percentiles.
 */
public final class TrafficModel {

    /** The readout refreshes twice a second so no one-second snapshot is missed. */
    static final Duration POLL = Duration.ofMillis(500);
    public static final double MAX_UI_RATE = 5_000;

    private final ScheduledExecutorService executor;
    private final FxThread fx;
    private final ObservableValue<String> apiUrl;
    private final ClientSamples samples = new ClientSamples();
    private final LoadgenMetrics metrics;

    private final DoubleProperty rate = new SimpleDoubleProperty(20);
    private final DoubleProperty errorRatio = new SimpleDoubleProperty(0);
    private final DoubleProperty v1Share = new SimpleDoubleProperty(0.7);
    private final DoubleProperty drift = new SimpleDoubleProperty(0);
    private final DoubleProperty burstFactor = new SimpleDoubleProperty(10);
    private final DoubleProperty burstSeconds = new SimpleDoubleProperty(10);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper bursting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper achievedRate = new ReadOnlyDoubleWrapper();
    private final ReadOnlyLongWrapper sent = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper errors = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper dropped = new ReadOnlyLongWrapper();
    private final ReadOnlyDoubleWrapper p99Ms = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Traffic stopped.");

    private volatile TrafficEngine engine;
    private final Poller poller;
    private volatile double lastSecond;

    /** @param apiUrl where the API answers; null while no stack runs */
    public TrafficModel(ScheduledExecutorService executor, FxThread fx, ObservableValue<String> apiUrl) {
        this(executor, fx, apiUrl, null);
    }

    /** @param metrics where every run is also counted for Prometheus (loadgen_*); null for none */
    public TrafficModel(ScheduledExecutorService executor, FxThread fx, ObservableValue<String> apiUrl,
                        LoadgenMetrics metrics) {
        this.metrics = metrics;
        this.executor = executor;
        this.poller = new Poller(executor, POLL, this::pollOnce);
        this.fx = fx;
        this.apiUrl = apiUrl;
        rate.addListener((o, a, b) -> push());
        errorRatio.addListener((o, a, b) -> push());
        v1Share.addListener((o, a, b) -> push());
        drift.addListener((o, a, b) -> push());
        apiUrl.addListener((o, a, b) -> {
            if (b == null && running.get()) {
                stop();
                status.set("Traffic stopped: the stack stopped.");
            }
        });
    }

    /** Starts sending to the API at the set rate. Call on the FX thread. */
    public void start() {
        String url = apiUrl.getValue();
        if (running.get()) {
            return;
        }
        if (url == null) {
            status.set("Start the stack first: traffic needs a running API.");
            return;
        }
        TrafficSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            status.set("Cannot start traffic: " + e.getMessage());
            return;
        }
        engine = new TrafficEngine(url, settings, System.nanoTime(), samples.latencies(), metrics);
        engine.start();
        samples.clear();
        lastSecond = 0;
        sent.set(0);
        errors.set(0);
        dropped.set(0);
        running.set(true);
        status.set("Sending to " + url);
        poller.start();
    }

    /** Stops sending; in-flight requests finish or are cancelled within a second, off the FX thread. */
    public void stop() {
        if (!running.get()) {
            return;
        }
        running.set(false);
        bursting.set(false);
        poller.stop();
        TrafficEngine stopping = engine;
        engine = null;
        status.set("Traffic stopped.");
        if (stopping != null) {
            executor.execute(stopping::close);
        }
    }

    /** Multiplies the rate by the burst factor for the burst duration; it comes back by itself. */
    public void burst() {
        if (!running.get()) {
            start();
        }
        if (engine != null) {
            engine.burst(burstFactor.get(), Duration.ofMillis((long) (burstSeconds.get() * 1000)));
            bursting.set(true);
            status.set(String.format(Locale.ROOT, "Burst: ×%.0f for %.0f s", burstFactor.get(), burstSeconds.get()));
        }
    }

    /** Blocking stop for the application's exit. */
    public void close() {
        running.set(false);
        poller.stop();
        TrafficEngine e = engine;
        engine = null;
        if (e != null) {
            e.close();
        }
    }

    TrafficSettings settings() {
        return TrafficSettings.defaults()
                .withRate(rate.get())
                .withErrorRatio(errorRatio.get())
                .withMix(ModelMix.of(v1Share.get(), 1 - v1Share.get()))
                .withDrift(drift.get());
    }

    private void push() {
        TrafficEngine e = engine;
        if (e == null) {
            return;
        }
        try {
            TrafficSettings next = settings();
            e.update(s -> next);
        } catch (IllegalArgumentException ex) {
            status.set("Ignored: " + ex.getMessage());
        }
    }

    /** Reads the engine's last second (public for tests). */
    public void pollOnce() {
        TrafficEngine e = engine;
        if (e == null) {
            return;
        }
        TrafficSnapshot s = e.latest();
        if (s == null || s.second() <= lastSecond) {
            fx.run(() -> {
                if (engine == e) {
                    bursting.set(e.bursting());
                }
            });
            return;
        }
        lastSecond = s.second();
        samples.add(System.currentTimeMillis() / 1000.0, s);
        fx.run(() -> {
            // Read on the FX thread, not before handing over: a Burst clicked, or a stop, between the two must not
            // be undone by this older reading. A stopped engine's last poll publishes nothing.
            if (engine != e) {
                return;
            }
            boolean burstingNow = e.bursting();
            bursting.set(burstingNow);
            achievedRate.set(s.achievedRate());
            sent.set(sent.get() + s.sent());
            errors.set(errors.get() + s.clientErrors() + s.serverErrors() + s.transportErrors());
            dropped.set(dropped.get() + s.dropped());
            p99Ms.set(s.p99Ms());
            if (s.transportErrors() > 0 && s.ok() == 0) {
                status.set("The API does not answer: requests fail (is it stopped?).");
            } else if (running.get() && !burstingNow) {
                status.set("Sending to " + apiUrl.getValue());
            }
        });
    }

    public ClientSamples samples() { return samples; }
    public DoubleProperty rateProperty() { return rate; }
    public DoubleProperty errorRatioProperty() { return errorRatio; }
    public DoubleProperty v1ShareProperty() { return v1Share; }
    public DoubleProperty driftProperty() { return drift; }
    public DoubleProperty burstFactorProperty() { return burstFactor; }
    public DoubleProperty burstSecondsProperty() { return burstSeconds; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty burstingProperty() { return bursting.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty achievedRateProperty() { return achievedRate.getReadOnlyProperty(); }
    public ReadOnlyLongProperty sentProperty() { return sent.getReadOnlyProperty(); }
    public ReadOnlyLongProperty errorsProperty() { return errors.getReadOnlyProperty(); }
    public ReadOnlyLongProperty droppedProperty() { return dropped.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty p99MsProperty() { return p99Ms.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
}
