package dev.mlobservatory.console.lab.exercise;

/** What checking an answer found, and why in words: the reason of a FAIL tells the student what to change. */
public record Verdict(Outcome outcome, String reason) {

    /** The kinds of outcome; only {@link #PASS} and {@link #FAIL} judge the answer. */
    public enum Outcome {
        /** The answer gives the reference's series and values. */
        PASS,
        /** The answer gives something else, or Prometheus refused it (its words in the reason). */
        FAIL,
        /** The reference itself has no data yet: send traffic first; the answer is not judged. */
        NO_DATA,
        /** No answer could be checked: no Prometheus, or the exercise's own reference fails. */
        ERROR
    }

    public Verdict {
        if (outcome == null) {
            throw new IllegalArgumentException("outcome must not be null");
        }
        reason = reason == null ? "" : reason;
    }

    public static Verdict pass() {
        return new Verdict(Outcome.PASS, "");
    }

    public static Verdict fail(String reason) {
        return new Verdict(Outcome.FAIL, reason);
    }

    public boolean passed() {
        return outcome == Outcome.PASS;
    }

    /** "PASS", "FAIL: reason", "NO DATA: reason", "ERROR: reason": one line for the CLI and the pane. */
    public String line() {
        String head = outcome == Outcome.NO_DATA ? "NO DATA" : outcome.name();
        return reason.isEmpty() ? head : head + ": " + reason;
    }
}
