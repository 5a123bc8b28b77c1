package dev.mlobservatory.console.targets;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.prom.PrometheusException;
import dev.mlobservatory.console.prom.PrometheusPoller;
import dev.mlobservatory.console.prom.ScrapeTarget;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Targets tab's state: what Prometheus scrapes (/api/v1/targets), with health, last scrape, its duration and
 * its error, and the up/total counts the app shell shows as "targets 2/2 up".
 */
public final class TargetsModel extends PrometheusPoller<List<ScrapeTarget>> {

    public static final Duration DEFAULT_POLL = Duration.ofSeconds(2);

    /** Table order: by job, then instance; stable so a target stays where the eye expects it. */
    static final Comparator<ScrapeTarget> ORDER = Comparator.comparing(ScrapeTarget::job)
            .thenComparing(ScrapeTarget::instance)
            .thenComparing(ScrapeTarget::scrapeUrl);

    private final ObservableList<TargetItem> targets = FXCollections.observableArrayList();
    private final ObservableList<TargetItem> targetsReadOnly = FXCollections.unmodifiableObservableList(targets);
    private final Map<String, TargetItem> itemsByKey = new HashMap<>();
    private final ReadOnlyIntegerWrapper upCount = new ReadOnlyIntegerWrapper(this, "upCount", 0);
    private final ReadOnlyIntegerWrapper totalCount = new ReadOnlyIntegerWrapper(this, "totalCount", 0);

    public TargetsModel(ScheduledExecutorService executor, FxThread fx, ObservableValue<PrometheusClient> prometheus) {
        this(executor, fx, prometheus, DEFAULT_POLL);
    }

    /** @param pollEvery time between the end of one poll and the next (tests poll faster) */
    public TargetsModel(ScheduledExecutorService executor, FxThread fx, ObservableValue<PrometheusClient> prometheus,
                        Duration pollEvery) {
        super(executor, fx, prometheus, pollEvery, "scrape targets", "its scrape targets");
    }

    @Override
    protected List<ScrapeTarget> ask(PrometheusClient prometheus) throws IOException, PrometheusException {
        List<ScrapeTarget> found = new ArrayList<>(prometheus.targets());
        found.sort(ORDER);
        return found;
    }

    @Override
    protected void publish(List<ScrapeTarget> found, PrometheusClient prometheus, Instant now) {
        String none = "Prometheus at " + prometheus.baseUrl() + " scrapes no target";
        fx.run(() -> show(found, now, none));
    }

    @Override
    protected void clear() {
        itemsByKey.clear();
        targets.clear();
        upCount.set(0);
        totalCount.set(0);
    }

    private void show(List<ScrapeTarget> found, Instant now, String whenEmpty) {
        List<TargetItem> ordered = new ArrayList<>(found.size());
        Map<String, TargetItem> seen = new HashMap<>();
        int up = 0;
        for (ScrapeTarget t : found) {
            String key = TargetItem.keyOf(t);
            if (seen.containsKey(key)) {
                continue;
            }
            TargetItem item = itemsByKey.computeIfAbsent(key, TargetItem::new);
            item.update(t);
            ordered.add(item);
            seen.put(key, item);
            up += TargetHealth.of(t.health()) == TargetHealth.UP ? 1 : 0;
        }
        itemsByKey.keySet().retainAll(seen.keySet());
        if (!targets.equals(ordered)) {
            targets.setAll(ordered);
        }
        upCount.set(up);
        totalCount.set(ordered.size());
        answered(ordered.isEmpty(), whenEmpty);
        tick(now);
    }

    /** Advances every "last scrape … ago" to {@code now}, without asking Prometheus. */
    @Override
    protected void tick(Instant now) {
        for (TargetItem item : targets) {
            item.tick(now);
        }
    }

    /** The scrape targets, by job then instance. */
    public ObservableList<TargetItem> targets() {
        return targetsReadOnly;
    }

    /** Targets whose last scrape worked: the "2" of "targets 2/2 up". 0 while Prometheus is away. */
    public ReadOnlyIntegerProperty upCountProperty() {
        return upCount.getReadOnlyProperty();
    }

    /** All targets: the "/2" of "targets 2/2 up". */
    public ReadOnlyIntegerProperty totalCountProperty() {
        return totalCount.getReadOnlyProperty();
    }
}
