package dev.mlobservatory.console.alerts;

import dev.mlobservatory.console.ui.Format;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a rule's summary or description template for the screen. An active alert's annotations come filled in by
 * Prometheus; an inactive rule has only its template ("Model {{ $labels.model_version }} answers no prediction"),
 * which would reach the screen with its braces. Without an alert there is no label to fill, so the text speaks of
 * "a model version" ("A model version answers no prediction"); a label alone in brackets is dropped; a value not
 * known yet reads "…".
 */
public final class RuleText {

    /** Where a template's {@code $value} goes when there is no alert to give it one. */
    public static final String NO_VALUE = "…";

    private static final String LABEL = "\\{\\{\\s*\\$labels\\.([A-Za-z_][A-Za-z0-9_]*)\\s*}}";
    /** A label alone in brackets, with the space before it: " ({{ $labels.feature }})". */
    private static final Pattern BRACKETED = Pattern.compile("\\s*\\(\\s*" + LABEL + "\\s*\\)");
    /** A label, with the word before it when there is one: "model {{ $labels.model_version }}". */
    private static final Pattern WORD_AND_LABEL = Pattern.compile("(?:\\b([A-Za-z]+)\\s+)?" + LABEL);
    private static final Pattern VALUE = Pattern.compile("\\{\\{\\s*\\$value\\b([^}]*)}}");

    private RuleText() {
    }

    /**
     * @param template a summary or description, filled in or not
     * @param labels the active alert's labels (empty when there is none)
     * @param value the active alert's value, NaN when there is none
     */
    public static String expand(String template, Map<String, String> labels, double value) {
        if (template == null || !template.contains("{{")) {
            return template == null ? "" : template;
        }
        String text = template;
        // A bracketed label that is missing says nothing at all: "Inputs … have drifted ({{ $labels.feature }})".
        text = replace(BRACKETED, text, m -> labels.containsKey(m.group(1)) ? m.group() : "");
        text = replace(WORD_AND_LABEL, text, m -> {
            String word = m.group(1);
            String name = m.group(2);
            String given = labels.get(name);
            if (given != null) {
                return (word == null ? "" : word + " ") + given;
            }
            String phrase = aPhrase(name);
            // "model {{ $labels.model_version }}" → "a model version", not "model a model version".
            if (word != null && name.toLowerCase(Locale.ROOT).startsWith(word.toLowerCase(Locale.ROOT) + "_")) {
                return Character.isUpperCase(word.charAt(0)) ? capitalised(phrase) : phrase;
            }
            return (word == null ? "" : word + " ") + phrase;
        });
        text = replace(VALUE, text, m -> Double.isNaN(value) ? NO_VALUE : filtered(value, m.group(1)));
        // A sentence that began with a label ("{{ $labels.job }} is down") still begins with a capital.
        return template.startsWith("{{") || Character.isUpperCase(template.charAt(0)) ? capitalised(text) : text;
    }

    /** "model_version" → "a model version", "instance" → "an instance". */
    static String aPhrase(String label) {
        String words = label.replace('_', ' ');
        return ("aeiou".indexOf(words.charAt(0)) >= 0 ? "an " : "a ") + words;
    }

    /** The value as the template's function would print it ({@code humanizePercentage}, {@code humanizeDuration}). */
    private static String filtered(double value, String functions) {
        if (functions.contains("humanizePercentage")) {
            return Format.percent(value);
        }
        if (functions.contains("humanizeDuration")) {
            return Format.millis(value);
        }
        return Format.value(value);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String replace(Pattern p, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = p.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
