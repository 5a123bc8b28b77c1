package dev.mlobservatory.console.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.ui.Format;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** How an alert's state and its changes read in the Alerts tab. */
class AlertStateTest {

    private static final Instant T0 = Instant.parse("2024-03-05T14:03:12Z");
    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void timeInStateNamesTheState() {
        assertThat(AlertState.PENDING.since(T0, T0.plusSeconds(42))).isEqualTo("pending for 42 s");
        assertThat(AlertState.FIRING.since(T0, T0.plusSeconds(190))).isEqualTo("firing for 3 m 10 s");
        assertThat(AlertState.INACTIVE.since(T0, T0.plusSeconds(5))).isEqualTo("inactive for 5 s");
        assertThat(AlertState.INACTIVE.since(null, T0)).isEqualTo(Format.NONE);
        assertThat(AlertState.FIRING.since(null, T0)).isEqualTo("firing");
    }

    @Test
    void timelineLine() {
        AlertTransition t = new AlertTransition(T0, "HighErrorRate", AlertState.INACTIVE, AlertState.PENDING);
        assertThat(t.line(UTC)).isEqualTo("14:03:12  HighErrorRate  inactive → pending");
        AlertTransition resolved = new AlertTransition(T0, "APIDown", AlertState.FIRING, AlertState.INACTIVE);
        assertThat(resolved.resolved()).isTrue();
        assertThat(resolved.change()).isEqualTo("firing → inactive (resolved)");
        assertThat(new AlertTransition(T0, "X", AlertState.PENDING, AlertState.INACTIVE).resolved()).isFalse();
    }
}
