package dev.mlobservatory.console.live;

import dev.mlobservatory.console.prom.QueryResult;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Grafana does to a panel's query before it reaches Prometheus, and to a series before it reaches the legend:
 * variable substitution and legend formats. Done here the way Grafana does it so the console's series are the
 * dashboard's series.
 */
public final class GrafanaTemplating {

    /**
     * Grafana's three variable syntaxes: {@code $name}, {@code ${name}} / {@code ${name:format}}, {@code [[name]]}.
     * Names start with a letter or underscore, so a regex back-reference such as {@code "$1"} in label_replace
     * is left alone.
     */
    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\{([A-Za-z_]\\w*)(?::[^}]*)?}|\\[\\[([A-Za-z_]\\w*)(?::[^]]*)?]]|\\$([A-Za-z_]\\w*)");
    /** {@code {{ label }}} in a legend format; whitespace inside the braces is allowed, as in Grafana. */
    private static final Pattern LEGEND_LABEL = Pattern.compile("\\{\\{\\s*(.+?)\\s*}}");

    private GrafanaTemplating() {
    }

    /**
     * Replaces every variable of {@code expr} by its value in {@code values}.
     *
     * @throws IllegalArgumentException naming the variable when one has no value: sending a literal {@code $x}
     *     to Prometheus would only give a parse error far from its cause
     */
    public static String substitute(String expr, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no value for the Grafana variable '" + name + "' in: " + expr);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Grafana's {@code $__rate_interval}: max(4 × scrape interval, query step + scrape interval), so that a
     * {@code rate()} window always holds at least four scrapes and never skips one between two steps.
     * Formatted as Prometheus durations are ("20s", "1m30s" is written "90s").
     */
    public static String rateInterval(Duration scrapeInterval, Duration step) {
        if (scrapeInterval.isZero() || scrapeInterval.isNegative()) {
            throw new IllegalArgumentException("scrapeInterval must be positive, was " + scrapeInterval);
        }
        Duration fourScrapes = scrapeInterval.multipliedBy(4);
        Duration stepPlusScrape = step.plus(scrapeInterval);
        Duration longest = fourScrapes.compareTo(stepPlusScrape) >= 0 ? fourScrapes : stepPlusScrape;
        long millis = longest.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + "s" : millis + "ms";
    }

    /**
     * A series name as Grafana shows it in the legend: {@code {{label}}} replaced by the series' label value
     * (the label's own name when the series lacks it, as Grafana does); an empty format or {@code __auto}
     * gives the series' selector, e.g. {@code {model_version="v1"}}.
     */
    public static String legend(String legendFormat, Map<String, String> labels) {
        if (legendFormat == null || legendFormat.isBlank() || legendFormat.equals("__auto")) {
            return QueryResult.describe(labels);
        }
        Matcher m = LEGEND_LABEL.matcher(legendFormat);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String label = m.group(1);
            String value = labels.get(label);
            m.appendReplacement(out, Matcher.quoteReplacement(value == null || value.isEmpty() ? label : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
