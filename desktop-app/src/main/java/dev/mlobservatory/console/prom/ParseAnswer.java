package dev.mlobservatory.console.prom;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What {@code /api/v1/parse_query} answered: the expression's syntax tree as Prometheus 3 writes it, or that this
 * Prometheus has no such endpoint (2.x answers 404), with its version so the user is told which one it is.
 */
public sealed interface ParseAnswer {

    /** The syntax tree, {@code data} of the answer: nodes with a {@code type} and their fields. */
    record Tree(JsonNode json) implements ParseAnswer {
        public Tree {
            if (json == null || json.isMissingNode()) {
                throw new IllegalArgumentException("a parse_query answer needs its data, got " + json);
            }
        }
    }

    /** The endpoint does not exist here: Prometheus older than 3. {@code version} as it says, e.g. "2.42.0+ds". */
    record Unsupported(String version) implements ParseAnswer {
        public Unsupported {
            version = version == null ? "" : version;
        }
    }
}
