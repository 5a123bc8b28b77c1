package dev.mlobservatory.api.http;

import dev.mlobservatory.api.ServerLimits;
import dev.mlobservatory.api.chaos.FaultInjector;
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

    /** The pools endpoints run on; Undertow's worker pool serves everything not named here. */
    public record Pools(Executor ops, Executor admin) {
    }

    /**
     * Every endpoint, wrapped in the HTTP metrics. {@code /admin/faults} exists only when {@code faultsEnabled}:
     * otherwise it is an unknown path (404) like any other.
     *
     * <p>Pools: predictions and model cards on Undertow's workers; {@code /health} and the scrape on {@code ops}, so
     * slow predictions cannot starve them; {@code /admin} on a pool of its own, so admin traffic cannot starve the
     * scrape either. {@code /metrics} waits for its scrape without holding a thread.
     */
    public static HttpHandler create(ModelCatalog catalog, ApiMetrics metrics, PrometheusRegistry registry,
                                     long startNanos, DriftMonitor drift, FaultInjector faults, boolean faultsEnabled,
                                     Pools pools, ServerLimits limits) {
        InfoEndpoints info = new InfoEndpoints(catalog, startNanos);
        RouteTable table = new RouteTable(limits.bodyTimeout(), limits.maxHeaderBytes())
                .get("/health", info::health, pools.ops())
                .getAsync("/metrics", new MetricsEndpoint(registry, pools.ops()));
        for (TrainedModel model : catalog.all()) {
            String base = "/" + model.version();
            table.withBody("POST", base + "/predict", new PredictEndpoint(model, metrics, drift, faults), null,
                            PredictRequest.MAX_BATCH_BODY_BYTES)
                 .get(base + "/model", info.modelCard(model), null);
        }
        if (faultsEnabled) {
            FaultsEndpoint admin = new FaultsEndpoint(faults, catalog.versions());
            table.get("/admin/faults", admin::get, pools.admin())
                 .withBody("PUT", "/admin/faults", admin::put, pools.admin(), FaultsEndpoint.MAX_BODY_BYTES);
        }
        return new HttpMetricsHandler(table, metrics);
    }
}
