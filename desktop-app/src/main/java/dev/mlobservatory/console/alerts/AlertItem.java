package dev.mlobservatory.console.alerts;

import dev.mlobservatory.console.ui.Format;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One row of the Alerts table: a rule's state as read-only properties, updated in place at every poll (so a
 * selected row stays selected) and its "time in state" every second. Written on the FX thread only.
 */
public final class AlertItem {

    private final String key;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyObjectWrapper<AlertState> state =
            new ReadOnlyObjectWrapper<>(this, "state", AlertState.INACTIVE);
    private final ReadOnlyStringWrapper severity = new ReadOnlyStringWrapper(this, "severity", "");
    private final ReadOnlyStringWrapper activeSince = new ReadOnlyStringWrapper(this, "activeSince", Format.NONE);
    private final ReadOnlyStringWrapper timeInState = new ReadOnlyStringWrapper(this, "timeInState", Format.NONE);
    private final ReadOnlyStringWrapper value = new ReadOnlyStringWrapper(this, "value", Format.NONE);
    private final ReadOnlyStringWrapper forDuration = new ReadOnlyStringWrapper(this, "forDuration", Format.NONE);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper labels = new ReadOnlyStringWrapper(this, "labels", "");
    private final ReadOnlyBooleanWrapper highlighted = new ReadOnlyBooleanWrapper(this, "highlighted", false);

    private Instant since;
    private Instant changedAt;

    AlertItem(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    void update(AlertTracker.Row row, ZoneId zone, Instant now) {
        name.set(row.rule().name());
        state.set(row.state());
        severity.set(row.rule().severity());
        activeSince.set(Format.localTime(row.rule().activeAt(), zone, now));
        // NaN: the rule has no active alert, so there is no value to show (not a NaN sample)
        value.set(Double.isNaN(row.rule().value()) ? Format.NONE : Format.value(row.rule().value()));
        forDuration.set(Format.promDuration(row.rule().forSeconds()));
        summary.set(SummaryText.expand(row.rule().summary(), row.rule().labels(), row.rule().value()));
        labels.set(labelText(row.rule().labels()));
        since = row.since();
    }

    /** The rule just changed state: the row lights up for a while. */
    void changed(Instant at) {
        changedAt = at;
    }

    /** Advances the clock: "pending for 42 s" → "43 s", and the highlight goes out once it is old. */
    void tick(Instant now, Duration highlightFor) {
        timeInState.set(state.get().since(since, now));
        highlighted.set(changedAt != null && now.isBefore(changedAt.plus(highlightFor)));
    }

    /** The labels of the active alert other than alertname and severity (shown beside): "instance=…, job=…". */
    static String labelText(Map<String, String> labels) {
        return new TreeMap<>(labels).entrySet().stream()
                .filter(e -> !e.getKey().equals("alertname") && !e.getKey().equals("severity"))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AlertState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty severityProperty() {
        return severity.getReadOnlyProperty();
    }

    /** Prometheus's activeAt in local time: when the alert became pending. */
    public ReadOnlyStringProperty activeSinceProperty() {
        return activeSince.getReadOnlyProperty();
    }

    /** "pending for 42 s", "firing for 3 m 10 s", "inactive for 5 s"; updated every second. */
    public ReadOnlyStringProperty timeInStateProperty() {
        return timeInState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    /** The rule's {@code for}, as written in the rule file ("2m"). */
    public ReadOnlyStringProperty forDurationProperty() {
        return forDuration.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The active alert's distinguishing labels ("instance=…, job=ml-api"), empty when inactive. */
    public ReadOnlyStringProperty labelsProperty() {
        return labels.getReadOnlyProperty();
    }

    /** True for a few seconds after the rule changed state. */
    public ReadOnlyBooleanProperty highlightedProperty() {
        return highlighted.getReadOnlyProperty();
    }

    public String getName() {
        return name.get();
    }

    public AlertState getState() {
        return state.get();
    }

    public String getTimeInState() {
        return timeInState.get();
    }

    public boolean isHighlighted() {
        return highlighted.get();
    }

    @Override
    public String toString() {
        return getName() + " " + getState() + " (" + getTimeInState() + ")";
    }
}
