package dev.mlobservatory.api.http;

import dev.mlobservatory.api.chaos.InjectedFailure;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP: an {@link ApiException} becomes its status and
 * {@code {"error":…,"field":…}}; anything else is a 500, logged once here, with no stack trace in the body.
 */
public final class ErrorMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    /** The JSON error body every failure answers with. */
    public record ErrorBody(String error, String field) {
    }

    private ErrorMapper() {
    }

    public static void send(HttpServerExchange exchange, Throwable failure) {
        if (exchange.isResponseStarted()) {
            // Too late to change the status: the client sees a cut response; say so in the log.
            LOG.warn("{} {} failed after the response started: {}", exchange.getRequestMethod(),
                    exchange.getRequestPath(), failure.toString());
            exchange.endExchange();
            return;
        }
        if (failure instanceof ApiException api) {
            if (api.allow() != null) {
                exchange.getResponseHeaders().put(Headers.ALLOW, api.allow());
            }
            Json.send(exchange, api.status(), new ErrorBody(api.getMessage(), api.field()));
            return;
        }
        if (failure instanceof InjectedFailure injected) {
            // Asked for through /admin/faults: a real 500 for the client and the metrics, not a bug to log.
            Json.send(exchange, StatusCodes.INTERNAL_SERVER_ERROR, new ErrorBody(injected.getMessage(), null));
            return;
        }
        LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestPath(), failure);
        Json.send(exchange, StatusCodes.INTERNAL_SERVER_ERROR, new ErrorBody("internal error", null));
    }
}
