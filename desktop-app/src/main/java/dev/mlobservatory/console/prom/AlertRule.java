package dev.mlobservatory.console.prom;

import java.time.Instant;
import java.util.Map;

/**
 * An alerting rule as /api/v1/rules reports it, with its most advanced alert.
 *
 * @param name the alert name
 * @param state inactive, pending or firing
 * @param activeAt when the current pending/firing alert became active, or null
 * @param value the expression's value when last evaluated, or NaN
 * @param forSeconds the rule's {@code for}
 * @param severity the {@code severity} label
 * @param summary the {@code summary} annotation
 * @param labels the active alert's labels (empty when inactive)
 */
public record AlertRule(String name, String state, Instant activeAt, double value, double forSeconds, String severity,
                        String summary, Map<String, String> labels) {
    public AlertRule {
        labels = Map.copyOf(labels);
    }
}
