package dev.mlobservatory.console.notify;

import dev.mlobservatory.console.stack.ReceiverEndpoint;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.io.Receiver;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import io.undertow.util.StatusCodes;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;
import org.xnio.Options;
import org.xnio.XnioExecutor;

/**
 * One listening address of the receiver: {@code POST /webhook} with Alertmanager's JSON. The body is read on the
 * connection's IO thread as it arrives (a client that stalls half-way costs a connection until the body's deadline,
 * never a worker thread) and parsed on a worker thread; a good notification is answered 200 after the listener took
 * it, a bad one 400 with a one-line reason, and nothing of it is kept.
 */
final class WebhookServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);
    /** Far above a real notification (a few KB for dozens of alerts), far below what could hurt the console. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    /** A connection with no request in progress is closed after this long. */
    static final int IDLE_TIMEOUT_MS = 10_000;
    /** A body must be complete this long after its head: a client that stops half-way is cut off. */
    static final int BODY_TIMEOUT_MS = 10_000;
    /** A request head must be complete this long after its first byte. */
    static final int PARSE_TIMEOUT_MS = 5_000;

    private final Undertow server;
    private final Consumer<WebhookMessage> listener;
    private final String host;

    static {
        // Undertow logs through jboss-logging; route it to SLF4J (as the API does) so there is one log format.
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
    }

    private WebhookServer(String host, int port, Consumer<WebhookMessage> listener) {
        this.listener = listener;
        this.host = host;
        // Its own small worker, of daemon threads: one IO thread, two for parsing (notifications come a few a
        // minute). Stopping the server stops the worker, which closes the connections still open, so a closed
        // Docker port is closed for a client that kept its connection alive too.
        this.server = Undertow.builder()
                .setIoThreads(1)
                .setWorkerThreads(2)
                .setWorkerOption(Options.THREAD_DAEMON, true)
                .setWorkerOption(Options.WORKER_NAME, "receiver")
                .addHttpListener(port, host)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, IDLE_TIMEOUT_MS)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, PARSE_TIMEOUT_MS)
                // A backstop above the receiver's own limit, which answers 413 (Undertow's would only cut the body).
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, 2L * MAX_BODY_BYTES)
                .setHandler(this::handle)
                .build();
    }

    /**
     * Listens on {@code host:port} (0: a free port) until {@link #close()}.
     *
     * @throws IOException with a one-line message when the port is taken or the address is not this machine's
     */
    static WebhookServer start(String host, int port, Consumer<WebhookMessage> listener) throws IOException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("receiver port must be 0..65535, got " + port);
        }
        WebhookServer s = new WebhookServer(host, port, listener);
        try {
            s.server.start();
            return s;
        } catch (RuntimeException e) {
            s.closeQuietly();
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IOException("cannot receive notifications on " + host + ":" + port + ": "
                    + (cause instanceof BindException ? (port == 0 ? "no free port" : "the port is already in use")
                    : cause.getMessage()), cause);
        }
    }

    int port() {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** The webhook's URL, e.g. {@code http://127.0.0.1:41234/webhook}. */
    String url() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port()
                + ReceiverEndpoint.WEBHOOK_PATH;
    }

    private void handle(HttpServerExchange exchange) {
        if (!ReceiverEndpoint.WEBHOOK_PATH.equals(exchange.getRequestPath())) {
            refuse(exchange, StatusCodes.NOT_FOUND, "not found: Alertmanager posts to " + ReceiverEndpoint.WEBHOOK_PATH);
            return;
        }
        if (!Methods.POST.equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "POST");
            refuse(exchange, StatusCodes.METHOD_NOT_ALLOWED, "method not allowed: POST a webhook notification");
            return;
        }
        String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            refuse(exchange, StatusCodes.UNSUPPORTED_MEDIA_TYPE, "send JSON (Content-Type: application/json)");
            return;
        }
        if (exchange.getRequestContentLength() > MAX_BODY_BYTES) {
            refuse(exchange, StatusCodes.REQUEST_ENTITY_TOO_LARGE, tooLarge());
            return;
        }
        // Undertow's IDLE_TIMEOUT did not end a connection that stalled mid-body (measured: still open after 30 s),
        // so the body has its own deadline. The timer, the read and both callbacks all run on the connection's IO
        // thread: no race between them.
        XnioExecutor.Key deadline = exchange.getIoThread().executeAfter(() -> {
            LOG.debug("closing a webhook connection whose body did not arrive within {} ms", BODY_TIMEOUT_MS);
            IoUtils.safeClose(exchange.getConnection());
        }, BODY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        exchange.getRequestReceiver().setMaxBufferSize(MAX_BODY_BYTES);
        exchange.getRequestReceiver().receiveFullBytes(
                (ex, body) -> {
                    deadline.remove();
                    ex.dispatch(() -> accept(ex, body));
                },
                (ex, e) -> {
                    deadline.remove();
                    if (e instanceof Receiver.RequestToLargeException) {
                        refuse(ex, StatusCodes.REQUEST_ENTITY_TOO_LARGE, tooLarge());
                    } else {
                        // The client left, or its body missed the deadline and the connection was closed: nobody to answer.
                        LOG.debug("webhook body not received: {}", e.getMessage());
                        ex.setPersistent(false);
                        ex.endExchange();
                    }
                });
    }

    /** On a worker thread: parse, hand over, answer. */
    private void accept(HttpServerExchange exchange, byte[] body) {
        WebhookMessage message;
        try {
            message = WebhookJson.parse(body);
        } catch (BadWebhookException e) {
            LOG.info("refused a webhook notification: {}", e.getMessage());
            answer(exchange, StatusCodes.BAD_REQUEST, "bad notification: " + e.getMessage());
            return;
        }
        try {
            listener.accept(message);
        } catch (RuntimeException e) {
            LOG.warn("a webhook notification could not be shown: {}", e.toString());
            answer(exchange, StatusCodes.INTERNAL_SERVER_ERROR, "the console could not take the notification");
            return;
        }
        answer(exchange, StatusCodes.OK, "ok");
    }

    private static String tooLarge() {
        return "too large: a notification must be under " + (MAX_BODY_BYTES / 1024) + " KB";
    }

    /** Answers before the body was read: the connection is closed after, rather than reading what is left. */
    private static void refuse(HttpServerExchange exchange, int status, String text) {
        exchange.setPersistent(false);
        answer(exchange, status, text);
    }

    private static void answer(HttpServerExchange exchange, int status, String text) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send(text + "\n");
    }

    /** Stops listening, closes the connections and stops the threads; idempotent. */
    @Override
    public void close() {
        server.stop();
    }

    private void closeQuietly() {
        try {
            server.stop();
        } catch (RuntimeException e) {
            LOG.debug("stopping a receiver that did not start: {}", e.toString());
        }
    }
}
