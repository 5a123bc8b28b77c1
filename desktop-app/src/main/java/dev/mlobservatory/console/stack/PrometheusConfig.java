package dev.mlobservatory.console.stack;

import java.nio.file.Path;

/**
 * Fills the no-Docker configuration (stack/prometheus/prometheus-local.yml): its two loopback targets, its
 * relative rule path, and optionally every interval. The jobs and rule files stay those of the compose
 * configuration, so both modes alert alike.
 */
public final class PrometheusConfig {

    static final String API_TARGET = "'127.0.0.1:8080'";
    static final String SELF_TARGET = "'127.0.0.1:9090'";
    static final String RULES = "../../rules/";

    private PrometheusConfig() {
    }

    /**
     * @param interval if not null, replaces every scrape/evaluation interval and scrape timeout (tests use 1s)
     */
    public static String fill(String template, String apiTarget, String selfTarget, Path rulesDir, String interval) {
        for (String marker : new String[] {API_TARGET, SELF_TARGET, RULES}) {
            if (!template.contains(marker)) {
                throw new IllegalArgumentException("the Prometheus template no longer contains " + marker
                        + "; PrometheusConfig and prometheus-local.yml must change together");
            }
        }
        String filled = template
                .replace(API_TARGET, "'" + apiTarget + "'")
                .replace(SELF_TARGET, "'" + selfTarget + "'")
                .replace(RULES, rulesDir.toAbsolutePath().toString().replace('\\', '/') + "/");
        if (interval != null) {
            filled = filled.replaceAll("(scrape_interval|evaluation_interval|scrape_timeout): \\S+", "$1: " + interval);
        }
        return filled;
    }
}
