package dev.mlobservatory.console.explain;

import dev.mlobservatory.console.explain.ExplainNode.At;
import dev.mlobservatory.console.explain.ExplainNode.Matcher;
import dev.mlobservatory.console.explain.ExplainNode.Matching;
import dev.mlobservatory.console.explain.ExplainNode.ValueType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One sentence per node, in plain words, of what that part of the expression does: the line a student reads beside
 * it in the Explain tree. Functions are {@link FunctionSentences}' business.
 */
public final class Sentences {

    /** Aggregation operators: what each does to the series it gathers. */
    private static final Map<String, String> AGGREGATIONS = Map.ofEntries(
            Map.entry("sum", "Adds up"),
            Map.entry("avg", "Averages"),
            Map.entry("min", "Takes the smallest value of"),
            Map.entry("max", "Takes the largest value of"),
            Map.entry("count", "Counts"),
            Map.entry("group", "Groups (each result is 1)"),
            Map.entry("stddev", "Takes the standard deviation of"),
            Map.entry("stdvar", "Takes the variance of"));
    /** Comparison operators in words, for "whose value is above 0.1". */
    private static final Map<String, String> COMPARISONS = Map.of(
            ">", "above", "<", "below", ">=", "at least", "<=", "at most", "==", "equal to", "!=", "not equal to");
    /** The same comparison seen from the other side: {@code 0.1 < x} keeps x above 0.1. */
    private static final Map<String, String> FLIPPED = Map.of(
            ">", "<", "<", ">", ">=", "<=", "<=", ">=", "==", "==", "!=", "!=");
    private static final Map<String, String> ARITHMETIC = Map.of(
            "+", "+", "-", "−", "*", "×", "/", "÷", "%", "mod", "^", "to the power of", "atan2", "atan2");

    private Sentences() {
    }

    /** What {@code node} does; {@code parent} (null for the whole expression) lets a number say what it is for. */
    public static String of(ExplainNode node, ExplainNode parent) {
        if (node instanceof ExplainNode.VectorSelector v) {
            return "Picks " + series(v) + ", each at its latest sample (at most 5 minutes old)" + when(v.at(),
                    v.offsetMillis()) + ".";
        }
        if (node instanceof ExplainNode.MatrixSelector m) {
            return "Turns each of " + series(m.selector()) + " into a window: all its samples of the last "
                    + PromqlPrinter.duration(m.rangeMillis()) + when(m.selector().at(), m.selector().offsetMillis())
                    + ".";
        }
        if (node instanceof ExplainNode.Subquery s) {
            String step = s.stepMillis() > 0 ? "every " + PromqlPrinter.duration(s.stepMillis())
                    : "at the default evaluation interval";
            return "Evaluates the expression inside " + step + " over the last " + PromqlPrinter.duration(s.rangeMillis())
                    + when(s.at(), s.offsetMillis()) + ": a window of its results per series, as [" 
                    + PromqlPrinter.duration(s.rangeMillis()) + "] makes of stored samples.";
        }
        if (node instanceof ExplainNode.Call c) {
            return FunctionSentences.of(c, parent);
        }
        if (node instanceof ExplainNode.Aggregation a) {
            return aggregation(a, parent);
        }
        if (node instanceof ExplainNode.Binary b) {
            return BinarySentences.of(b);
        }
        if (node instanceof ExplainNode.Paren) {
            return "Brackets: the expression inside is computed first, as one unit; its value is unchanged.";
        }
        if (node instanceof ExplainNode.Unary u) {
            return u.op().equals("-") ? "Negates every value (multiplies it by −1)." : "Leaves every value as it is.";
        }
        if (node instanceof ExplainNode.NumberLiteral n) {
            return number(n, parent);
        }
        ExplainNode.StringLiteral s = (ExplainNode.StringLiteral) node;
        return "The text " + PromqlPrinter.quote(s.value())
                + (parent instanceof ExplainNode.Call c ? ", an argument of " + c.function() + "." : ".");
    }

    /** "the series named up whose job is "ml-api"", "every series whose name matches "ml_.*"". */
    static String series(ExplainNode.VectorSelector v) {
        List<String> conditions = new ArrayList<>();
        for (Matcher m : v.matchers()) {
            if (!m.repeatsName(v.name())) {
                conditions.add(condition(m));
            }
        }
        String who = v.name().isEmpty() ? "every series" : "the series named " + v.name();
        return conditions.isEmpty() ? who : who + " whose " + String.join(" and ", conditions);
    }

    private static String condition(Matcher m) {
        String label = m.name().equals("__name__") ? "name" : m.name();
        String value = PromqlPrinter.quote(m.value());
        return switch (m.op()) {
            case "=" -> m.value().isEmpty() ? label + " is empty or missing" : label + " is " + value;
            case "!=" -> label + " is not " + value;
            case "=~" -> m.value().equals(".*") ? label + " is anything (=~\".*\")" : label + " matches " + value;
            default -> label + " does not match " + value;
        };
    }

    /** ", as they were 5m earlier", ", at 2023-11-14T22:13:20Z", or nothing. */
    static String when(At at, long offsetMillis) {
        String time = switch (at.kind()) {
            case TIME -> ", at " + Instant.ofEpochMilli(at.millis());
            case START -> ", at the start of the query's range (for an instant query: its time)";
            case END -> ", at the end of the query's range (for an instant query: its time)";
            case NONE -> "";
        };
        String offset = offsetMillis > 0 ? ", shifted " + PromqlPrinter.duration(offsetMillis) + " into the past"
                : offsetMillis < 0 ? ", shifted " + PromqlPrinter.duration(-offsetMillis) + " into the future" : "";
        return time + offset;
    }

    private static String aggregation(ExplainNode.Aggregation a, ExplainNode parent) {
        String k = a.param() instanceof ExplainNode.NumberLiteral n ? n.text() : "k";
        String groups = a.grouping().isEmpty() ? "" : a.without()
                ? " (separately for each combination of labels other than " + String.join(", ", a.grouping()) + ")"
                : " (separately for each " + String.join(", ", a.grouping()) + ")";
        switch (a.op()) {
            case "topk":
                return "Keeps the " + k + " series with the largest values" + groups + "; drops the others.";
            case "bottomk":
                return "Keeps the " + k + " series with the smallest values" + groups + "; drops the others.";
            case "limitk":
                return "Keeps " + k + " of the series, whichever they are" + groups + ".";
            case "limit_ratio":
                return "Keeps about a share " + k + " of the series" + groups + ".";
            case "quantile":
                return "Takes the " + k + "-quantile of the values of" + grouping(a) + ".";
            case "count_values":
                String label = a.param() instanceof ExplainNode.StringLiteral s ? s.value() : "the given label";
                return "Counts how many series have each value, with the value in the label " + label
                        + (a.grouping().isEmpty() ? "" : grouping(a)) + ".";
            default:
                String verb = AGGREGATIONS.getOrDefault(a.op(), "Aggregates with " + a.op());
                String why = parent instanceof ExplainNode.Call c && c.function().equals("histogram_quantile")
                        && !a.without() && a.grouping().contains("le")
                        ? " (histogram_quantile needs le: it tells the buckets apart)" : "";
                return verb + grouping(a) + why + ".";
        }
    }

    /** " the series, keeping only the label le: one result per le" and the like, after the operator's verb. */
    private static String grouping(ExplainNode.Aggregation a) {
        if (a.without()) {
            return a.grouping().isEmpty() ? " the series with the same labels (the metric name dropped)"
                    : " the series, dropping the label" + plural(a.grouping()) + " " + String.join(" and ",
                    a.grouping()) + ": one result per combination of the others";
        }
        if (a.grouping().isEmpty()) {
            return " all the series: one result, without labels";
        }
        return " the series, keeping only the label" + plural(a.grouping()) + " " + String.join(" and ",
                a.grouping()) + ": one result per " + (a.grouping().size() == 1 ? a.grouping().get(0) : "combination");
    }

    private static String plural(List<String> labels) {
        return labels.size() == 1 ? "" : "s";
    }

    private static String number(ExplainNode.NumberLiteral n, ExplainNode parent) {
        String what = "The number " + n.text();
        if (parent instanceof ExplainNode.Call c && c.function().equals("histogram_quantile")
                && c.args().get(0) == n) {
            return what + ": the quantile to estimate, " + FunctionSentences.percentile(n.value()) + ".";
        }
        if (parent instanceof ExplainNode.Aggregation a && a.param() == n) {
            return what + ": the parameter of " + a.op() + ".";
        }
        if (parent instanceof ExplainNode.Binary b && COMPARISONS.containsKey(b.op())) {
            return what + ": the threshold of the comparison.";
        }
        return what + ".";
    }

    /** The comparison's word, read from the side the series are on. */
    static String comparison(String op, boolean seriesOnLeft) {
        return COMPARISONS.get(seriesOnLeft ? op : FLIPPED.get(op));
    }

    static boolean isComparison(String op) {
        return COMPARISONS.containsKey(op);
    }

    /** "÷", "−", "to the power of": the operator as it reads in "left ÷ right". */
    static String arithmetic(String op) {
        return ARITHMETIC.getOrDefault(op, op);
    }

    /** "exactly the same labels (one-to-one)", "the same model_version (on)"…: how the two sides pair up. */
    static String matching(Matching m) {
        if (m == null) {
            return "";
        }
        String pairs;
        if (m.on()) {
            pairs = m.labels().isEmpty() ? "whatever their labels (on (): any series matches)"
                    : "the same " + String.join(" and ", m.labels()) + " (on)";
        } else {
            pairs = m.labels().isEmpty() ? "exactly the same labels"
                    : "the same labels apart from " + String.join(" and ", m.labels()) + " (ignoring)";
        }
        return pairs;
    }

    /** Whether a side of an operator is a plain number rather than series. */
    static boolean isScalar(ExplainNode node) {
        return node.valueType() == ValueType.SCALAR;
    }
}
