package dev.mlobservatory.console.query;

import java.util.regex.Matcher;
import dev.mlobservatory.console.prom.PrometheusAbsence;
import java.util.regex.Pattern;

/**
 * Why the last query has no result, in words shown under the editor. For {@link Kind#PROMETHEUS} the
 * {@code errorType} and {@code message} are Prometheus's own, unchanged.
 */
public record QueryError(Kind kind, String errorType, String message) {

    /** Where the failure came from: Prometheus refused the query, or there is no Prometheus to ask. */
    public enum Kind {
        /** Prometheus answered with an error (bad_data, timeout, execution, …). */
        PROMETHEUS,
        /** No Prometheus is running in this session. */
        NOT_RUNNING,
        /** A Prometheus was started but does not answer (stopped, crashed, still starting). */
        UNREACHABLE,
        /** Something else went wrong on our side; the message says what. */
        OTHER
    }

    /** What a query needs, in the sentence that says why there is no Prometheus. */
    static final String TO_RUN = "run queries and complete metric names";

    /** Prometheus prefixes parse errors with this; it says nothing to a student, so the display drops it. */
    private static final String PARAMETER_PREFIX = "invalid parameter \"query\": ";
    /** "1:17: parse error: …" — line and 1-based column of the fault. */
    private static final Pattern POSITION = Pattern.compile("^(\\d+):(\\d+): ");

    public QueryError {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        errorType = errorType == null ? "" : errorType;
        message = message == null ? "" : message;
    }

    static QueryError notRunning(PrometheusAbsence why) {
        return new QueryError(Kind.NOT_RUNNING, "", why.say(TO_RUN));
    }

    /** The line shown under the editor, e.g. "bad_data: 1:17: parse error: unclosed left parenthesis". */
    public String text() {
        String shown = message.startsWith(PARAMETER_PREFIX) ? message.substring(PARAMETER_PREFIX.length()) : message;
        return kind == Kind.PROMETHEUS && !errorType.isEmpty() ? errorType + ": " + shown : shown;
    }

    /**
     * The character offset in {@code query} that Prometheus points at ("2:5: …" is line 2, column 5), clamped
     * to the text; -1 when the message names no position.
     */
    public int offsetIn(String query) {
        String shown = message.startsWith(PARAMETER_PREFIX) ? message.substring(PARAMETER_PREFIX.length()) : message;
        Matcher m = POSITION.matcher(shown);
        if (kind != Kind.PROMETHEUS || !m.find()) {
            return -1;
        }
        int line = Integer.parseInt(m.group(1));
        int column = Integer.parseInt(m.group(2));
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int newline = query.indexOf('\n', offset);
            if (newline < 0) {
                return query.length();
            }
            offset = newline + 1;
        }
        return Math.min(query.length(), offset + Math.max(0, column - 1));
    }
}
