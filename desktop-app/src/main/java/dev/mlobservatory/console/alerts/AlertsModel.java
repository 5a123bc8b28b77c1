package dev.mlobservatory.console.alerts;

import dev.mlobservatory.console.app.AppExecutor;
import dev.mlobservatory.console.app.FxThread;
import dev.mlobservatory.console.prom.AlertRule;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.prom.PrometheusException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
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
 * The Alerts tab's state: Prometheus's alerting rules polled from /api/v1/rules, firing first, with the time each
 * has spent in its state (ticking every second without a query), the rows that just changed state highlighted,
 * and a timeline of the changes, so a class sees inactive → pending → firing happen.
 */
public final class AlertsModel {

    private static final Logger LOG = LoggerFactory.getLogger(AlertsModel.class);
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(2);
    /** How long a row stays lit after a change: long enough for a class to look up at the screen. */
    public static final Duration HIGHLIGHT = Duration.ofSeconds(10);
    /** The timeline keeps this many changes, so an hour of flapping alerts does not grow memory. */
    public static final int TIMELINE_CAPACITY = 200;
    private static final Duration TICK = Duration.ofSeconds(1);

    private final ScheduledExecutorService executor;
    private final FxThread fx;
    private final Duration pollEvery;
    private final ZoneId zone = ZoneId.systemDefault();
    /** Belongs to the polls, which run one at a time holding its lock. */
    private final AlertTracker tracker = new AlertTracker();
    private volatile PrometheusClient client;

    private final ObservableList<AlertItem> alerts = FXCollections.observableArrayList();
    private final ObservableList<AlertTransition> timeline = FXCollections.observableArrayList();
    private final ObservableList<AlertItem> alertsReadOnly = FXCollections.unmodifiableObservableList(alerts);
    private final ObservableList<AlertTransition> timelineReadOnly = FXCollections.unmodifiableObservableList(timeline);
    private final ReadOnlyIntegerWrapper firingCount = new ReadOnlyIntegerWrapper(this, "firingCount", 0);
    private final ReadOnlyIntegerWrapper pendingCount = new ReadOnlyIntegerWrapper(this, "pendingCount", 0);
    private final ReadOnlyBooleanWrapper reachable = new ReadOnlyBooleanWrapper(this, "reachable", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final Map<String, AlertItem> itemsByKey = new HashMap<>();

    private ScheduledFuture<?> poll;
    private ScheduledFuture<?> tick;

    public AlertsModel(ScheduledExecutorService executor, FxThread fx, ObservableValue<PrometheusClient> prometheus) {
        this(executor, fx, prometheus, DEFAULT_POLL);
    }

    /** @param pollEvery time between the end of one poll and the next (tests poll faster) */
    public AlertsModel(ScheduledExecutorService executor, FxThread fx, ObservableValue<PrometheusClient> prometheus,
                       Duration pollEvery) {
        this.executor = executor;
        this.fx = fx;
        this.pollEvery = pollEvery;
        this.client = prometheus.getValue();
        message.set(client == null ? PrometheusMessages.notRunning("alert rules")
                : "Asking Prometheus at " + client.baseUrl() + " for its alert rules…");
        prometheus.addListener((obs, old, now) -> {
            client = now;
            // A new Prometheus (or none): show it now rather than at the next poll.
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

    /** Stops polling and the clock. The rows stay as they were. */
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
     * One poll: asks Prometheus for its rules (blocking: call it off the FX thread) and publishes the rows, the
     * transitions and the counts through the FX thread; or the message that says why there is nothing to show.
     * Polls run one at a time: the tracker must see them in order, and so must the FX thread.
     */
    public void refresh() {
        synchronized (tracker) {
            PrometheusClient prometheus = client;
            Instant now = Instant.now();
            if (prometheus == null) {
                unavailable(PrometheusMessages.notRunning("alert rules"));
                return;
            }
            List<AlertRule> rules;
            try {
                rules = prometheus.alertRules();
            } catch (IOException | PrometheusException | RuntimeException e) {
                if (e instanceof RuntimeException) {
                    LOG.warn("reading alert rules from {} failed", prometheus.baseUrl(), e);
                }
                unavailable(PrometheusMessages.failure(prometheus, e));
                return;
            }
            AlertTracker.Update update = tracker.observe(rules, now);
            String none = "Prometheus at " + prometheus.baseUrl() + " has no alerting rule loaded";
            fx.run(() -> show(update, now, none));
        }
    }

    /** Called with the tracker's lock held. */
    private void unavailable(String why) {
        tracker.reset();
        fx.run(() -> {
            itemsByKey.clear();
            alerts.clear();
            firingCount.set(0);
            pendingCount.set(0);
            reachable.set(false);
            message.set(why);
        });
    }

    private void show(AlertTracker.Update update, Instant now, String whenEmpty) {
        List<AlertItem> ordered = new ArrayList<>(update.rows().size());
        Map<String, AlertItem> seen = new HashMap<>();
        int firing = 0;
        int pending = 0;
        for (AlertTracker.Row row : update.rows()) {
            AlertItem item = itemsByKey.computeIfAbsent(row.key(), AlertItem::new);
            item.update(row, zone, now);
            ordered.add(item);
            seen.put(row.key(), item);
            if (row.changed()) {
                item.changed(now);
            }
            firing += row.state() == AlertState.FIRING ? 1 : 0;
            pending += row.state() == AlertState.PENDING ? 1 : 0;
        }
        itemsByKey.keySet().retainAll(seen.keySet());
        // Replace the list only when the order changed: an untouched list keeps the user's selection.
        if (!alerts.equals(ordered)) {
            alerts.setAll(ordered);
        }
        if (!update.transitions().isEmpty()) {
            timeline.addAll(update.transitions());
            if (timeline.size() > TIMELINE_CAPACITY) {
                timeline.remove(0, timeline.size() - TIMELINE_CAPACITY);
            }
        }
        firingCount.set(firing);
        pendingCount.set(pending);
        reachable.set(true);
        message.set(ordered.isEmpty() ? whenEmpty : "");
        tick(now);
    }

    /** Advances every row's "time in state" and highlight to {@code now}, without asking Prometheus. */
    void tick(Instant now) {
        for (AlertItem item : alerts) {
            item.tick(now, HIGHLIGHT);
        }
    }

    /** The rules, firing first, then pending, then inactive; by name within a state. */
    public ObservableList<AlertItem> alerts() {
        return alertsReadOnly;
    }

    /** State changes seen this session, oldest first (at most {@link #TIMELINE_CAPACITY}). */
    public ObservableList<AlertTransition> timeline() {
        return timelineReadOnly;
    }

    /** Rules firing now: the app shell's "alerts firing" chip. 0 while Prometheus is away. */
    public ReadOnlyIntegerProperty firingCountProperty() {
        return firingCount.getReadOnlyProperty();
    }

    /** Rules pending now (their condition holds, their {@code for} has not elapsed yet). */
    public ReadOnlyIntegerProperty pendingCountProperty() {
        return pendingCount.getReadOnlyProperty();
    }

    /** True when the last poll got an answer from Prometheus. */
    public ReadOnlyBooleanProperty reachableProperty() {
        return reachable.getReadOnlyProperty();
    }

    /** Why there are no rows (Prometheus not running, not reachable, erroring); empty when the last poll worked. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The zone "active since" and the timeline are written in. */
    public ZoneId zone() {
        return zone;
    }
}
