package dev.mlobservatory.console.alerts;

import dev.mlobservatory.console.prom.AlertRule;
import dev.mlobservatory.console.ui.Format;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
 * One row of the Alerts table and what the detail pane shows of it: a rule's state, value (in its unit), summary,
 * description and expression as read-only properties, updated in place at every poll (so a selected row stays
 * selected) and its "time in state" every second. Written on the FX thread only.
 */
public final class AlertItem {

    private final String key;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyObjectWrapper<AlertState> state =
            new ReadOnlyObjectWrapper<>(this, "state", AlertState.INACTIVE);
    private final ReadOnlyStringWrapper severity = new ReadOnlyStringWrapper(this, "severity", "");
    private final ReadOnlyStringWrapper activeSince = new ReadOnlyStringWrapper(this, "activeSince", Format.NONE);
    private final ReadOnlyStringWrapper timeInState = new ReadOnlyStringWrapper(this, "timeInState", Format.NONE);
    private final ReadOnlyStringWrapper age = new ReadOnlyStringWrapper(this, "age", "");
    private final ReadOnlyStringWrapper value = new ReadOnlyStringWrapper(this, "value", Format.NONE);
    private final ReadOnlyStringWrapper forDuration = new ReadOnlyStringWrapper(this, "forDuration", Format.NONE);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description", "");
    private final ReadOnlyStringWrapper expression = new ReadOnlyStringWrapper(this, "expression", "");
    private final ReadOnlyStringWrapper facts = new ReadOnlyStringWrapper(this, "facts", "");
    private final ReadOnlyObjectWrapper<LiveComparison> comparison =
            new ReadOnlyObjectWrapper<>(this, "comparison", null);
    private final ReadOnlyStringWrapper labels = new ReadOnlyStringWrapper(this, "labels", "");
    private final ReadOnlyObjectWrapper<Map<String, String>> identity =
            new ReadOnlyObjectWrapper<>(this, "identity", Map.of());
    private final ReadOnlyBooleanWrapper highlighted = new ReadOnlyBooleanWrapper(this, "highlighted", false);

    private Instant since;
    private Instant changedAt;

    AlertItem(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    /**
     * @param measured the values of the rules' {@code value_query} and {@code live_query} at this poll, by query
     */
    void update(AlertTracker.Row row, ZoneId zone, Instant now, Map<String, Double> measured) {
        AlertRule rule = row.rule();
        name.set(rule.name());
        state.set(row.state());
        severity.set(rule.severity());
        activeSince.set(Format.localTime(rule.activeAt(), zone, now));
        // NaN: no active alert and nothing measured, so there is no value to show (not a NaN sample)
        value.set(ValueUnit.format(LiveComparison.ruleValue(rule, measured), rule.annotations().get(ValueUnit.ANNOTATION)));
        forDuration.set(Format.promDuration(rule.forSeconds()));
        summary.set(RuleText.expand(rule.summary(), rule.labels(), rule.value()));
        description.set(description(rule));
        expression.set(rule.expression());
        facts.set(facts(rule.severity(), forDuration.get(), rule.activeAt() == null ? null : activeSince.get()));
        comparison.set(LiveComparison.of(rule, measured));
        labels.set(labelText(rule.labels()));
        identity.set(identity(rule));
        since = row.since();
    }

    /**
     * Prometheus's description of the active alert; for an inactive rule its template, said as what it will say:
     * "When it fires: Every request to a model version failed over the last 5 minutes (… requests/s)."
     */
    static String description(AlertRule rule) {
        String text = RuleText.expand(rule.annotation("description"), rule.labels(), rule.value());
        return text.isEmpty() || rule.filledIn("description") ? text : "When it fires: " + text;
    }

    /** "warning · for: 2m · active since 14:03:12": what the table has no room for. */
    static String facts(String severity, String forDuration, String activeSince) {
        List<String> parts = new ArrayList<>();
        if (severity != null && !severity.isBlank()) {
            parts.add(severity);
        }
        parts.add("for: " + forDuration);
        if (activeSince != null) {
            parts.add("active since " + activeSince);
        }
        return String.join(" · ", parts);
    }

    /** The rule just changed state: the row lights up for a while. */
    void changed(Instant at) {
        changedAt = at;
    }

    /** Advances the clock: "pending for 42 s" → "43 s", and the highlight goes out once it is old. */
    void tick(Instant now, Duration highlightFor) {
        timeInState.set(state.get().since(since, now));
        age.set(since == null ? "" : "for " + Format.duration(Duration.between(since, now)));
        highlighted.set(changedAt != null && now.isBefore(changedAt.plus(highlightFor)));
    }

    /**
     * The labels that say which alert this is: alertname, the rule's severity and the active alert's labels (job,
     * instance, …); what a silence of this alert matches.
     */
    static Map<String, String> identity(AlertRule rule) {
        Map<String, String> out = new TreeMap<>(rule.labels());
        if (!rule.severity().isBlank()) {
            out.putIfAbsent("severity", rule.severity());
        }
        out.put("alertname", rule.name());
        return Map.copyOf(out);
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

    /** "for 42 s": how long in its state, beside the state's chip; empty when not known. */
    public ReadOnlyStringProperty ageProperty() {
        return age.getReadOnlyProperty();
    }

    /** The rule's value in its unit ("10.7 %", "2.2 s"): the active alert's, or its value_query's while inactive. */
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

    /** Prometheus's description of the alert, or for an inactive rule "When it fires: …" with no placeholder. */
    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    /** The rule's PromQL expression, as Prometheus prints it. */
    public ReadOnlyStringProperty expressionProperty() {
        return expression.getReadOnlyProperty();
    }

    /** "warning · for: 2m · active since 14:03:12". */
    public ReadOnlyStringProperty factsProperty() {
        return facts.getReadOnlyProperty();
    }

    /** alertname, severity and the active alert's labels: what "Silence…" prefills. */
    public ReadOnlyObjectProperty<Map<String, String>> identityProperty() {
        return identity.getReadOnlyProperty();
    }

    /** The rule's value beside the live one, for rules whose file gives a live_query; null for the others. */
    public ReadOnlyObjectProperty<LiveComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
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

    public String getExpression() {
        return expression.get();
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
