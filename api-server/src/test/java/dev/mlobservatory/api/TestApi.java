package dev.mlobservatory.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlobservatory.api.model.ModelCatalog;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A real {@link ApiServer} for a test: started by the constructor on 127.0.0.1 and a free port (port 0) with a fresh
 * registry, optionally with /admin/faults and with other {@link ServerLimits} (e.g. {@link #QUICK}), and stopped by
 * {@link #close()}, CPU sampler included. Beside it, an HTTP/1.1 client ({@link TestClient}: 5 s to connect, 10 s per request, never retried) and
 * helpers for JSON bodies, scrapes and flowers. Models are trained once per test JVM and shared by every instance:
 * they are immutable, and training them is not what the tests test. Shipped in api-server's test jar, so
 * stack-tests and the console's tests start the same server.
 */
public final class TestApi implements AutoCloseable {

    private static ModelCatalog catalog;
    private static final ObjectMapper JSON = new ObjectMapper();

    public final ApiServer server;
    public final PrometheusRegistry registry = new PrometheusRegistry();
    private final TestClient client = new TestClient();

    public TestApi() {
        this(false);
    }

    /** @param faults serve /admin/faults, as the console's in-process API and the compose service do */
    public TestApi(boolean faults) {
        this(faults, ServerLimits.DEFAULTS);
    }

    /** With {@code limits} instead of the defaults, e.g. {@link #QUICK} so a test sees a timeout in about a second. */
    public TestApi(boolean faults, ServerLimits limits) {
        server = ApiServer.start(ApiConfig.loopbackAnyPort().withFaults(faults).withLimits(limits), models(), registry);
    }

    /**
     * Limits that act within about a second, so tests of the defences stay short; the tests still allow several
     * seconds more than that before they call something a failure, because the machine is shared.
     */
    public static final ServerLimits QUICK = ServerLimits.DEFAULTS
            .withHeaderTimeout(Duration.ofSeconds(1))
            .withBodyTimeout(Duration.ofSeconds(1))
            .withIdleTimeout(Duration.ofSeconds(2))
            .withDrain(Duration.ofSeconds(1));

    public int port() {
        return server.port();
    }

    /** The live text exposition. */
    public String scrape() {
        return get("/metrics").body();
    }

    public HttpResponse<String> putJson(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The models every instance serves, trained on first use. */
    public static synchronized ModelCatalog models() {
        if (catalog == null) {
            catalog = ModelCatalog.trainDefault();
        }
        return catalog;
    }

    /** Sends {@code builder}'s request with a 10 s timeout and returns the response, its body as a string. */
    public HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return client.send(builder.timeout(Duration.ofSeconds(10)).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> postJson(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    public static String flower(double sl, double sw, double pl, double pw) {
        return String.format(java.util.Locale.ROOT,
                "{\"sepal_length\":%s,\"sepal_width\":%s,\"petal_length\":%s,\"petal_width\":%s}", sl, sw, pl, pw);
    }

    @Override
    public void close() {
        server.close();
        client.close();
    }
}
