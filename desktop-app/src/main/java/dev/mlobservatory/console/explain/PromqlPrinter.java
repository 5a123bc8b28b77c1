package dev.mlobservatory.console.explain;

import dev.mlobservatory.console.explain.ExplainNode.At;
import dev.mlobservatory.console.explain.ExplainNode.Matcher;
import dev.mlobservatory.console.explain.ExplainNode.Matching;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a node back into PromQL, written the way Prometheus 3 writes it ({@code format_query} on one line): brackets
 * exactly where the parsed expression had them, {@code sum by (le) (…)}, {@code on (x) group_left (y)}, {@code @} before
 * {@code offset}, durations such as {@code 1h30m}, strings quoted with Go's escapes. Printing a node and parsing the
 * text again gives the same tree; the live test checks that against the real Prometheus.
 */
public final class PromqlPrinter {

    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    /** Units of Prometheus's durations; years and weeks only when they divide the rest exactly, as Prometheus does. */
    private static final String[] UNITS = {"y", "w", "d", "h", "m", "s", "ms"};
    private static final long[] UNIT_MILLIS = {365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000,
        3600L * 1000, 60L * 1000, 1000L, 1L};

    private PromqlPrinter() {
    }

    /** The node as PromQL text on one line. */
    public static String print(ExplainNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(ExplainNode node, StringBuilder out) {
        if (node instanceof ExplainNode.VectorSelector v) {
            selector(v, out);
            modifiers(v.at(), v.offsetMillis(), out);
        } else if (node instanceof ExplainNode.MatrixSelector m) {
            selector(m.selector(), out);
            out.append('[').append(duration(m.rangeMillis())).append(']');
            modifiers(m.selector().at(), m.selector().offsetMillis(), out);
        } else if (node instanceof ExplainNode.Subquery s) {
            write(s.expr(), out);
            out.append('[').append(duration(s.rangeMillis())).append(':');
            if (s.stepMillis() > 0) {
                out.append(duration(s.stepMillis()));
            }
            out.append(']');
            modifiers(s.at(), s.offsetMillis(), out);
        } else if (node instanceof ExplainNode.Call c) {
            out.append(c.function()).append('(');
            list(c.args(), out);
            out.append(')');
        } else if (node instanceof ExplainNode.Aggregation a) {
            aggregation(a, out);
        } else if (node instanceof ExplainNode.Binary b) {
            write(b.lhs(), out);
            out.append(' ').append(b.op());
            if (b.bool()) {
                out.append(" bool");
            }
            out.append(matching(b.matching())).append(' ');
            write(b.rhs(), out);
        } else if (node instanceof ExplainNode.Paren p) {
            out.append('(');
            write(p.expr(), out);
            out.append(')');
        } else if (node instanceof ExplainNode.Unary u) {
            out.append(u.op());
            write(u.expr(), out);
        } else if (node instanceof ExplainNode.NumberLiteral n) {
            out.append(n.text());
        } else if (node instanceof ExplainNode.StringLiteral s) {
            out.append(quote(s.value()));
        } else {
            throw new IllegalArgumentException("no PromQL for " + node);
        }
    }

    /** {@code sum by (le) (…)}: the grouping before the brackets, the parameter first inside them. */
    private static void aggregation(ExplainNode.Aggregation a, StringBuilder out) {
        out.append(a.op());
        if (a.without()) {
            out.append(" without (").append(labels(a.grouping())).append(") ");
        } else if (!a.grouping().isEmpty()) {
            out.append(" by (").append(labels(a.grouping())).append(") ");
        }
        out.append('(');
        if (a.param() != null) {
            write(a.param(), out);
            out.append(", ");
        }
        write(a.expr(), out);
        out.append(')');
    }

    private static void list(List<ExplainNode> nodes, StringBuilder out) {
        for (int i = 0; i < nodes.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            write(nodes.get(i), out);
        }
    }

    /** {@code name{a="1",b!="2"}}: the matchers sorted as Prometheus sorts them, the one repeating the name left out. */
    private static void selector(ExplainNode.VectorSelector v, StringBuilder out) {
        List<String> matchers = new ArrayList<>();
        for (Matcher m : v.matchers()) {
            if (!m.repeatsName(v.name())) {
                matchers.add(label(m.name()) + m.op() + quote(m.value()));
            }
        }
        matchers.sort(null);
        out.append(v.name());
        if (!matchers.isEmpty()) {
            out.append('{').append(String.join(",", matchers)).append('}');
        }
    }

    /** {@code @ …} then {@code offset …}, in the order Prometheus 3 prints them. */
    private static void modifiers(At at, long offsetMillis, StringBuilder out) {
        switch (at.kind()) {
            case TIME -> out.append(" @ ").append(BigDecimal.valueOf(at.millis(), 3).toPlainString());
            case START -> out.append(" @ start()");
            case END -> out.append(" @ end()");
            case NONE -> { }
        }
        if (offsetMillis > 0) {
            out.append(" offset ").append(duration(offsetMillis));
        } else if (offsetMillis < 0) {
            out.append(" offset -").append(duration(-offsetMillis));
        }
    }

    private static String matching(Matching m) {
        if (m == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        if (!m.labels().isEmpty() || m.on() || m.grouped()) {
            out.append(m.on() ? " on (" : " ignoring (").append(labels(m.labels())).append(')');
        }
        if (m.grouped()) {
            out.append(m.card().equals("many-to-one") ? " group_left (" : " group_right (")
                    .append(labels(m.include())).append(')');
        }
        return out.toString();
    }

    private static String labels(List<String> names) {
        return names.stream().map(PromqlPrinter::label).collect(Collectors.joining(", "));
    }

    /** A label name as written: bare when it is a classic name, quoted when it uses UTF-8 (Prometheus 3). */
    static String label(String name) {
        return LABEL_NAME.matcher(name).matches() ? name : quote(name);
    }

    /** A duration as Prometheus writes it: "5m", "1h30m", "1d1h", "1w", "500ms"; "0s" for none. */
    public static String duration(long millis) {
        if (millis <= 0) {
            return millis == 0 ? "0s" : "-" + duration(-millis);
        }
        StringBuilder out = new StringBuilder();
        long rest = millis;
        for (int i = 0; i < UNITS.length; i++) {
            boolean exactOnly = i < 2;
            if (exactOnly && rest % UNIT_MILLIS[i] != 0) {
                continue;
            }
            long n = rest / UNIT_MILLIS[i];
            if (n > 0) {
                out.append(n).append(UNITS[i]);
                rest -= n * UNIT_MILLIS[i];
            }
        }
        return out.toString();
    }

    /** A string in double quotes with Go's escapes, as PromQL reads it back. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\u0007' -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\u000b' -> out.append("\\v");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
                    } else if (Character.isISOControl(c)) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
