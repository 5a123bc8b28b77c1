package dev.mlobservatory.console.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.prom.QueryResult;
import dev.mlobservatory.console.testing.LiveStack;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Local mode's Prometheus (its configuration, each real version) scrapes the console's traffic metrics as job
 * loadgen: the target is up, and once a run has stopped, every outcome Prometheus holds is the engine's own count.
 */
class LoadgenScrapeLiveTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mlobservatory.api.testing.Tools#eachPrometheus")
    void prometheusSeesTheEnginesCounts(Tools.Versioned prometheus) throws Exception {
        try (ConsoleLoadgen loadgen = new ConsoleLoadgen(() -> ConsoleLoadgen.DEFAULT_DOCKER_PORT);
             LiveStack stack = LiveStack.startWithLoadgen(prometheus, loadgen.localTarget())) {
            LiveStack.await("target loadgen up", 60, () -> value(stack, "up{job=\"loadgen\"}") == 1);

            TrafficEngine engine = new TrafficEngine(stack.apiUrl(),
                    TrafficSettings.defaults().withRate(100).withErrorRatio(0.2), 7, null, loadgen.metrics());
            try {
                engine.start();
                TrafficEngineTest.awaitSeconds(engine, 2);
                engine.update(s -> s.withRate(0));
                TrafficEngineTest.await("answers in", () -> engine.inFlight() == 0);
            } finally {
                engine.close();
            }
            TrafficSnapshot total = engine.summary();
            assertThat(total.clientErrors()).isPositive();

            LiveStack.await("Prometheus to hold the final ok count", 60,
                    () -> value(stack, "loadgen_requests_total{job=\"loadgen\",outcome=\"ok\"}") == total.ok());
            assertThat(value(stack, "loadgen_requests_total{outcome=\"http_4xx\"}")).isEqualTo(total.clientErrors());
            assertThat(value(stack, "sum(loadgen_requests_total)")).isEqualTo(
                    total.completed() + total.dropped());
            assertThat(value(stack, "loadgen_request_duration_seconds_count")).isEqualTo(
                    total.ok() + total.clientErrors() + total.serverErrors());
            assertThat(value(stack, "loadgen_target_rate")).isZero();
            assertThat(value(stack, "count(loadgen_request_duration_seconds_bucket)")).as("classic buckets kept")
                    .isEqualTo(LoadgenMetrics.DURATION_BUCKETS.length + 1);
        }
    }

    /** The single value of an instant query, NaN while there is none. */
    private static double value(LiveStack stack, String promql) {
        try {
            if (stack.client.query(promql) instanceof QueryResult.Vector v && v.samples().size() == 1) {
                return v.samples().get(0).value();
            }
        } catch (Exception notYet) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
