package dev.mlobservatory.console.lab;

import java.util.Objects;

/**
 * What one run of a step's check found.
 *
 * @param outcome passed, not yet, or skipped (the stack cannot do this step, e.g. no Alertmanager)
 * @param message on a pass, what was found; otherwise what is missing, as a hint a student can act on
 */
public record LabCheckResult(Outcome outcome, String message) {

    /** A check's three answers. */
    public enum Outcome { PASSED, NOT_YET, SKIPPED }

    public LabCheckResult {
        Objects.requireNonNull(outcome, "outcome");
        message = message == null ? "" : message;
    }

    public static LabCheckResult passed(String found) {
        return new LabCheckResult(Outcome.PASSED, found);
    }

    public static LabCheckResult notYet(String missing) {
        return new LabCheckResult(Outcome.NOT_YET, missing);
    }

    public static LabCheckResult skipped(String why) {
        return new LabCheckResult(Outcome.SKIPPED, why);
    }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }
}
