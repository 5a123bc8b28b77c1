package dev.mlobservatory.console.lab.exercise;

import dev.mlobservatory.console.prom.QueryResult;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An instant result as the grader compares it: series by label set, each with its number (a native histogram's
 * count and sum). {@code __name__} is left out of the label set: {@code rate()}, arithmetic and aggregations drop it
 * anyway, and {@code ml_predictions_total} and {@code ml_predictions_total * 1} mean the same series. Only when two
 * series would then look alike ({@code {__name__=~"ml_.+"}}) is the name kept, so that none hides another.
 */
record SeriesSet(Map<Map<String, String>, double[]> series) {

    SeriesSet {
        series = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(series));
    }

    static SeriesSet of(List<QueryResult.Sample> samples) {
        boolean keepNames = collides(samples);
        Map<Map<String, String>, double[]> out = new LinkedHashMap<>();
        for (QueryResult.Sample s : samples) {
            Map<String, String> labels = new TreeMap<>(s.labels());
            if (!keepNames) {
                labels.remove("__name__");
            }
            double[] values = s.histogram() == null ? new double[] {s.value()}
                    : new double[] {s.histogram().count(), s.histogram().sum()};
            out.put(labels, values);
        }
        return new SeriesSet(out);
    }

    /** One series without labels holding {@code value}: a scalar, set beside a vector. */
    static SeriesSet scalar(double value) {
        return new SeriesSet(Map.of(Map.of(), new double[] {value}));
    }

    private static boolean collides(List<QueryResult.Sample> samples) {
        Set<Map<String, String>> seen = new HashSet<>();
        for (QueryResult.Sample s : samples) {
            Map<String, String> labels = new TreeMap<>(s.labels());
            labels.remove("__name__");
            if (!seen.add(labels)) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return series.size();
    }

    boolean isEmpty() {
        return series.isEmpty();
    }

    /** True when every value is NaN (0/0: a ratio over a window without traffic). */
    boolean allNaN() {
        return series.values().stream().allMatch(v -> Double.isNaN(v[0]));
    }

    /** Every label name any series has. */
    Set<String> labelNames() {
        Set<String> names = new TreeSet<>();
        series.keySet().forEach(l -> names.addAll(l.keySet()));
        return names;
    }

    /** The names whose value differs between series: what "one series per …" is per. */
    Set<String> varyingLabels() {
        Set<String> out = new TreeSet<>();
        for (String name : labelNames()) {
            Set<String> values = new HashSet<>();
            series.keySet().forEach(l -> values.add(l.getOrDefault(name, "")));
            if (values.size() > 1) {
                out.add(name);
            }
        }
        return out;
    }

    /** {@code {model_version="v1"}}, as Prometheus writes a series. */
    static String describe(Map<String, String> labels) {
        return QueryResult.describe(labels);
    }
}
