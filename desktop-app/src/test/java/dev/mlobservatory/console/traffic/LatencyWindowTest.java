package dev.mlobservatory.console.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The engine's windowed percentiles: known latencies give known percentiles, within the stated 0.4 % (1 % asked). */
class LatencyWindowTest {

    /** A whole second, so records at T + 0…999 ms all fall in one second. */
    private static final long T = 1_700_000_000_000L;
    private static final Duration TWENTY = Duration.ofSeconds(20);

    private static long ms(double millis) {
        return Math.round(millis * 1_000_000);
    }

    @Test
    void oneToAThousandMillisecondsGiveTheirExactPercentilesWithinOnePercent() {
        LatencyWindow w = new LatencyWindow();
        for (int i = 1; i <= 1000; i++) {
            w.record(T + i % 1000, ms(i));
        }

        LatencyWindow.Percentiles p = w.over(T + 999, TWENTY);

        assertThat(p.count()).isEqualTo(1000);
        assertThat(p.p50Ms()).isCloseTo(500, withinPercentage(1));
        assertThat(p.p95Ms()).isCloseTo(950, withinPercentage(1));
        assertThat(p.p99Ms()).isCloseTo(990, withinPercentage(1));
        assertThat(p.atMs(0.95)).isEqualTo(p.p95Ms());
    }

    @Test
    void theFaultOfTheLabIsMeasuredAcrossSecondsAsOneDistribution() {
        // 800 ms + 0…400 ms, as the Slow model with jitter gives, spread over 20 seconds: 400 responses a second.
        LatencyWindow w = new LatencyWindow();
        for (int second = 0; second < 20; second++) {
            for (int i = 0; i < 400; i++) {
                w.record(T + second * 1000L + i, ms(800 + i));
            }
        }

        LatencyWindow.Percentiles p = w.over(T + 19_500, TWENTY);

        assertThat(p.count()).isEqualTo(8000);
        // Each second alone has the same percentiles; merged they are still the distribution's, not an average.
        assertThat(p.p50Ms()).isCloseTo(1000, withinPercentage(1));
        assertThat(p.p95Ms()).isCloseTo(1180, withinPercentage(1));
        assertThat(p.p99Ms()).isCloseTo(1196, withinPercentage(1));
    }

    @Test
    void percentilesOfSecondsWithDifferentLatenciesAreThoseOfAllTheirResponses() {
        // 19 fast seconds (1 ms) and one slow one (1 s), 100 responses each: the p99 over 20 s is the slow second's.
        LatencyWindow w = new LatencyWindow();
        for (int second = 0; second < 20; second++) {
            for (int i = 0; i < 100; i++) {
                w.record(T + second * 1000L, ms(second == 7 ? 1000 : 1));
            }
        }

        LatencyWindow.Percentiles p = w.over(T + 19_000, TWENTY);

        assertThat(p.p50Ms()).isCloseTo(1, within(0.01));
        // 95 % of the responses took 1 ms: that is the p95; the p99 is the slow second's, where an average of the
        // seconds' p99s would say (19 × 1 ms + 1000 ms) / 20 = 51 ms.
        assertThat(p.p95Ms()).isCloseTo(1, within(0.01));
        assertThat(p.p99Ms()).isCloseTo(1000, withinPercentage(1));
    }

    @Test
    void onlyTheSecondsInTheWindowCount() {
        LatencyWindow w = new LatencyWindow();
        w.record(T - 30_000, ms(500)); // 30 s before: outside 20 s, inside 60 s
        w.record(T - 19_000, ms(10)); // the oldest second of a 20 s window ending in second T
        w.record(T + 1_000, ms(7)); // after "now": not yet

        assertThat(w.over(T + 999, TWENTY).count()).isEqualTo(1);
        assertThat(w.over(T + 999, TWENTY).p99Ms()).isCloseTo(10, withinPercentage(1));
        assertThat(w.over(T + 999, Duration.ofSeconds(60)).count()).isEqualTo(2);
        assertThat(w.over(T + 60_000, TWENTY)).isEqualTo(LatencyWindow.Percentiles.NONE);
        assertThat(LatencyWindow.Percentiles.NONE.p95Ms()).isNaN();
    }

    @Test
    void memoryIsARingOfTwoMinutesThatNeverMixesTwoSecondsInOneSlot() {
        LatencyWindow w = new LatencyWindow();
        w.record(T, ms(100));
        long later = T + LatencyWindow.CAPACITY_SECONDS * 1000L; // the same slot, two minutes on
        w.record(later, ms(2));

        assertThat(w.over(later, TWENTY).count()).isEqualTo(1);
        assertThat(w.over(later, TWENTY).p50Ms()).isCloseTo(2, withinPercentage(1));
        assertThat(w.over(T, TWENTY).count()).as("the older second is gone").isZero();

        // A response that arrives for a second older than its slot holds is too old for any window: dropped.
        w.record(T, ms(100));
        assertThat(w.over(later, Duration.ofSeconds(LatencyWindow.CAPACITY_SECONDS)).count()).isEqualTo(1);
    }

    @Test
    void responsesRecordedFromManyThreadsAreAllCounted() throws Exception {
        LatencyWindow w = new LatencyWindow();
        int threads = 4;
        int each = 20_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    w.record(T + i % 5_000, ms(1 + i % 100)); // five seconds
                }
            });
            thread.start();
            started.add(thread);
        }
        go.countDown();
        for (Thread thread : started) {
            thread.join();
        }

        assertThat(w.over(T + 4_999, TWENTY).count()).isEqualTo((long) threads * each);
    }

    @Test
    void slowerThanAMinuteCountsAsAMinuteAndAWindowOutsideTheRingIsRefused() {
        LatencyWindow w = new LatencyWindow();
        w.record(T, ms(90_000));
        assertThat(w.over(T, TWENTY).p50Ms()).isCloseTo(60_000, withinPercentage(1));

        assertThatThrownBy(() -> w.over(T, Duration.ofMillis(500))).hasMessageContaining("window must be 1 to 120 s");
        assertThatThrownBy(() -> w.over(T, Duration.ofMinutes(3))).hasMessageContaining("PT3M");
        assertThatThrownBy(() -> new LatencyWindow.Percentiles(-1, 0, 0, 0)).hasMessageContaining("count");
    }
}
