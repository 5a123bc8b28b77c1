package dev.mlobservatory.api.metrics;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Process CPU and memory, computed when asked (at scrape time) rather than by a polling thread:
 * nothing runs between scrapes, and each scrape sees the CPU spent since the previous one.
 */
public final class ProcessStats {

    /** Shorter windows are too noisy to mean anything; a scrape that comes sooner reuses the last value. */
    private static final long MIN_WINDOW_NANOS = 1_000_000_000L;
    private static final Path STATUS = Path.of("/proc/self/status");

    private final com.sun.management.OperatingSystemMXBean os;
    private long lastWall;
    private long lastCpu;
    private double lastPercent;

    public ProcessStats() {
        java.lang.management.OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
        this.os = bean instanceof com.sun.management.OperatingSystemMXBean sun ? sun : null;
        // The first window starts with the JVM, so the first scrape reports the average since start.
        this.lastWall = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        this.lastCpu = 0;
    }

    /** Process CPU time over wall time since the previous call, in percent of one core (0 where unknown). */
    public synchronized double cpuPercent() {
        if (os == null) {
            return 0;
        }
        long cpu = os.getProcessCpuTime();
        long wall = System.nanoTime();
        if (cpu < 0) {
            return 0;
        }
        long window = wall - lastWall;
        if (window >= MIN_WINDOW_NANOS) {
            lastPercent = Math.max(0, 100.0 * (cpu - lastCpu) / window);
            lastCpu = cpu;
            lastWall = wall;
        }
        return lastPercent;
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
}
