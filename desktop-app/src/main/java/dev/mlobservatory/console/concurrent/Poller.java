package dev.mlobservatory.console.concurrent;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;

/**
 * One periodic task on the application's executor: runs now, then {@code every} after each run ends (fixed delay,
 * so a slow answer never makes runs pile up), until stopped. The one way the console polls: the Live, Stack,
 * Traffic, Alerts and Targets models each own one.
 *
 * <p>A stop never interrupts a run in progress (a half-read HTTP answer helps nobody); it only prevents the next
 * one. A run in progress may still finish after the stop: a model whose late result would be wrong drops it where
 * it publishes (the Stack model when the stack it polled is no longer the running one, the Traffic model when the
 * engine it read is no longer the current one).
 */
public final class Poller {

    private final ScheduledExecutorService executor;
    private final Duration every;
    private final Runnable task;
    private ScheduledFuture<?> future;

    public Poller(ScheduledExecutorService executor, Duration every, Runnable task) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("every must be positive, got " + every);
        }
        this.executor = executor;
        this.every = every;
        this.task = task;
    }

    /** Runs the task now and then every period. Idempotent. */
    public synchronized void start() {
        if (future == null) {
            future = AppExecutor.every(executor, every, task);
        }
    }

    /** No run starts after this returns; one in progress finishes. Idempotent. */
    public synchronized void stop() {
        if (future != null) {
            future.cancel(false);
            future = null;
        }
    }

    /** True between start and stop. */
    public synchronized boolean isActive() {
        return future != null;
    }

    /** One extra run as soon as a thread is free (a setting changed), if started; ignored while shutting down. */
    public void runSoon() {
        if (!isActive()) {
            return;
        }
        try {
            executor.execute(task);
        } catch (RejectedExecutionException closing) {
            // the application is stopping its executor: nothing left to show
        }
    }
}
