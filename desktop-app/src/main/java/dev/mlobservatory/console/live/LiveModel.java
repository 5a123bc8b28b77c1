package dev.mlobservatory.console.live;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.concurrent.Poller;
import dev.mlobservatory.console.prom.PrometheusAbsence;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.prom.PrometheusException;
import dev.mlobservatory.console.prom.QueryResult;
import dev.mlobservatory.console.traffic.ClientSamples;
import dev.mlobservatory.console.ui.ChartSaver;
import java.io.IOException;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Live tab's state: every refresh runs the dashboard's range queries for the last five minutes and reads the
 * traffic engine's own measurements, then publishes them as one immutable {@link LiveFrame}. Without Prometheus the
 * client-side series still come, and a status line says why the server-side ones do not.
 */
public final class LiveModel {

    /** How the status line should look. */
    public enum Level { OK, WARNING, DANGER }

    static final String NO_PROMETHEUS = "Prometheus not running — showing what the traffic engine measures. "
            + "Press ▶ Start stack (top left) to see Prometheus's estimates beside them.";
    static final String NO_PROMETHEUS_INSTALLED = "No Prometheus in this stack (none was found on this computer) — "
            + "showing what the traffic engine measures. Get it on the Stack tab to see Prometheus's estimates too.";

    private static final Logger LOG = LoggerFactory.getLogger(LiveModel.class);
    /** Why there is no Prometheus while there is none; told by {@link #explainAbsence}. */
    private volatile PrometheusAbsence absence = PrometheusAbsence.NOT_STARTED;
    private volatile boolean firstServerData;

    /** A dashboard panel ready to run: queries with variables substituted, and the factor to the chart's unit. */
    private record Feed(LiveChart chart, List<DashboardQueries.Target> targets, double scale) {
    }

    private final FxThread fx;
    private final LiveSettings settings;
    private final Poller poller;
    private final List<Feed> feeds = new ArrayList<>();
    private final ClientHistory client;
    private final EstimateModel estimate;
    private volatile PrometheusClient prometheus;
    /** Guards the refresh only, never held by the FX thread: a slow query must not freeze the window. */
    private final Object refreshLock = new Object();

    private final ReadOnlyObjectWrapper<LiveFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Starting…");
    private final ReadOnlyObjectWrapper<Level> level = new ReadOnlyObjectWrapper<>(this, "level", Level.OK);
    private final ReadOnlyBooleanWrapper prometheusAnswering = new ReadOnlyBooleanWrapper(this, "prometheusAnswering");
    private final ChartSaver chartSaver;
    /**
     * Draw latency on a log scale: the server's percentiles (under a millisecond) and the client's (tens of
     * milliseconds on a busy laptop) each get their own decade, where a linear axis puts the server's on the zero.
     */
    private final BooleanProperty latencyLogScale = new SimpleBooleanProperty(this, "latencyLogScale", false);

    /**
     * @param executor the application's executor: queries run there
     * @param fx where state is published
     * @param prometheus the current Prometheus, null when none runs; changes are followed
     * @param queries the dashboard's panels (read with {@link DashboardQueries#read})
     * @param clientSamples the traffic engine's per-second measurements
     * @param settings window, refresh period, step and rate window
     * @throws IllegalArgumentException when a panel's unit cannot be drawn in its chart's unit
     */
    public LiveModel(ScheduledExecutorService executor, FxThread fx, ObservableValue<PrometheusClient> prometheus,
                     DashboardQueries queries, ClientSamples clientSamples, LiveSettings settings) {
        this.fx = fx;
        this.settings = settings;
        this.poller = new Poller(executor, settings.refresh(), this::refresh);
        this.client = new ClientHistory(clientSamples);
        this.chartSaver = new ChartSaver(executor, fx);
        for (LiveChart chart : LiveChart.values()) {
            DashboardQueries.Panel panel = queries.resolved(chart.panel(), settings.rateInterval());
            feeds.add(new Feed(chart, panel.targets(), chart.scaleFrom(panel.unit())));
        }
        this.estimate = new EstimateModel(executor, fx, prometheus, queries, clientSamples.latencies(), settings);
        double now = nowSeconds();
        frame.set(LiveFrame.empty(now - settings.windowSeconds(), now));
        this.prometheus = prometheus.getValue();
        prometheus.addListener((obs, old, current) -> {
            this.prometheus = current;
            poller.runSoon(); // a Prometheus that comes back shows at once, not one period later
        });
    }

    /** With {@link LiveSettings#defaults()}: 5 minutes, every 2 s, for the stack's 5 s scrape interval. */
    public LiveModel(ScheduledExecutorService executor, FxThread fx, ObservableValue<PrometheusClient> prometheus,
                     DashboardQueries queries, ClientSamples clientSamples) {
        this(executor, fx, prometheus, queries, clientSamples, LiveSettings.defaults());
    }

    /** Follows why there is no Prometheus (the stack's word for it), so the status line says what is true. */
    public void explainAbsence(javafx.beans.value.ObservableValue<PrometheusAbsence> why) {
        PrometheusAbsence.follow(why, now -> absence = now);
        estimate.explainAbsence(why);
    }

    /** "How good is the estimate?": the classic and native estimates beside the engine's measurement. */
    public EstimateModel estimate() {
        return estimate;
    }

    /** Saves a chart as a PNG on the executor and says how it went. */
    public ChartSaver chartSaver() {
        return chartSaver;
    }

    /** Refreshes now and then every {@link LiveSettings#refresh()}, on the executor, the estimate too. Idempotent. */
    public void start() {
        poller.start();
        estimate.start();
    }

    /** Stops refreshing (the last frame stays). Idempotent. */
    public void stop() {
        poller.stop();
        estimate.stop();
    }

    public boolean isRunning() {
        return poller.isActive();
    }

    /**
     * One refresh, on the calling thread (blocking: never call it on the FX thread). Publishes through the
     * {@link FxThread} and also returns the frame, for tests.
     */
    public LiveFrame refresh() {
        synchronized (refreshLock) {
            return refreshNow();
        }
    }

    private LiveFrame refreshNow() {
        double step = settings.stepSeconds();
        // Aligned to the step, as Grafana does, so the points of two refreshes fall on the same times.
        double end = Math.floor(nowSeconds() / step) * step;
        double start = end - settings.windowSeconds();
        Map<LiveChart, List<LiveSeries>> charts = new EnumMap<>(LiveChart.class);
        for (LiveChart c : LiveChart.values()) {
            charts.put(c, new ArrayList<>());
        }
        PrometheusClient p = prometheus;
        String text;
        Level lvl;
        boolean answered = false;
        if (p == null) {
            text = absence == PrometheusAbsence.NOT_INSTALLED ? NO_PROMETHEUS_INSTALLED : NO_PROMETHEUS;
            lvl = Level.WARNING;
        } else {
            List<String> rejected = new ArrayList<>();
            try {
                for (Feed feed : feeds) {
                    for (DashboardQueries.Target target : feed.targets()) {
                        try {
                            QueryResult.Matrix m = p.queryRange(target.expr(), start, end, step);
                            for (QueryResult.Series s : m.series()) {
                                charts.get(feed.chart()).add(server(target, s, feed.scale(), step));
                            }
                        } catch (PrometheusException e) {
                            rejected.add("the \"" + target.panel() + "\" query " + target.refId() + ": " + e);
                        }
                    }
                }
                answered = true;
                if (!rejected.isEmpty()) {
                    // Prometheus's own words for the first; one line stays readable when every query fails.
                    text = "Prometheus rejected " + rejected.get(0)
                            + (rejected.size() > 1 ? " (and " + (rejected.size() - 1) + " more)" : "");
                    lvl = Level.DANGER;
                } else if (charts.values().stream().allMatch(List::isEmpty)) {
                    text = "Prometheus at " + p.baseUrl() + " has no prediction samples yet: fire some traffic.";
                    lvl = Level.OK;
                } else {
                    text = "Prometheus at " + p.baseUrl() + " · rate window " + settings.rateInterval()
                            + " · updated " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS);
                    lvl = Level.OK;
                }
            } catch (IOException e) {
                // Unreachable: stop here, every further query would wait for its own timeout.
                charts.values().forEach(List::clear);
                text = e.getMessage() + " — showing what the traffic engine measures.";
                lvl = Level.WARNING;
            }
        }
        client.update(start);
        client.series().forEach((chart, list) -> charts.get(chart).addAll(list));
        LiveFrame f = new LiveFrame(start, end, charts);
        publish(f, text, lvl, answered);
        return f;
    }

    /** Hands one refresh's state to the FX thread, all at once so the view never sees half of it. */
    void publish(LiveFrame f, String text, Level lvl, boolean answered) {
        if (!firstServerData && !f.series(LiveChart.LATENCY, LiveSeries.Source.SERVER).isEmpty()) {
            firstServerData = true;
            // The start-up benchmark (scripts/bench/console-bench.sh) reads this line.
            LOG.info("first server-side chart data {} ms after the JVM started",
                    System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        }
        fx.run(() -> {
            frame.set(f);
            status.set(text);
            level.set(lvl);
            prometheusAnswering.set(answered);
        });
    }

    /** One Prometheus series in the chart's unit, named as Grafana's legend would name it. */
    static LiveSeries server(DashboardQueries.Target target, QueryResult.Series s, double scale, double step) {
        double[] values = s.values();
        double[] scaled = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            scaled[i] = values[i] * scale; // NaN (0/0, no traffic) stays NaN: a gap
        }
        return LiveSeries.withGaps(GrafanaTemplating.legend(target.legendFormat(), s.labels()),
                LiveSeries.Source.SERVER, s.times(), scaled, step * 1.5);
    }

    private static double nowSeconds() {
        return System.currentTimeMillis() / 1000.0;
    }

    public LiveSettings settings() {
        return settings;
    }

    /** The latest frame; replaced (never modified) on every refresh. */
    public ReadOnlyObjectProperty<LiveFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public LiveFrame getFrame() {
        return frame.get();
    }

    /** One line for the user: where the series come from, or why the server-side ones are missing. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public String getStatus() {
        return status.get();
    }

    public ReadOnlyObjectProperty<Level> levelProperty() {
        return level.getReadOnlyProperty();
    }

    public Level getLevel() {
        return level.get();
    }

    /** Whether the latency chart is on a log scale (the user's choice; off at start). */
    public BooleanProperty latencyLogScaleProperty() {
        return latencyLogScale;
    }

    /**
     * The y-axis of {@code chart} for {@code f}: a log scale for latency when chosen, else the range that follows the
     * bulk of the points ({@link YRange}). Call on the FX thread, which owns the choice.
     */
    public YRange yRange(LiveChart chart, LiveFrame f) {
        List<LiveSeries> series = f.series(chart);
        return chart == LiveChart.LATENCY && latencyLogScale.get()
                ? YRange.log(series, chart.minimumUpper())
                : YRange.of(series, f.end(), chart.minimumUpper());
    }

    /** True when Prometheus answered the last refresh. */
    public ReadOnlyBooleanProperty prometheusAnsweringProperty() {
        return prometheusAnswering.getReadOnlyProperty();
    }

    public boolean isPrometheusAnswering() {
        return prometheusAnswering.get();
    }
}
