package dev.mlobservatory.console.silence;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One matcher of a silence, as Alertmanager's API v2 writes it ({@code name}, {@code value}, {@code isRegex},
 * {@code isEqual}), with the operator a student types: {@code =}, {@code !=}, {@code =~}, {@code !~}.
 */
public record Matcher(String name, Op op, String value) {

    /** The four operators of a label matcher, as PromQL and amtool write them. */
    public enum Op {
        EQUAL("=", false, true), NOT_EQUAL("!=", false, false), REGEX("=~", true, true), NOT_REGEX("!~", true, false);

        private final String symbol;
        private final boolean regex;
        private final boolean equal;

        Op(String symbol, boolean regex, boolean equal) {
            this.symbol = symbol;
            this.regex = regex;
            this.equal = equal;
        }

        public String symbol() {
            return symbol;
        }

        public boolean isRegex() {
            return regex;
        }

        public boolean isEqual() {
            return equal;
        }

        /** The operator Alertmanager's two booleans stand for. */
        public static Op of(boolean isRegex, boolean isEqual) {
            return isRegex ? (isEqual ? REGEX : NOT_REGEX) : (isEqual ? EQUAL : NOT_EQUAL);
        }

        @Override
        public String toString() {
            return symbol;
        }
    }

    public Matcher {
        Objects.requireNonNull(op, "op");
        name = name == null ? "" : name.strip();
        value = value == null ? "" : value;
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A matcher needs a label name (for example alertname).");
        }
    }

    /** {@code alertname="APIDown"}. */
    public static Matcher equal(String name, String value) {
        return new Matcher(name, Op.EQUAL, value);
    }

    /**
     * True when a set of labels matches, as Alertmanager decides it (a missing label is the empty string; a regex
     * matches the whole value). A regex Alertmanager would refuse matches nothing here.
     */
    public boolean matches(Map<String, String> labels) {
        String actual = labels.getOrDefault(name, "");
        boolean hit;
        if (op.isRegex()) {
            try {
                hit = Pattern.compile(value).matcher(actual).matches();
            } catch (PatternSyntaxException e) {
                return false;
            }
        } else {
            hit = actual.equals(value);
        }
        return hit == op.isEqual();
    }

    /** {@code alertname="APIDown"}, {@code job=~"api|loadgen"}. */
    @Override
    public String toString() {
        return name + op.symbol() + '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
