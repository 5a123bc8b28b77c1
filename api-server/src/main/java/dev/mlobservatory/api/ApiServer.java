package dev.mlobservatory.api;

import dev.mlobservatory.api.chaos.FaultInjector;
import dev.mlobservatory.api.drift.DriftMonitor;
import dev.mlobservatory.api.http.Routes;
import dev.mlobservatory.api.metrics.ApiMetrics;
import dev.mlobservatory.api.metrics.ProcessStats;
import dev.mlobservatory.api.model.ModelCatalog;
import dev.mlobservatory.api.model.TrainedModel;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prediction API as a library: trains the models, registers the metrics and serves HTTP until
 * {@link #close()}. The CLI ({@link ApiMain}) and the console's in-process mode both start it this way.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    /**
     * Worker threads for predictions. A prediction holds its thread for its whole duration, so with a slow model
     * (fault injection, or a real one) the pool bounds throughput at threads / latency: 64 keep 40 req/s of
     * 1.2 s predictions flowing, where Undertow's default (8 per core) would queue them and hide the latency.
     */
    static final int WORKER_THREADS = 64;
    /** How long a stop waits for requests in flight before closing connections. */
    private static final long DRAIN_MILLIS = 2_000;

    static {
        // Undertow logs through jboss-logging; route it to SLF4J so there is one log format, unless the host chose.
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
    }

    private final Undertow undertow;
    private final GracefulShutdownHandler graceful;
    private final InetSocketAddress address;
    private final PrometheusRegistry registry;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ExecutorService ops;

    private ApiServer(Undertow undertow, GracefulShutdownHandler graceful, InetSocketAddress address,
                      PrometheusRegistry registry, ExecutorService ops) {
        this.ops = ops;
        this.undertow = undertow;
        this.graceful = graceful;
        this.address = address;
        this.registry = registry;
    }

    /** Starts with freshly trained models and a fresh registry. */
    public static ApiServer start(ApiConfig config) {
        return start(config, ModelCatalog.trainDefault(), new PrometheusRegistry());
    }

    /**
     * Starts on {@code config}'s address with the given models, recording into {@code registry}.
     *
     * @throws PortInUseException when the address is taken
     */
    public static ApiServer start(ApiConfig config, ModelCatalog catalog, PrometheusRegistry registry) {
        long startNanos = System.nanoTime();
        ApiMetrics metrics = new ApiMetrics(registry, new ProcessStats());
        for (TrainedModel model : catalog.all()) {
            metrics.modelAccuracy(model.version(), model.accuracy());
        }
        DriftMonitor drift = new DriftMonitor(catalog.trainingColumns(), catalog.versions());
        FaultInjector faults = new FaultInjector();
        metrics.registerDrift(registry, drift);
        metrics.registerFaults(registry, faults, catalog.versions());
        ExecutorService ops = opsPool();
        GracefulShutdownHandler graceful = new GracefulShutdownHandler(
                Routes.create(catalog, metrics, registry, startNanos, drift, faults, config.faultsEnabled(), ops));
        Undertow undertow = Undertow.builder()
                .addHttpListener(config.port(), config.host())
                .setWorkerThreads(WORKER_THREADS)
                // A guard below the endpoint's own limits for bodies without Content-Length.
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, 1024L * 1024L)
                .setHandler(graceful)
                .build();
        try {
            undertow.start();
        } catch (RuntimeException e) {
            undertow.stop();
            ops.shutdownNow();
            if (hasCause(e, BindException.class)) {
                throw new PortInUseException(config.host(), config.port(), e);
            }
            throw e;
        }
        InetSocketAddress bound = (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
        return new ApiServer(undertow, graceful, bound, registry, ops);
    }

    /**
     * Two threads for /metrics, /health and /admin: a scrape takes about a millisecond, and two keep a second
     * Prometheus (or a curl) from waiting behind the first. The queue is bounded; beyond it Undertow answers 503.
     */
    private static ExecutorService opsPool() {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64), r -> {
            Thread t = new Thread(r, "api-ops-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** The port actually bound (useful when started on port 0). */
    public int port() {
        return address.getPort();
    }

    public String host() {
        return address.getHostString();
    }

    /** Base URL for clients, e.g. {@code http://127.0.0.1:8080}. */
    public String baseUrl() {
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getHostString();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    /** Stops accepting, lets requests in flight finish (up to 2 s), then closes. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        graceful.shutdown();
        try {
            if (!graceful.awaitShutdown(DRAIN_MILLIS)) {
                LOG.warn("requests still in flight after {} ms; closing anyway", DRAIN_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        undertow.stop();
        ops.shutdownNow();
    }

    /** The address is taken by another process. */
    public static final class PortInUseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PortInUseException(String host, int port, Throwable cause) {
            super("port " + port + " on " + host + " is already in use (another API or program is listening there); "
                    + "choose another with --port or stop that program", cause);
        }
    }
}
