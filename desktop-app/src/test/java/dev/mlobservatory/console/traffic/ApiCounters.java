package dev.mlobservatory.console.traffic;

import dev.mlobservatory.api.TestApi;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;

/** What the in-process API counted, read from its registry: what arrived, not what the engine meant to send. */
final class ApiCounters {

    private ApiCounters() {
    }

    /** Predictions the API made with model v1, valid or not. */
    static double v1Predictions(TestApi api) {
        return predictions(api, "v1");
    }

    static double v2Predictions(TestApi api) {
        return predictions(api, "v2");
    }

    private static double predictions(TestApi api, String version) {
        return api.registry.scrape().stream()
                .filter(m -> m.getMetadata().getName().equals("ml_predictions"))
                .flatMap(m -> m.getDataPoints().stream())
                .filter(p -> version.equals(p.getLabels().get("model_version")))
                .mapToDouble(p -> ((CounterSnapshot.CounterDataPointSnapshot) p).getValue())
                .sum();
    }
}
