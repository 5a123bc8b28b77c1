package dev.mlobservatory.console.lab.exercise;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** How an answer is held against its reference: as instant vectors, as one number, or point by point over time. */
public enum Compare {
    /** Instant queries at a few times; the results compared as sets of series. */
    INSTANT,
    /** Instant queries at a few times; one number each (a scalar, or a vector of one series whose labels do not count). */
    SCALAR,
    /** Range queries over the last few minutes; every point of every series compared. */
    RANGE;

    /** "instant", "scalar" or "range", as an exercises file writes it. */
    @JsonCreator
    public static Compare of(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (Compare c : values()) {
            if (c.name().toLowerCase(Locale.ROOT).equals(t)) {
                return c;
            }
        }
        throw new IllegalArgumentException("compare must be instant, scalar or range, got '" + text + "'");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
