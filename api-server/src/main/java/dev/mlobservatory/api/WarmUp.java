package dev.mlobservatory.api;

import dev.mlobservatory.api.chaos.FaultInjector;
import dev.mlobservatory.api.drift.DriftMonitor;
import dev.mlobservatory.api.http.Routes;
import dev.mlobservatory.api.metrics.ApiMetrics;
import dev.mlobservatory.api.metrics.ProcessStats;
import dev.mlobservatory.api.model.IrisSampler;
import dev.mlobservatory.api.model.ModelCatalog;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the request path before the API accepts its first client, so the first seconds of a demo are not a spike of
 * class loading, JIT compilation and first connections (350–850 ms for the first requests of a fresh start, which set
 * the latency chart's scale for minutes).
 *
 * <p>The requests go over real loopback connections to a rehearsal of the server: the same route table, endpoints and
 * models, but its own registry, drift monitor and fault injector, thrown away afterwards. So the warm-up runs every
 * class and method the real requests run (routing, body reading, JSON parse, both models' predict, JSON write, the
 * error path, the metrics' recording and a scrape) and none of it reaches the real metrics: no count, no histogram
 * observation, no drift input. Only what the process itself measures (its CPU, the JVM's memory and GC) sees it, as it
 * sees model training.
 */
public final class WarmUp {

    /**
     * Requests at most, so a fast machine stops early. Most of a cold request's cost is one-off (class loading,
     * Jackson building its serializers, first connections) and goes with the first few requests: here the first took
     * 0.5–0.8 s, the next ones 5–15 ms. The rest is the interpreter, and HotSpot compiles a method with C1 after about
     * 200 calls: 1500 requests, over half of them predictions, take each version's predict path well past that.
     */
    static final int MAX_REQUESTS = 1500;
    /**
     * Time at most (after one request of each kind), however slow the machine: the warm-up delays the API's "ready"
     * (and the console's Start) by about this much. Measured on this project's 2-core machine, shared with other
     * builds, a second held 180–440 requests, and afterwards no prediction of the first five seconds of 40 req/s took
     * over 25 ms (before: 12–32 took over 100 ms, up to 1 s). A second is well inside the container health check's
     * 5 s timeout and 20 s start period, and small beside Prometheus's own start in Local mode.
     */
    static final Duration MAX_TIME = Duration.ofSeconds(1);
    /** Client threads: several requests in flight at once, as from the traffic engine, on a few connections. */
    private static final int CLIENTS = 4;
    /** Per request: far above a cold one (about a second on a busy machine), short enough that a hung one cannot stall
     * a start for long. */
    private static final int TIMEOUT_MS = 5000;
    /** The kinds of request in the mix ({@link #request}): one of each is sent whatever the time. */
    static final int KINDS = 16;

    /** Prometheus text: what curl gets. */
    static final String TEXT = "text/plain";
    /** What Prometheus 2.x, and 3.x without native histograms, asks for: OpenMetrics. */
    static final String OPENMETRICS = "application/openmetrics-text;version=1.0.0,text/plain;q=0.5";
    /**
     * What Prometheus 3.5 asks for with native histograms on (captured from a real scrape): protobuf, the only format
     * that carries them. Its writer is a class tree of its own (the protobuf runtime, shaded, and the generated
     * messages): without this in the mix, Prometheus's first scrape of a fresh API loaded and interpreted it,
     * 170–290 ms on this project's busy 2-core machine; with it 30–140 ms (six alternated starts each, load 6–8).
     */
    static final String PROMETHEUS_NATIVE = "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;"
            + "encoding=delimited;q=0.6,application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.5,"
            + "application/openmetrics-text;version=0.0.1;q=0.4,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.3,"
            + "text/plain;version=0.0.4;q=0.2,*/*;q=0.1";

    /**
     * What the warm-up did.
     *
     * @param requests requests sent
     * @param unexpected requests that got no answer, or not the status they ask for (each asks for 200 or 400)
     * @param took from opening the rehearsal to closing it
     * @param cutShort stopped by {@link #MAX_TIME} rather than by {@link #MAX_REQUESTS}
     * @param scrapeFormats the Content-Types of the scrapes answered: the exposition formats warmed up
     */
    public record Report(int requests, int unexpected, Duration took, boolean cutShort, Set<String> scrapeFormats) {

        public Report {
            if (requests < 0 || unexpected < 0 || unexpected > requests) {
                throw new IllegalArgumentException("requests and unexpected must satisfy 0 <= unexpected <= requests,"
                        + " got " + requests + " and " + unexpected);
            }
            if (took == null || took.isNegative()) {
                throw new IllegalArgumentException("took must be zero or more, got " + took);
            }
            if (scrapeFormats == null) {
                throw new IllegalArgumentException("scrapeFormats must be a set (empty when none), got null");
            }
            scrapeFormats = Set.copyOf(scrapeFormats);
        }

        /** For the log: e.g. "1500 requests in 420 ms", "644 requests in 1012 ms, stopped at its time limit". */
        public String describe() {
            return requests + " requests in " + took.toMillis() + " ms"
                    + (cutShort ? ", stopped at its time limit" : "")
                    + (unexpected > 0 ? ", " + unexpected + " not answered as expected" : "");
        }
    }

    private WarmUp() {
    }

    /**
     * Serves a rehearsal of the API on a free loopback port and sends it the warm-up requests; returns when they are
     * done or the time is up. Never throws for a failed request: a cold start is slower, not broken.
     */
    static Report run(ModelCatalog catalog, ProcessStats process, ServerLimits limits, Routes.Pools pools)
            throws IOException {
        long start = System.nanoTime();
        PrometheusRegistry scratch = new PrometheusRegistry();
        ApiMetrics metrics = ApiMetrics.withoutJvmMetrics(scratch, process);
        DriftMonitor drift = new DriftMonitor(catalog.trainingColumns(), catalog.versions());
        FaultInjector faults = new FaultInjector();
        metrics.registerDrift(scratch, drift);
        metrics.registerFaults(scratch, faults, catalog.versions());
        ApiConfig config = new ApiConfig(ApiConfig.DEFAULT_HOST, 0, false, limits);
        HttpListener rehearsal = HttpListener.open(config, ApiServer.WORKER_THREADS,
                Routes.create(catalog, metrics, scratch, start, drift, faults, false, pools, limits), () -> { }, () -> { });
        try {
            rehearsal.accept();
            return send(rehearsal.address().getPort(), catalog.versions(), start);
        } finally {
            rehearsal.close(Duration.ofMillis(100));
        }
    }

    private static Report send(int port, List<String> versions, long start) {
        long deadline = start + MAX_TIME.toNanos();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger unexpected = new AtomicInteger();
        AtomicBoolean cutShort = new AtomicBoolean();
        Set<String> scrapeFormats = ConcurrentHashMap.newKeySet();
        AtomicInteger n = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS, r -> {
            Thread t = new Thread(r, "api-warm-up-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                SplittableRandom random = new SplittableRandom(c);
                done.add(clients.submit(() -> {
                    try (LoopbackClient client = new LoopbackClient(port, TIMEOUT_MS)) {
                        for (int i = next.getAndIncrement(); i < MAX_REQUESTS; i = next.getAndIncrement()) {
                            if (i >= KINDS && System.nanoTime() - deadline > 0) {
                                cutShort.set(true);
                                return;
                            }
                            if (!request(client, i, versions, random, scrapeFormats)) {
                                unexpected.incrementAndGet();
                            }
                            completed.incrementAndGet();
                        }
                    }
                }));
            }
            // However the rehearsal behaves, the start waits no longer than this: then the clients are abandoned (their
            // sockets time out, and closing the rehearsal ends their reads at once).
            long giveUp = deadline + TimeUnit.MILLISECONDS.toNanos(2L * TIMEOUT_MS);
            for (Future<?> f : done) {
                f.get(Math.max(0, giveUp - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cutShort.set(true);
        } catch (ExecutionException | TimeoutException e) {
            cutShort.set(true); // a client stuck past its timeouts: start anyway
        } finally {
            clients.shutdownNow();
        }
        int answered = completed.get();
        return new Report(answered, Math.min(unexpected.get(), answered), Duration.ofNanos(System.nanoTime() - start),
                cutShort.get(), scrapeFormats);
    }

    /**
     * Request {@code i} of the mix: mostly single predictions alternating between versions, and now and then a batch,
     * each kind of invalid body the traffic engine sends, {@code /health}, and a scrape in each format a scraper can
     * get (text, OpenMetrics, protobuf), each its own kind so that all three are warm whatever the time.
     *
     * @param scrapeFormats where a scrape's answered Content-Type goes
     * @return whether it got the status it asks for
     */
    private static boolean request(LoopbackClient client, int i, List<String> versions, SplittableRandom random,
                                   Set<String> scrapeFormats) {
        // Alternate versions, and swap the pattern every round, so each kind (batch, bad bodies) reaches both.
        String predict = "/" + versions.get((i + i / KINDS) % versions.size()) + "/predict";
        return switch (i % KINDS) {
            case 1 -> scrape(client, TEXT, scrapeFormats);
            case 3 -> exchange(client, "POST", predict, batch(random, 1 + i % 10), null, 200);
            case 5 -> exchange(client, "POST", predict, "{\"sepal_length\":5.1,", null, 400);
            case 7 -> exchange(client, "POST", predict,
                    "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4}", null, 400);
            case 9 -> exchange(client, "POST", predict, flower(new double[] {5.1, 3.5, 1.4, -0.2}), null, 400);
            case 11 -> exchange(client, "GET", "/health", null, null, 200);
            case 13 -> scrape(client, OPENMETRICS, scrapeFormats);
            case 15 -> scrape(client, PROMETHEUS_NATIVE, scrapeFormats);
            default -> exchange(client, "POST", predict, flower(IrisSampler.flower(random, 0)), null, 200);
        };
    }

    private static boolean scrape(LoopbackClient client, String accept, Set<String> scrapeFormats) {
        boolean answered = exchange(client, "GET", "/metrics", null, accept, 200);
        if (answered && client.contentType() != null) {
            scrapeFormats.add(client.contentType());
        }
        return answered;
    }

    private static boolean exchange(LoopbackClient client, String method, String path, String body, String accept,
                                    int expected) {
        try {
            return client.exchange(method, path, body, accept) == expected;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String batch(SplittableRandom random, int rows) {
        StringBuilder sb = new StringBuilder("{\"instances\":[");
        for (int r = 0; r < rows; r++) {
            sb.append(r == 0 ? "" : ",").append(flower(IrisSampler.flower(random, 0)));
        }
        return sb.append("]}").toString();
    }

    private static String flower(double[] f) {
        return String.format(Locale.ROOT, "{\"sepal_length\":%s,\"sepal_width\":%s,\"petal_length\":%s,"
                + "\"petal_width\":%s}", f[0], f[1], f[2], f[3]);
    }
}
