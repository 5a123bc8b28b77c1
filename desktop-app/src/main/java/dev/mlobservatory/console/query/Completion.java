package dev.mlobservatory.console.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What to offer for the word at the caret: label names where PromQL expects a label (inside {@code {…}} before
 * the operator, inside {@code by (…)} / {@code without (…)} / {@code on (…)}), nothing inside strings, ranges
 * or label values, and otherwise metric names plus PromQL's functions and aggregations.
 */
public final class Completion {

    /** At most this many suggestions: a longer list is not read, the user types another letter instead. */
    static final int LIMIT = 50;

    /** Functions and aggregation operators a student meets first; accepting one also types the "(". */
    static final List<String> FUNCTIONS = List.of(
            "abs", "absent", "avg", "avg_over_time", "bottomk", "ceil", "changes", "clamp_max", "clamp_min",
            "count", "count_over_time", "delta", "deriv", "floor", "group", "histogram_quantile", "increase",
            "irate", "label_replace", "max", "max_over_time", "min", "min_over_time", "predict_linear",
            "quantile", "quantile_over_time", "rate", "resets", "round", "scalar", "sort", "sort_desc", "sqrt",
            "stddev", "sum", "sum_over_time", "time", "timestamp", "topk", "vector");

    /** Words after which a parenthesised list holds label names. */
    private static final Set<String> LABEL_LIST_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right");

    /** What kind of name a suggestion is: shown beside it, and functions get their "(" on accept. */
    public enum Kind {
        METRIC("metric"), LABEL("label"), FUNCTION("function");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One name to offer. */
    public record Suggestion(String text, Kind kind) {
    }

    /** The word at the caret ({@code start}..{@code end}, {@code prefix} is the part before the caret) and what to offer. */
    public record Candidates(int start, int end, String prefix, List<Suggestion> suggestions) {
        public Candidates {
            suggestions = List.copyOf(suggestions);
        }

        public boolean isEmpty() {
            return suggestions.isEmpty();
        }
    }

    /** The text after a suggestion was accepted, and where the caret goes. */
    public record Edit(String text, int caret) {
    }

    private Completion() {
    }

    /** Suggestions for the word around {@code caret} in {@code text}. */
    public static Candidates at(String text, int caret, Collection<String> metrics, Collection<String> labels) {
        String t = text == null ? "" : text;
        int c = Math.max(0, Math.min(caret, t.length()));
        int start = c;
        while (start > 0 && isWordChar(t.charAt(start - 1))) {
            start--;
        }
        int end = c;
        while (end < t.length() && isWordChar(t.charAt(end))) {
            end++;
        }
        String prefix = t.substring(start, c);
        List<Suggestion> out = new ArrayList<>();
        switch (context(t, start)) {
            case LABEL -> match(prefix, labels, Kind.LABEL, out);
            case EXPRESSION -> {
                match(prefix, metrics, Kind.METRIC, out);
                match(prefix, FUNCTIONS, Kind.FUNCTION, out);
            }
            case NONE -> { }
        }
        out.sort((a, b) -> {
            // Names that start with what was typed come first; then names that merely contain it
            // ("duration" finds ml_prediction_duration_seconds); alphabetical within each group.
            int rank = Integer.compare(rank(a.text(), prefix), rank(b.text(), prefix));
            return rank != 0 ? rank : a.text().compareTo(b.text());
        });
        return new Candidates(start, end, prefix, out.size() > LIMIT ? out.subList(0, LIMIT) : out);
    }

    /** Replaces the word with the suggestion; a function gets its opening parenthesis. */
    public static Edit accept(String text, Candidates candidates, Suggestion suggestion) {
        String insert = suggestion.text() + (suggestion.kind() == Kind.FUNCTION ? "(" : "");
        String after = text.substring(candidates.end());
        if (suggestion.kind() == Kind.FUNCTION && after.startsWith("(")) {
            insert = suggestion.text();
        }
        String result = text.substring(0, candidates.start()) + insert + after;
        return new Edit(result, candidates.start() + insert.length());
    }

    static boolean isWordChar(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '_' || ch == ':';
    }

    private enum Context { EXPRESSION, LABEL, NONE }

    /** Reads the text before the word once, tracking strings, braces, brackets and parentheses. */
    private static Context context(String t, int wordStart) {
        boolean inString = false;
        char quote = 0;
        int braces = 0;
        int brackets = 0;
        // For each open parenthesis: does it hold a label list (by/without/on/… came right before it)?
        List<Boolean> parens = new ArrayList<>();
        for (int i = 0; i < wordStart; i++) {
            char ch = t.charAt(i);
            if (inString) {
                if (ch == '\\') {
                    i++;
                } else if (ch == quote) {
                    inString = false;
                }
                continue;
            }
            switch (ch) {
                case '"', '\'', '`' -> { inString = true; quote = ch; }
                case '{' -> braces++;
                case '}' -> braces = Math.max(0, braces - 1);
                case '[' -> brackets++;
                case ']' -> brackets = Math.max(0, brackets - 1);
                case '(' -> parens.add(LABEL_LIST_WORDS.contains(wordBefore(t, i).toLowerCase(Locale.ROOT)));
                case ')' -> { if (!parens.isEmpty()) { parens.remove(parens.size() - 1); } }
                default -> { }
            }
        }
        if (inString || brackets > 0) {
            return Context.NONE;
        }
        char before = previousNonSpace(t, wordStart);
        if (braces > 0) {
            // Inside a selector: a label name follows "{" or ","; after an operator comes a quoted value.
            return before == '{' || before == ',' ? Context.LABEL : Context.NONE;
        }
        if (!parens.isEmpty() && parens.get(parens.size() - 1) && (before == '(' || before == ',')) {
            return Context.LABEL;
        }
        return Context.EXPRESSION;
    }

    private static String wordBefore(String t, int index) {
        int end = index;
        while (end > 0 && Character.isWhitespace(t.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && isWordChar(t.charAt(start - 1))) {
            start--;
        }
        return t.substring(start, end);
    }

    private static char previousNonSpace(String t, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (!Character.isWhitespace(t.charAt(i))) {
                return t.charAt(i);
            }
        }
        return 0;
    }

    private static void match(String prefix, Collection<String> names, Kind kind, List<Suggestion> out) {
        String p = prefix.toLowerCase(Locale.ROOT);
        for (String name : names) {
            String n = name.toLowerCase(Locale.ROOT);
            // The exact word is already typed: offering it again would only hide the longer names.
            if (!n.equals(p) && n.contains(p)) {
                out.add(new Suggestion(name, kind));
            }
        }
    }

    private static int rank(String name, String prefix) {
        return name.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT)) ? 0 : 1;
    }
}
