package dev.mlobservatory.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlobservatory.api.TestApi;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProcessStatsTest {

    private static final long SECOND = 1_000_000_000L;

    /**
     * A clock and a CPU counter the test moves by hand, and the stats reading them: no real time passes, nothing is
     * timed, and a sample is taken only where the test says so.
     */
    private static final class FakeProcess {
        long wall = 42 * SECOND; // any origin: only differences count
        long cpu = 7 * SECOND;
        final ProcessStats stats = new ProcessStats(() -> wall, () -> cpu);

        /** {@code seconds} of wall time during which the process used {@code cores} cores, and no sample. */
        void run(double seconds, double cores) {
            wall += Math.round(seconds * SECOND);
            cpu += Math.round(seconds * cores * SECOND);
        }

        /** Runs as {@link #run} once per entry of {@code cores}, a second each, sampling at the end of each second. */
        void sampledSeconds(double... cores) {
            for (double c : cores) {
                run(1, c);
                stats.sample();
            }
        }
    }

    @Test
    void twoScrapesInARowReturnTheSameValueWhateverHappensBetweenThem() {
        FakeProcess process = new FakeProcess();
        PrometheusRegistry registry = new PrometheusRegistry();
        new ApiMetrics(registry, process.stats);
        process.stats.sample();
        process.sampledSeconds(0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4);

        double first = scrapeCpuPercent(registry);
        // Time passes and CPU is spent between the scrapes, but the sampler has not run: a scrape is a read only.
        process.run(0.5, 2.0);
        double second = scrapeCpuPercent(registry);

        assertThat(first).isCloseTo(40.0, within(1e-9));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void theValueCoversTheTrailingWindowOnly() {
        FakeProcess process = new FakeProcess();
        process.stats.sample();
        process.sampledSeconds(1, 1, 1, 1, 1); // 5 s at a full core
        process.sampledSeconds(0.1, 0.1, 0.1, 0.1, 0.1); // 5 s at 10%
        process.sampledSeconds(0.5, 0.5, 0.5, 0.5, 0.5); // 5 s at 50%

        // The last 10 s: (0.5 + 2.5) s of CPU over 10 s. Since the start it would be 53.3%, since the last sample 50%.
        assertThat(ProcessStats.CPU_WINDOW).isEqualTo(Duration.ofSeconds(10));
        assertThat(process.stats.cpuPercent()).isCloseTo(30.0, within(1e-9));
    }

    @Test
    void beforeTheWindowFillsTheValueCoversTheSamplesSoFar() {
        FakeProcess process = new FakeProcess();
        assertThat(process.stats.cpuPercent()).as("no sample yet").isZero();
        process.stats.sample();
        assertThat(process.stats.cpuPercent()).as("one sample spans no time").isZero();

        process.sampledSeconds(0.5, 0.5, 0.2);

        assertThat(process.stats.cpuPercent()).isCloseTo(100.0 * 1.2 / 3, within(1e-9));
    }

    @Test
    void aSamplerThatFellBehindStillDividesByTheTimeItsSamplesSpan() {
        FakeProcess process = new FakeProcess();
        process.stats.sample();
        process.sampledSeconds(0.3, 0.3, 0.3);
        process.run(4, 0.3); // the next sample comes 4 s late (a stalled machine)
        process.sampledSeconds(0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3);

        // 11 samples spanning 14 s, not 10: dividing by 10 s would say 42%.
        assertThat(process.stats.cpuPercent()).isCloseTo(30.0, within(1e-9));
    }

    @Test
    void unknownProcessCpuReadsAsZero() {
        ProcessStats stats = new ProcessStats(System::nanoTime, () -> -1);
        stats.sample();
        stats.sample();
        assertThat(stats.cpuPercent()).isZero();
    }

    @Test
    void theSamplerIsANamedDaemonThreadThatCloseStops() throws InterruptedException {
        Set<Thread> before = samplerThreads();
        ProcessStats stats = ProcessStats.start();
        Set<Thread> started = samplerThreads();
        started.removeAll(before);
        try {
            assertThat(started).hasSize(1);
            assertThat(started.iterator().next().isDaemon()).isTrue();
        } finally {
            stats.close();
        }
        Thread sampler = started.iterator().next();
        sampler.join(5_000);
        assertThat(sampler.isAlive()).as("sampler thread ended after close()").isFalse();
    }

    @Test
    void closingTheServerStopsItsSampler() throws InterruptedException {
        Set<Thread> before = samplerThreads();
        TestApi api = new TestApi();
        Set<Thread> started = samplerThreads();
        started.removeAll(before);
        api.close();

        assertThat(started).as("the server started one sampler").hasSize(1);
        Thread sampler = started.iterator().next();
        sampler.join(5_000);
        assertThat(sampler.isAlive()).as("sampler thread ended after the server closed").isFalse();
    }

    @Test
    void memoryIsTheResidentSetSize() {
        assertThat(new FakeProcess().stats.memoryBytes()).isGreaterThan(1e6);
    }

    @Test
    void parsesResidentSetSizeFromProcStatus() {
        List<String> status = List.of("Name:\tjava", "VmPeak:\t 9000 kB", "VmRSS:\t  123456 kB", "Threads:\t30");
        assertThat(ProcessStats.parseVmRss(status)).isEqualTo(123456L * 1024);
        assertThat(ProcessStats.parseVmRss(List.of("Name:\tjava"))).isEqualTo(-1);
    }

    @Test
    void unknownMethodsShareOneLabelValue() {
        assertThat(ApiMetrics.methodLabel("post")).isEqualTo("POST");
        assertThat(ApiMetrics.methodLabel("PROPFIND")).isEqualTo("other");
    }

    private static Set<Thread> samplerThreads() {
        Map<Thread, StackTraceElement[]> all = Thread.getAllStackTraces();
        return all.keySet().stream()
                .filter(t -> t.getName().equals(ProcessStats.SAMPLER_THREAD) && t.isAlive())
                .collect(Collectors.toSet());
    }

    private static double scrapeCpuPercent(PrometheusRegistry registry) {
        for (MetricSnapshot snapshot : registry.scrape()) {
            if (snapshot.getMetadata().getName().equals("app_cpu_usage_percent")) {
                return ((GaugeSnapshot) snapshot).getDataPoints().get(0).getValue();
            }
        }
        throw new AssertionError("no app_cpu_usage_percent in the registry");
    }
}
