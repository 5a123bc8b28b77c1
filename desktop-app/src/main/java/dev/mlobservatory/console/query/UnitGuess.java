package dev.mlobservatory.console.query;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses a query's {@link ValueUnit} from its text, the way a reader would: metric name suffixes
 * ({@code _seconds}, {@code _ratio}, {@code _percent}, {@code _bytes}), {@code rate()} is per second,
 * {@code histogram_quantile} has its buckets' unit, {@code x_sum / x_count} has x's, a metric divided by the
 * same metric (errors / all) is a ratio and 100 × a ratio a percentage. It splits the expression at its
 * operators and calls, not a full parser: when unsure it answers {@link ValueUnit#PLAIN}, which is never wrong.
 */
final class UnitGuess {

    /** Aggregations whose result has the unit of the vector they aggregate (the last argument). */
    private static final Set<String> KEEPS_UNIT = Set.of("sum", "min", "max", "avg", "topk", "bottomk", "quantile",
            "stddev", "limitk", "limit_ratio", "abs", "ceil", "floor", "round", "clamp", "clamp_min", "clamp_max",
            "sort", "sort_desc", "sort_by_label", "sort_by_label_desc", "label_replace", "label_join",
            "avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "last_over_time",
            "quantile_over_time", "stddev_over_time", "mad_over_time", "delta", "idelta", "predict_linear",
            "scalar", "vector");
    private static final Set<String> PER_SECOND = Set.of("rate", "irate", "deriv");
    /** Functions whose result has the unit of the histogram's observations. */
    private static final Set<String> HISTOGRAM = Set.of("histogram_quantile", "histogram_avg", "histogram_stddev");

    /** Operators from the loosest binding to the tightest; all but ^ group from the left. */
    private static final List<List<String>> PRECEDENCE = List.of(
            List.of("or"), List.of("and", "unless"), List.of("==", "!=", ">=", "<=", ">", "<"),
            List.of("+", "-"), List.of("*", "/", "%", "atan2"), List.of("^"));
    /** What may follow a binary operator before its right operand. */
    private static final Pattern MODIFIERS = Pattern.compile(
            "^\\s*(bool\\b\\s*)?((on|ignoring)\\s*\\([^)]*\\)\\s*)?((group_left|group_right)\\b\\s*(\\([^)]*\\))?\\s*)?");
    private static final Pattern CALL = Pattern.compile(
            "^([a-zA-Z_][a-zA-Z0-9_]*)\\s*((by|without)\\s*\\([^)]*\\)\\s*)?\\(");
    private static final Pattern TRAILING_GROUPING = Pattern.compile("\\s*(by|without)\\s*\\([^)]*\\)\\s*$");
    private static final Pattern TRAILING_MODIFIER = Pattern.compile(
            "\\s+(offset\\s+-?[0-9a-zA-Z.]+|@\\s*(-?[0-9.e+]+|start\\(\\)|end\\(\\)))\\s*$");
    private static final Pattern NUMBER = Pattern.compile(
            "^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?$|^[+-]?(0x[0-9a-fA-F]+|inf|nan)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_SELECTOR = Pattern.compile("__name__\\s*=\\s*[\"'`]([^\"'`]+)[\"'`]");
    /** Deeper than this the text is not a query a person wrote: stop guessing. */
    private static final int MAX_DEPTH = 64;

    /**
     * The guess for a subexpression: its unit, a numeric factor applied to it ({@code 100 * ratio} is a ratio with
     * factor 100), and for a literal number its value.
     */
    private record Guess(ValueUnit unit, double factor, Double literal) {
        static final Guess PLAIN = new Guess(ValueUnit.PLAIN, 1, null);

        static Guess of(ValueUnit unit) {
            return new Guess(unit, 1, null);
        }

        Guess times(double f) {
            return new Guess(unit, factor * f, null);
        }

        /** The unit once factors are applied: 100 × ratio is a percentage; another factor leaves no known unit. */
        ValueUnit resolved() {
            if (literal != null) {
                return ValueUnit.PLAIN;
            }
            if (factor == 1) {
                return unit;
            }
            if (unit == ValueUnit.RATIO && factor == 100) {
                return ValueUnit.PERCENT;
            }
            if (unit == ValueUnit.PERCENT && factor == 0.01) {
                return ValueUnit.RATIO;
            }
            return ValueUnit.PLAIN;
        }
    }

    private UnitGuess() {
    }

    /** The unit of {@code promql}'s values; {@link ValueUnit#PLAIN} when the text does not say. */
    static ValueUnit of(String promql) {
        if (promql == null || promql.isBlank()) {
            return ValueUnit.PLAIN;
        }
        return guess(PromqlText.withoutComments(promql), 0).resolved();
    }

    private static Guess guess(String text, int depth) {
        String e = PromqlText.unwrap(text.strip());
        if (e.isEmpty() || depth > MAX_DEPTH) {
            return Guess.PLAIN;
        }
        for (List<String> level : PRECEDENCE) {
            int[] at = PromqlText.findOperator(e, level, level.contains("^"));
            if (at != null) {
                String op = e.substring(at[0], at[1]).toLowerCase(Locale.ROOT);
                String right = e.substring(at[1]);
                Matcher m = MODIFIERS.matcher(right);
                boolean bool = m.find() && m.group(1) != null;
                return combine(op, bool, e.substring(0, at[0]), right.substring(m.end()), depth + 1);
            }
        }
        if (e.startsWith("-") || e.startsWith("+")) {
            Guess inner = guess(e.substring(1), depth + 1);
            return inner.literal() != null && e.startsWith("-") ? new Guess(ValueUnit.PLAIN, 1, -inner.literal()) : inner;
        }
        if (NUMBER.matcher(e).matches()) {
            return new Guess(ValueUnit.PLAIN, 1, number(e));
        }
        Matcher tail = TRAILING_MODIFIER.matcher(e);
        if (tail.find()) {
            return guess(e.substring(0, tail.start()), depth + 1);
        }
        if (e.endsWith("]")) {
            int open = PromqlText.matchingOpen(e, e.length() - 1);
            if (open > 0) {
                return guess(e.substring(0, open), depth + 1); // a range or a subquery: the unit of what it ranges over
            }
        }
        Matcher call = CALL.matcher(e);
        if (call.find()) {
            int close = PromqlText.matchingClose(e, call.end() - 1);
            String rest = close < 0 ? "" : e.substring(close + 1);
            if (close > 0 && (rest.isBlank() || TRAILING_GROUPING.matcher(rest).matches())) {
                return function(call.group(1).toLowerCase(Locale.ROOT), e.substring(call.end(), close), depth + 1);
            }
        }
        return Guess.of(unitOfName(selectedName(e)));
    }

    private static Guess combine(String op, boolean bool, String leftText, String rightText, int depth) {
        Guess left = guess(leftText, depth);
        Guess right = guess(rightText, depth);
        switch (op) {
            case "or", "and", "unless", "+", "-" -> {
                return left.literal() != null ? right : left;
            }
            case "==", "!=", ">=", "<=", ">", "<" -> {
                // A filter keeps the left side's values; with bool the answer is 0 or 1.
                return bool ? Guess.PLAIN : left.literal() != null ? right : left;
            }
            case "*" -> {
                if (left.literal() != null && right.literal() != null) {
                    return new Guess(ValueUnit.PLAIN, 1, left.literal() * right.literal());
                }
                if (left.literal() != null) {
                    return right.times(left.literal());
                }
                return right.literal() != null ? left.times(right.literal()) : Guess.PLAIN;
            }
            case "/" -> {
                if (right.literal() != null) {
                    return left.literal() != null || right.literal() == 0 ? Guess.PLAIN : left.times(1 / right.literal());
                }
                return divide(leftText, left, rightText, right);
            }
            default -> {
                return Guess.PLAIN; // %, ^, atan2: no unit a reader would name
            }
        }
    }

    /** x_sum / x_count has x's unit (a mean); the same metrics on both sides (errors / all) give a ratio. */
    private static Guess divide(String leftText, Guess left, String rightText, Guess right) {
        List<String> over = UnknownMetrics.metricNamesIn(leftText);
        List<String> under = UnknownMetrics.metricNamesIn(rightText);
        double factor = left.factor() / right.factor();
        if (over.size() == 1 && under.size() == 1 && over.get(0).endsWith("_sum") && under.get(0).endsWith("_count")) {
            String base = over.get(0).substring(0, over.get(0).length() - "_sum".length());
            if (under.get(0).equals(base + "_count")) {
                return new Guess(unitOfName(base), factor, null);
            }
        }
        if (!over.isEmpty() && Set.copyOf(over).equals(Set.copyOf(under))) {
            return new Guess(ValueUnit.RATIO, factor, null);
        }
        return Guess.PLAIN;
    }

    private static Guess function(String name, String argsText, int depth) {
        List<String> args = PromqlText.splitArguments(argsText);
        if (args.isEmpty()) {
            return Guess.PLAIN;
        }
        if (PER_SECOND.contains(name)) {
            return Guess.of(ValueUnit.PER_SECOND);
        }
        if (HISTOGRAM.contains(name)) {
            // Classic histograms are read through their _bucket series; native ones by their own name.
            List<String> metrics = UnknownMetrics.metricNamesIn(args.get(args.size() - 1));
            if (metrics.isEmpty()) {
                return Guess.PLAIN;
            }
            String metric = metrics.get(0);
            return Guess.of(unitOfName(metric.endsWith("_bucket")
                    ? metric.substring(0, metric.length() - "_bucket".length()) : metric));
        }
        if (KEEPS_UNIT.contains(name)) {
            // The vector is the last argument of topk(3, v) and quantile(0.9, v), the first of round(v, 0.1).
            for (String arg : args) {
                if (!UnknownMetrics.metricNamesIn(arg).isEmpty() || name.equals("vector") || name.equals("scalar")) {
                    return guess(arg, depth);
                }
            }
        }
        return Guess.PLAIN; // count, increase, changes, time(), functions of other units
    }

    /** The unit a metric's name states, by Prometheus's naming conventions. */
    static ValueUnit unitOfName(String metric) {
        if (metric == null) {
            return ValueUnit.PLAIN;
        }
        String n = metric.toLowerCase(Locale.ROOT);
        if (n.endsWith("_count") || n.endsWith("_bucket")) {
            return ValueUnit.PLAIN; // how many observations, whatever they measured
        }
        for (String suffix : List.of("_total", "_sum")) {
            if (n.endsWith(suffix)) {
                n = n.substring(0, n.length() - suffix.length());
            }
        }
        if (n.endsWith("_seconds")) {
            return ValueUnit.SECONDS;
        }
        if (n.endsWith("_ratio")) {
            return ValueUnit.RATIO;
        }
        if (n.endsWith("_percent")) {
            return ValueUnit.PERCENT;
        }
        if (n.endsWith("_bytes")) {
            return ValueUnit.BYTES;
        }
        return ValueUnit.PLAIN;
    }

    /** The metric a selector names: {@code name{…}} or {@code {__name__="name", …}}. */
    private static String selectedName(String selector) {
        List<String> names = UnknownMetrics.metricNamesIn(selector);
        if (!names.isEmpty()) {
            return names.get(0);
        }
        Matcher m = NAME_SELECTOR.matcher(selector);
        return m.find() ? m.group(1) : null;
    }

    private static double number(String e) {
        String s = e.toLowerCase(Locale.ROOT);
        boolean negative = s.startsWith("-");
        String body = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        double v = switch (body) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> body.startsWith("0x") ? Long.parseLong(body.substring(2), 16) : Double.parseDouble(body);
        };
        return negative ? -v : v;
    }
}
