package dev.mlobservatory.console.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Scanning PromQL text without parsing it: brackets, strings, comments, arguments, top-level operators. */
final class PromqlText {

    /** Words after which no binary operator can follow at once (modifiers, not operands). */
    private static final Set<String> NOT_OPERANDS = Set.of("bool", "on", "ignoring", "group_left", "group_right", "by",
            "without", "offset");

    private PromqlText() {
    }

    /**
     * Start and end of the rightmost (or, for a right-grouping operator, the leftmost) of {@code ops} outside
     * brackets and strings, as a binary operator; null when there is none.
     */
    static int[] findOperator(String e, List<String> ops, boolean leftmost) {
        int[] found = null;
        int depth = 0;
        boolean operandBefore = false;
        int i = 0;
        while (i < e.length()) {
            char c = e.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(e, i);
                operandBefore = true;
                continue;
            }
            if (c == '(' || c == '{' || c == '[') {
                depth++;
                i++;
                continue;
            }
            if (c == ')' || c == '}' || c == ']') {
                depth--;
                i++;
                operandBefore = true;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (depth == 0 && isNameStart(c)) {
                int end = i;
                while (end < e.length() && isNamePart(e.charAt(end))) {
                    end++;
                }
                String word = e.substring(i, end).toLowerCase(Locale.ROOT);
                if (operandBefore && ops.contains(word)) {
                    found = new int[] {i, end};
                    if (leftmost) {
                        return found;
                    }
                    operandBefore = false;
                } else {
                    // by/without/on/bool and the like are not operands, but nothing binary can follow them either.
                    operandBefore = !NOT_OPERANDS.contains(word);
                }
                i = end;
                continue;
            }
            if (depth == 0 && (Character.isDigit(c) || (c == '.' && i + 1 < e.length() && Character.isDigit(e.charAt(i + 1))))) {
                i = skipNumber(e, i);
                operandBefore = true;
                continue;
            }
            if (depth == 0) {
                String op = symbolAt(e, i);
                if (op != null && ops.contains(op) && operandBefore) {
                    found = new int[] {i, i + op.length()};
                    if (leftmost) {
                        return found;
                    }
                }
                if (op != null) {
                    operandBefore = false;
                    i += op.length();
                    continue;
                }
            }
            i++;
        }
        return found;
    }

    /** The symbolic operator at {@code i} (longest first), or null. */
    private static String symbolAt(String e, int i) {
        for (String op : List.of("==", "!=", ">=", "<=", ">", "<", "+", "-", "*", "/", "%", "^")) {
            if (e.startsWith(op, i)) {
                return op;
            }
        }
        return null;
    }

    /** A number or a duration (1.5, 1e-3, 0x1F, 5m): its end. */
    private static int skipNumber(String e, int i) {
        int j = i;
        while (j < e.length()) {
            char c = e.charAt(j);
            boolean exponentSign = (c == '+' || c == '-') && j > i && (e.charAt(j - 1) == 'e' || e.charAt(j - 1) == 'E')
                    && !e.substring(i, j).toLowerCase(Locale.ROOT).startsWith("0x");
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign) {
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    /** {@code (x)} → {@code x}, as often as the whole text is one parenthesised expression. */
    static String unwrap(String e) {
        String s = e;
        while (s.startsWith("(") && matchingClose(s, 0) == s.length() - 1) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    static List<String> splitArguments(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(text, i) - 1;
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (!text.substring(start).isBlank()) {
            out.add(text.substring(start));
        }
        return out;
    }

    /** The index of the bracket closing the one at {@code open}, or -1. */
    static int matchingClose(String e, int open) {
        int depth = 0;
        for (int i = open; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(e, i) - 1;
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The index of the '[' opening the ']' at {@code close} (no strings inside durations), or -1. */
    static int matchingOpen(String e, int close) {
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            char c = e.charAt(i);
            if (c == ']' || c == ')' || c == '}') {
                depth++;
            } else if (c == '[' || c == '(' || c == '{') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    static String withoutComments(String q) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                int end = skipString(q, i);
                out.append(q, i, end);
                i = end;
            } else if (c == '#') {
                int nl = q.indexOf('\n', i);
                i = nl < 0 ? q.length() : nl;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** A metric or label name's first character (PromQL: [a-zA-Z_:]). */
    static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    }

    static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    /** Index after the closing quote of the string starting at {@code i}, honouring backslash escapes. */
    static int skipString(String q, int i) {
        char quote = q.charAt(i);
        int j = i + 1;
        while (j < q.length() && q.charAt(j) != quote) {
            j += (q.charAt(j) == '\\' && quote != '`') ? 2 : 1;
        }
        return Math.min(q.length(), j + 1);
    }
}
