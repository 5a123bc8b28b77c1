package dev.mlobservatory.api.http;

import dev.mlobservatory.api.metrics.ApiMetrics;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.AttachmentKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;

/**
 * Exact-path routing with proper 404 and 405 (with {@code Allow}), 431 for an oversized head and 400 for a malformed
 * path. Every route is a fixed path, so a map lookup is all routing needs. The matched template (or "unmatched") is
 * attached for the HTTP metrics. Each route names the pool its endpoint runs on, in blocking mode, so JSON and
 * prediction never touch an IO thread; a route that takes a body has it read on the IO thread first
 * ({@link BodyReader}), so no pool thread ever waits on a slow client. Every GET route answers HEAD too.
 */
public final class RouteTable implements HttpHandler {

    /** The route template of the request, read by {@link HttpMetricsHandler}. */
    public static final AttachmentKey<String> ROUTE = AttachmentKey.create(String.class);

    private final Map<String, Map<String, HttpHandler>> routes = new LinkedHashMap<>();
    private final Map<String, String> allowHeaders = new LinkedHashMap<>();
    private final Duration bodyTimeout;
    private final int maxHeadBytes;

    /**
     * @param bodyTimeout  time a body may take to arrive, from the end of the head
     * @param maxHeadBytes request line and headers above this are answered 431
     */
    public RouteTable(Duration bodyTimeout, int maxHeadBytes) {
        this.bodyTimeout = bodyTimeout;
        this.maxHeadBytes = maxHeadBytes;
    }

    /** {@code GET path} and {@code HEAD path} on {@code pool} (null: Undertow's worker pool). */
    public RouteTable get(String path, Endpoint endpoint, Executor pool) {
        HttpHandler handler = onPool(endpoint, pool);
        return put("GET", path, handler).put("HEAD", path, handler);
    }

    /** {@code GET} and {@code HEAD} served by {@code handler} on the IO thread: it must not block (it may dispatch). */
    public RouteTable getAsync(String path, HttpHandler handler) {
        return put("GET", path, handler).put("HEAD", path, handler);
    }

    /** A route whose body, at most {@code maxBodyBytes}, is read before {@code endpoint} runs on {@code pool}. */
    public RouteTable withBody(String method, String path, Endpoint endpoint, Executor pool, int maxBodyBytes) {
        HttpHandler then = onPool(endpoint, pool);
        return put(method, path, exchange -> BodyReader.read(exchange, maxBodyBytes, bodyTimeout, then));
    }

    private static HttpHandler onPool(Endpoint endpoint, Executor pool) {
        HttpHandler blocking = new BlockingHandler(exchange -> {
            try {
                endpoint.handle(exchange);
            } catch (Exception | Error e) {
                ErrorMapper.send(exchange, e);
            }
        });
        return pool == null ? exchange -> exchange.dispatch(blocking) : exchange -> exchange.dispatch(pool, blocking);
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
        String path;
        try {
            path = PercentDecoding.path(exchange.getRequestPath());
        } catch (IllegalArgumentException e) {
            exchange.putAttachment(ROUTE, ApiMetrics.UNMATCHED_ROUTE);
            ErrorMapper.send(exchange, ApiException.badRequest(null, e.getMessage()));
            return;
        }
        Map<String, HttpHandler> byMethod = routes.get(path);
        exchange.putAttachment(ROUTE, byMethod == null ? ApiMetrics.UNMATCHED_ROUTE : path);
        int head = RequestHead.size(exchange);
        if (head > maxHeadBytes) {
            ErrorMapper.send(exchange, ApiException.headTooLarge("request head (request line and headers) is "
                    + head + " bytes; at most " + maxHeadBytes));
            return;
        }
        if (byMethod == null) {
            ErrorMapper.send(exchange, ApiException.notFound("no such endpoint: " + path));
            return;
        }
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
