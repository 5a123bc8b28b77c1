package dev.mlobservatory.console.stack;

import dev.mlobservatory.console.install.Version;
import java.nio.file.Path;
import java.util.List;

/**
 * Fills the no-Docker configuration (stack/prometheus/prometheus-local.yml): its loopback targets (the API, itself,
 * the traffic engine, Alertmanager: the last two dropped when absent), its relative rule path, and optionally every
 * interval. The jobs and rule files stay those of the compose
 * configuration, so both modes alert alike; and adapts it to the binary's version (native histograms on 3.x).
 */
public final class PrometheusConfig {

    static final String API_TARGET = "'127.0.0.1:8080'";
    static final String SELF_TARGET = "'127.0.0.1:9090'";
    static final String RULES = "../../rules/";
    /** The console's traffic metrics; the job is the template's last, so dropping it is cutting the tail. */
    static final String LOADGEN_TARGET = "'127.0.0.1:9465'";
    static final String LOADGEN_JOB = "\n  # The console's traffic engine";
    /** Local mode's Alertmanager; the section runs from this comment to scrape_configs, cut when there is none. */
    static final String ALERTMANAGER_TARGET = "'127.0.0.1:9093'";
    static final String ALERTING_SECTION = "# The console's Alertmanager";
    static final String SCRAPE_CONFIGS = "\nscrape_configs:";
    /** The template's 3.x-only line: 2.x rejects unknown keys, so it is dropped there. */
    static final String CLASSIC_TOO = "    always_scrape_classic_histograms: true\n";
    /** 3.8 turned the feature flag into this setting (3.9 made the flag a no-op). */
    static final String NATIVE_SETTING = "    scrape_native_histograms: true\n";
    static final String NATIVE_FLAG = "--enable-feature=native-histograms";
    private static final Version SETTING_SINCE = new Version(3, 8, 0);

    private PrometheusConfig() {
    }

    /**
     * @param interval if not null, replaces every scrape/evaluation interval and scrape timeout (tests use 1s)
     */
    public static String fill(String template, String apiTarget, String selfTarget, Path rulesDir, String interval) {
        return fill(template, apiTarget, selfTarget, null, rulesDir, interval);
    }

    /**
     * @param loadgenTarget host:port of the console's traffic metrics (job loadgen), null to leave the job out
     * @param interval if not null, replaces every scrape/evaluation interval and scrape timeout (tests use 1s)
     */
    public static String fill(String template, String apiTarget, String selfTarget, String loadgenTarget,
                              Path rulesDir, String interval) {
        return fill(template, apiTarget, selfTarget, loadgenTarget, null, rulesDir, interval);
    }

    /**
     * @param alertmanagerTarget host:port of the Alertmanager Prometheus sends to, null to leave alerting out
     * @param interval if not null, replaces every scrape/evaluation interval and scrape timeout (tests use 1s)
     */
    public static String fill(String template, String apiTarget, String selfTarget, String loadgenTarget,
                              String alertmanagerTarget, Path rulesDir, String interval) {
        for (String marker : new String[] {API_TARGET, SELF_TARGET, LOADGEN_TARGET, LOADGEN_JOB, RULES,
                ALERTMANAGER_TARGET, ALERTING_SECTION, SCRAPE_CONFIGS}) {
            if (!template.contains(marker)) {
                throw new IllegalArgumentException("the Prometheus template no longer contains " + marker
                        + "; PrometheusConfig and prometheus-local.yml must change together");
            }
        }
        String filled = template
                .replace(API_TARGET, "'" + apiTarget + "'")
                .replace(SELF_TARGET, "'" + selfTarget + "'")
                .replace(RULES, rulesDir.toAbsolutePath().toString().replace('\\', '/') + "/");
        filled = loadgenTarget == null ? filled.substring(0, filled.indexOf(LOADGEN_JOB))
                : filled.replace(LOADGEN_TARGET, "'" + loadgenTarget + "'");
        if (alertmanagerTarget == null) {
            int from = filled.indexOf(ALERTING_SECTION);
            filled = filled.substring(0, from) + filled.substring(filled.indexOf(SCRAPE_CONFIGS, from) + 1);
        } else {
            filled = filled.replace(ALERTMANAGER_TARGET, "'" + alertmanagerTarget + "'");
        }
        if (interval != null) {
            filled = filled.replaceAll("(scrape_interval|evaluation_interval|scrape_timeout): \\S+", "$1: " + interval);
        }
        return filled;
    }

    /**
     * The filled configuration for {@code version}: native histograms scraped beside the classic buckets on 3.x
     * ({@code scrape_native_histograms} from 3.8), exactly the 2.x configuration of old on 2.x or an unknown
     * version, which then scrapes what it always did.
     */
    public static String forVersion(String filled, Version version) {
        if (!filled.contains(CLASSIC_TOO)) {
            throw new IllegalArgumentException("the Prometheus template no longer contains " + CLASSIC_TOO.strip()
                    + "; PrometheusConfig and prometheus-local.yml must change together");
        }
        if (!isThree(version)) {
            return filled.replace(CLASSIC_TOO, "");
        }
        return version.compareTo(SETTING_SINCE) >= 0 ? filled.replace(CLASSIC_TOO, CLASSIC_TOO + NATIVE_SETTING)
                : filled;
    }

    /** Command-line flags {@code version} needs beside the configuration: the feature flag on 3.0 to 3.7. */
    public static List<String> flags(Version version) {
        return isThree(version) && version.compareTo(SETTING_SINCE) < 0 ? List.of(NATIVE_FLAG) : List.of();
    }

    private static boolean isThree(Version version) {
        return version != null && version.major() >= 3;
    }
}
