package dev.mlobservatory.console.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the console's receiver in tests: the JDK's HTTP server on 127.0.0.1 and a free port, recording each
 * webhook body Alertmanager posts with the instant it arrived.
 */
final class WebhookRecorder implements ReceiverEndpoint, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One notification as it arrived. */
    record Received(Instant at, JsonNode body) {
        String status() {
            return body.path("status").asText();
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    WebhookRecorder() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(WEBHOOK_PATH, exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(new Received(Instant.now(), JSON.readTree(in)));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    /** The first notification with {@code status} (firing or resolved) within {@code bound}; others are skipped. */
    Received await(String status, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        for (long left; (left = deadline - System.nanoTime()) > 0; ) {
            Received r = received.poll(left, TimeUnit.NANOSECONDS);
            if (r != null && r.status().equals(status)) {
                return r;
            }
        }
        throw new AssertionError("no " + status + " notification within " + bound.toSeconds() + " s");
    }

    @Override
    public String localUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + WEBHOOK_PATH;
    }

    @Override
    public String openForDocker() {
        return null;
    }

    @Override
    public void closeForDocker() {
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
