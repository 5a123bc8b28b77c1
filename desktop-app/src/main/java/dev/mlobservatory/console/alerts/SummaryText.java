package dev.mlobservatory.console.alerts;

import dev.mlobservatory.console.ui.Format;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a rule's summary template the way Prometheus fills an alert's: /api/v1/rules gives the rule's template
 * ("Model {{ $labels.model_version }} answers no prediction"), which would reach the screen with its braces.
 * Labels of the active alert are filled in; without one, "&lt;model_version&gt;" says what would be there.
 */
public final class SummaryText {

    private static final Pattern LABEL = Pattern.compile("\\{\\{\\s*\\$labels\\.([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
    private static final Pattern VALUE = Pattern.compile("\\{\\{\\s*\\$value\\b[^}]*}}");

    private SummaryText() {
    }

    public static String expand(String template, Map<String, String> labels, double value) {
        if (template == null || !template.contains("{{")) {
            return template == null ? "" : template;
        }
        Matcher m = LABEL.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = labels.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v != null ? v : "<" + m.group(1) + ">"));
        }
        m.appendTail(out);
        String filled = out.toString();
        String number = Double.isNaN(value) ? "<value>" : Format.value(value);
        return VALUE.matcher(filled).replaceAll(Matcher.quoteReplacement(number));
    }
}
