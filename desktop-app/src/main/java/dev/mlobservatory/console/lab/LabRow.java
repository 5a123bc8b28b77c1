package dev.mlobservatory.console.lab;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the Lab tab's list: a step, where the student is with it, and when it went green (null until then).
 */
public record LabRow(LabStep step, Status status, Instant greenAt) {

    /** Done stays done; skipped means the stack cannot do it (no Alertmanager); current is the one shown. */
    public enum Status {
        DONE("✓"), SKIPPED("–"), CURRENT("▶"), TODO("○");

        private final String mark;

        Status(String mark) {
            this.mark = mark;
        }

        /** The list's mark: ✓ done, ▶ current, ○ to do, – skipped. */
        public String mark() {
            return mark;
        }

        /** "done", "skipped", "current", "to do": the report's words. */
        public String word() {
            return this == TODO ? "to do" : name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public LabRow {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(status, "status");
        if ((status == Status.DONE) != (greenAt != null)) {
            throw new IllegalArgumentException("step " + step.id() + ": a done step has the time it went green, "
                    + "and only a done step; got " + status + " at " + greenAt);
        }
    }
}
