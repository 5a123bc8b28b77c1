package dev.mlobservatory.console.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.prom.PrometheusClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Names load when Prometheus is handed over, and keep being asked for while it is still starting: a stand-in
 * server first refuses (503), then knows no names yet, then answers.
 */
class CompletionNamesRetryTest {

    private HttpServer server;
    private ScheduledExecutorService executor;
    private final AtomicInteger nameRequests = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/label/__name__/values", ex -> {
            int n = nameRequests.incrementAndGet();
            if (n == 1) {
                answer(ex, 503, "Service Unavailable");
            } else if (n == 2) {
                answer(ex, 200, "{\"status\":\"success\",\"data\":[]}");
            } else {
                answer(ex, 200, "{\"status\":\"success\",\"data\":[\"ml_predictions_total\",\"up\"]}");
            }
        });
        server.createContext("/api/v1/labels", ex ->
                answer(ex, 200, "{\"status\":\"success\",\"data\":[\"__name__\",\"job\"]}"));
        server.start();
        executor = AppExecutor.create();
    }

    @AfterEach
    void stop() {
        AppExecutor.shutdown(executor);
        server.stop(0);
    }

    private static void answer(HttpExchange ex, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(code, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Test
    void namesArriveWithoutAQueryOnceAStartingPrometheusAnswers() throws Exception {
        SimpleObjectProperty<PrometheusClient> prometheus = new SimpleObjectProperty<>();
        QueryModel model = new QueryModel(executor, FxThread.direct(), prometheus);
        model.start();
        try {
            assertThat(model.metricNames()).isEmpty();
            prometheus.set(new PrometheusClient("http://127.0.0.1:" + server.getAddress().getPort(),
                    PrometheusClient.defaultHttp()));

            await("names after the retries", () -> model.metricNames().contains("ml_predictions_total"));
            assertThat(model.labelNames()).containsExactly("job");
            assertThat(nameRequests.get()).isGreaterThanOrEqualTo(3);
            assertThat(model.namesStatusProperty().get()).isEqualTo("2 metric names, 1 label names");

            // Names known: no more asking (beyond a retry that was already on its way).
            int asked = nameRequests.get();
            model.stop();
            assertThat(nameRequests.get()).isLessThanOrEqualTo(asked + 1);
        } finally {
            model.stop();
        }
    }

    /** Polls until the condition holds; fails after 15 s. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
