package dev.mlobservatory.api.http;

import dev.mlobservatory.api.chaos.FaultInjector;
import dev.mlobservatory.api.chaos.FaultsEndpoint;
import dev.mlobservatory.api.drift.DriftMonitor;
import dev.mlobservatory.api.metrics.ApiMetrics;
import dev.mlobservatory.api.model.ModelCatalog;
import dev.mlobservatory.api.model.TrainedModel;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.undertow.server.HttpHandler;
import java.util.concurrent.Executor;

/** The API's one route table. */
public final class Routes {

    private Routes() {
    }

    /**
     * Every endpoint, wrapped in the HTTP metrics. {@code /admin/faults} exists only when {@code faultsEnabled}:
     * otherwise it is an unknown path (404) like any other.
     */
    public static HttpHandler create(ModelCatalog catalog, ApiMetrics metrics, PrometheusRegistry registry,
                                     long startNanos, DriftMonitor drift, FaultInjector faults, boolean faultsEnabled,
                                     Executor ops) {
        InfoEndpoints info = new InfoEndpoints(catalog, startNanos);
        RouteTable table = new RouteTable()
                .addOps("GET", "/health", info::health, ops)
                .addOps("GET", "/metrics", new MetricsEndpoint(registry), ops);
        for (TrainedModel model : catalog.all()) {
            String base = "/" + model.version();
            table.add("POST", base + "/predict", new PredictEndpoint(model, metrics, drift, faults))
                 .add("GET", base + "/model", info.modelCard(model));
        }
        if (faultsEnabled) {
            FaultsEndpoint admin = new FaultsEndpoint(faults, catalog.versions());
            table.addOps("GET", "/admin/faults", admin::get, ops)
                 .addOps("PUT", "/admin/faults", admin::put, ops);
        }
        return new HttpMetricsHandler(table, metrics);
    }
}
