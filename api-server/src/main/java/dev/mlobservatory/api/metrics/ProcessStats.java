package dev.mlobservatory.api.metrics;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Process CPU and memory for the {@code app_*} gauges. CPU is sampled by the process itself, once a second on a
 * daemon thread, and reported over a fixed trailing window ({@link #CPU_WINDOW}), so a scrape reads the figure
 * without changing it: a curl of /metrics or a second Prometheus no longer alters what the next scrape reports.
 * Memory is read when scraped. {@link #close()} stops the sampler.
 */
public final class ProcessStats implements AutoCloseable {

    /** The trailing window {@code app_cpu_usage_percent} covers; other windows: rate of process_cpu_seconds_total. */
    public static final Duration CPU_WINDOW = Duration.ofSeconds(10);
    /** Time between samples; fixed delay, so two samples are never closer than this even after a stall. */
    static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);
    /** Name of the sampler thread, one per started instance. */
    static final String SAMPLER_THREAD = "process-cpu-sampler";

    private static final Path STATUS = Path.of("/proc/self/status");

    private final LongSupplier wallNanos;
    private final LongSupplier cpuNanos;
    /** Window / period + 1 samples: the oldest and newest of a full ring are one window apart. */
    private final CpuWindow window = new CpuWindow((int) (CPU_WINDOW.toNanos() / SAMPLE_EVERY.toNanos()) + 1);
    private final ScheduledExecutorService sampler;

    /**
     * Samples only when {@link #sample()} is called, from the given clock and CPU counter (nanoseconds; a negative
     * CPU reading means unknown and is skipped): for tests, which drive time themselves.
     */
    ProcessStats(LongSupplier wallNanos, LongSupplier cpuNanos) {
        this(wallNanos, cpuNanos, null);
    }

    private ProcessStats(LongSupplier wallNanos, LongSupplier cpuNanos, ScheduledExecutorService sampler) {
        this.wallNanos = wallNanos;
        this.cpuNanos = cpuNanos;
        this.sampler = sampler;
    }

    /** Takes the first sample now, then one every {@link #SAMPLE_EVERY} on a daemon thread until {@link #close()}. */
    public static ProcessStats start() {
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, SAMPLER_THREAD);
            t.setDaemon(true);
            return t;
        });
        ProcessStats stats = new ProcessStats(System::nanoTime, processCpuNanos(), sampler);
        stats.sample();
        long period = SAMPLE_EVERY.toNanos();
        sampler.scheduleWithFixedDelay(stats::sample, period, period, TimeUnit.NANOSECONDS);
        return stats;
    }

    /** The JVM's CPU time counter, or -1 (unknown) where the platform bean does not offer one. */
    private static LongSupplier processCpuNanos() {
        java.lang.management.OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
        if (bean instanceof com.sun.management.OperatingSystemMXBean os) {
            return os::getProcessCpuTime;
        }
        return () -> -1;
    }

    /** Records the process CPU time now; a reading the platform cannot give is skipped. */
    void sample() {
        long cpu = cpuNanos.getAsLong();
        if (cpu >= 0) {
            window.add(wallNanos.getAsLong(), cpu);
        }
    }

    /**
     * Process CPU over the last {@link #CPU_WINDOW} of samples, in percent of one core: over the samples so far
     * while the window fills, 0 before the second sample and where the CPU time is unknown.
     */
    public double cpuPercent() {
        return window.percent();
    }

    /** Resident set size from /proc where there is one; heap in use elsewhere (macOS, Windows). */
    public double memoryBytes() {
        long rss = residentBytes();
        if (rss > 0) {
            return rss;
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    static long residentBytes() {
        if (!Files.isReadable(STATUS)) {
            return -1;
        }
        try {
            return parseVmRss(Files.readAllLines(STATUS));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Reads {@code VmRSS:   123456 kB} from the lines of /proc/self/status. */
    static long parseVmRss(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring(6).trim().split("\\s+");
                return Long.parseLong(parts[0]) * 1024L;
            }
        }
        return -1;
    }

    /** Stops the sampler (if this instance started one) and waits briefly for its thread to end. Idempotent. */
    @Override
    public void close() {
        if (sampler == null) {
            return;
        }
        sampler.shutdownNow();
        try {
            sampler.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
