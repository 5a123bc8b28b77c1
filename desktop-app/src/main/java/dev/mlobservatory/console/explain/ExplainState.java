package dev.mlobservatory.console.explain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Everything Explain shows, as one immutable value the model publishes whole: where it is ({@link Phase}), the line
 * that says so, the expression, its tree (null until Prometheus parsed it), each line's result by {@link
 * ExplainStep#id()} and the one evaluation time they share.
 */
public record ExplainState(Phase phase, String message, String expression, ExplainStep root,
                           Map<Integer, NodeResult> results, Instant time) {

    /** Where Explain is. */
    public enum Phase {
        /** Nothing explained yet. */
        IDLE,
        /** No Prometheus to ask (not started, or none installed). */
        NO_PROMETHEUS,
        /** This Prometheus is older than 3: it has no parse_query. */
        NEEDS_PROMETHEUS_3,
        /** Asking Prometheus for the tree. */
        PARSING,
        /** Prometheus could not parse the expression: the message is its error. */
        NOT_PARSED,
        /** Prometheus could not be asked, or answered something unreadable: the message says which. */
        FAILED,
        /** The tree is there; the parts are being evaluated. */
        EVALUATING,
        /** Every part has its result or its error. */
        DONE;

        /** True where the tree is shown. */
        public boolean hasTree() {
            return this == EVALUATING || this == DONE;
        }
    }

    public static final ExplainState IDLE = new ExplainState(Phase.IDLE,
            "Explain (Ctrl+Shift+Enter) shows the expression in the editor as a tree: each part, what it does, and its value.",
            "", null, Map.of(), null);

    public ExplainState {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(expression, "expression");
        results = Map.copyOf(results);
        if (phase.hasTree() && (root == null || time == null)) {
            throw new IllegalArgumentException("phase " + phase + " needs a tree and an evaluation time");
        }
    }

    /** A state without a tree: {@code message} says why. */
    static ExplainState without(Phase phase, String expression, String message) {
        return new ExplainState(phase, message, expression, null, Map.of(), null);
    }

    /** The result of the line {@code step}, pending while it is not known. */
    public NodeResult result(ExplainStep step) {
        return results.getOrDefault(step.id(), new NodeResult.Pending());
    }
}
