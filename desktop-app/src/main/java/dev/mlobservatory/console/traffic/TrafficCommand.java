package dev.mlobservatory.console.traffic;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code observatory traffic}: runs the traffic engine from the command line, one line per second. */
@Command(name = "traffic", mixinStandardHelpOptions = true,
        description = {"Sends open-model prediction traffic to the API and reports client-side latency, one line "
            + "per second. Requests start at --rate per second whatever the responses do (open model); latency "
            + "counts from each request's intended start.",
            "Exit codes: 0 done, 1 API unreachable, 2 bad arguments (a metrics port taken, a folder that cannot be "
                + "written included)."})
public final class TrafficCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "API base URL (default ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--rate", defaultValue = "20", description = "Target requests per second (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--duration", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long to run, e.g. 30s, 2m, 500ms (default ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--burst-at", converter = DurationConverter.class, description = "When a burst starts, e.g. 10s.")
    Duration burstAt;

    @Option(names = "--burst-x", defaultValue = "10", description = "Rate multiplier during the burst (default ${DEFAULT-VALUE}).")
    double burstX;

    @Option(names = "--burst-for", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long the burst lasts (default ${DEFAULT-VALUE}).")
    Duration burstFor;

    @Option(names = "--error-ratio", defaultValue = "0", description = "Share of deliberately invalid requests, 0-1.")
    double errorRatio;

    @Option(names = "--mix", defaultValue = "v1=0.7,v2=0.3", description = "Model version weights (default ${DEFAULT-VALUE}).")
    String mix;

    @Option(names = "--drift", defaultValue = "0", description = "Shift of every measurement, in standard deviations.")
    double drift;

    @Option(names = "--poisson", description = "Poisson arrivals instead of evenly spaced ones.")
    boolean poisson;

    @Option(names = "--max-in-flight", defaultValue = "256",
            description = "Cap on outstanding requests; arrivals beyond it are dropped and counted (default ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Option(names = "--warmup", defaultValue = "0s", converter = DurationConverter.class,
            description = "Send at the same rate for this long first, unreported, so the JIT is warm (e.g. 5s).")
    Duration warmup;

    @Option(names = "--seed", description = "Seed for reproducible flowers, errors and model choice.")
    Long seed;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve the engine's own metrics (loadgen_*) on http://HOST:PORT/metrics while it runs, for "
                + "Prometheus to scrape; 0 picks a free port and prints it.")
    Integer metricsPort;

    @Option(names = "--metrics-host", defaultValue = LoadgenExporter.DEFAULT_HOST, paramLabel = "HOST",
            description = "Address the metrics listen on (default ${DEFAULT-VALUE}, this machine only). 0.0.0.0 lets "
                + "another machine's Prometheus scrape them, and anyone else on the network read them.")
    String metricsHost;

    @Option(names = "--metrics-linger", defaultValue = "0s", converter = DurationConverter.class,
            description = "After the run, keep serving the metrics until they have been scraped once more (so "
                + "Prometheus sees the final counts), for this long at most (e.g. 30s).")
    Duration metricsLinger;

    @Option(names = "--summary-json", paramLabel = "FILE", description = "Write the run's summary as JSON.")
    Path summaryJson;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the per-second rows as CSV.")
    Path csv;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        TrafficSettings settings = settings();
        if (duration.isZero() || duration.isNegative()) {
            throw new ParameterException(spec.commandLine(), "--duration must be positive, got " + duration);
        }
        if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
            throw new ParameterException(spec.commandLine(), "--metrics-port must be 0..65535, got " + metricsPort);
        }
        String problem = unreachable(url);
        if (problem != null) {
            err.println("traffic: cannot reach " + url + ": " + problem);
            err.println("Is the API running? Start it with: java -jar api-server/target/api-server.jar");
            return 1;
        }
        // Files and port are claimed before the run, so a typo costs no run; the temporary files go on any exit.
        Path summaryTemp = null;
        LoadgenMetrics metrics = metricsPort == null ? null : new LoadgenMetrics();
        try (RunFiles.Csv rows = csv == null ? null : new RunFiles.Csv(csv);
             LoadgenExporter exporter = metrics == null ? null : LoadgenExporter.start(metrics, metricsHost, metricsPort)) {
            summaryTemp = summaryJson == null ? null : RunFiles.temporaryBeside(summaryJson, "--summary-json");
            return run(settings, metrics, exporter, rows, summaryTemp);
        } catch (java.io.IOException e) {
            err.println("traffic: " + e.getMessage());
            return 2;
        } finally {
            if (summaryTemp != null) {
                try {
                    java.nio.file.Files.deleteIfExists(summaryTemp);
                } catch (java.io.IOException e) {
                    err.println("traffic: could not remove " + summaryTemp + ": " + e.getMessage());
                }
            }
        }
    }

    private int run(TrafficSettings settings, LoadgenMetrics metrics, LoadgenExporter exporter, RunFiles.Csv rows,
                    Path summaryTemp) throws InterruptedException, java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (exporter != null) {
            out.println("metrics: http://" + exporter.target() + "/metrics");
            out.flush();
        }
        if (!warmup.isZero() && !warmup.isNegative()) {
            out.println("warming up for " + warmup.toMillis() / 1000.0 + " s…");
            out.flush();
            try (TrafficEngine warm = new TrafficEngine(url, settings, 0)) {
                warm.start();
                TimeUnit.MILLISECONDS.sleep(warmup.toMillis());
            }
        }
        TrafficEngine engine = new TrafficEngine(url, settings, seed == null ? System.nanoTime() : seed, null, metrics);
        Thread hook = new Thread(engine::close, "traffic-cli-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        long cpu0 = processCpuNanos();
        long wall0 = System.nanoTime();
        out.println(String.format(Locale.ROOT, "traffic to %s: %.1f req/s for %s, mix %s, error ratio %.2f, drift %.2f%s",
                url, rate, duration, settings.mix(), errorRatio, drift, poisson ? ", Poisson arrivals" : ""));
        out.println(TrafficReport.header());
        engine.start();
        long end = wall0 + duration.toNanos();
        // The table has a row for every whole second of the run (a 30 s run ends at row 30): the loop waits for
        // the engine's own clock to close the last one, not only for the wall clock, which started a little earlier.
        long wholeSeconds = duration.toSeconds();
        boolean burstDone = burstAt == null;
        double printed = 0;
        while (true) {
            long now = System.nanoTime();
            if (!burstDone && now - wall0 >= burstAt.toNanos()) {
                engine.burst(burstX, burstFor);
                burstDone = true;
            }
            printed = printRows(out, engine, printed, 1.0);
            if (rows != null) {
                rows.append(engine.history());
            }
            if (now - end >= 0 && (printed >= wholeSeconds || now - end - LAST_ROW_GRACE_NANOS >= 0)) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        engine.close();
        Runtime.getRuntime().removeShutdownHook(hook);
        // A run of 2.5 s ends with the half second after row 2; the few milliseconds after a whole run are no row.
        printRows(out, engine, printed, 0.1);
        double cpuPercent = 100.0 * (processCpuNanos() - cpu0) / (System.nanoTime() - wall0);
        out.println(TrafficReport.summary(engine.summary(), cpuPercent));
        if (rows != null) {
            // Every interval, also a last sliver too short for the printed table: the rows add up to the summary.
            rows.append(engine.history());
            rows.commit();
            out.println("rows: " + csv);
        }
        if (summaryTemp != null) {
            RunFiles.writeSummary(summaryTemp, summaryJson, engine.summary(), cpuPercent);
            out.println("summary: " + summaryJson);
        }
        if (exporter != null && !metricsLinger.isNegative() && !metricsLinger.isZero()) {
            long scraped = metrics.scrapes();
            out.println("serving the final metrics until the next scrape (" + metricsLinger.toMillis() / 1000.0
                    + " s at most)…");
            out.flush();
            long until = System.nanoTime() + metricsLinger.toNanos();
            while (metrics.scrapes() == scraped && System.nanoTime() - until < 0) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        out.flush();
        return 0;
    }

    private TrafficSettings settings() {
        try {
            if (burstAt != null && !(burstX > 0 && burstX <= 1000)) {
                throw new IllegalArgumentException("--burst-x must be in (0, 1000], got " + burstX);
            }
            return new TrafficSettings(rate, poisson ? TrafficSettings.Arrivals.POISSON : TrafficSettings.Arrivals.UNIFORM,
                    ModelMix.parse(mix), errorRatio, drift, maxInFlight);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Null when {@code GET url/health} answers; otherwise a one-line reason. */
    static String unreachable(String url) {
        okhttp3.HttpUrl base = okhttp3.HttpUrl.parse(url);
        if (base == null) {
            return "not an http:// or https:// URL";
        }
        OkHttpClient client = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(3)).build();
        try (Response r = client.newCall(new Request.Builder().url(base.newBuilder().addPathSegment("health").build()).build())
                .execute()) {
            return r.code() == 200 ? null : "GET /health answered " + r.code();
        } catch (java.net.ConnectException e) {
            return "connection refused";
        } catch (java.net.UnknownHostException e) {
            return "unknown host " + base.host();
        } catch (java.io.InterruptedIOException e) {
            return "no answer within 3 s";
        } catch (java.io.IOException e) {
            return e.getMessage();
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** How long past the run's end the table waits for the engine to close its last whole second. */
    private static final long LAST_ROW_GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** Prints the engine's rows after {@code printed} that span at least {@code minSeconds}; the last one printed. */
    private static double printRows(PrintWriter out, TrafficEngine engine, double printed, double minSeconds) {
        for (TrafficSnapshot s : engine.history()) {
            if (s.second() > printed && s.seconds() >= minSeconds - 1e-9) {
                out.println(TrafficReport.line(s));
                printed = s.second();
            }
        }
        out.flush();
        return printed;
    }

    /** Parses 30s, 500ms, 2m, 1h, or a plain number of seconds. */
    public static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            try {
                if (v.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
                }
                double n = Double.parseDouble(v.replaceAll("[smh]$", ""));
                long unit = v.endsWith("h") ? 3_600_000 : v.endsWith("m") ? 60_000 : 1000;
                return Duration.ofMillis(Math.round(n * unit));
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (e.g. 30s, 500ms, 2m)");
            }
        }
    }
}
