package dev.mlobservatory.console.prom;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

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

    /**
     * One series of an instant vector. A native histogram's sample (Prometheus 3, e.g. {@code
     * rate(ml_prediction_duration_seconds[5m])}) has no single value: {@code value} is NaN and {@code histogram}
     * holds it; for a float sample {@code histogram} is null.
     */
    record Sample(Map<String, String> labels, double time, double value, NativeHistogram histogram) {
        public Sample {
            labels = Map.copyOf(labels);
        }

        /** A float sample. */
        public Sample(Map<String, String> labels, double time, double value) {
            this(labels, time, value, null);
        }

        /** The value as a table shows it: the number through {@code number}, or the histogram's summary. */
        public String shown(DoubleFunction<String> number) {
            return histogram == null ? number.apply(value) : histogram.summary(number);
        }
    }

    /**
     * One series of a range vector; times in epoch seconds. Where a point is a native histogram, its value is NaN
     * (a chart leaves a gap) and {@code histograms} counts how many such points the series has.
     */
    record Series(Map<String, String> labels, double[] times, double[] values, int histograms) {
        public Series {
            labels = Map.copyOf(labels);
            if (histograms < 0 || histograms > times.length) {
                throw new IllegalArgumentException("histograms " + histograms + " of " + times.length + " points");
            }
        }

        /** A series of float points only. */
        public Series(Map<String, String> labels, double[] times, double[] values) {
            this(labels, times, values, 0);
        }
    }

    /**
     * A native histogram's sample as Prometheus's HTTP API gives it: the observations' count and sum and how many
     * buckets hold some. A table shows these; a chart needs one number, which {@code histogram_quantile()}, {@code
     * histogram_count()} or {@code histogram_sum()} make of it.
     */
    record NativeHistogram(double count, double sum, int buckets) {
        public NativeHistogram {
            if (buckets < 0) {
                throw new IllegalArgumentException("buckets " + buckets);
            }
        }

        /** "native histogram: count 392 · sum 450.2 · 27 buckets", numbers through {@code number}. */
        public String summary(DoubleFunction<String> number) {
            return "native histogram: count " + number.apply(count) + " · sum " + number.apply(sum) + " · "
                    + buckets + (buckets == 1 ? " bucket" : " buckets");
        }
    }

    /** Whether any sample or point of {@code result} is a native histogram. */
    static boolean hasHistograms(QueryResult result) {
        if (result instanceof Vector v) {
            return v.samples().stream().anyMatch(s -> s.histogram() != null);
        }
        return result instanceof Matrix m && m.series().stream().anyMatch(s -> s.histograms() > 0);
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
