package dev.mlobservatory.console.prom;

import java.time.Instant;

/** A scrape target as /api/v1/targets reports it. */
public record ScrapeTarget(String job, String instance, String scrapeUrl, String health, Instant lastScrape,
                           double lastScrapeDurationSeconds, String lastError) {
}
