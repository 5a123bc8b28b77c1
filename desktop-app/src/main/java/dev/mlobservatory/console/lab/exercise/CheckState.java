package dev.mlobservatory.console.lab.exercise;

/** What the exercises pane says about the current answer: nothing yet, checking, or what the check found. */
public record CheckState(Kind kind, String message) {

    /** The pane's states; the last four come from a {@link Verdict}. */
    public enum Kind {
        /** Nothing checked yet for this exercise. */
        READY,
        /** A check is running (off the FX thread). */
        CHECKING,
        /** There is no Prometheus to ask; the message says why and what to do. */
        NO_PROMETHEUS,
        PASS,
        FAIL,
        NO_DATA,
        ERROR
    }

    public static final CheckState READY = new CheckState(Kind.READY, "");

    public CheckState {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        message = message == null ? "" : message;
    }

    static CheckState of(Verdict v) {
        return switch (v.outcome()) {
            case PASS -> new CheckState(Kind.PASS, "PASS: your query gives the reference's series and values.");
            case FAIL -> new CheckState(Kind.FAIL, "FAIL: " + v.reason());
            case NO_DATA -> new CheckState(Kind.NO_DATA, "Not checked: " + v.reason() + ".");
            case ERROR -> new CheckState(Kind.ERROR, "Not checked: " + v.reason());
        };
    }
}
