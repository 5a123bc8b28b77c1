package dev.mlobservatory.api.http;

import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.SameThreadExecutor;
import io.undertow.util.StatusCodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * {@code GET /metrics}: the registry in the format the {@code Accept} header asks for (Prometheus text by default,
 * OpenMetrics or protobuf on request). Callbacks (CPU, memory, drift) run here, at scrape time.
 *
 * <p>Scrapes that arrive while one of the same format is in progress share its bytes instead of queuing behind it:
 * a flood of scrapes costs one scrape at a time on the ops pool and holds no thread while it waits, so Prometheus's
 * own scrape is answered within about one scrape's time instead of getting 503 from a full queue. A shared answer
 * is at most one scrape old when it is sent.
 */
public final class MetricsEndpoint implements HttpHandler {

    private final PrometheusRegistry registry;
    private final Executor ops;
    private final ExpositionFormats formats = ExpositionFormats.init();
    /** The scrape in progress per content type; removed before it completes, so later arrivals get a fresh one. */
    private final ConcurrentMap<String, CompletableFuture<byte[]>> inProgress = new ConcurrentHashMap<>();

    public MetricsEndpoint(PrometheusRegistry registry, Executor ops) {
        this.registry = registry;
        this.ops = ops;
    }

    /** On the IO thread: joins (or starts) a scrape and answers when it is done, from the IO thread again. */
    @Override
    public void handleRequest(HttpServerExchange exchange) {
        ExpositionFormatWriter writer = formats.findWriter(exchange.getRequestHeaders().getFirst(Headers.ACCEPT));
        CompletableFuture<byte[]> scrape = scrape(writer);
        exchange.dispatch(SameThreadExecutor.INSTANCE, () -> scrape.whenComplete((bytes, failure) ->
                exchange.getIoThread().execute(() -> {
                    if (failure != null) {
                        ErrorMapper.send(exchange, failure instanceof RejectedExecutionException
                                ? ApiException.unavailable("too many requests for the operations pool; retry")
                                : failure);
                        return;
                    }
                    exchange.setStatusCode(StatusCodes.OK);
                    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, writer.getContentType());
                    exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
                })));
    }

    private CompletableFuture<byte[]> scrape(ExpositionFormatWriter writer) {
        String key = writer.getContentType();
        while (true) {
            CompletableFuture<byte[]> running = inProgress.get(key);
            if (running != null) {
                return running;
            }
            CompletableFuture<byte[]> mine = new CompletableFuture<>();
            if (inProgress.putIfAbsent(key, mine) != null) {
                continue;
            }
            try {
                ops.execute(() -> {
                    try {
                        byte[] bytes = encode(writer);
                        inProgress.remove(key, mine);
                        mine.complete(bytes);
                    } catch (RuntimeException | Error e) {
                        inProgress.remove(key, mine);
                        mine.completeExceptionally(e);
                    }
                });
            } catch (RejectedExecutionException e) {
                inProgress.remove(key, mine);
                mine.completeExceptionally(e);
            }
            return mine;
        }
    }

    private byte[] encode(ExpositionFormatWriter writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
