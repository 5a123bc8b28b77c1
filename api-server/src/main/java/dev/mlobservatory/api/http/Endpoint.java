package dev.mlobservatory.api.http;

import io.undertow.server.HttpServerExchange;

/** One endpoint's work; runs on a worker thread in blocking mode, may throw {@link ApiException}. */
@FunctionalInterface
public interface Endpoint {
    void handle(HttpServerExchange exchange) throws Exception;
}
