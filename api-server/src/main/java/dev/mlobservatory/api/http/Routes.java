package dev.mlobservatory.api.http;

import dev.mlobservatory.api.metrics.ApiMetrics;
import dev.mlobservatory.api.model.ModelCatalog;
import dev.mlobservatory.api.model.TrainedModel;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.undertow.server.HttpHandler;

/** The API's one route table. */
public final class Routes {

    private Routes() {
    }

    /** Every endpoint, wrapped in the HTTP metrics. */
    public static HttpHandler create(ModelCatalog catalog, ApiMetrics metrics, PrometheusRegistry registry,
                                     long startNanos) {
        InfoEndpoints info = new InfoEndpoints(catalog, startNanos);
        RouteTable table = new RouteTable()
                .add("GET", "/health", info::health)
                .add("GET", "/metrics", new MetricsEndpoint(registry));
        for (TrainedModel model : catalog.all()) {
            String base = "/" + model.version();
            table.add("POST", base + "/predict", new PredictEndpoint(model, metrics))
                 .add("GET", base + "/model", info.modelCard(model));
        }
        return new HttpMetricsHandler(table, metrics);
    }
}
