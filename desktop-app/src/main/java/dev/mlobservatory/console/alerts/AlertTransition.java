package dev.mlobservatory.console.alerts;

import dev.mlobservatory.console.ui.Format;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A rule seen changing state between two polls: one line of the alert timeline.
 *
 * @param at when the console saw the change
 * @param alert the rule's name
 * @param from the state before
 * @param to the state now
 */
public record AlertTransition(Instant at, String alert, AlertState from, AlertState to) {

    public AlertTransition {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from == to) {
            throw new IllegalArgumentException("a transition needs two different states, got " + from + " → " + to);
        }
    }

    /** A firing alert that stopped: what an on-call engineer calls "resolved". */
    public boolean resolved() {
        return from == AlertState.FIRING && to == AlertState.INACTIVE;
    }

    /** "inactive → pending", "firing → inactive (resolved)". */
    public String change() {
        return from.word() + " → " + to.word() + (resolved() ? " (resolved)" : "");
    }

    /** "14:03:12  HighErrorRate  inactive → pending", in the given zone. */
    public String line(ZoneId zone) {
        return Format.clock(at, zone) + "  " + alert + "  " + change();
    }
}
