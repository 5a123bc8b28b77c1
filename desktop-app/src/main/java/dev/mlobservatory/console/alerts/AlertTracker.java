package dev.mlobservatory.console.alerts;

import dev.mlobservatory.console.prom.AlertRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers each rule's state from one poll to the next: finds the transitions (inactive → pending → firing →
 * inactive) and knows since when each rule is in its state. No JavaFX: the Alerts model feeds it every poll.
 * Not thread-safe; one poll at a time.
 */
public final class AlertTracker {

    /**
     * A rule as the Alerts table shows it.
     *
     * @param key identifies the rule from poll to poll (its name; a suffix when two rules share a name)
     * @param rule what Prometheus said
     * @param state its state
     * @param since since when it is in that state, or null when not known (inactive from the start)
     * @param changed true when the state differs from the previous poll's
     */
    public record Row(String key, AlertRule rule, AlertState state, Instant since, boolean changed) {
    }

    /** One poll's outcome: rows in table order, and the transitions since the previous poll. */
    public record Update(List<Row> rows, List<AlertTransition> transitions) {
    }

    /** A state and when this console saw the rule enter it (null when it was already in it at first sight). */
    private record Seen(AlertState state, Instant observedSince) {
    }

    private final Map<String, Seen> seen = new HashMap<>();

    /**
     * Takes one poll's rules. A rule seen for the first time gives no transition: the console did not see it
     * change, and a class opening the tab should not get a timeline full of old news.
     */
    public Update observe(List<AlertRule> rules, Instant now) {
        // Keys follow Prometheus's own order (group, then position), so two rules sharing a name keep their keys
        // whatever their states; the table's order is applied after.
        Map<String, Integer> occurrences = new HashMap<>();
        List<Map.Entry<String, AlertRule>> keyed = new ArrayList<>(rules.size());
        for (AlertRule rule : rules) {
            int n = occurrences.merge(rule.name(), 1, Integer::sum);
            keyed.add(Map.entry(n == 1 ? rule.name() : rule.name() + "#" + n, rule));
        }
        keyed.sort(Map.Entry.comparingByValue(AlertState.URGENT_FIRST));
        Map<String, Seen> next = new HashMap<>();
        List<Row> rows = new ArrayList<>(keyed.size());
        List<AlertTransition> transitions = new ArrayList<>();
        for (Map.Entry<String, AlertRule> entry : keyed) {
            String key = entry.getKey();
            AlertRule rule = entry.getValue();
            AlertState state = AlertState.of(rule.state());
            Seen before = seen.get(key);
            Seen current;
            boolean changed = false;
            if (before == null) {
                current = new Seen(state, null);
            } else if (before.state() != state) {
                transitions.add(new AlertTransition(now, rule.name(), before.state(), state));
                current = new Seen(state, now);
                changed = true;
            } else {
                current = before;
            }
            next.put(key, current);
            rows.add(new Row(key, rule, state, since(rule, state, current.observedSince()), changed));
        }
        // Rules that disappeared (rule files reloaded) are forgotten; if they come back they start afresh.
        seen.clear();
        seen.putAll(next);
        return new Update(List.copyOf(rows), List.copyOf(transitions));
    }

    /** Forgets everything: the next poll is a first sight (Prometheus went away; the next one may be another). */
    public void reset() {
        seen.clear();
    }

    /**
     * Pending: Prometheus's activeAt, which is exact. Firing: when this console saw it start firing, so the
     * highlight and "firing for 0 s" come together; otherwise activeAt + for, when Prometheus first could fire it.
     * Inactive: when the console saw it stop, or not known.
     */
    static Instant since(AlertRule rule, AlertState state, Instant observed) {
        return switch (state) {
            case PENDING -> rule.activeAt() != null ? rule.activeAt() : observed;
            case FIRING -> observed != null ? observed
                    : rule.activeAt() == null ? null
                    : rule.activeAt().plus(Duration.ofMillis(Math.round(Math.max(0, rule.forSeconds()) * 1000)));
            case INACTIVE -> observed;
        };
    }
}
