package dev.mlobservatory.console.alerts;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.prom.AlertRule;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.prom.PrometheusException;
import dev.mlobservatory.console.prom.PrometheusPoller;
import dev.mlobservatory.console.prom.QueryResult;
import dev.mlobservatory.console.ui.Chip;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
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
public final class AlertsModel extends PrometheusPoller<AlertsModel.Poll> {

    public static final Duration DEFAULT_POLL = Duration.ofSeconds(2);
    /** How long a row stays lit after a change: long enough for a class to look up at the screen. */
    public static final Duration HIGHLIGHT = Duration.ofSeconds(10);
    /** The timeline keeps this many changes, so an hour of flapping alerts does not grow memory. */
    public static final int TIMELINE_CAPACITY = 200;

    /**
     * One poll's answer: the rules, and what their {@code value_query} and {@code live_query} gave (by query; NaN
     * when a query failed or found nothing).
     */
    record Poll(List<AlertRule> rules, Map<String, Double> measured) {
        Poll {
            rules = List.copyOf(rules);
            measured = Map.copyOf(measured);
        }
    }

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
    protected Poll ask(PrometheusClient prometheus) throws IOException, PrometheusException {
        List<AlertRule> rules = prometheus.alertRules();
        Map<String, Double> measured = new HashMap<>();
        for (AlertRule rule : rules) {
            for (String key : List.of(LiveComparison.VALUE_QUERY, LiveComparison.LIVE_QUERY)) {
                String query = rule.annotations().getOrDefault(key, "");
                if (!query.isBlank() && !measured.containsKey(query)) {
                    measured.put(query, measure(prometheus, query));
                }
            }
        }
        return new Poll(rules, measured);
    }

    /**
     * One number from an instant query; NaN when it finds nothing or fails. A failure here only blanks one value:
     * the rules themselves were read, and a Prometheus that went away shows at the next poll.
     */
    static double measure(PrometheusClient prometheus, String query) {
        try {
            return single(prometheus.query(query));
        } catch (IOException | PrometheusException e) {
            return Double.NaN;
        }
    }

    /** The one number a ratio or a quantile answers with; the largest when a query gives several series. */
    static double single(QueryResult result) {
        if (result instanceof QueryResult.Scalar s) {
            return s.value();
        }
        if (result instanceof QueryResult.Vector v && !v.samples().isEmpty()) {
            return v.samples().stream().mapToDouble(QueryResult.Sample::value).max().orElse(Double.NaN);
        }
        return Double.NaN;
    }

    @Override
    protected void publish(Poll poll, PrometheusClient prometheus, Instant now) {
        AlertTracker.Update update = tracker.observe(poll.rules(), now);
        String none = "Prometheus at " + prometheus.baseUrl() + " has no alerting rule loaded";
        fx.run(() -> show(update, poll.measured(), now, none));
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

    private void show(AlertTracker.Update update, Map<String, Double> measured, Instant now, String whenEmpty) {
        List<AlertItem> ordered = new ArrayList<>(update.rows().size());
        Map<String, AlertItem> seen = new HashMap<>();
        int firing = 0;
        int pending = 0;
        for (AlertTracker.Row row : update.rows()) {
            AlertItem item = itemsByKey.computeIfAbsent(row.key(), AlertItem::new);
            item.update(row, zone, now, measured);
            ordered.add(item);
            seen.put(row.key(), item);
            if (row.changed()) {
                item.changed(now);
            }
            firing += row.state() == AlertState.FIRING ? 1 : 0;
            pending += row.state() == AlertState.PENDING ? 1 : 0;
        }
        itemsByKey.keySet().retainAll(seen.keySet());
        reorder(ordered);
        record(update.transitions());
        firingCount.set(firing);
        pendingCount.set(pending);
        answered(ordered.isEmpty(), whenEmpty);
        tick(now);
    }

    /**
     * Puts the rows in {@code ordered}'s order. The same rules in another order are sorted in place: the table
     * sees a permutation and keeps the user's selection on its rule (a rule that turns pending moves to the top
     * with its detail pane still showing). Only rules added or gone replace the list.
     */
    private void reorder(List<AlertItem> ordered) {
        if (alerts.equals(ordered)) {
            return;
        }
        if (alerts.size() == ordered.size() && alerts.containsAll(ordered)) {
            Map<AlertItem, Integer> position = new HashMap<>();
            for (int i = 0; i < ordered.size(); i++) {
                position.put(ordered.get(i), i);
            }
            FXCollections.sort(alerts, Comparator.comparing(position::get));
        } else {
            alerts.setAll(ordered);
        }
    }

    /** Appends state changes to the timeline, oldest dropped past {@link #TIMELINE_CAPACITY}; on the FX thread. */
    void record(List<AlertTransition> transitions) {
        if (transitions.isEmpty()) {
            return;
        }
        timeline.addAll(transitions);
        if (timeline.size() > TIMELINE_CAPACITY) {
            timeline.remove(0, timeline.size() - TIMELINE_CAPACITY);
        }
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
