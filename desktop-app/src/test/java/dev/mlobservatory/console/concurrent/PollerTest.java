package dev.mlobservatory.console.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one way the console polls: runs now and repeatedly, stops for good, and an extra run only while started. */
class PollerTest {

    private final ScheduledExecutorService executor = AppExecutor.create();

    @AfterEach
    void shutdown() {
        AppExecutor.shutdown(executor);
    }

    @Test
    void runsAtOnceThenRepeatedlyUntilStopped() throws Exception {
        CountDownLatch threeRuns = new CountDownLatch(3);
        Poller poller = new Poller(executor, Duration.ofMillis(10), threeRuns::countDown);
        assertThat(poller.isActive()).isFalse();

        poller.start();
        poller.start(); // idempotent: still one schedule
        assertThat(poller.isActive()).isTrue();
        assertThat(threeRuns.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(((ScheduledThreadPoolExecutor) executor).getQueue()).hasSizeLessThanOrEqualTo(1);

        poller.stop();
        poller.stop();
        assertThat(poller.isActive()).isFalse();
        // Nothing is left scheduled: no run can start after stop() returned.
        assertThat(((ScheduledThreadPoolExecutor) executor).getQueue()).isEmpty();
    }

    @Test
    void aRunThatFailsIsLoggedAndTheNextOneStillComes() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch secondRun = new CountDownLatch(2);
        Poller poller = new Poller(executor, Duration.ofMillis(10), () -> {
            secondRun.countDown();
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("first run fails");
            }
        });
        poller.start();
        assertThat(secondRun.await(30, TimeUnit.SECONDS)).isTrue();
        poller.stop();
    }

    @Test
    void runSoonRunsOnlyWhileStartedAndNeverThrowsWhenTheExecutorIsGone() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch extra = new CountDownLatch(2);
        Poller poller = new Poller(executor, Duration.ofHours(1), () -> {
            runs.incrementAndGet();
            extra.countDown();
        });
        poller.runSoon();
        assertThat(((ScheduledThreadPoolExecutor) executor).getCompletedTaskCount()
                + ((ScheduledThreadPoolExecutor) executor).getActiveCount()).isZero();

        poller.start();      // the first run
        poller.runSoon();    // and one more, long before the hour is up
        assertThat(extra.await(30, TimeUnit.SECONDS)).isTrue();

        AppExecutor.shutdown(executor);
        poller.runSoon();    // the application is closing: ignored, not thrown
        assertThat(runs.get()).isEqualTo(2);
    }

    @Test
    void aPeriodMustBePositive() {
        assertThatThrownBy(() -> new Poller(executor, Duration.ZERO, () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("every must be positive, got PT0S");
    }
}
