package dev.mlobservatory.api.http;

import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.xnio.ChannelListener;
import org.xnio.XnioExecutor;
import org.xnio.channels.StreamSourceChannel;

/**
 * Reads a request body on the connection's IO thread, as bytes arrive, within a byte limit and a deadline, and only
 * then hands the request to its endpoint's pool. A client that stops half-way through its body so costs a connection
 * and a timer, never a worker thread (blocking reads on a worker were how 64 stalled clients stopped /v1/predict).
 * The outcome, bytes or failure, is attached to the exchange; {@link RequestBody#read} gives it to the endpoint, so
 * a 408 or 413 is mapped, counted and timed like any other answer.
 */
final class BodyReader implements ChannelListener<StreamSourceChannel>, Runnable {

    static final AttachmentKey<byte[]> BODY = AttachmentKey.create(byte[].class);
    static final AttachmentKey<ApiException> FAILURE = AttachmentKey.create(ApiException.class);

    private final HttpServerExchange exchange;
    private final int limit;
    private final long declared;
    private final Duration timeout;
    private final HttpHandler next;
    private final StreamSourceChannel channel;
    private byte[] bytes;
    private int size;
    private XnioExecutor.Key timer;
    /** Only the connection's IO thread reads and writes this: the read listener and the timer both run there. */
    private boolean finished;

    private BodyReader(HttpServerExchange exchange, int limit, Duration timeout, HttpHandler next) {
        this.exchange = exchange;
        this.limit = limit;
        this.declared = exchange.getRequestContentLength();
        this.timeout = timeout;
        this.next = next;
        this.channel = exchange.getRequestChannel();
        this.bytes = new byte[declared >= 0 ? (int) declared : Math.min(limit + 1, 1024)];
    }

    /**
     * Reads the body of {@code exchange} (on its IO thread, inside the handler call), then runs {@code next}, which
     * dispatches to the endpoint's pool.
     */
    static void read(HttpServerExchange exchange, int limit, Duration timeout, HttpHandler next) throws Exception {
        if (exchange.getRequestContentLength() > limit) {
            fail(exchange, RequestBody.tooLarge(limit));
            next.handleRequest(exchange);
            return;
        }
        if (exchange.isRequestComplete() || exchange.getRequestContentLength() == 0) {
            exchange.putAttachment(BODY, new byte[0]);
            next.handleRequest(exchange);
            return;
        }
        BodyReader reader = new BodyReader(exchange, limit, timeout, next);
        if (reader.readAvailable()) {
            reader.hand(false);
            return;
        }
        reader.timer = exchange.getIoThread().executeAfter(reader, timeout.toMillis(), TimeUnit.MILLISECONDS);
        reader.channel.getReadSetter().set(reader);
        reader.channel.resumeReads();
    }

    /** More bytes arrived (or the connection ended). */
    @Override
    public void handleEvent(StreamSourceChannel ignored) {
        if (!finished && readAvailable()) {
            hand(true);
        }
    }

    /** The deadline passed before the body was complete. */
    @Override
    public void run() {
        if (finished) {
            return;
        }
        fail(exchange, ApiException.requestTimeout("the request body did not arrive within " + timeout.toMillis()
                + " ms (" + size + " of " + (declared >= 0 ? declared + " bytes" : "an unknown length") + " received)"));
        hand(true);
    }

    /** Reads what is there; true once the body is complete or has failed (the outcome is attached). */
    private boolean readAvailable() {
        try {
            while (true) {
                if (declared >= 0 && size == declared) {
                    return complete();
                }
                if (size == bytes.length) {
                    if (size > limit) {
                        fail(exchange, RequestBody.tooLarge(limit));
                        return true;
                    }
                    bytes = Arrays.copyOf(bytes, Math.min(limit + 1, bytes.length * 2));
                }
                int n = channel.read(ByteBuffer.wrap(bytes, size, bytes.length - size));
                if (n < 0) {
                    return complete();
                }
                if (n == 0) {
                    return false;
                }
                size += n;
            }
        } catch (IOException e) {
            // A malformed chunk, a body cut short by the client, or Undertow's own entity-size guard.
            fail(exchange, ApiException.badRequest(null, "could not read the request body: " + e.getMessage()));
            return true;
        }
    }

    private boolean complete() {
        if (size > limit) {
            fail(exchange, RequestBody.tooLarge(limit));
        } else {
            exchange.putAttachment(BODY, size == bytes.length ? bytes : Arrays.copyOf(bytes, size));
        }
        return true;
    }

    /** Stops reading and runs {@code next}: inside the current handler call, or as a new call from the IO thread. */
    private void hand(boolean newCall) {
        finished = true;
        if (timer != null) {
            timer.remove();
        }
        channel.getReadSetter().set(null);
        channel.suspendReads();
        if (newCall) {
            Connectors.executeRootHandler(next, exchange);
        } else {
            try {
                next.handleRequest(exchange);
            } catch (Exception e) {
                ErrorMapper.send(exchange, e);
            }
        }
    }

    /** A body that failed leaves the connection in an unknown state: answer, then close it. */
    private static void fail(HttpServerExchange exchange, ApiException failure) {
        exchange.putAttachment(FAILURE, failure);
        exchange.setPersistent(false);
    }
}
