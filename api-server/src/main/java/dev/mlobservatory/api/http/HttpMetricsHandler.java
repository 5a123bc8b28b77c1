package dev.mlobservatory.api.http;

import dev.mlobservatory.api.metrics.ApiMetrics;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;

/** Times every request from its arrival to the end of the exchange, by method, route template and status. */
public final class HttpMetricsHandler implements HttpHandler {

    /** Not an IANA status: nginx's code for a client that closed the connection before the answer. */
    static final int CLIENT_CLOSED_REQUEST = 499;

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
                        status(ex), (System.nanoTime() - start) / 1e9);
            } finally {
                nextListener.proceed();
            }
        });
        next.handleRequest(exchange);
    }

    /**
     * The status the client got. When the connection closed before any response was sent, Undertow still ends the
     * exchange with its default 200; that is not what happened. A request whose body never fully arrived (a malformed
     * chunk, which makes Undertow close the connection, or a client that left mid-body) counts as 400; a complete
     * request whose client left before the answer counts as 499, the "client closed request" of nginx.
     */
    static int status(HttpServerExchange ex) {
        if (ex.isResponseStarted() || ex.getConnection().isOpen()) {
            return ex.getStatusCode();
        }
        return ex.isRequestComplete() ? CLIENT_CLOSED_REQUEST : StatusCodes.BAD_REQUEST;
    }
}
