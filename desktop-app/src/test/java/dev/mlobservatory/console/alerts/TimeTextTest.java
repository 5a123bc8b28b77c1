package dev.mlobservatory.console.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The words and numbers the Alerts and Targets tabs show. */
class TimeTextTest {

    private static final Instant T0 = Instant.parse("2024-03-05T14:03:12Z");
    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void durationsUseTwoUnitsAtMost() {
        assertThat(TimeText.duration(Duration.ZERO)).isEqualTo("0 s");
        assertThat(TimeText.duration(Duration.ofMillis(42_900))).isEqualTo("42 s");
        assertThat(TimeText.duration(Duration.ofSeconds(59))).isEqualTo("59 s");
        assertThat(TimeText.duration(Duration.ofSeconds(60))).isEqualTo("1 m 0 s");
        assertThat(TimeText.duration(Duration.ofSeconds(190))).isEqualTo("3 m 10 s");
        assertThat(TimeText.duration(Duration.ofSeconds(3600 + 5 * 60 + 7))).isEqualTo("1 h 5 m");
        assertThat(TimeText.duration(Duration.ofHours(51))).isEqualTo("2 d 3 h");
        assertThat(TimeText.duration(Duration.ofSeconds(-3))).as("clock skew").isEqualTo("0 s");
    }

    @Test
    void timeInStateNamesTheState() {
        assertThat(TimeText.inState(AlertState.PENDING, T0, T0.plusSeconds(42))).isEqualTo("pending for 42 s");
        assertThat(TimeText.inState(AlertState.FIRING, T0, T0.plusSeconds(190))).isEqualTo("firing for 3 m 10 s");
        assertThat(TimeText.inState(AlertState.INACTIVE, T0, T0.plusSeconds(5))).isEqualTo("inactive for 5 s");
        assertThat(TimeText.inState(AlertState.INACTIVE, null, T0)).isEqualTo(TimeText.NONE);
        assertThat(TimeText.inState(AlertState.FIRING, null, T0)).isEqualTo("firing");
    }

    @Test
    void agoAndLocalTime() {
        assertThat(TimeText.ago(T0, T0.plusMillis(300))).isEqualTo("just now");
        assertThat(TimeText.ago(T0, T0.plusSeconds(3))).isEqualTo("3 s ago");
        assertThat(TimeText.ago(null, T0)).isEqualTo(TimeText.NONE);
        assertThat(TimeText.localTime(T0, UTC, T0.plusSeconds(60))).isEqualTo("14:03:12");
        assertThat(TimeText.localTime(T0, ZoneId.of("Europe/Paris"), T0)).isEqualTo("15:03:12");
        assertThat(TimeText.localTime(T0, UTC, T0.plus(Duration.ofDays(1)))).isEqualTo("2024-03-05 14:03:12");
        assertThat(TimeText.localTime(null, UTC, T0)).isEqualTo(TimeText.NONE);
    }

    @Test
    void forIsWrittenAsInTheRuleFile() {
        assertThat(TimeText.forDuration(120)).isEqualTo("2m");
        assertThat(TimeText.forDuration(60)).isEqualTo("1m");
        assertThat(TimeText.forDuration(600)).isEqualTo("10m");
        assertThat(TimeText.forDuration(90)).isEqualTo("1m30s");
        assertThat(TimeText.forDuration(30)).isEqualTo("30s");
        assertThat(TimeText.forDuration(3600)).isEqualTo("1h");
        assertThat(TimeText.forDuration(0)).isEqualTo(TimeText.NONE);
    }

    @Test
    void valuesAndMillis() {
        assertThat(TimeText.value(Double.NaN)).isEqualTo(TimeText.NONE);
        assertThat(TimeText.value(0)).isEqualTo("0");
        assertThat(TimeText.value(1)).isEqualTo("1");
        assertThat(TimeText.value(0.16666666)).isEqualTo("0.1667");
        assertThat(TimeText.value(2.425)).isEqualTo("2.425");
        assertThat(TimeText.value(12.345678)).isEqualTo("12.35");
        assertThat(TimeText.value(0.00001234)).isEqualTo("1.234e-05");
        assertThat(TimeText.value(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(TimeText.millis(0.00084)).isEqualTo("0.84 ms");
        assertThat(TimeText.millis(0.0123)).isEqualTo("12.3 ms");
        assertThat(TimeText.millis(0.25)).isEqualTo("250 ms");
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
