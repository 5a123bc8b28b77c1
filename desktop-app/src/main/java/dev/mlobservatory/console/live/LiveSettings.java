package dev.mlobservatory.console.live;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the Live tab polls: the rolling window, how often it refreshes, the range-query step and the value of
 * Grafana's {@code $__rate_interval} (which depends on how often Prometheus scrapes the API).
 *
 * @param window how far back the charts reach (5 minutes)
 * @param refresh time between two refreshes (2 s)
 * @param step the range queries' resolution
 * @param rateInterval e.g. "20s" for a 5 s scrape; see {@link GrafanaTemplating#rateInterval}
 */
public record LiveSettings(Duration window, Duration refresh, Duration step, String rateInterval) {

    /** The API is scraped every 5 s in both stack modes (stack/prometheus/*.yml). */
    public static final Duration API_SCRAPE_INTERVAL = Duration.ofSeconds(5);
    /** A Prometheus duration of one unit, as Grafana writes $__rate_interval. */
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    public LiveSettings {
        requirePositive("window", window);
        requirePositive("refresh", refresh);
        requirePositive("step", step);
        if (step.compareTo(window) >= 0) {
            throw new IllegalArgumentException("step must be shorter than window, was " + step + " >= " + window);
        }
        if (rateInterval == null || !DURATION.matcher(rateInterval).matches()) {
            throw new IllegalArgumentException("rateInterval must be a Prometheus duration like \"20s\", was '"
                    + rateInterval + "'");
        }
    }

    /** 5 minutes refreshed every 2 s, 2 s steps, the rate window Grafana would use for a 5 s scrape. */
    public static LiveSettings defaults() {
        return forScrapeInterval(API_SCRAPE_INTERVAL);
    }

    /** The defaults with the rate window right for {@code scrapeInterval} (tests scrape every second). */
    public static LiveSettings forScrapeInterval(Duration scrapeInterval) {
        Duration step = Duration.ofSeconds(2);
        return new LiveSettings(Duration.ofMinutes(5), Duration.ofSeconds(2), step,
                GrafanaTemplating.rateInterval(scrapeInterval, step));
    }

    /** {@link #rateInterval()} as a duration: the window the rate() queries and the engine's percentiles cover. */
    public Duration rateWindow() {
        Matcher m = DURATION.matcher(rateInterval);
        if (!m.matches()) {
            throw new IllegalStateException("checked in the constructor: " + rateInterval);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    double windowSeconds() {
        return window.toMillis() / 1000.0;
    }

    double stepSeconds() {
        return step.toMillis() / 1000.0;
    }

    private static void requirePositive(String field, Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(field + " must be positive, was " + d);
        }
    }
}
