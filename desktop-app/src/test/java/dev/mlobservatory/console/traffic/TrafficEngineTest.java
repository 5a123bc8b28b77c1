package dev.mlobservatory.console.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlobservatory.api.TestApi;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine against a real API in-process (and a deliberately slow server). Counts are read from the engine's
 * per-second snapshots, which hold the arrivals meant for each second on the engine's own clock, so they do not
 * depend on how fast this machine is; the benchmark script measures how precisely the rate is kept.
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
    void achievedRateIsTheTarget() throws Exception {
        Run run = run(api.server.baseUrl(), TrafficSettings.defaults().withRate(200), 3);

        // Counted on the engine's own clock: every second holds the arrivals meant for it, however late the pacer
        // woke on a busy machine (the first one starts one gap in: 199).
        assertThat(run.seconds()).extracting(TrafficSnapshot::sent).containsExactly(199L, 200L, 200L);
        assertThat(run.total().ok()).isEqualTo(run.total().sent());
        assertThat(run.total().dropped()).isZero();
        assertThat(run.total().p50Ms()).isPositive().isLessThan(run.total().maxMs() + 0.001);
    }

    @Test
    void poissonArrivalsAverageTheTargetRate() throws Exception {
        TrafficSettings poisson = TrafficSettings.defaults().withRate(300).withArrivals(TrafficSettings.Arrivals.POISSON);
        Run run = run(api.server.baseUrl(), poisson, 3);

        // Random gaps: about 900 arrivals in 3 s (sd 30), seeded, so the same count every time on any machine.
        assertThat(run.sent()).isCloseTo(900, within(135L));
    }

    @Test
    void errorRatioIsHonouredWithInvalidRequestsTheApiRejects() throws Exception {
        TrafficSnapshot total = run(api.server.baseUrl(),
                TrafficSettings.defaults().withRate(400).withErrorRatio(0.25), 2).total();

        assertThat(total.completed()).isEqualTo(total.sent());
        assertThat(total.serverErrors()).isZero();
        assertThat((double) total.clientErrors() / total.completed()).isCloseTo(0.25, within(0.05));
    }

    @Test
    void burstRaisesTheRateThenReturnsToIt() throws Exception {
        try (TrafficEngine engine = new TrafficEngine(api.server.baseUrl(), TrafficSettings.defaults().withRate(50), 1)) {
            engine.start();
            awaitSeconds(engine, 1);
            // Long enough that at least one whole second falls inside it even if this thread or the pacer is late.
            engine.burst(5, Duration.ofMillis(2_500));
            await("the burst over", () -> !engine.bursting());
            assertThat(engine.effectiveRate()).isEqualTo(50);
            // Second over + 3 starts after the burst ended, even if the pacer runs a little late.
            int over = (int) engine.latest().second();
            awaitSeconds(engine, over + 3);

            List<TrafficSnapshot> seconds = engine.history();
            assertThat(seconds).as("a whole second of burst").anySatisfy(s -> assertThat(s.sent()).isEqualTo(250));
            TrafficSnapshot after = seconds.get(over + 2);
            assertThat(after.second()).isEqualTo(over + 3);
            assertThat(after.targetRate()).isEqualTo(50);
            assertThat(after.sent()).isEqualTo(50);
        }
    }

    @Test
    void openModelKeepsSendingWhenTheServerIsSlow() throws Exception {
        try (SlowServer slow = new SlowServer(300)) {
            Run run = run(slow.url(), TrafficSettings.defaults().withRate(50), 3);

            // A closed loop of a few workers would send far fewer than 50/s against 300 ms responses.
            assertThat(run.seconds()).extracting(TrafficSnapshot::sent).containsExactly(49L, 50L, 50L);
            assertThat(run.total().dropped()).isZero();
            assertThat(run.total().p50Ms()).isGreaterThanOrEqualTo(300);
            assertThat(slow.maxConcurrent.get()).isGreaterThan(10);
        }
    }

    @Test
    void arrivalsBeyondTheInFlightCapAreDroppedAndCounted() throws Exception {
        try (SlowServer slow = new SlowServer(1_000)) {
            Run run = run(slow.url(), TrafficSettings.defaults().withRate(100).withMaxInFlight(5), 2);

            assertThat(slow.maxConcurrent.get()).isLessThanOrEqualTo(5);
            assertThat(run.total().dropped()).isPositive();
            // Every arrival is either sent or dropped: none silently skipped.
            assertThat(run.seconds()).extracting(s -> s.sent() + s.dropped()).containsExactly(99L, 100L);
        }
    }

    @Test
    void stopDoesNotWaitForASlowRequestAndLeavesNoThreadBehind() throws Exception {
        // The server holds every request for a minute; stop must not wait for them. The margin is structural
        // (well under the minute), not a speed: a busy machine cannot fail it, waiting for the answers would.
        try (SlowServer slow = new SlowServer(60_000)) {
            TrafficEngine engine = new TrafficEngine(slow.url(), TrafficSettings.defaults().withRate(50), 1);
            engine.start();
            awaitSeconds(engine, 1);
            assertThat(engine.inFlight()).isPositive();

            long t0 = System.nanoTime();
            engine.close();
            long stopMillis = (System.nanoTime() - t0) / 1_000_000;

            assertThat(stopMillis).as("stop took %d ms", stopMillis).isLessThan(15_000);
            assertThat(engine.inFlight()).isZero();
            assertThat(engine.running()).isFalse();
            await("no engine thread left", () -> engineThreads().isEmpty());
        }
    }

    @Test
    void settingsChangeWhileRunning() throws Exception {
        try (TrafficEngine engine = new TrafficEngine(api.server.baseUrl(), TrafficSettings.defaults().withRate(100), 1)) {
            engine.start();
            awaitSeconds(engine, 1);
            engine.update(s -> s.withMix(ModelMix.of(0, 1)).withRate(0));
            // A tick after the pause means the pacer is past any arrival it was firing with the old settings;
            // then the requests already sent only have to land.
            awaitSeconds(engine, (int) engine.latest().second() + 1);
            await("the requests sent before the pause answered", () -> engine.inFlight() == 0);
            double v1Before = ApiCounters.v1Predictions(api);
            engine.update(s -> s.withRate(100));
            int resumed = (int) engine.latest().second();
            awaitSeconds(engine, resumed + 3);

            assertThat(ApiCounters.v1Predictions(api)).isEqualTo(v1Before);
            assertThat(engine.history().get(resumed + 2).sent()).as("a whole second after resuming").isEqualTo(100);
            assertThat(ApiCounters.v2Predictions(api)).isPositive();
        }
    }

    @Test
    void aServerThatGoesAwayShowsAsTransportErrors() throws Exception {
        TestApi doomed = new TestApi();
        // Not try-with-resources: the engine is closed inside, before its summary is read.
        TrafficEngine engine = new TrafficEngine(doomed.server.baseUrl(), TrafficSettings.defaults().withRate(100), 1);
        try {
            engine.start();
            awaitSeconds(engine, 1);
            doomed.close();
            await("a second with transport errors", () -> engine.latest().transportErrors() > 0);
            engine.close();

            assertThat(engine.summary().transportErrors()).isPositive();
            assertThat(engine.summary().ok()).isPositive();
        } finally {
            engine.close();
            doomed.close();
        }
    }

    @Test
    void anEngineRunsOnce() {
        TrafficEngine engine = new TrafficEngine(api.server.baseUrl(), TrafficSettings.defaults(), 1);
        engine.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(engine::start).hasMessageContaining("runs once");
    }

    /** The whole-second snapshots of a run, and its total. */
    record Run(List<TrafficSnapshot> seconds, TrafficSnapshot total) {
        long sent() {
            return seconds.stream().mapToLong(TrafficSnapshot::sent).sum();
        }
    }

    /**
     * Runs the engine until it has published {@code seconds} snapshots (on its own clock, not this thread's), then
     * pauses it, lets the requests in flight land and stops it: a slow machine changes when, never what is counted.
     */
    static Run run(String url, TrafficSettings settings, int seconds) throws InterruptedException {
        // Not try-with-resources: the engine is closed inside, before its history and summary are read.
        TrafficEngine engine = new TrafficEngine(url, settings, 42);
        try {
            engine.start();
            awaitSeconds(engine, seconds);
            engine.update(s -> s.withRate(0));
            awaitSeconds(engine, (int) engine.latest().second() + 1);
            await("the requests in flight answered", () -> engine.inFlight() == 0);
            engine.close();
            return new Run(engine.history().subList(0, seconds), engine.summary());
        } finally {
            engine.close();
        }
    }

    /** Waits until the engine has published snapshots up to {@code second}. */
    static void awaitSeconds(TrafficEngine engine, int second) throws InterruptedException {
        await("a snapshot for second " + second,
                () -> engine.latest() != null && engine.latest().second() >= second);
    }

    /** Waits until {@code condition} holds; 30 s is far beyond any healthy wait here, so only a real hang fails. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after 30 s waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    private static List<String> engineThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive).map(Thread::getName).filter(n -> n.startsWith("traffic-")).toList();
    }
}
