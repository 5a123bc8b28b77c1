package dev.mlobservatory.console.lab.exercise;

import dev.mlobservatory.console.prom.NearestNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Why an answer found nothing when a metric name is misspelt: the names the answer selects (a small lexer, not a
 * parser), those Prometheus does not know, and the nearest it does ("did you mean ml_predictions_total?").
 */
final class MetricNames {

    private static final Set<String> WORDS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar", "count",
            "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio", "and", "or", "unless", "by",
            "without", "on", "ignoring", "group_left", "group_right", "offset", "bool", "atan2", "inf", "nan");
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right");

    private MetricNames() {
    }

    /** The metric names {@code promql} selects, each once, in order. */
    static List<String> in(String promql) {
        String q = Durations.withoutStrings(promql == null ? "" : promql);
        Set<String> out = new LinkedHashSet<>();
        String previous = "";
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (c == '{' || c == '[' || (c == '(' && LABEL_LISTS.contains(previous))) {
                char close = c == '{' ? '}' : c == '[' ? ']' : ')';
                int end = q.indexOf(close, i);
                i = end < 0 ? q.length() : end + 1;
                previous = "";
            } else if (Character.isDigit(c) || c == '.') {
                while (i < q.length() && (Character.isLetterOrDigit(q.charAt(i)) || q.charAt(i) == '.')) {
                    i++;
                }
                previous = "";
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                int start = i;
                while (i < q.length() && (Character.isLetterOrDigit(q.charAt(i)) || q.charAt(i) == '_'
                        || q.charAt(i) == ':')) {
                    i++;
                }
                String word = q.substring(start, i);
                int next = i;
                while (next < q.length() && Character.isWhitespace(q.charAt(next))) {
                    next++;
                }
                String lower = word.toLowerCase(Locale.ROOT);
                if (!(next < q.length() && q.charAt(next) == '(') && !WORDS.contains(lower)) {
                    out.add(word);
                }
                previous = lower;
            } else {
                if (!Character.isWhitespace(c)) {
                    previous = "";
                }
                i++;
            }
        }
        return List.copyOf(out);
    }

    /** "`x` is not a metric Prometheus knows: did you mean `y`?", or null when every name is known. */
    static String unknown(String promql, Collection<String> known) {
        if (known.isEmpty()) {
            return null;
        }
        Set<String> knownSet = new HashSet<>(known);
        List<String> sentences = new ArrayList<>();
        for (String name : in(promql)) {
            if (!knownSet.contains(name)) {
                List<String> near = NearestNames.nearest(name, known, 2);
                sentences.add("`" + name + "` is not a metric Prometheus knows"
                        + (near.isEmpty() ? "" : ": did you mean " + String.join(" or ",
                        near.stream().map(n -> "`" + n + "`").toList()) + "?"));
            }
        }
        return sentences.isEmpty() ? null : String.join("; ", sentences);
    }

}
