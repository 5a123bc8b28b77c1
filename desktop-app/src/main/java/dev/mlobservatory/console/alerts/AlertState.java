package dev.mlobservatory.console.alerts;

import dev.mlobservatory.console.prom.AlertRule;
import dev.mlobservatory.console.ui.Format;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;

/** The three states of a Prometheus alerting rule, most urgent first. */
public enum AlertState {
    FIRING, PENDING, INACTIVE;

    /**
     * The order of the Alerts table: firing first, then pending, then inactive; by name within a state, so a
     * class always finds a rule at the same place.
     */
    public static final Comparator<AlertRule> URGENT_FIRST = Comparator
            .comparing((AlertRule r) -> of(r.state()))
            .thenComparing(AlertRule::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(AlertRule::name);

    /** Prometheus's word for the state; anything unknown counts as inactive (it is not alerting). */
    public static AlertState of(String prometheusState) {
        if (prometheusState == null) {
            return INACTIVE;
        }
        return switch (prometheusState.toLowerCase(Locale.ROOT)) {
            case "firing" -> FIRING;
            case "pending" -> PENDING;
            default -> INACTIVE;
        };
    }

    /** The word Prometheus and the lab use: "firing", "pending", "inactive". */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "pending for 42 s", "firing for 3 m 10 s"; just the word when it is not known since when. */
    public String since(Instant since, Instant now) {
        if (since == null) {
            return this == INACTIVE ? Format.NONE : word();
        }
        return word() + " for " + Format.duration(Duration.between(since, now));
    }

    @Override
    public String toString() {
        return word();
    }
}
