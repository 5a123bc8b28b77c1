package dev.mlobservatory.console.chaos;

import java.time.Instant;
import java.util.Objects;

/**
 * One fault change the API accepted: when, what it now injects ("No fault injected." for a reset), and for which
 * model versions. Kept for the lab report.
 */
public record ChaosAction(Instant time, String what, String versions) {
    public ChaosAction {
        Objects.requireNonNull(time, "time");
        if (what == null || what.isBlank()) {
            throw new IllegalArgumentException("what must not be blank, got '" + what + "'");
        }
        if (versions == null || versions.isBlank()) {
            throw new IllegalArgumentException("versions must not be blank, got '" + versions + "'");
        }
    }
}
