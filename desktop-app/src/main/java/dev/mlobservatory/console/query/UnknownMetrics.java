package dev.mlobservatory.console.query;

import dev.mlobservatory.console.prom.NearestNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Why a query found no series when the reason is a misspelt metric name: the metric names a query selects
 * (found by a small lexer, not a parser), which of them Prometheus does not know, and the nearest names it does.
 */
final class UnknownMetrics {

    /** At most this many suggestions per unknown name. */
    static final int SUGGESTIONS = 3;

    /** Aggregations may be written "sum by (x) (…)": a name there is an operator even without a "(" after it. */
    private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
            "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "bool", "atan2", "inf", "nan", "start", "end");
    /** After these, a parenthesised list holds label names, not metrics. */
    private static final Set<String> LABEL_LIST_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right");

    private UnknownMetrics() {
    }

    /** The metric names {@code promql} selects, in order of appearance, each once. */
    static List<String> metricNamesIn(String promql) {
        Set<String> out = new LinkedHashSet<>();
        String q = promql == null ? "" : promql;
        int i = 0;
        String previousWord = "";
        while (i < q.length()) {
            char c = q.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = PromqlText.skipString(q, i);
            } else if (c == '#') {
                int nl = q.indexOf('\n', i);
                i = nl < 0 ? q.length() : nl;
            } else if (c == '{') {
                i = skipPast(q, i, '}'); // label matchers: names there are labels
            } else if (c == '[') {
                i = skipPast(q, i, ']'); // range or subquery durations
            } else if (c == '(' && LABEL_LIST_WORDS.contains(previousWord)) {
                i = skipPast(q, i, ')');
                previousWord = "";
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < q.length() && Character.isDigit(q.charAt(i + 1)))) {
                while (i < q.length() && (Character.isLetterOrDigit(q.charAt(i)) || q.charAt(i) == '.'
                        || q.charAt(i) == '_')) {
                    i++; // numbers and durations: 1.5, 1e3, 0x1F, 5m, 1h30m
                }
                previousWord = "";
            } else if (PromqlText.isNameStart(c)) {
                int start = i;
                while (i < q.length() && PromqlText.isNamePart(q.charAt(i))) {
                    i++;
                }
                String word = q.substring(start, i);
                int next = i;
                while (next < q.length() && Character.isWhitespace(q.charAt(next))) {
                    next++;
                }
                boolean call = next < q.length() && q.charAt(next) == '(';
                String lower = word.toLowerCase(java.util.Locale.ROOT);
                if (!call && !KEYWORDS.contains(lower) && !AGGREGATIONS.contains(lower)) {
                    out.add(word);
                }
                previousWord = lower;
            } else {
                if (!Character.isWhitespace(c)) {
                    previousWord = "";
                }
                i++;
            }
        }
        return List.copyOf(out);
    }

    /**
     * The line to show when {@code promql} returned no series, or null when every metric it names is known
     * (then the labels or the time range are why) or when the known names are not loaded yet (no guessing).
     */
    static String explain(String promql, Collection<String> known) {
        if (known.isEmpty()) {
            return null;
        }
        Set<String> knownSet = new HashSet<>(known);
        List<String> sentences = new ArrayList<>();
        for (String name : metricNamesIn(promql)) {
            if (knownSet.contains(name)) {
                continue;
            }
            List<String> near = NearestNames.nearest(name, known, SUGGESTIONS);
            sentences.add(name + " is not a metric Prometheus knows."
                    + (near.isEmpty() ? "" : " Did you mean " + orList(near) + "?"));
        }
        return sentences.isEmpty() ? null : "No series: " + String.join(" ", sentences);
    }

    private static String orList(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** Index after the {@code close} matching the opener at {@code i}, skipping strings; the end if unclosed. */
    private static int skipPast(String q, int i, char close) {
        int j = i + 1;
        while (j < q.length() && q.charAt(j) != close) {
            char c = q.charAt(j);
            j = (c == '"' || c == '\'' || c == '`') ? PromqlText.skipString(q, j) : j + 1;
        }
        return Math.min(q.length(), j + 1);
    }
}
