package dev.mlobservatory.console.alerts;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.prom.AlertRule;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.prom.PrometheusException;
import dev.mlobservatory.console.prom.PrometheusPoller;
import dev.mlobservatory.console.ui.Chip;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Alerts tab's state: Prometheus's alerting rules polled from /api/v1/rules, firing first, with the time each
 * has spent in its state (ticking every second without a query), the rows that just changed state highlighted,
 * and a timeline of the changes, so a class sees inactive → pending → firing happen.
 */
public final class AlertsModel extends PrometheusPoller<List<AlertRule>> {

    public static final Duration DEFAULT_POLL = Duration.ofSeconds(2);
    /** How long a row stays lit after a change: long enough for a class to look up at the screen. */
    public static final Duration HIGHLIGHT = Duration.ofSeconds(10);
    /** The timeline keeps this many changes, so an hour of flapping alerts does not grow memory. */
    public static final int TIMELINE_CAPACITY = 200;

    private final ZoneId zone = ZoneId.systemDefault();
    /** Belongs to the polls, which run one at a time: it must see them in order, and so must the FX thread. */
    private final AlertTracker tracker = new AlertTracker();

    private final ObservableList<AlertItem> alerts = FXCollections.observableArrayList();
    private final ObservableList<AlertTransition> timeline = FXCollections.observableArrayList();
    private final ObservableList<AlertItem> alertsReadOnly = FXCollections.unmodifiableObservableList(alerts);
    private final ObservableList<AlertTransition> timelineReadOnly = FXCollections.unmodifiableObservableList(timeline);
    private final ReadOnlyIntegerWrapper firingCount = new ReadOnlyIntegerWrapper(this, "firingCount", 0);
    private final ReadOnlyIntegerWrapper pendingCount = new ReadOnlyIntegerWrapper(this, "pendingCount", 0);
    private final Map<String, AlertItem> itemsByKey = new HashMap<>();
    private final ObjectBinding<Chip> chip = Bindings.createObjectBinding(this::chip,
            reachableProperty(), firingCount, pendingCount);

    public AlertsModel(ScheduledExecutorService executor, FxThread fx, ObservableValue<PrometheusClient> prometheus) {
        this(executor, fx, prometheus, DEFAULT_POLL);
    }

    /** @param pollEvery time between the end of one poll and the next (tests poll faster) */
    public AlertsModel(ScheduledExecutorService executor, FxThread fx, ObservableValue<PrometheusClient> prometheus,
                       Duration pollEvery) {
        super(executor, fx, prometheus, pollEvery, "alert rules", "alert rules");
    }

    @Override
    protected List<AlertRule> ask(PrometheusClient prometheus) throws IOException, PrometheusException {
        return prometheus.alertRules();
    }

    @Override
    protected void publish(List<AlertRule> rules, PrometheusClient prometheus, Instant now) {
        AlertTracker.Update update = tracker.observe(rules, now);
        String none = "Prometheus at " + prometheus.baseUrl() + " has no alerting rule loaded";
        fx.run(() -> show(update, now, none));
    }

    @Override
    protected void unavailable(String why) {
        // Whatever answers next (maybe another Prometheus) is a first sight, not a change from the rows before.
        tracker.reset();
        super.unavailable(why);
    }

    @Override
    protected void clear() {
        itemsByKey.clear();
        alerts.clear();
        firingCount.set(0);
        pendingCount.set(0);
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
        answered(ordered.isEmpty(), whenEmpty);
        tick(now);
    }

    /** Advances every row's "time in state" and highlight to {@code now}, without asking Prometheus. */
    @Override
    protected void tick(Instant now) {
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

    /** "2 alerts firing" in red, "1 pending" in amber, "no alerts" in green, grey without Prometheus. */
    private Chip chip() {
        if (!reachableProperty().get()) {
            return Chip.idle("Alerts", "no Prometheus to ask");
        }
        int firing = firingCount.get();
        int pending = pendingCount.get();
        if (firing > 0) {
            return new Chip(Chip.Level.DOWN, firing + (firing == 1 ? " alert" : " alerts") + " firing",
                    "see the Alerts tab" + (pending > 0 ? "; " + pending + " pending" : ""));
        }
        if (pending > 0) {
            return new Chip(Chip.Level.WARN, pending + " pending", "an alert's condition holds; it fires after its 'for'");
        }
        return new Chip(Chip.Level.OK, "no alerts", "every rule is inactive");
    }

    /** The alerts in one chip, for the window's top bar. */
    public ObservableValue<Chip> chipProperty() {
        return chip;
    }

    /** Rules firing now: the app shell's "alerts firing" chip. 0 while Prometheus is away. */
    public ReadOnlyIntegerProperty firingCountProperty() {
        return firingCount.getReadOnlyProperty();
    }

    /** Rules pending now (their condition holds, their {@code for} has not elapsed yet). */
    public ReadOnlyIntegerProperty pendingCountProperty() {
        return pendingCount.getReadOnlyProperty();
    }

    /** The zone "active since" and the timeline are written in. */
    public ZoneId zone() {
        return zone;
    }
}
