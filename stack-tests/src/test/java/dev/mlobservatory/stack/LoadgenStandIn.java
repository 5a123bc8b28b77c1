package dev.mlobservatory.stack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves the traffic engine's metric names (loadgen_*) with counts that grow at every scrape, so the dashboard's
 * "Client vs server" queries have data here, where the console (and its engine) is not a dependency. The real
 * engine's names and the same queries are checked against Prometheus in desktop-app's LoadgenScrapeLiveTest.
 */
final class LoadgenStandIn implements AutoCloseable {

    private final HttpServer server;
    private final AtomicLong count = new AtomicLong();

    LoadgenStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/metrics", exchange -> {
            long n = count.addAndGet(10);
            String text = "# TYPE loadgen_requests_total counter\n"
                    + "loadgen_requests_total{outcome=\"ok\"} " + n + "\n"
                    + "loadgen_requests_total{outcome=\"dropped\"} 0\n"
                    + "# TYPE loadgen_request_duration_seconds histogram\n"
                    + "loadgen_request_duration_seconds_bucket{le=\"0.001\"} " + n / 2 + "\n"
                    + "loadgen_request_duration_seconds_bucket{le=\"0.01\"} " + n + "\n"
                    + "loadgen_request_duration_seconds_bucket{le=\"+Inf\"} " + n + "\n"
                    + "loadgen_request_duration_seconds_sum " + n * 0.002 + "\n"
                    + "loadgen_request_duration_seconds_count " + n + "\n";
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String target() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
