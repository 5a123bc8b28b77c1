package dev.mlobservatory.api.http;

import dev.mlobservatory.api.metrics.ApiMetrics;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.AttachmentKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;

/**
 * Exact-path routing with proper 404 and 405 (with {@code Allow}). Every route is a fixed path, so a map
 * lookup is all routing needs. The matched template (or "unmatched") is attached for the HTTP metrics.
 * Endpoints run on a worker thread in blocking mode: JSON and prediction never touch an IO thread.
 */
public final class RouteTable implements HttpHandler {

    /** The route template of the request, read by {@link HttpMetricsHandler}. */
    public static final AttachmentKey<String> ROUTE = AttachmentKey.create(String.class);

    private final Map<String, Map<String, HttpHandler>> routes = new LinkedHashMap<>();
    private final Map<String, String> allowHeaders = new LinkedHashMap<>();

    /** Adds {@code method path}, served on Undertow's worker pool; a path may have several methods. */
    public RouteTable add(String method, String path, Endpoint endpoint) {
        return put(method, path, blocking(endpoint));
    }

    /**
     * Adds an operations endpoint ({@code /metrics}, {@code /health}, {@code /admin/…}) served on {@code ops}, a
     * pool of its own: when slow predictions hold every worker thread, Prometheus can still scrape and the
     * health check still answers, so the dashboards show a slow API instead of a dead one.
     */
    public RouteTable addOps(String method, String path, Endpoint endpoint, Executor ops) {
        HttpHandler inner = blocking(endpoint);
        return put(method, path, exchange -> exchange.dispatch(ops, inner));
    }

    private static HttpHandler blocking(Endpoint endpoint) {
        return new BlockingHandler(exchange -> {
            try {
                endpoint.handle(exchange);
            } catch (Exception | Error e) {
                ErrorMapper.send(exchange, e);
            }
        });
    }

    private RouteTable put(String method, String path, HttpHandler handler) {
        Map<String, HttpHandler> byMethod = routes.computeIfAbsent(path, p -> new TreeMap<>());
        if (byMethod.put(method, handler) != null) {
            throw new IllegalArgumentException("route " + method + " " + path + " is defined twice");
        }
        allowHeaders.put(path, String.join(", ", byMethod.keySet()));
        return this;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        String path = exchange.getRequestPath();
        Map<String, HttpHandler> byMethod = routes.get(path);
        if (byMethod == null) {
            exchange.putAttachment(ROUTE, ApiMetrics.UNMATCHED_ROUTE);
            ErrorMapper.send(exchange, ApiException.notFound("no such endpoint: " + path));
            return;
        }
        exchange.putAttachment(ROUTE, path);
        String method = exchange.getRequestMethod().toString();
        HttpHandler handler = byMethod.get(method);
        if (handler == null) {
            String allow = allowHeaders.get(path);
            ErrorMapper.send(exchange, ApiException.methodNotAllowed(
                    "method " + method + " is not allowed on " + path + "; use " + allow, allow));
            return;
        }
        try {
            handler.handleRequest(exchange);
        } catch (Exception e) {
            ErrorMapper.send(exchange, e);
        }
    }
}
