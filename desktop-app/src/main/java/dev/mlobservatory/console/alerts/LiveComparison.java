package dev.mlobservatory.console.alerts;

import dev.mlobservatory.console.prom.AlertRule;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's value beside the same expression over a shorter window ("the rule, over 5m: 6.2 %" beside "live, over 1m:
 * 39.8 %"), with the rule file's note on why they differ: a 5-minute average lags a failure that just began. Read
 * from the rule's {@code value_query}, {@code live_query} and {@code lag_note} annotations.
 *
 * @param ruleCaption "the rule, over 5m"
 * @param ruleValue "6.2 %", a dash when not measured
 * @param liveCaption "live, over 1m"
 * @param liveValue "39.8 %", a dash when not measured
 * @param note why the rule lags, from the rule file; may be empty
 */
public record LiveComparison(String ruleCaption, String ruleValue, String liveCaption, String liveValue, String note) {

    public static final String VALUE_QUERY = "value_query";
    public static final String LIVE_QUERY = "live_query";
    public static final String LAG_NOTE = "lag_note";

    /** A range selector's window: "[5m]", and the "[5m:30s]" of a subquery. */
    private static final Pattern WINDOW = Pattern.compile("\\[(\\d+[smhdwy])(?::[^\\]]*)?]");

    public LiveComparison {
        Objects.requireNonNull(ruleCaption, "ruleCaption");
        Objects.requireNonNull(ruleValue, "ruleValue");
        Objects.requireNonNull(liveCaption, "liveCaption");
        Objects.requireNonNull(liveValue, "liveValue");
        note = note == null ? "" : note;
    }

    /**
     * The comparison for {@code rule}, or null when its rule file gives no {@code live_query}.
     *
     * @param measured what the queries gave at this poll, by query; a query missing or NaN was not measured
     */
    public static LiveComparison of(AlertRule rule, Map<String, Double> measured) {
        String live = rule.annotations().getOrDefault(LIVE_QUERY, "");
        if (live.isBlank()) {
            return null;
        }
        String unit = rule.annotations().get(ValueUnit.ANNOTATION);
        return new LiveComparison(
                caption("the rule", rule.annotations().getOrDefault(VALUE_QUERY, rule.expression())),
                ValueUnit.format(ruleValue(rule, measured), unit),
                caption("live", live),
                ValueUnit.format(measured.getOrDefault(live, Double.NaN), unit),
                rule.annotations().get(LAG_NOTE));
    }

    /**
     * The rule's value now: its {@code value_query} measured at this poll (so it shows while the rule is inactive,
     * and at the same instant as the live value), else the active alert's value, else NaN.
     */
    static double ruleValue(AlertRule rule, Map<String, Double> measured) {
        String query = rule.annotations().getOrDefault(VALUE_QUERY, "");
        Double v = query.isBlank() ? null : measured.get(query);
        return v != null && !v.isNaN() ? v : rule.value();
    }

    /** "the rule, over 5m" when the expression has one window; just "the rule" when it has none or several. */
    static String caption(String who, String promql) {
        Set<String> windows = new LinkedHashSet<>();
        Matcher m = WINDOW.matcher(promql);
        while (m.find()) {
            windows.add(m.group(1));
        }
        return windows.size() == 1 ? who + ", over " + windows.iterator().next() : who;
    }

    /** "the rule, over 5m: 6.2 %  ·  live, over 1m: 39.8 %", for a tooltip or a log line. */
    public String line() {
        return ruleCaption + ": " + ruleValue + "  ·  " + liveCaption + ": " + liveValue;
    }
}
