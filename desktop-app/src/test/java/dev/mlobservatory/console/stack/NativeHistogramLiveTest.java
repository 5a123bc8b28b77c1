package dev.mlobservatory.console.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.prom.QueryResult;
import dev.mlobservatory.console.testing.LiveStack;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Local mode with each real Prometheus: on 3.x the API's latency histogram arrives as a native histogram and the
 * lab's classic {@code _bucket} query still answers; on 2.x the classic query answers as it always did.
 */
class NativeHistogramLiveTest {

    static final String NATIVE_P95 = "histogram_quantile(0.95, sum(rate(ml_prediction_duration_seconds[1m])))";
    static final String CLASSIC_P95 =
            "histogram_quantile(0.95, sum by (le) (rate(ml_prediction_duration_seconds_bucket[1m])))";
    private static final String SETOSA =
            "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}";

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.mlobservatory.api.testing.Tools#eachPrometheus")
    void p95FromNativeOn3AndFromClassicBucketsOnEvery(Tools.Versioned prometheus) throws Exception {
        try (LiveStack stack = LiveStack.start(prometheus)) {
            // traffic until a rate over two scrapes sees predictions: every attempt posts more
            LiveStack.await("the classic p95 to be a number", 60, () -> {
                stack.api.postJson("/v1/predict", SETOSA);
                return isNumber(stack, CLASSIC_P95);
            });
            if (prometheus.major() >= 3) {
                LiveStack.await("the native p95 to be a number", 60, () -> {
                    stack.api.postJson("/v1/predict", SETOSA);
                    return isNumber(stack, NATIVE_P95);
                });
                assertThat(p95(stack, NATIVE_P95)).isPositive().isLessThan(5.0);
            } else {
                // 2.x scrapes the text format: no native series by that name, exactly as before
                assertThat(stack.client.query("ml_prediction_duration_seconds"))
                        .isInstanceOfSatisfying(QueryResult.Vector.class, v -> assertThat(v.samples()).isEmpty());
            }
        }
    }

    private static boolean isNumber(LiveStack stack, String promql) {
        try {
            return Double.isFinite(p95(stack, promql));
        } catch (Exception notYet) {
            return false;
        }
    }

    private static double p95(LiveStack stack, String promql) throws Exception {
        if (stack.client.query(promql) instanceof QueryResult.Vector v && v.samples().size() == 1) {
            return v.samples().get(0).value();
        }
        return Double.NaN;
    }
}
