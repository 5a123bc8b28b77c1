package dev.mlobservatory.console.traffic;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Open-model load: requests start at the target arrival rate whatever the responses do (like wrk2 or k6's
 * constant-arrival-rate), so a slow server shows as latency instead of hiding behind fewer requests. Latency is
 * measured from each request's intended start (coordinated omission corrected). One engine runs once:
 * {@link #start()}, change settings or {@link #burst} while it runs, then {@link #close()}.
 */
public final class TrafficEngine implements AutoCloseable {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final long SECOND = 1_000_000_000L;
    /** While paused (rate 0) the pacer still wakes this often, to tick the per-second snapshots. */
    private static final long IDLE_PARK = 50_000_000L;
    /** On stop, requests in flight get this long to finish before they are cancelled. */
    private static final long DRAIN_NANOS = 600_000_000L;
    /** Upper bound on waiting for the engine's own threads to end after cancelling: only a hang ever takes it. */
    private static final long THREAD_STOP_MILLIS = 5_000;

    private final HttpUrl base;
    private final AtomicReference<TrafficSettings> settings;
    private final FlowerGenerator generator = new FlowerGenerator();
    private final SplittableRandom random;
    private final TrafficStats stats;
    private final LoadgenMetrics metrics;
    private final LatencyWindow window;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, HttpUrl> urls = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor httpThreads;
    private final OkHttpClient client;
    private final Thread pacer;

    private volatile boolean running;
    private volatile boolean stopped;
    private volatile long burstUntil;
    private volatile double burstFactor = 1;
    private volatile long startNanos;
    private volatile TrafficSnapshot summary;

    /**
     * @param baseUrl the API, e.g. {@code http://127.0.0.1:8080}
     * @param initial what to send at first
     * @param seed seeds flower, error and model choice (arrival times of Poisson traffic too)
     */
    public TrafficEngine(String baseUrl, TrafficSettings initial, long seed) {
        this(baseUrl, initial, seed, null);
    }

    /**
     * @param window where each response's latency also goes, by the wall-clock second it arrived in (it outlives
     *     the engine: the console's one window gets every run's); null for none
     */
    public TrafficEngine(String baseUrl, TrafficSettings initial, long seed, LatencyWindow window) {
        this(baseUrl, initial, seed, window, null);
    }

    /**
     * @param metrics where the run is also counted for Prometheus ({@code loadgen_*}); null for none (the
     *     engine's own counts and percentiles work either way)
     */
    public TrafficEngine(String baseUrl, TrafficSettings initial, long seed, LatencyWindow window,
                         LoadgenMetrics metrics) {
        this.window = window;
        this.metrics = metrics;
        this.stats = new TrafficStats(metrics);
        HttpUrl parsed = HttpUrl.parse(baseUrl);
        if (parsed == null) {
            throw new IllegalArgumentException("not an http(s) URL: '" + baseUrl + "'");
        }
        this.base = parsed;
        this.settings = new AtomicReference<>(initial);
        this.random = new SplittableRandom(seed);
        AtomicInteger n = new AtomicInteger();
        this.httpThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> daemon(r, "traffic-http-" + n.incrementAndGet()));
        Dispatcher dispatcher = new Dispatcher(httpThreads);
        // The engine enforces the cap itself (and counts what it drops); OkHttp must never queue silently.
        dispatcher.setMaxRequests(10_000);
        dispatcher.setMaxRequestsPerHost(10_000);
        this.client = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(64, 30, TimeUnit.SECONDS))
                .connectTimeout(Duration.ofSeconds(2))
                .callTimeout(Duration.ofSeconds(30))
                .retryOnConnectionFailure(false)
                .build();
        this.pacer = daemon(this::pace, "traffic-pacer");
    }

    public TrafficEngine(String baseUrl, TrafficSettings initial) {
        this(baseUrl, initial, System.nanoTime());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    public synchronized void start() {
        if (running || stopped) {
            throw new IllegalStateException("a traffic engine runs once; create a new one");
        }
        running = true;
        if (metrics != null) {
            metrics.started(this);
        }
        startNanos = System.nanoTime();
        pacer.start();
    }

    public TrafficSettings settings() {
        return settings.get();
    }

    /** Changes what is sent from the next arrival on. */
    public void update(UnaryOperator<TrafficSettings> change) {
        settings.updateAndGet(change);
    }

    /** Multiplies the rate by {@code factor} for {@code duration}, then returns to the set rate by itself. */
    public void burst(double factor, Duration duration) {
        if (!(factor > 0 && factor <= 1000)) {
            throw new IllegalArgumentException("burst factor must be in (0, 1000], got " + factor);
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("burst duration must be between 0 and 10 minutes, got " + duration);
        }
        burstFactor = factor;
        burstUntil = System.nanoTime() + duration.toNanos();
    }

    public boolean bursting() {
        return System.nanoTime() - burstUntil < 0;
    }

    /** The arrival rate in force now, burst included. */
    public double effectiveRate() {
        double rate = settings.get().ratePerSecond() * (bursting() ? burstFactor : 1);
        return Math.min(rate, TrafficSettings.MAX_RATE);
    }

    public boolean running() {
        return running;
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** The last complete second, or null before the first one ends. Safe from any thread. */
    public TrafficSnapshot latest() {
        return stats.latest();
    }

    /** The per-second snapshots so far (the last hour at most), oldest first. */
    public List<TrafficSnapshot> history() {
        return stats.history();
    }

    /** The whole run, once {@link #close()} has returned; null before. */
    public TrafficSnapshot summary() {
        return summary;
    }

    /**
     * The arrival loop: sleeps until the next intended start, fires, and closes each second's snapshot. An arrival
     * meant for the second that is ending goes out before that second's snapshot, even when this thread wakes late
     * (a busy machine): each snapshot then counts exactly the arrivals intended in its second.
     */
    private void pace() {
        long nextTick = startNanos + SECOND;
        long next = startNanos;
        double lastRate = effectiveRate();
        if (metrics != null) {
            metrics.targetRate(lastRate);
        }
        if (lastRate > 0) {
            // The run's clock starts in start(), not when this thread first gets a core: a late start of the thread
            // must not make the first second short.
            next = startNanos + gapNanos(lastRate, settings.get().arrivals());
        }
        // The target of a second is the rate that applied during it, time-weighted: a burst that starts at 10 s
        // belongs to the row of second 11, not to the row of second 10 it did not touch.
        double rateSeconds = 0;
        long rateSince = startNanos;
        while (running) {
            long now = System.nanoTime();
            double rate = effectiveRate();
            long upTo = now - nextTick < 0 ? now : nextTick;
            if (upTo - rateSince > 0) {
                rateSeconds += lastRate * (upTo - rateSince) / (double) SECOND;
                rateSince = upTo;
            }
            if (rate > 0 && lastRate <= 0) {
                // Resuming: the first arrival is one gap away (so T seconds hold rate x T arrivals), and no backlog
                // builds up for arrivals that were never due while paused.
                next = now + gapNanos(rate, settings.get().arrivals());
            }
            if (rate != lastRate && metrics != null) {
                metrics.targetRate(rate);
            }
            lastRate = rate;
            if (rate > 0 && next - now <= 0 && next - nextTick < 0) {
                fire(next);
                next += gapNanos(rate, settings.get().arrivals());
                continue;
            }
            if (now - nextTick >= 0) {
                // Rounded to a millionth: a second at a constant 50/s reads 50, not the sum's 49.999999999999986.
                stats.tick((double) (nextTick - startNanos) / SECOND, Math.round(rateSeconds * 1e6) / 1e6);
                rateSeconds = 0;
                nextTick += SECOND;
                continue;
            }
            if (rate <= 0) {
                LockSupport.parkNanos(Math.min(IDLE_PARK, nextTick - now));
                continue;
            }
            if (next - now > 0) {
                LockSupport.parkNanos(Math.min(next - now, nextTick - now));
                continue;
            }
            fire(next);
            next += gapNanos(rate, settings.get().arrivals());
        }
    }

    private long gapNanos(double rate, TrafficSettings.Arrivals arrivals) {
        double mean = SECOND / rate;
        if (arrivals == TrafficSettings.Arrivals.POISSON) {
            return Math.max(1, (long) (-Math.log(1 - random.nextDouble()) * mean));
        }
        return Math.max(1, (long) mean);
    }

    private void fire(long intendedNanos) {
        if (inFlight.get() >= settings.get().maxInFlight()) {
            stats.dropped();
            return;
        }
        TrafficSettings s = settings.get();
        FlowerGenerator.Body body = generator.next(random, s.errorRatio(), s.drift());
        HttpUrl url = urls.computeIfAbsent(s.mix().pick(random),
                v -> base.newBuilder().addPathSegment(v).addPathSegment("predict").build());
        Request request = new Request.Builder().url(url).post(RequestBody.create(body.json(), JSON)).build();
        inFlight.incrementAndGet();
        if (metrics != null) {
            metrics.requestStarted();
        }
        stats.sent();
        client.newCall(request).enqueue(new Callback() {
            @Override
            public void onResponse(Call call, Response response) {
                try (ResponseBody b = response.body()) {
                    b.bytes(); // read to the end, so the connection goes back to the pool
                    long latency = System.nanoTime() - intendedNanos;
                    stats.response(response.code(), latency);
                    if (window != null) {
                        window.record(System.currentTimeMillis(), latency);
                    }
                } catch (IOException e) {
                    stats.transportError();
                } finally {
                    ended();
                }
            }

            @Override
            public void onFailure(Call call, IOException e) {
                if (!call.isCanceled()) {
                    stats.transportError();
                }
                ended();
            }
        });
    }

    private void ended() {
        inFlight.decrementAndGet();
        if (metrics != null) {
            metrics.requestEnded();
        }
    }

    /**
     * Stops arrivals, lets requests in flight finish for up to 0.6 s, cancels the rest, and stops every thread
     * the engine started. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        boolean wasRunning = running;
        running = false;
        // The run ends when arrivals stop; draining the last responses is not part of the measured interval.
        long endNanos = System.nanoTime();
        if (wasRunning) {
            LockSupport.unpark(pacer);
            // Joined before the cancel below, so no arrival can start after it. The pacer parks 50 ms at most,
            // so this returns at once unless the machine is starved; the bound only guards against a hang.
            try {
                pacer.join(THREAD_STOP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long deadline = System.nanoTime() + DRAIN_NANOS;
            while (inFlight.get() > 0 && System.nanoTime() - deadline < 0) {
                LockSupport.parkNanos(5_000_000L);
            }
        }
        client.dispatcher().cancelAll();
        httpThreads.shutdownNow();
        try {
            // Cancelled calls end at once; waiting for their threads means that when close() returns nothing of
            // the engine runs any more and in-flight is 0, also on a busy machine where 300 ms was not always enough.
            httpThreads.awaitTermination(THREAD_STOP_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.connectionPool().evictAll();
        if (metrics != null) {
            metrics.stopped(this);
        }
        if (wasRunning) {
            double seconds = (endNanos - startNanos) / (double) SECOND;
            // The last, partial interval: at the rate in force when arrivals stopped.
            stats.tick(seconds, effectiveRate());
            summary = stats.total(seconds, settings.get().ratePerSecond());
        }
    }
}
