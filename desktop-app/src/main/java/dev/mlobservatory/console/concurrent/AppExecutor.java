package dev.mlobservatory.console.concurrent;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's one executor: every HTTP call, process action and poll runs here, never on the FX thread.
 * Daemon threads, so a forgotten task can never keep the JVM alive after the window closed.
 */
public final class AppExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(AppExecutor.class);
    /** Enough for a few blocking calls at once (process start, polls, a slow query) on a 2-core laptop. */
    static final int THREADS = 4;

    private AppExecutor() {
    }

    public static ScheduledExecutorService create() {
        AtomicInteger n = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(THREADS, r -> {
            Thread t = new Thread(() -> {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    // A task that fails must not vanish silently; the models turn expected failures into state.
                    LOG.error("background task failed", e);
                }
            }, "console-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // Cancelled polls must not pile up in the queue over an hour of live charts.
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    /**
     * Runs {@code task} now and then {@code period} after each run ends (fixed delay: a slow Prometheus never
     * gets calls piling up). A task that throws is logged and runs again next time, instead of being
     * cancelled silently as a bare {@code scheduleWithFixedDelay} would do.
     */
    public static ScheduledFuture<?> every(ScheduledExecutorService executor, Duration period, Runnable task) {
        return executor.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("periodic task failed; it will run again", e);
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the executor: running tasks are interrupted, waits up to a second. */
    public static void shutdown(ScheduledExecutorService executor) {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("background tasks still running 5 s after the executor was stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
