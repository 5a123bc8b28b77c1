package dev.mlobservatory.console.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.prom.ScrapeTarget;
import dev.mlobservatory.console.ui.Chip;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Prometheus chip: green only when every target is up, and no amber for a target not yet scraped. */
class HealthPollerTest {

    private static ScrapeTarget target(String job, String health) {
        return new ScrapeTarget(job, "127.0.0.1:1", "http://127.0.0.1:1/metrics", health, null, 0,
                "down".equals(health) ? "connection refused" : "");
    }

    @Test
    void everyTargetUpIsGreen() {
        Chip chip = HealthPoller.targetsChip("3.5.3", "http://p", List.of(target("ml-api", "up"), target("prometheus", "up")));

        assertThat(chip.level()).isEqualTo(Chip.Level.OK);
        assertThat(chip.text()).isEqualTo("Prometheus 3.5.3 · targets 2/2 up");
    }

    @Test
    void aTargetWaitingForItsFirstScrapeIsGreyAndSaysSo() {
        Chip chip = HealthPoller.targetsChip("3.5.3", "http://p",
                List.of(target("ml-api", "up"), target("prometheus", "unknown")));

        assertThat(chip.level()).isEqualTo(Chip.Level.IDLE);
        assertThat(chip.text()).isEqualTo("Prometheus 3.5.3 · targets 1/2 up, 1 not scraped yet");
        assertThat(chip.detail()).contains("15 s for Prometheus itself");
    }

    @Test
    void aTargetDownIsAmberEvenWhileAnotherWaits() {
        Chip chip = HealthPoller.targetsChip("2.42.0", "http://p",
                List.of(target("ml-api", "down"), target("prometheus", "unknown")));

        assertThat(chip.level()).isEqualTo(Chip.Level.WARN);
        assertThat(chip.text()).isEqualTo("Prometheus 2.42.0 · targets 0/2 up");
    }

    @Test
    void noTargetYetIsNotGreen() {
        Chip chip = HealthPoller.targetsChip("3.5.3", "http://p", List.of());

        assertThat(chip.level()).isEqualTo(Chip.Level.IDLE);
        assertThat(chip.text()).isEqualTo("Prometheus 3.5.3 · finding targets");
    }
}
