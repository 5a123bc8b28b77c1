package dev.mlobservatory.console.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlobservatory.api.TestApi;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine against a real API in-process (and a deliberately slow server). Bounds on rates are loose on
 * purpose: these check behaviour (open model, burst, cap, stop), the benchmark script measures precision.
 */
class TrafficEngineTest {

    private TestApi api;

    @BeforeEach
    void start() {
        api = new TestApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void achievedRateIsCloseToTheTarget() throws Exception {
        TrafficSnapshot total = run(api.server.baseUrl(), TrafficSettings.defaults().withRate(200), 3_000);

        assertThat(total.achievedRate()).isCloseTo(200, within(20.0));
        assertThat(total.ok()).isEqualTo(total.sent());
        assertThat(total.dropped()).isZero();
        assertThat(total.p50Ms()).isPositive().isLessThan(total.maxMs() + 0.001);
    }

    @Test
    void poissonArrivalsAverageTheTargetRate() throws Exception {
        TrafficSettings poisson = TrafficSettings.defaults().withRate(300).withArrivals(TrafficSettings.Arrivals.POISSON);
        TrafficSnapshot total = run(api.server.baseUrl(), poisson, 3_000);

        assertThat(total.achievedRate()).isCloseTo(300, within(45.0));
    }

    @Test
    void errorRatioIsHonouredWithInvalidRequestsTheApiRejects() throws Exception {
        TrafficSnapshot total = run(api.server.baseUrl(),
                TrafficSettings.defaults().withRate(400).withErrorRatio(0.25), 2_500);

        assertThat(total.completed()).isEqualTo(total.sent());
        assertThat(total.serverErrors()).isZero();
        assertThat((double) total.clientErrors() / total.completed()).isCloseTo(0.25, within(0.05));
    }

    @Test
    void burstRaisesTheRateThenReturnsToIt() throws Exception {
        try (TrafficEngine engine = new TrafficEngine(api.server.baseUrl(), TrafficSettings.defaults().withRate(50), 1)) {
            engine.start();
            awaitSeconds(engine, 1);
            engine.burst(5, Duration.ofMillis(1500));
            assertThat(engine.bursting()).isTrue();
            assertThat(engine.effectiveRate()).isEqualTo(250);
            awaitSeconds(engine, 5);
            assertThat(engine.bursting()).isFalse();
            assertThat(engine.effectiveRate()).isEqualTo(50);

            List<TrafficSnapshot> seconds = engine.history();
            assertThat(seconds).anySatisfy(s -> assertThat(s.sent()).isGreaterThanOrEqualTo(150));
            assertThat(seconds.get(seconds.size() - 1).sent()).isBetween(40L, 60L);
        }
    }

    @Test
    void openModelKeepsSendingWhenTheServerIsSlow() throws Exception {
        try (SlowServer slow = new SlowServer(300)) {
            TrafficSnapshot total = run(slow.url(), TrafficSettings.defaults().withRate(50), 3_000);

            // A closed loop of a few workers would send far fewer than 50/s against 300 ms responses.
            assertThat(total.sent()).isBetween(135L, 165L);
            assertThat(total.dropped()).isZero();
            assertThat(total.p50Ms()).isGreaterThanOrEqualTo(300);
            assertThat(slow.maxConcurrent.get()).isGreaterThan(10);
        }
    }

    @Test
    void arrivalsBeyondTheInFlightCapAreDroppedAndCounted() throws Exception {
        try (SlowServer slow = new SlowServer(1_000)) {
            TrafficSnapshot total = run(slow.url(), TrafficSettings.defaults().withRate(100).withMaxInFlight(5), 2_000);

            assertThat(slow.maxConcurrent.get()).isLessThanOrEqualTo(5);
            assertThat(total.dropped()).isPositive();
            // Every arrival is either sent or dropped: none silently skipped.
            assertThat(total.sent() + total.dropped()).isBetween(180L, 220L);
        }
    }

    @Test
    void stopIsPromptAndLeavesNoThreadBehind() throws Exception {
        try (SlowServer slow = new SlowServer(10_000)) {
            TrafficEngine engine = new TrafficEngine(slow.url(), TrafficSettings.defaults().withRate(50), 1);
            engine.start();
            awaitSeconds(engine, 1);
            assertThat(engine.inFlight()).isPositive();

            long t0 = System.nanoTime();
            engine.close();
            long stopMillis = (System.nanoTime() - t0) / 1_000_000;

            assertThat(stopMillis).as("stop took %d ms", stopMillis).isLessThan(1_500);
            assertThat(engine.inFlight()).isZero();
            assertThat(engine.running()).isFalse();
            assertThat(awaitNoEngineThreads()).as("threads left: " + engineThreads()).isTrue();
        }
    }

    @Test
    void settingsChangeWhileRunning() throws Exception {
        try (TrafficEngine engine = new TrafficEngine(api.server.baseUrl(), TrafficSettings.defaults().withRate(100), 1)) {
            engine.start();
            awaitSeconds(engine, 1);
            engine.update(s -> s.withMix(ModelMix.of(0, 1)).withRate(0));
            TimeUnit.MILLISECONDS.sleep(300); // let requests already sent land
            double v1Before = v1Predictions();
            engine.update(s -> s.withRate(100));
            awaitSeconds(engine, 3);

            assertThat(v1Predictions()).isEqualTo(v1Before);
            assertThat(engine.latest().sent()).isBetween(80L, 120L);
        }
    }

    @Test
    void aServerThatGoesAwayShowsAsTransportErrors() throws Exception {
        TestApi doomed = new TestApi();
        try (TrafficEngine engine = new TrafficEngine(doomed.server.baseUrl(), TrafficSettings.defaults().withRate(100), 1)) {
            engine.start();
            awaitSeconds(engine, 1);
            doomed.close();
            awaitSeconds(engine, 3);
            engine.close();

            assertThat(engine.summary().transportErrors()).isPositive();
            assertThat(engine.summary().ok()).isPositive();
        }
    }

    @Test
    void anEngineRunsOnce() {
        TrafficEngine engine = new TrafficEngine(api.server.baseUrl(), TrafficSettings.defaults(), 1);
        engine.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(engine::start).hasMessageContaining("runs once");
    }

    private double v1Predictions() {
        return api.registry.scrape().stream()
                .filter(m -> m.getMetadata().getName().equals("ml_predictions"))
                .flatMap(m -> m.getDataPoints().stream())
                .filter(p -> "v1".equals(p.getLabels().get("model_version")))
                .mapToDouble(p -> ((io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot) p).getValue())
                .sum();
    }

    static TrafficSnapshot run(String url, TrafficSettings settings, long millis) throws InterruptedException {
        TrafficEngine engine = new TrafficEngine(url, settings, 42);
        engine.start();
        TimeUnit.MILLISECONDS.sleep(millis);
        engine.close();
        return engine.summary();
    }

    /** Waits until the engine has published snapshots up to {@code second}. */
    static void awaitSeconds(TrafficEngine engine, int second) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(second + 5);
        while (engine.latest() == null || engine.latest().second() < second) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no snapshot for second " + second);
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    private static List<String> engineThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive).map(Thread::getName).filter(n -> n.startsWith("traffic-")).toList();
    }

    private static boolean awaitNoEngineThreads() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (engineThreads().isEmpty()) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return false;
    }
}
