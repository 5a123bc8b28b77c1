package dev.mlobservatory.console.query;

import dev.mlobservatory.console.prom.QueryNotes;
import dev.mlobservatory.console.prom.QueryResult;
import dev.mlobservatory.console.ui.Format;

/**
 * A query's successful answer with what produced it: the text, the mode, for a range query its window, step
 * and time span (epoch seconds; 0 for an instant query), how long Prometheus took (the HTTP round trip,
 * as the user waited for it), and Prometheus's warnings and infos about it.
 */
public record QueryAnswer(String promql, QueryMode mode, RangeWindow window, int stepSeconds,
                          double start, double end, QueryResult result, long nanos, QueryNotes notes) {

    public QueryAnswer {
        if (result == null) {
            throw new IllegalArgumentException("result must not be null");
        }
        if (notes == null) {
            throw new IllegalArgumentException("notes must not be null (QueryNotes.NONE for none)");
        }
    }

    /** Series for vectors and matrices, 1 for a scalar or a string. */
    public int count() {
        if (result instanceof QueryResult.Vector v) {
            return v.samples().size();
        }
        if (result instanceof QueryResult.Matrix m) {
            return m.series().size();
        }
        return 1;
    }

    /** "3 series · 12 ms", "2 series, 302 points · step 2 s · 8 ms", "scalar · 1 ms". */
    public String summary() {
        String took = Format.millis(nanos / 1e9);
        if (result instanceof QueryResult.Vector) {
            return plural(count(), "series", "series") + " · " + took;
        }
        if (result instanceof QueryResult.Matrix m) {
            int points = m.series().stream().mapToInt(s -> s.times().length).sum();
            return plural(count(), "series", "series") + ", " + plural(points, "point", "points")
                    + " over " + window.label() + " · step " + stepSeconds + " s · " + took;
        }
        if (result instanceof QueryResult.Scalar) {
            return "scalar · " + took;
        }
        return "string · " + took;
    }

    /** How a range answer is drawn (see {@link RangePlot}); times in the local time zone. Only for a matrix. */
    public RangePlot plot() {
        return RangePlot.of(this, java.time.ZoneId.systemDefault());
    }

    /** The value of a scalar or string answer as text; null for vectors and matrices. */
    public String valueText() {
        if (result instanceof QueryResult.Scalar s) {
            return Format.value(s.value());
        }
        if (result instanceof QueryResult.Text t) {
            return "\"" + t.value() + "\"";
        }
        return null;
    }

    private static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
