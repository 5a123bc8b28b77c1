package dev.mlobservatory.console.alerts;

import dev.mlobservatory.console.app.AppExecutor;
import dev.mlobservatory.console.app.FxThread;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.prom.PrometheusException;
import dev.mlobservatory.console.prom.ScrapeTarget;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Targets tab's state: what Prometheus scrapes (/api/v1/targets), with health, last scrape, its duration and
 * its error, and the up/total counts the app shell shows as "targets 2/2 up".
 */
public final class TargetsModel {

    private static final Logger LOG = LoggerFactory.getLogger(TargetsModel.class);
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(2);
    private static final Duration TICK = Duration.ofSeconds(1);

    /** Table order: by job, then instance; stable so a target stays where the eye expects it. */
    static final Comparator<ScrapeTarget> ORDER = Comparator.comparing(ScrapeTarget::job)
            .thenComparing(ScrapeTarget::instance)
            .thenComparing(ScrapeTarget::scrapeUrl);

    private final ScheduledExecutorService executor;
    private final FxThread fx;
    private final Duration pollEvery;
    private final Object pollLock = new Object();
    private volatile PrometheusClient client;

    private final ObservableList<TargetItem> targets = FXCollections.observableArrayList();
    private final ObservableList<TargetItem> targetsReadOnly = FXCollections.unmodifiableObservableList(targets);
    private final Map<String, TargetItem> itemsByKey = new HashMap<>();
    private final ReadOnlyIntegerWrapper upCount = new ReadOnlyIntegerWrapper(this, "upCount", 0);
    private final ReadOnlyIntegerWrapper totalCount = new ReadOnlyIntegerWrapper(this, "totalCount", 0);
    private final ReadOnlyBooleanWrapper reachable = new ReadOnlyBooleanWrapper(this, "reachable", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private ScheduledFuture<?> poll;
    private ScheduledFuture<?> tick;

    public TargetsModel(ScheduledExecutorService executor, FxThread fx, ObservableValue<PrometheusClient> prometheus) {
        this(executor, fx, prometheus, DEFAULT_POLL);
    }

    /** @param pollEvery time between the end of one poll and the next (tests poll faster) */
    public TargetsModel(ScheduledExecutorService executor, FxThread fx, ObservableValue<PrometheusClient> prometheus,
                        Duration pollEvery) {
        this.executor = executor;
        this.fx = fx;
        this.pollEvery = pollEvery;
        this.client = prometheus.getValue();
        message.set(client == null ? PrometheusMessages.notRunning("its scrape targets")
                : "Asking Prometheus at " + client.baseUrl() + " for its scrape targets…");
        prometheus.addListener((obs, old, now) -> {
            client = now;
            if (isStarted()) {
                refreshSoon();
            }
        });
    }

    /** Starts polling (now, then every poll period) and the one-second clock. Idempotent. */
    public synchronized void start() {
        if (poll == null) {
            poll = AppExecutor.every(executor, pollEvery, this::refresh);
            tick = AppExecutor.every(executor, TICK, () -> fx.run(() -> tick(Instant.now())));
        }
    }

    /** Stops polling and the clock. */
    public synchronized void stop() {
        if (poll != null) {
            poll.cancel(false);
            tick.cancel(false);
            poll = null;
            tick = null;
        }
    }

    private void refreshSoon() {
        try {
            executor.execute(this::refresh);
        } catch (RejectedExecutionException closing) {
            // The application is shutting down its executor: nothing left to show.
        }
    }

    private synchronized boolean isStarted() {
        return poll != null;
    }

    /**
     * One poll (blocking: call it off the FX thread); publishes through the FX thread. Polls run one at a time,
     * so an overlapping one (the Prometheus changed) can never publish older targets after newer ones.
     */
    public void refresh() {
        synchronized (pollLock) {
            PrometheusClient prometheus = client;
            Instant now = Instant.now();
            if (prometheus == null) {
                String why = PrometheusMessages.notRunning("its scrape targets");
                fx.run(() -> unavailable(why));
                return;
            }
            try {
                List<ScrapeTarget> found = new ArrayList<>(prometheus.targets());
                found.sort(ORDER);
                String none = "Prometheus at " + prometheus.baseUrl() + " scrapes no target";
                fx.run(() -> show(found, now, none));
            } catch (IOException | PrometheusException | RuntimeException e) {
                if (e instanceof RuntimeException) {
                    LOG.warn("reading scrape targets from {} failed", prometheus.baseUrl(), e);
                }
                String why = PrometheusMessages.failure(prometheus, e);
                fx.run(() -> unavailable(why));
            }
        }
    }

    private void unavailable(String why) {
        itemsByKey.clear();
        targets.clear();
        upCount.set(0);
        totalCount.set(0);
        reachable.set(false);
        message.set(why);
    }

    private void show(List<ScrapeTarget> found, Instant now, String whenEmpty) {
        List<TargetItem> ordered = new ArrayList<>(found.size());
        Map<String, TargetItem> seen = new HashMap<>();
        int up = 0;
        for (ScrapeTarget t : found) {
            String key = TargetItem.keyOf(t);
            if (seen.containsKey(key)) {
                continue;
            }
            TargetItem item = itemsByKey.computeIfAbsent(key, TargetItem::new);
            item.update(t);
            ordered.add(item);
            seen.put(key, item);
            up += TargetHealth.of(t.health()) == TargetHealth.UP ? 1 : 0;
        }
        itemsByKey.keySet().retainAll(seen.keySet());
        if (!targets.equals(ordered)) {
            targets.setAll(ordered);
        }
        upCount.set(up);
        totalCount.set(ordered.size());
        reachable.set(true);
        message.set(ordered.isEmpty() ? whenEmpty : "");
        tick(now);
    }

    /** Advances every "last scrape … ago" to {@code now}, without asking Prometheus. */
    void tick(Instant now) {
        for (TargetItem item : targets) {
            item.tick(now);
        }
    }

    /** The scrape targets, by job then instance. */
    public ObservableList<TargetItem> targets() {
        return targetsReadOnly;
    }

    /** Targets whose last scrape worked: the "2" of "targets 2/2 up". 0 while Prometheus is away. */
    public ReadOnlyIntegerProperty upCountProperty() {
        return upCount.getReadOnlyProperty();
    }

    /** All targets: the "/2" of "targets 2/2 up". */
    public ReadOnlyIntegerProperty totalCountProperty() {
        return totalCount.getReadOnlyProperty();
    }

    /** True when the last poll got an answer from Prometheus. */
    public ReadOnlyBooleanProperty reachableProperty() {
        return reachable.getReadOnlyProperty();
    }

    /** Why there are no rows; empty when the last poll worked and found targets. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
