package dev.mlobservatory.api;

import dev.mlobservatory.api.chaos.FaultInjector;
import dev.mlobservatory.api.drift.DriftMonitor;
import dev.mlobservatory.api.http.Routes;
import dev.mlobservatory.api.metrics.ApiMetrics;
import dev.mlobservatory.api.metrics.ProcessStats;
import dev.mlobservatory.api.model.ModelCatalog;
import dev.mlobservatory.api.model.TrainedModel;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prediction API as a library: trains the models, registers the metrics, warms the request path up
 * ({@link WarmUp}, off the metrics) and serves HTTP until {@link #close()}. The CLI ({@link ApiMain}) and the
 * console's in-process mode both start it this way, so both are ready only once warm.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    /**
     * Worker threads for predictions. A prediction holds its thread for its whole duration, so with a slow model
     * (fault injection, or a real one) the pool bounds throughput at threads / latency: 64 keep 40 req/s of
     * 1.2 s predictions flowing, where Undertow's default (8 per core) would queue them and hide the latency.
     */
    static final int WORKER_THREADS = 64;
    /** After the drain, how long running tasks get before they are interrupted: a stop must end regardless. */
    private static final Duration STOP_GRACE = Duration.ofMillis(500);

    static {
        // Undertow logs through jboss-logging; route it to SLF4J so there is one log format, unless the host chose.
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
    }

    private final HttpListener listener;
    private final GracefulShutdownHandler graceful;
    private final InetSocketAddress address;
    private final PrometheusRegistry registry;
    private final Duration drain;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ExecutorService ops;
    private final ExecutorService admin;
    private final ProcessStats process;
    private final WarmUp.Report warmUp;

    private ApiServer(HttpListener listener, GracefulShutdownHandler graceful, PrometheusRegistry registry,
                      Duration drain, ExecutorService ops, ExecutorService admin, ProcessStats process,
                      WarmUp.Report warmUp) {
        this.listener = listener;
        this.graceful = graceful;
        this.address = listener.address();
        this.registry = registry;
        this.drain = drain;
        this.ops = ops;
        this.admin = admin;
        this.process = process;
        this.warmUp = warmUp;
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
        ProcessStats process = ProcessStats.start();
        try {
            return start(config, catalog, registry, startNanos, process);
        } catch (RuntimeException e) {
            process.close(); // a server that did not start leaves no sampler thread behind
            throw e;
        }
    }

    private static ApiServer start(ApiConfig config, ModelCatalog catalog, PrometheusRegistry registry,
                                   long startNanos, ProcessStats process) {
        ApiMetrics metrics = new ApiMetrics(registry, process);
        for (TrainedModel model : catalog.all()) {
            metrics.modelAccuracy(model.version(), model.accuracy());
        }
        DriftMonitor drift = new DriftMonitor(catalog.trainingColumns(), catalog.versions());
        FaultInjector faults = new FaultInjector();
        metrics.registerDrift(registry, drift);
        metrics.registerFaults(registry, faults, catalog.versions());
        ExecutorService ops = pool("api-ops", 2, 64);
        ExecutorService admin = pool("api-admin", 1, 16);
        Routes.Pools pools = new Routes.Pools(ops, admin);
        GracefulShutdownHandler graceful = new GracefulShutdownHandler(Routes.create(catalog, metrics, registry,
                startNanos, drift, faults, config.faultsEnabled(), pools, config.limits()));
        HttpListener listener;
        try {
            listener = HttpListener.open(config, WORKER_THREADS, graceful, metrics::connectionRefused,
                    () -> metrics.httpRequest("other", ApiMetrics.UNMATCHED_ROUTE, 400, 0));
        } catch (IOException | RuntimeException e) {
            ops.shutdownNow();
            admin.shutdownNow();
            if (hasCause(e, BindException.class)) {
                throw new PortInUseException(config.host(), config.port(), e);
            }
            throw e instanceof RuntimeException r ? r : new UncheckedIOException(e.getMessage(), (IOException) e);
        }
        // The port is bound (a taken one has failed above) but not accepting: warm up, then serve. A client that
        // connects meanwhile waits in the backlog and is served warm.
        try {
            WarmUp.Report warm = warmUp(catalog, process, config.limits(), pools);
            metrics.registerConnections(registry, listener.cap()::open);
            listener.accept();
            return new ApiServer(listener, graceful, registry, config.limits().drain(), ops, admin, process, warm);
        } catch (RuntimeException | Error e) {
            listener.close(STOP_GRACE); // a start that failed holds no port
            ops.shutdownNow();
            admin.shutdownNow();
            throw e;
        }
    }

    /** The warm-up, or an empty report when even its rehearsal could not start: a cold start is still a start. */
    private static WarmUp.Report warmUp(ModelCatalog catalog, ProcessStats process, ServerLimits limits,
                                        Routes.Pools pools) {
        long t0 = System.nanoTime();
        try {
            WarmUp.Report report = WarmUp.run(catalog, process, limits, pools);
            if (report.unexpected() > 0) {
                LOG.warn("warm-up: {}; the first requests may be slow", report.describe());
            } else if (report.cutShort()) {
                LOG.info("warm-up: {} (a busy machine); the first requests may be slower than the rest",
                        report.describe());
            }
            return report;
        } catch (IOException | RuntimeException e) {
            LOG.warn("warm-up skipped ({}); the first requests may be slow", e.toString());
            return new WarmUp.Report(0, 0, Duration.ofNanos(System.nanoTime() - t0), false, Set.of());
        }
    }

    /**
     * A small pool of named daemon threads with a bounded queue; beyond it the request gets 503.
     * {@code api-ops} (2 threads) serves /health and runs scrapes: a scrape takes about a millisecond, and two keep a
     * second Prometheus (or a curl) from waiting behind the first. {@code api-admin} (1 thread) serves /admin, so
     * neither admin commands nor slow predictions can take the threads the scrape needs.
     */
    private static ExecutorService pool(String name, int threads, int queue) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
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

    /** What the warm-up before the first client did (none of it is in {@link #registry()}). */
    public WarmUp.Report warmUp() {
        return warmUp;
    }

    /**
     * Stops accepting, gives requests in flight the drain period, then closes every connection and stops, interrupting
     * whatever still runs after a short grace. Returns within drain + about half a second whatever the clients do
     * (a client with an unfinished body used to hold a stop for as long as it stayed connected). Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        graceful.shutdown();
        listener.stopAccepting();
        try {
            if (!graceful.awaitShutdown(drain.toMillis())) {
                LOG.warn("requests still in flight after {} ms; closing anyway", drain.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        listener.close(STOP_GRACE);
        ops.shutdownNow();
        admin.shutdownNow();
        process.close();
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
