package dev.mlobservatory.console.lab.exercise;

import dev.mlobservatory.console.prom.QueryResult;

/** The reference's and the answer's results at one time (epoch seconds), from the same Prometheus. */
record Evaluation(double time, QueryResult reference, QueryResult answer) {
    Evaluation {
        if (reference == null || answer == null) {
            throw new IllegalArgumentException("both results are needed, got " + reference + " and " + answer);
        }
    }
}
