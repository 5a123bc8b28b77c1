package dev.mlobservatory.console.prom;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An alerting rule as /api/v1/rules reports it, with its most advanced alert.
 *
 * @param name the alert name
 * @param state inactive, pending or firing
 * @param activeAt when the current pending/firing alert became active, or null
 * @param value the expression's value when last evaluated, or NaN
 * @param forSeconds the rule's {@code for}
 * @param severity the {@code severity} label
 * @param expression the rule's PromQL expression, as Prometheus prints it
 * @param annotations the rule's annotations as written in the rule file: templates ("Model {{ $labels.model_version }}…")
 * @param alertAnnotations the active alert's annotations, filled in by Prometheus; empty when inactive
 * @param labels the active alert's labels (empty when inactive)
 */
public record AlertRule(String name, String state, Instant activeAt, double value, double forSeconds, String severity,
                        String expression, Map<String, String> annotations, Map<String, String> alertAnnotations,
                        Map<String, String> labels) {
    public AlertRule {
        Objects.requireNonNull(name, "name");
        expression = expression == null ? "" : expression;
        annotations = Map.copyOf(annotations);
        alertAnnotations = Map.copyOf(alertAnnotations);
        labels = Map.copyOf(labels);
    }

    /**
     * An annotation as it should be read now: the active alert's, which Prometheus filled in, else the rule's
     * template; empty when the rule has none.
     */
    public String annotation(String key) {
        String filled = alertAnnotations.get(key);
        return filled != null ? filled : annotations.getOrDefault(key, "");
    }

    /** True when the text of {@link #annotation} is Prometheus's, with its templates already filled in. */
    public boolean filledIn(String key) {
        return alertAnnotations.containsKey(key);
    }

    /** The {@code summary} annotation (filled in when an alert is active). */
    public String summary() {
        return annotation("summary");
    }
}
