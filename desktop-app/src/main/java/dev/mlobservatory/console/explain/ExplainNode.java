package dev.mlobservatory.console.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One node of a PromQL expression's syntax tree, as Prometheus 3's {@code /api/v1/parse_query} describes it: the ten
 * node types and their modifiers, immutable. {@link SyntaxTree} builds it from the JSON, {@link PromqlPrinter} turns
 * it back into PromQL, {@link Sentences} says what it does.
 */
public sealed interface ExplainNode {

    /** What a node gives when evaluated on its own: PromQL's four value types. */
    enum ValueType { VECTOR, MATRIX, SCALAR, STRING }

    /** The nodes directly inside this one, left to right as they are written. */
    List<ExplainNode> children();

    /** The type of value this node evaluates to. */
    ValueType valueType();

    /** A label matcher: {@code name op "value"}, op one of {@code = != =~ !~}. */
    record Matcher(String name, String op, String value) {
        public Matcher {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (!List.of("=", "!=", "=~", "!~").contains(op)) {
                throw new IllegalArgumentException("op must be one of = != =~ !~, got '" + op + "'");
            }
        }

        /** True for the matcher that only repeats the selector's metric name ({@code __name__="up"} of {@code up}). */
        boolean repeatsName(String metric) {
            return name.equals("__name__") && op.equals("=") && value.equals(metric) && !metric.isEmpty();
        }
    }

    /** The {@code @} modifier: none, a fixed time in milliseconds since the epoch, or the query's start() or end(). */
    record At(Kind kind, long millis) {
        /** Which of the four forms. */
        public enum Kind { NONE, TIME, START, END }

        public static final At NONE = new At(Kind.NONE, 0);

        public At {
            Objects.requireNonNull(kind, "kind");
            if (kind != Kind.TIME && millis != 0) {
                throw new IllegalArgumentException("only '@ <time>' has a time, got " + kind + " with " + millis);
            }
        }
    }

    /**
     * How a binary operator pairs the series of its two sides: {@code card} one-to-one, many-to-one (group_left),
     * one-to-many (group_right) or many-to-many (and/or/unless); {@code on} or ignoring {@code labels}; the labels a
     * group modifier copies over ({@code include}).
     */
    record Matching(String card, boolean on, List<String> labels, List<String> include) {
        public Matching {
            if (!List.of("one-to-one", "many-to-one", "one-to-many", "many-to-many").contains(card)) {
                throw new IllegalArgumentException("card must be one-to-one, many-to-one, one-to-many or many-to-many, "
                        + "got '" + card + "'");
            }
            labels = List.copyOf(labels);
            include = List.copyOf(include);
        }

        boolean grouped() {
            return card.equals("many-to-one") || card.equals("one-to-many");
        }
    }

    /** {@code up{job="ml-api"}}: the series with that name and labels, each at its latest sample. */
    record VectorSelector(String name, List<Matcher> matchers, long offsetMillis, At at) implements ExplainNode {
        public VectorSelector {
            Objects.requireNonNull(name, "name");
            matchers = List.copyOf(matchers);
            Objects.requireNonNull(at, "at");
        }

        @Override public List<ExplainNode> children() { return List.of(); }
        @Override public ValueType valueType() { return ValueType.VECTOR; }
    }

    /** {@code x[5m]}: each selected series as a window of its samples over {@code rangeMillis}. */
    record MatrixSelector(VectorSelector selector, long rangeMillis) implements ExplainNode {
        public MatrixSelector {
            Objects.requireNonNull(selector, "selector");
            if (rangeMillis <= 0) {
                throw new IllegalArgumentException("rangeMillis must be positive, got " + rangeMillis);
            }
        }

        @Override public List<ExplainNode> children() { return List.of(); }
        @Override public ValueType valueType() { return ValueType.MATRIX; }
    }

    /** {@code expr[30m:30s]}: {@code expr} evaluated every {@code stepMillis} (0: the default) over the range. */
    record Subquery(ExplainNode expr, long rangeMillis, long stepMillis, long offsetMillis, At at)
            implements ExplainNode {
        public Subquery {
            Objects.requireNonNull(expr, "expr");
            Objects.requireNonNull(at, "at");
            if (rangeMillis <= 0 || stepMillis < 0) {
                throw new IllegalArgumentException("a subquery needs a positive range and a step ≥ 0, got "
                        + rangeMillis + " ms and " + stepMillis + " ms");
            }
        }

        @Override public List<ExplainNode> children() { return List.of(expr); }
        @Override public ValueType valueType() { return ValueType.MATRIX; }
    }

    /** {@code rate(…)}: a function, its declared result type and its arguments. */
    record Call(String function, ValueType returns, List<ExplainNode> args) implements ExplainNode {
        public Call {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(returns, "returns");
            args = List.copyOf(args);
        }

        @Override public List<ExplainNode> children() { return args; }
        @Override public ValueType valueType() { return returns; }
    }

    /**
     * {@code sum by (le) (…)}: an aggregation operator over {@code expr}, with its parameter where it takes one
     * ({@code topk(3, …)}; null otherwise), keeping ({@code by}) or dropping ({@code without}) {@code grouping}.
     */
    record Aggregation(String op, ExplainNode expr, ExplainNode param, List<String> grouping, boolean without)
            implements ExplainNode {
        public Aggregation {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(expr, "expr");
            grouping = List.copyOf(grouping);
        }

        @Override
        public List<ExplainNode> children() {
            List<ExplainNode> all = new ArrayList<>(2);
            if (param != null) {
                all.add(param);
            }
            all.add(expr);
            return List.copyOf(all);
        }

        @Override public ValueType valueType() { return ValueType.VECTOR; }
    }

    /**
     * {@code a / on (x) b}: an operator between two sides; {@code matching} is null unless both sides are instant
     * vectors; {@code bool} makes a comparison answer 0 or 1 instead of filtering.
     */
    record Binary(String op, ExplainNode lhs, ExplainNode rhs, Matching matching, boolean bool)
            implements ExplainNode {
        public Binary {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(lhs, "lhs");
            Objects.requireNonNull(rhs, "rhs");
        }

        @Override public List<ExplainNode> children() { return List.of(lhs, rhs); }

        @Override
        public ValueType valueType() {
            return lhs.valueType() == ValueType.SCALAR && rhs.valueType() == ValueType.SCALAR
                    ? ValueType.SCALAR : ValueType.VECTOR;
        }
    }

    /** {@code (…)}: brackets, kept as written so that the printed text nests as the parsed one did. */
    record Paren(ExplainNode expr) implements ExplainNode {
        public Paren {
            Objects.requireNonNull(expr, "expr");
        }

        @Override public List<ExplainNode> children() { return List.of(expr); }
        @Override public ValueType valueType() { return expr.valueType(); }
    }

    /** {@code -x} or {@code +x}. */
    record Unary(String op, ExplainNode expr) implements ExplainNode {
        public Unary {
            if (!op.equals("-") && !op.equals("+")) {
                throw new IllegalArgumentException("a unary operator is - or +, got '" + op + "'");
            }
            Objects.requireNonNull(expr, "expr");
        }

        @Override public List<ExplainNode> children() { return List.of(expr); }
        @Override public ValueType valueType() { return expr.valueType(); }
    }

    /** A number as Prometheus writes it: "0.95", "-1", "+Inf", "NaN", "10000000000". */
    record NumberLiteral(String text) implements ExplainNode {
        public NumberLiteral {
            Objects.requireNonNull(text, "text");
            value(text); // rejects what is not a number
        }

        /** The number itself. */
        public double value() {
            return value(text);
        }

        private static double value(String text) {
            return switch (text) {
                case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                default -> {
                    try {
                        yield Double.parseDouble(text);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("not a number literal: '" + text + "'");
                    }
                }
            };
        }

        @Override public List<ExplainNode> children() { return List.of(); }
        @Override public ValueType valueType() { return ValueType.SCALAR; }
    }

    /** A string such as the {@code "host"} of label_replace: its value, unquoted. */
    record StringLiteral(String value) implements ExplainNode {
        public StringLiteral {
            Objects.requireNonNull(value, "value");
        }

        @Override public List<ExplainNode> children() { return List.of(); }
        @Override public ValueType valueType() { return ValueType.STRING; }
    }
}
