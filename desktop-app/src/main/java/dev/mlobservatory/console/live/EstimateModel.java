package dev.mlobservatory.console.live;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.concurrent.Poller;
import dev.mlobservatory.console.prom.PrometheusAbsence;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.prom.PrometheusException;
import dev.mlobservatory.console.prom.QueryResult;
import dev.mlobservatory.console.traffic.LatencyWindow;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;

/**
 * "How good is the estimate?": while it is open, every refresh asks Prometheus for p50/p95/p99 over the rate window from the classic
 * buckets and from the native histogram (the dashboard's two estimate panels, as instant queries), reads what the
 * traffic engine measured over the same window, and publishes them as one immutable {@link Estimate}. Without
 * Prometheus the engine's column still comes, and the message says why the others do not.
 */
public final class EstimateModel {

    private final FxThread fx;
    private final Poller poller;
    private final List<DashboardQueries.Target> classic;
    private final List<DashboardQueries.Target> nativeOnes;
    private final double classicScale;
    private final double nativeScale;
    private final LatencyWindow engine;
    private final Duration window;
    private final LongSupplier clock;
    private volatile PrometheusClient prometheus;
    /** Why there is no Prometheus while there is none; told by {@link #explainAbsence}. */
    private volatile PrometheusAbsence absence = PrometheusAbsence.NOT_STARTED;
    /** Guards the refresh and the version below; never held by the FX thread. */
    private final Object refreshLock = new Object();
    /** The Prometheus whose version was last asked, and its answer: the version is asked once per Prometheus. */
    private PrometheusClient versionOf;
    private String version;

    private final ReadOnlyObjectWrapper<Estimate> estimate = new ReadOnlyObjectWrapper<>(this, "estimate");
    /** Whether the view is open (the user's choice; closed at start, so the charts keep the whole tab). */
    private final BooleanProperty open = new SimpleBooleanProperty(this, "open", false);
    /** {@link #open} for the executor's threads, which must not read a JavaFX property. */
    private volatile boolean shown;

    /**
     * @param executor the application's executor: queries run there
     * @param fx where state is published
     * @param prometheus the current Prometheus, null when none runs; changes are followed
     * @param queries the dashboard's panels, the two estimate panels among them
     * @param engine the traffic engine's latencies by wall-clock second
     * @param settings the refresh period and the rate window
     * @throws IllegalArgumentException when an estimate panel lacks a quantile or has a unit other than a time
     */
    public EstimateModel(ScheduledExecutorService executor, FxThread fx, ObservableValue<PrometheusClient> prometheus,
                         DashboardQueries queries, LatencyWindow engine, LiveSettings settings) {
        this(executor, fx, prometheus, queries, engine, settings, System::currentTimeMillis);
    }

    /** @param clock the wall clock in epoch ms, which places the engine's window (tests fix it) */
    EstimateModel(ScheduledExecutorService executor, FxThread fx, ObservableValue<PrometheusClient> prometheus,
                  DashboardQueries queries, LatencyWindow engine, LiveSettings settings, LongSupplier clock) {
        this.fx = fx;
        this.clock = clock;
        this.engine = engine;
        Duration rate = settings.rateWindow();
        // The engine keeps two minutes; a longer window (a slow scrape) is compared over the last two.
        Duration most = Duration.ofSeconds(LatencyWindow.CAPACITY_SECONDS);
        this.window = rate.compareTo(most) > 0 ? most : rate.compareTo(Duration.ofSeconds(1)) < 0
                ? Duration.ofSeconds(1) : rate;
        DashboardQueries.Panel c = queries.resolved(DashboardQueries.CLASSIC_ESTIMATE_PANEL, settings.rateInterval());
        DashboardQueries.Panel n = queries.resolved(DashboardQueries.NATIVE_ESTIMATE_PANEL, settings.rateInterval());
        this.classic = byQuantile(c);
        this.nativeOnes = byQuantile(n);
        this.classicScale = LiveChart.LATENCY.scaleFrom(c.unit());
        this.nativeScale = LiveChart.LATENCY.scaleFrom(n.unit());
        // Only while the view is open: six queries every two seconds that nobody looks at are load for nothing.
        this.poller = new Poller(executor, settings.refresh(), () -> {
            if (shown) {
                refresh();
            }
        });
        open.addListener((obs, was, now) -> {
            shown = now;
            if (now) {
                poller.runSoon(); // figures at once, not one period later
            }
        });
        estimate.set(Estimate.waiting(window));
        this.prometheus = prometheus.getValue();
        prometheus.addListener((obs, old, current) -> {
            this.prometheus = current;
            poller.runSoon(); // a Prometheus that comes (or goes) shows at once, not one period later
        });
    }

    /** The panel's queries in p50, p95, p99 order, found by their legends. */
    private static List<DashboardQueries.Target> byQuantile(DashboardQueries.Panel panel) {
        return java.util.Arrays.stream(Estimate.Quantile.values())
                .map(q -> panel.targets().stream().filter(t -> t.legendFormat().equals(q.label())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("the dashboard panel \"" + panel.title()
                                + "\" has no query with the legend '" + q.label() + "'")))
                .toList();
    }

    /** Follows why there is no Prometheus (the stack's word for it), so the message says what is true. */
    public void explainAbsence(ObservableValue<PrometheusAbsence> why) {
        PrometheusAbsence.follow(why, now -> {
            absence = now;
            poller.runSoon();
        });
    }

    /** Refreshes now and then every refresh period, on the executor, while the view is open. Idempotent. */
    public void start() {
        poller.start();
    }

    /** Stops refreshing (the last estimate stays). Idempotent. */
    public void stop() {
        poller.stop();
    }

    /**
     * One refresh, on the calling thread (blocking: never call it on the FX thread). Publishes through the
     * {@link FxThread} and also returns the estimate, for tests.
     */
    public Estimate refresh() {
        synchronized (refreshLock) {
            Estimate e = measure();
            publish(e);
            return e;
        }
    }

    /** Hands an estimate to the FX thread (view tests publish their own). */
    void publish(Estimate e) {
        fx.run(() -> estimate.set(e));
    }

    private Estimate measure() {
        LatencyWindow.Percentiles measured = engine.over(clock.getAsLong(), window);
        PrometheusClient p = prometheus;
        if (p == null) {
            return Estimate.withoutPrometheus(window, measured, LiveModel.Level.WARNING,
                    absence.say("compare its estimates with what the traffic engine measures"));
        }
        try {
            String v = version(p);
            double[] classicMs = quantiles(p, classic, classicScale);
            // 2.x has no native series: asking would only confirm it.
            double[] nativeMs = Estimate.major(v) == 2 ? new double[] {Double.NaN, Double.NaN, Double.NaN}
                    : quantiles(p, nativeOnes, nativeScale);
            return Estimate.measured(window, classicMs, nativeMs, measured, v,
                    LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
        } catch (PrometheusException e) {
            return Estimate.withoutPrometheus(window, measured, LiveModel.Level.DANGER,
                    "Prometheus at " + p.baseUrl() + " rejected an estimate query (" + e.errorType() + "): "
                            + e.getMessage());
        } catch (IOException e) {
            versionOf = null; // it may come back as another version (Get Prometheus, then restart)
            return Estimate.withoutPrometheus(window, measured, LiveModel.Level.WARNING,
                    e.getMessage() + " — showing what the traffic engine measures.");
        }
    }

    private String version(PrometheusClient p) throws IOException, PrometheusException {
        if (versionOf != p) {
            version = p.version();
            versionOf = p;
        }
        return version;
    }

    /** Each query's single value in ms; NaN when it has none (no series, or no requests: 0/0). */
    private static double[] quantiles(PrometheusClient p, List<DashboardQueries.Target> targets, double scale)
            throws IOException, PrometheusException {
        double[] ms = new double[targets.size()];
        for (int i = 0; i < ms.length; i++) {
            QueryResult r = p.query(targets.get(i).expr());
            ms[i] = r instanceof QueryResult.Vector v && !v.samples().isEmpty()
                    ? v.samples().get(0).value() * scale : Double.NaN;
        }
        return ms;
    }

    /** The window all three columns cover. */
    public Duration window() {
        return window;
    }

    /** The latest estimate; replaced (never modified) on every refresh. */
    public ReadOnlyObjectProperty<Estimate> estimateProperty() {
        return estimate.getReadOnlyProperty();
    }

    public Estimate getEstimate() {
        return estimate.get();
    }

    /** Whether "How good is the estimate?" is open on the Live tab. */
    public BooleanProperty openProperty() {
        return open;
    }
}
