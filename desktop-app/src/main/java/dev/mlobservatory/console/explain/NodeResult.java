package dev.mlobservatory.console.explain;

import dev.mlobservatory.console.prom.QueryResult;
import dev.mlobservatory.console.ui.Format;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What one node of an explained expression gave at the evaluation time: not yet known, Prometheus's answer, or why
 * there is none (Prometheus's error). Says it in one line for the tree and as rows for the table.
 */
public sealed interface NodeResult {

    /** How many values the tree's line shows before "…". */
    int FIRST_VALUES = 3;

    /**
     * Series in the order of their labels, numbers as numbers: the buckets of {@code sum by (le)} read from
     * le="0.0005" up to le="+Inf", as histogram_quantile walks them, not "+Inf" first as text would put them.
     */
    Comparator<Map<String, String>> SERIES_ORDER = (a, b) -> {
        for (String key : new TreeSet<>(union(a.keySet(), b.keySet()))) {
            String x = a.get(key);
            String y = b.get(key);
            if (Objects.equals(x, y)) {
                continue;
            }
            if (x == null || y == null) {
                return x == null ? -1 : 1;
            }
            Double nx = number(x);
            Double ny = number(y);
            return nx != null && ny != null && !nx.equals(ny) ? Double.compare(nx, ny) : x.compareTo(y);
        }
        return 0;
    };

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** A label value that is a number ("0.005", "+Inf"), or null. */
    private static Double number(String text) {
        switch (text) {
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                if (text.isEmpty() || !(Character.isDigit(text.charAt(0)) || text.charAt(0) == '-'
                        || text.charAt(0) == '.')) {
                    return null;
                }
                try {
                    return Double.valueOf(text);
                } catch (NumberFormatException e) {
                    return null;
                }
        }
    }

    /** The line beside the node: "3 series · 0.0123, 0.5, 2 …", "2 series × 60 samples", "0.95", or the error. */
    String summary();

    /** The rows of the result table, one per series (sorted by their labels), or one for a number or a text. */
    List<ExplainRow> rows();

    /** Asked, not answered yet. */
    record Pending() implements NodeResult {
        @Override public String summary() { return "…"; }
        @Override public List<ExplainRow> rows() { return List.of(); }
    }

    /** Prometheus's answer (or a literal's own value). */
    record Value(QueryResult result) implements NodeResult {
        public Value {
            Objects.requireNonNull(result, "result");
        }

        @Override
        public String summary() {
            if (result instanceof QueryResult.Vector v) {
                if (v.samples().isEmpty()) {
                    return "no series";
                }
                String first = sorted(v).stream().limit(FIRST_VALUES).map(s -> s.shown(Format::value))
                        .collect(Collectors.joining(", "));
                return v.samples().size() + " series · " + first + (v.samples().size() > FIRST_VALUES ? " …" : "");
            }
            if (result instanceof QueryResult.Matrix m) {
                if (m.series().isEmpty()) {
                    return "no series";
                }
                int fewest = m.series().stream().mapToInt(s -> s.values().length).min().orElse(0);
                int most = m.series().stream().mapToInt(s -> s.values().length).max().orElse(0);
                return m.series().size() + " series × " + (fewest == most ? fewest : fewest + "–" + most) + " samples";
            }
            if (result instanceof QueryResult.Scalar s) {
                return Format.value(s.value());
            }
            return PromqlPrinter.quote(((QueryResult.Text) result).value());
        }

        @Override
        public List<ExplainRow> rows() {
            List<ExplainRow> rows = new ArrayList<>();
            if (result instanceof QueryResult.Vector v) {
                sorted(v).forEach(s -> rows.add(new ExplainRow(QueryResult.describe(s.labels()),
                        s.shown(Format::value))));
            } else if (result instanceof QueryResult.Matrix m) {
                m.series().stream().sorted(Comparator.comparing(QueryResult.Series::labels, SERIES_ORDER))
                        .forEach(s -> rows.add(new ExplainRow(QueryResult.describe(s.labels()), window(s))));
            } else if (result instanceof QueryResult.Scalar s) {
                rows.add(new ExplainRow("(a number)", Format.value(s.value())));
            } else {
                rows.add(new ExplainRow("(a text)", PromqlPrinter.quote(((QueryResult.Text) result).value())));
            }
            return List.copyOf(rows);
        }

        private static List<QueryResult.Sample> sorted(QueryResult.Vector v) {
            return v.samples().stream().sorted(Comparator.comparing(QueryResult.Sample::labels, SERIES_ORDER)).toList();
        }

        /** "60 samples: 120 → 135": how many, and the first and last, which is what rate() and increase() use. */
        private static String window(QueryResult.Series s) {
            double[] v = s.values();
            if (v.length == 0) {
                return "no samples";
            }
            if (s.histograms() > 0) {
                return v.length + (v.length == 1 ? " sample" : " samples") + ", " + s.histograms()
                        + " of them native histograms";
            }
            return v.length == 1 ? "1 sample: " + Format.value(v[0])
                    : v.length + " samples: " + Format.value(v[0]) + " → " + Format.value(v[v.length - 1]);
        }
    }

    /** No value: Prometheus's error for this part, or why it could not be asked. */
    record Failed(String message) implements NodeResult {
        public Failed {
            if (message == null || message.isBlank()) {
                throw new IllegalArgumentException("a failure needs a message, got '" + message + "'");
            }
        }

        @Override public String summary() { return message; }
        @Override public List<ExplainRow> rows() { return List.of(); }
    }
}
