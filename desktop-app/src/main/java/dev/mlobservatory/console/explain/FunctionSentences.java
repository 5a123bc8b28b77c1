package dev.mlobservatory.console.explain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The sentence of a function call: the functions the lab, the dashboard and the rules use in their own words; any
 * other gets a generic sentence that is still true (its name and what kind of value it returns).
 */
final class FunctionSentences {

    /** Functions of one window per series ({@code f(x[5m])}): what each makes of the samples in it. */
    private static final Map<String, String> OVER_TIME = Map.ofEntries(
            Map.entry("avg_over_time", "The average of each series' samples in its %s window."),
            Map.entry("min_over_time", "The smallest sample of each series in its %s window."),
            Map.entry("max_over_time", "The largest sample of each series in its %s window."),
            Map.entry("sum_over_time", "The sum of each series' samples in its %s window."),
            Map.entry("count_over_time", "How many samples each series has in its %s window."),
            Map.entry("last_over_time", "The most recent sample of each series in its %s window."),
            Map.entry("stddev_over_time", "The standard deviation of each series' samples in its %s window."),
            Map.entry("stdvar_over_time", "The variance of each series' samples in its %s window."),
            Map.entry("present_over_time", "1 for every series that has a sample in its %s window."),
            Map.entry("changes", "How many times each series' value changed in its %s window."),
            Map.entry("resets", "How many times each counter restarted from 0 in its %s window."),
            Map.entry("delta", "How much each gauge changed from the start to the end of its %s window."),
            Map.entry("deriv", "How fast each gauge changes, per second, fitted over its %s window."),
            Map.entry("idelta", "The difference between the last two samples of each %s window."),
            Map.entry("absent_over_time", "1 (one series) when no series has a sample in the %s window, nothing "
                    + "when one has: for alerting on missing data."));
    /** Functions applied to each value on its own. */
    private static final Map<String, String> PER_VALUE = Map.ofEntries(
            Map.entry("abs", "The absolute value of every value (a negative one loses its minus)."),
            Map.entry("ceil", "Every value rounded up to a whole number."),
            Map.entry("floor", "Every value rounded down to a whole number."),
            Map.entry("sqrt", "The square root of every value."),
            Map.entry("exp", "e raised to the power of every value."),
            Map.entry("ln", "The natural logarithm of every value."),
            Map.entry("log2", "The base-2 logarithm of every value."),
            Map.entry("log10", "The base-10 logarithm of every value."),
            Map.entry("sgn", "The sign of every value: 1, 0 or −1."),
            Map.entry("timestamp", "The time of each series' latest sample, in seconds since 1970 (Unix time)."),
            Map.entry("sort", "The same series, ordered by value, smallest first (for a table; a graph ignores it)."),
            Map.entry("sort_desc", "The same series, ordered by value, largest first (for a table; a graph ignores "
                    + "it)."),
            Map.entry("time", "The evaluation time, in seconds since 1 January 1970 (Unix time)."),
            Map.entry("vector", "Turns the number into one series without labels."),
            Map.entry("scalar", "Turns a result of exactly one series into a plain number (NaN if there are none or "
                    + "several)."),
            Map.entry("absent", "1 (one series) when its argument finds no series at all, nothing when it finds "
                    + "some: for alerting on missing data."),
            Map.entry("histogram_count", "The number of observations in each native histogram."),
            Map.entry("histogram_sum", "The sum of the observations in each native histogram."),
            Map.entry("histogram_avg", "The average observation of each native histogram (sum ÷ count)."));

    private FunctionSentences() {
    }

    static String of(ExplainNode.Call c, ExplainNode parent) {
        String f = c.function();
        List<ExplainNode> args = c.args();
        String window = args.isEmpty() ? "" : window(args.get(0));
        switch (f) {
            case "rate":
                return "The per-second increase of each counter, averaged over its " + window + " window (restarts "
                        + "from 0 are handled).";
            case "irate":
                return "The per-second increase of each counter between the last two samples of its " + window
                        + " window: quick to react, but jumpy.";
            case "increase":
                return "How much each counter grew over its " + window + " window (rate × the window's seconds).";
            case "histogram_quantile":
                String which = !args.isEmpty() && args.get(0) instanceof ExplainNode.NumberLiteral n
                        ? percentile(n.value()) : "the quantile its first argument gives";
                return "Estimates " + which + " from histogram buckets: the value that share of observations stays "
                        + "under, interpolated inside the bucket where it falls.";
            case "quantile_over_time":
                return "A quantile of each series' samples in its " + (args.size() > 1 ? window(args.get(1)) : "")
                        + " window.";
            case "predict_linear":
                return "Where each gauge will be that many seconds from now if it keeps the trend of its " + window
                        + " window.";
            case "clamp":
                return "Every value kept between " + literal(args, 1, "the minimum") + " and "
                        + literal(args, 2, "the maximum") + " (lower ones raised, higher ones lowered).";
            case "clamp_min":
                return "Every value raised to at least " + literal(args, 1, "the given minimum") + ".";
            case "clamp_max":
                return "Every value lowered to at most " + literal(args, 1, "the given maximum") + ".";
            case "round":
                return args.size() > 1 ? "Every value rounded to the nearest multiple of " + literal(args, 1, "the "
                        + "given number") + "." : "Every value rounded to the nearest whole number.";
            case "label_replace":
                return "Sets the label " + text(args, 1) + " to " + quoted(args, 2) + ", made from the label "
                        + text(args, 3) + " with the regex " + quoted(args, 4) + " (series it does not match are left "
                        + "as they are).";
            case "label_join":
                return "Joins the values of the labels " + joinedLabels(args) + " with " + quoted(args, 2)
                        + " into the label " + text(args, 1) + ".";
            default:
                if (OVER_TIME.containsKey(f)) {
                    return String.format(OVER_TIME.get(f), window);
                }
                if (PER_VALUE.containsKey(f)) {
                    return PER_VALUE.get(f);
                }
                return "Calls PromQL's function " + f + "() on " + (args.isEmpty() ? "nothing" : args.size() == 1
                        ? "its argument" : "its " + args.size() + " arguments") + "; it gives " + returns(c) + ".";
        }
    }

    /** "the 95th percentile", "the median (50th percentile)", "the 99.9th percentile". */
    static String percentile(double q) {
        if (!(q >= 0 && q <= 1)) {
            return "the quantile " + q + " (outside 0…1: the answer is ±Inf)";
        }
        String p = new BigDecimal(Double.toString(q)).movePointRight(2).stripTrailingZeros().toPlainString();
        String ordinal = p.endsWith("1") && !p.endsWith("11") ? "st" : p.endsWith("2") && !p.endsWith("12") ? "nd"
                : p.endsWith("3") && !p.endsWith("13") ? "rd" : "th";
        return q == 0.5 ? "the median (50th percentile)" : "the " + p + ordinal + " percentile";
    }

    /** "5m" for {@code x[5m]} or a {@code [5m:30s]} subquery; "" when the window is computed some other way. */
    private static String window(ExplainNode arg) {
        if (arg instanceof ExplainNode.MatrixSelector m) {
            return PromqlPrinter.duration(m.rangeMillis());
        }
        if (arg instanceof ExplainNode.Subquery s) {
            return PromqlPrinter.duration(s.rangeMillis());
        }
        return "";
    }

    private static String literal(List<ExplainNode> args, int i, String otherwise) {
        return i < args.size() && args.get(i) instanceof ExplainNode.NumberLiteral n ? n.text() : otherwise;
    }

    private static String text(List<ExplainNode> args, int i) {
        return i < args.size() && args.get(i) instanceof ExplainNode.StringLiteral s ? s.value() : "(given)";
    }

    private static String quoted(List<ExplainNode> args, int i) {
        return i < args.size() && args.get(i) instanceof ExplainNode.StringLiteral s
                ? PromqlPrinter.quote(s.value()) : "(given)";
    }

    private static String joinedLabels(List<ExplainNode> args) {
        StringBuilder out = new StringBuilder();
        for (int i = 3; i < args.size(); i++) {
            out.append(i > 3 ? ", " : "").append(text(args, i));
        }
        return out.length() == 0 ? "(none)" : out.toString();
    }

    private static String returns(ExplainNode.Call c) {
        switch (c.returns()) {
            case SCALAR:
                return "a single number";
            case MATRIX:
                return "a window of samples per series";
            case STRING:
                return "a text";
            default:
                return "one value per series";
        }
    }
}
