package dev.mlobservatory.api;

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

    public static void main(String[] args) {
        System.exit(new CommandLine(new ApiMain()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        ApiConfig config;
        try {
            config = new ApiConfig(host, port, faults);
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
        LOG.info("ML Observatory API ready at {} in {} ms (models: /v1/predict, /v2/predict; metrics: /metrics{})",
                server.baseUrl(), (System.nanoTime() - t0) / 1_000_000,
                config.faultsEnabled() ? "; fault injection: /admin/faults" : "");
        stopped.await();
        return 0;
    }
}
