package dev.mlobservatory.console.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.TestApi;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The traffic engine's generated flowers against the API's drift index: training-like at drift 0 (well under the
 * 0.2 alert threshold), shifted beyond it when the engine drifts its inputs.
 */
class DriftTrafficTest {

    @Test
    void engineDriftMovesThePsiAcrossTheAlertThreshold() throws Exception {
        try (TestApi api = new TestApi()) {
            send(api, 0.0);
            assertThat(psi(api)).as("PSI per feature at drift 0").allSatisfy(p -> assertThat(p).isLessThan(0.1));

            send(api, 1.5);
            assertThat(psi(api)).as("PSI per feature at drift 1.5 σ").allSatisfy(p -> assertThat(p).isGreaterThan(0.2));
        }
    }

    /**
     * 700 requests to v1 only, more than the 500-input window, so the window holds only this run's flowers. Waits
     * until the API has predicted them rather than for a fixed time: a busy machine may send fewer in 2 s.
     */
    private static void send(TestApi api, double drift) throws InterruptedException {
        TrafficSettings settings = TrafficSettings.defaults().withRate(350).withMix(ModelMix.of(1, 0)).withDrift(drift);
        double target = ApiCounters.v1Predictions(api) + 700;
        try (TrafficEngine engine = new TrafficEngine(api.server.baseUrl(), settings, 7)) {
            engine.start();
            TrafficEngineTest.await("700 v1 predictions at drift " + drift,
                    () -> ApiCounters.v1Predictions(api) >= target);
        }
    }

    private static List<Double> psi(TestApi api) {
        return api.registry.scrape().stream()
                .filter(m -> m.getMetadata().getPrometheusName().equals("ml_feature_drift_psi"))
                .flatMap(m -> ((GaugeSnapshot) m).getDataPoints().stream())
                .filter(d -> "v1".equals(d.getLabels().get("model_version")))
                .map(GaugeSnapshot.GaugeDataPointSnapshot::getValue)
                .toList();
    }
}
