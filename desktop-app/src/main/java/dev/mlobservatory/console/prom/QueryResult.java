package dev.mlobservatory.console.prom;

import java.util.List;
import java.util.Map;

/** A PromQL result, one of the four types Prometheus answers with. */
public sealed interface QueryResult {

    /** An instant vector: one value per series. */
    record Vector(List<Sample> samples) implements QueryResult {
        public Vector {
            samples = List.copyOf(samples);
        }
    }

    /** A range vector (a range query's answer): points per series. */
    record Matrix(List<Series> series) implements QueryResult {
        public Matrix {
            series = List.copyOf(series);
        }
    }

    /** A single number, e.g. {@code scalar(…)} or {@code 1 + 1}. */
    record Scalar(double time, double value) implements QueryResult {
    }

    /** A string literal, e.g. {@code "hello"}. */
    record Text(double time, String value) implements QueryResult {
    }

    /** One series of an instant vector. */
    record Sample(Map<String, String> labels, double time, double value) {
        public Sample {
            labels = Map.copyOf(labels);
        }
    }

    /** One series of a range vector; times in epoch seconds. */
    record Series(Map<String, String> labels, double[] times, double[] values) {
        public Series {
            labels = Map.copyOf(labels);
        }
    }

    /** {@code name{a="1",b="2"}} as Prometheus shows it. */
    static String describe(Map<String, String> labels) {
        String name = labels.getOrDefault("__name__", "");
        StringBuilder sb = new StringBuilder(name).append('{');
        boolean first = true;
        for (var e : new java.util.TreeMap<>(labels).entrySet()) {
            if (e.getKey().equals("__name__")) {
                continue;
            }
            sb.append(first ? "" : ",").append(e.getKey()).append("=\"").append(e.getValue()).append('"');
            first = false;
        }
        return sb.append('}').toString();
    }
}
