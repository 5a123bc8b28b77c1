package dev.mlobservatory.api;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar api-server.jar}: serves the prediction API until SIGTERM or Ctrl+C. */
@Command(name = "api-server", mixinStandardHelpOptions = true, version = "ML Observatory API 0.1.0",
        description = "Serves Iris predictions from two Tribuo models, instrumented for Prometheus.")
public final class ApiMain implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiMain.class);

    @Option(names = "--host", defaultValue = "${env:HOST:-127.0.0.1}",
            description = "Address to bind (env HOST; default ${DEFAULT-VALUE}). Use 0.0.0.0 in a container.")
    String host;

    @Option(names = "--port", defaultValue = "${env:PORT:-8080}",
            description = "TCP port, 0 for any free port (env PORT; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--enable-faults", defaultValue = "${env:ENABLE_FAULTS:-false}",
            description = "Serve GET/PUT /admin/faults to inject latency and errors for classroom demonstrations "
                    + "(env ENABLE_FAULTS). Keep the API on loopback when this is on.")
    boolean faults;

    @Option(names = "--header-timeout", defaultValue = "${env:HEADER_TIMEOUT:-5s}", converter = Units.Time.class,
            description = "Time a request head may take from its first byte; then the connection is closed "
                    + "(env HEADER_TIMEOUT; default ${DEFAULT-VALUE}).")
    Duration headerTimeout;

    @Option(names = "--body-timeout", defaultValue = "${env:BODY_TIMEOUT:-10s}", converter = Units.Time.class,
            description = "Time a request body may take after its head; then 408 and the connection is closed "
                    + "(env BODY_TIMEOUT; default ${DEFAULT-VALUE}).")
    Duration bodyTimeout;

    @Option(names = "--idle-timeout", defaultValue = "${env:IDLE_TIMEOUT:-30s}", converter = Units.Time.class,
            description = "Time a connection may wait for its next request, or its first (env IDLE_TIMEOUT; "
                    + "default ${DEFAULT-VALUE}).")
    Duration idleTimeout;

    @Option(names = "--max-header-size", defaultValue = "${env:MAX_HEADER_SIZE:-8KiB}", converter = Units.Size.class,
            description = "Largest request line plus headers; above it 431, above 4x it the connection is closed "
                    + "(env MAX_HEADER_SIZE; default ${DEFAULT-VALUE}).")
    int maxHeaderSize;

    @Option(names = "--max-connections", defaultValue = "${env:MAX_CONNECTIONS:-512}",
            description = "Open connections at most; one more gets 503 and is closed (env MAX_CONNECTIONS; "
                    + "default ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--drain", defaultValue = "${env:DRAIN:-2s}", converter = Units.Time.class,
            description = "On SIGTERM, time requests in flight get before the server stops regardless (env DRAIN; "
                    + "default ${DEFAULT-VALUE}).")
    Duration drain;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ApiMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        ApiConfig config;
        try {
            config = new ApiConfig(host, port, faults, new ServerLimits(headerTimeout, bodyTimeout, idleTimeout,
                    maxHeaderSize, maxConnections, drain));
        } catch (IllegalArgumentException e) {
            System.err.println("api-server: " + e.getMessage());
            return 2;
        }
        long t0 = System.nanoTime();
        ApiServer server;
        try {
            server = ApiServer.start(config);
        } catch (ApiServer.PortInUseException e) {
            System.err.println("api-server: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            server.close();
            LOG.info("stopped");
            stopped.countDown();
        }, "api-shutdown"));
        LOG.info("ML Observatory API ready at {} in {} ms (models: /v1/predict, /v2/predict; metrics: /metrics{}; "
                        + "warmed up with {}, not counted in the metrics)",
                server.baseUrl(), (System.nanoTime() - t0) / 1_000_000,
                config.faultsEnabled() ? "; fault injection: /admin/faults" : "", server.warmUp().describe());
        stopped.await();
        return 0;
    }
}
