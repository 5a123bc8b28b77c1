package dev.mlobservatory.console.query;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.prom.PrometheusException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The metric and label names the editor completes, fetched from the current Prometheus and kept fresh. */
final class CompletionNames {

    private static final Logger LOG = LoggerFactory.getLogger(CompletionNames.class);
    /**
     * Names are fetched again (on completion or after a query) once older than this: metrics appear after the
     * first scrapes, and a fetch made as Prometheus came up can be empty. Two small GETs: cheap.
     */
    static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(10);
    /**
     * A Prometheus that was just started is handed to us before it answers, and its first answer may have no
     * names yet: until names arrive, ask again this often, at most {@link #MAX_RETRIES} times (two minutes).
     */
    static final long RETRY_MILLIS = 1000;
    static final int MAX_RETRIES = 120;

    private final ScheduledExecutorService executor;
    private final FxThread fx;
    private final ObservableValue<PrometheusClient> prometheus;
    private final ObservableList<String> metrics = FXCollections.observableArrayList();
    private final ObservableList<String> labels = FXCollections.observableArrayList();
    private final ObservableList<String> metricsView = FXCollections.unmodifiableObservableList(metrics);
    private final ObservableList<String> labelsView = FXCollections.unmodifiableObservableList(labels);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    /** System.nanoTime() of the last fetch started; 0 before the first. */
    private volatile long fetchedAt;
    private final AtomicInteger retries = new AtomicInteger();
    /** The pending retry, if any; cancelled when Prometheus changes or the model stops. */
    private final AtomicReference<ScheduledFuture<?>> retry = new AtomicReference<>();

    CompletionNames(ScheduledExecutorService executor, FxThread fx, ObservableValue<PrometheusClient> prometheus) {
        this.executor = executor;
        this.fx = fx;
        this.prometheus = prometheus;
    }

    /** Fetches now, on the calling thread; publishes only if Prometheus is still the one asked. */
    void refresh() {
        PrometheusClient client = prometheus.getValue();
        if (client == null) {
            fx.run(this::clear);
            return;
        }
        fetchedAt = System.nanoTime();
        boolean got = false;
        try {
            List<String> m = client.metricNames();
            List<String> l = client.labelNames().stream().filter(n -> !n.equals("__name__")).toList();
            got = !m.isEmpty();
            fx.run(() -> {
                if (prometheus.getValue() == client) {
                    metrics.setAll(m);
                    labels.setAll(l);
                    status.set(m.size() + " metric names, " + l.size() + " label names");
                }
            });
        } catch (IOException | PrometheusException e) {
            fx.run(() -> status.set("Could not fetch metric names for completion: " + e.getMessage()));
        }
        if (got) {
            retries.set(0);
        } else {
            retryLater(client);
        }
    }

    /** Asks again soon, while {@code client} is still the current Prometheus and no retry is already waiting. */
    private void retryLater(PrometheusClient client) {
        if (prometheus.getValue() != client || retries.incrementAndGet() > MAX_RETRIES) {
            return;
        }
        ScheduledFuture<?> pending = retry.get();
        if (pending != null && !pending.isDone()) {
            return;
        }
        try {
            retry.set(executor.schedule(() -> {
                retry.set(null); // this retry is running, not waiting: the next one may be scheduled
                if (prometheus.getValue() == client) {
                    refresh();
                }
            }, RETRY_MILLIS, TimeUnit.MILLISECONDS));
        } catch (RejectedExecutionException e) {
            LOG.debug("executor stopped; names not retried");
        }
    }

    /** A new Prometheus (or none): forget retries for the old one; fetch from the new one now. */
    void follow(PrometheusClient now) {
        cancelRetry();
        retries.set(0);
        if (now == null) {
            clear();
        } else {
            request();
        }
    }

    void cancelRetry() {
        ScheduledFuture<?> pending = retry.getAndSet(null);
        if (pending != null) {
            pending.cancel(false);
        }
    }

    /** Fetches on the executor. */
    void request() {
        try {
            executor.execute(this::refresh);
        } catch (RejectedExecutionException e) {
            LOG.debug("executor stopped; names not refreshed");
        }
    }

    void requestIfStale() {
        long fetched = fetchedAt;
        if (prometheus.getValue() != null && (fetched == 0 || System.nanoTime() - fetched > MAX_AGE_NANOS)) {
            // Marked now, not when the answer comes: keystrokes meanwhile must not each start a fetch.
            fetchedAt = System.nanoTime();
            request();
        }
    }

    /** No Prometheus: nothing to complete but PromQL's own functions. */
    void clear() {
        metrics.clear();
        labels.clear();
        status.set("No completion of metric names: Prometheus is not running.");
    }

    ObservableList<String> metrics() {
        return metricsView;
    }

    ObservableList<String> labels() {
        return labelsView;
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
