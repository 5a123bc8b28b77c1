package dev.mlobservatory.api.http;

import dev.mlobservatory.api.metrics.ApiMetrics;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** Times every request from its arrival to the end of the exchange, by method, route template and status. */
public final class HttpMetricsHandler implements HttpHandler {

    private final HttpHandler next;
    private final ApiMetrics metrics;

    public HttpMetricsHandler(HttpHandler next, ApiMetrics metrics) {
        this.next = next;
        this.metrics = metrics;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        long start = System.nanoTime();
        exchange.addExchangeCompleteListener((ex, nextListener) -> {
            try {
                String route = ex.getAttachment(RouteTable.ROUTE);
                metrics.httpRequest(ex.getRequestMethod().toString(),
                        route == null ? ApiMetrics.UNMATCHED_ROUTE : route,
                        ex.getStatusCode(), (System.nanoTime() - start) / 1e9);
            } finally {
                nextListener.proceed();
            }
        });
        next.handleRequest(exchange);
    }
}
