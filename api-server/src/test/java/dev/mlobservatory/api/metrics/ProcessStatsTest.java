package dev.mlobservatory.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessStatsTest {

    @Test
    void parsesResidentSetSizeFromProcStatus() {
        List<String> status = List.of("Name:\tjava", "VmPeak:\t 9000 kB", "VmRSS:\t  123456 kB", "Threads:\t30");
        assertThat(ProcessStats.parseVmRss(status)).isEqualTo(123456L * 1024);
        assertThat(ProcessStats.parseVmRss(List.of("Name:\tjava"))).isEqualTo(-1);
    }

    @Test
    void memoryIsPositiveAndCpuIsAPercentage() {
        ProcessStats stats = new ProcessStats();
        assertThat(stats.memoryBytes()).isGreaterThan(1e6);
        assertThat(stats.cpuPercent()).isBetween(0.0, 100.0 * Runtime.getRuntime().availableProcessors() + 1);
    }

    @Test
    void unknownMethodsShareOneLabelValue() {
        assertThat(ApiMetrics.methodLabel("post")).isEqualTo("POST");
        assertThat(ApiMetrics.methodLabel("PROPFIND")).isEqualTo("other");
    }
}
