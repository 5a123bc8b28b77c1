package dev.mlobservatory.console.targets;

import dev.mlobservatory.console.prom.ScrapeTarget;
import dev.mlobservatory.console.ui.Format;
import java.time.Instant;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One row of the Targets table, updated in place at every poll and its "last scrape … ago" every second.
 * Written on the FX thread only.
 */
public final class TargetItem {

    private final String key;
    private final ReadOnlyObjectWrapper<TargetHealth> health =
            new ReadOnlyObjectWrapper<>(this, "health", TargetHealth.UNKNOWN);
    private final ReadOnlyStringWrapper job = new ReadOnlyStringWrapper(this, "job", "");
    private final ReadOnlyStringWrapper instance = new ReadOnlyStringWrapper(this, "instance", "");
    private final ReadOnlyStringWrapper scrapeUrl = new ReadOnlyStringWrapper(this, "scrapeUrl", "");
    private final ReadOnlyStringWrapper lastScrape = new ReadOnlyStringWrapper(this, "lastScrape", Format.NONE);
    private final ReadOnlyStringWrapper scrapeDuration =
            new ReadOnlyStringWrapper(this, "scrapeDuration", Format.NONE);
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper(this, "lastError", "");
    private Instant lastScrapeAt;

    TargetItem(String key) {
        this.key = key;
    }

    /** Identifies a target from poll to poll: its scrape URL within its job. */
    static String keyOf(ScrapeTarget t) {
        return t.job() + " " + t.scrapeUrl();
    }

    String key() {
        return key;
    }

    void update(ScrapeTarget t) {
        health.set(TargetHealth.of(t.health()));
        job.set(t.job());
        instance.set(t.instance());
        scrapeUrl.set(t.scrapeUrl());
        // A target not scraped yet reports a zero duration: a dash says "no scrape" better than "0.00 ms".
        scrapeDuration.set(t.lastScrape() == null ? Format.NONE : Format.millis(t.lastScrapeDurationSeconds()));
        lastError.set(t.lastError() == null ? "" : t.lastError());
        lastScrapeAt = t.lastScrape();
    }

    void tick(Instant now) {
        lastScrape.set(Format.ago(lastScrapeAt, now));
    }

    public ReadOnlyObjectProperty<TargetHealth> healthProperty() {
        return health.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty jobProperty() {
        return job.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty instanceProperty() {
        return instance.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scrapeUrlProperty() {
        return scrapeUrl.getReadOnlyProperty();
    }

    /** "3 s ago"; updated every second. */
    public ReadOnlyStringProperty lastScrapeProperty() {
        return lastScrape.getReadOnlyProperty();
    }

    /** The last scrape's duration, "12.3 ms". */
    public ReadOnlyStringProperty scrapeDurationProperty() {
        return scrapeDuration.getReadOnlyProperty();
    }

    /** Prometheus's words for the last failed scrape, empty when it worked. */
    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    public TargetHealth getHealth() {
        return health.get();
    }

    public String getJob() {
        return job.get();
    }

    public String getLastError() {
        return lastError.get();
    }

    @Override
    public String toString() {
        return getJob() + " " + scrapeUrl.get() + " " + getHealth();
    }
}
