package dev.mlobservatory.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The one way the console writes numbers, times and durations. */
class FormatTest {

    private static final Instant T0 = Instant.parse("2024-03-05T14:03:12Z");
    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void bytesInDecimalUnits() {
        assertThat(Format.bytes(0)).isEqualTo("0 B");
        assertThat(Format.bytes(512)).isEqualTo("512 B");
        assertThat(Format.bytes(1500)).isEqualTo("1.5 kB");
        assertThat(Format.bytes(123_456_789)).isEqualTo("123.5 MB");
        assertThat(Format.bytes(2e9)).isEqualTo("2 GB");
        assertThat(Format.bytes(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void durationsUseTwoUnitsAtMost() {
        assertThat(Format.duration(Duration.ZERO)).isEqualTo("0 s");
        assertThat(Format.duration(Duration.ofMillis(42_900))).isEqualTo("42 s");
        assertThat(Format.duration(Duration.ofSeconds(59))).isEqualTo("59 s");
        assertThat(Format.duration(Duration.ofSeconds(60))).isEqualTo("1 m 0 s");
        assertThat(Format.duration(Duration.ofSeconds(190))).isEqualTo("3 m 10 s");
        assertThat(Format.duration(Duration.ofSeconds(3600 + 5 * 60 + 7))).isEqualTo("1 h 5 m");
        assertThat(Format.duration(Duration.ofHours(51))).isEqualTo("2 d 3 h");
        assertThat(Format.duration(Duration.ofSeconds(-3))).as("clock skew").isEqualTo("0 s");
    }

    @Test
    void agoAndLocalTime() {
        assertThat(Format.ago(T0, T0.plusMillis(300))).isEqualTo("just now");
        assertThat(Format.ago(T0, T0.plusSeconds(3))).isEqualTo("3 s ago");
        assertThat(Format.ago(null, T0)).isEqualTo(Format.NONE);
        assertThat(Format.localTime(T0, UTC, T0.plusSeconds(60))).isEqualTo("14:03:12");
        assertThat(Format.localTime(T0, ZoneId.of("Europe/Paris"), T0)).isEqualTo("15:03:12");
        assertThat(Format.localTime(T0, UTC, T0.plus(Duration.ofDays(1)))).isEqualTo("2024-03-05 14:03:12");
        assertThat(Format.localTime(null, UTC, T0)).isEqualTo(Format.NONE);
    }

    @Test
    void ratiosArePercentagesWithOneDecimalOrTwoBelowOnePercent() {
        assertThat(Format.percent(0.4)).isEqualTo("40.0 %");
        assertThat(Format.percent(0.1068)).isEqualTo("10.7 %");
        assertThat(Format.percent(1)).isEqualTo("100.0 %");
        assertThat(Format.percent(0.0052)).isEqualTo("0.52 %");
        assertThat(Format.percent(0)).isEqualTo("0 %");
        assertThat(Format.percent(Double.NaN)).as("0 / 0: no requests").isEqualTo(Format.NONE);
        assertThat(Format.percent(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    }

    @Test
    void durationsAsARuleFileWritesThem() {
        assertThat(Format.promDuration(120)).isEqualTo("2m");
        assertThat(Format.promDuration(60)).isEqualTo("1m");
        assertThat(Format.promDuration(600)).isEqualTo("10m");
        assertThat(Format.promDuration(90)).isEqualTo("1m30s");
        assertThat(Format.promDuration(30)).isEqualTo("30s");
        assertThat(Format.promDuration(3600)).isEqualTo("1h");
        assertThat(Format.promDuration(0)).isEqualTo(Format.NONE);
    }

    @Test
    void valuesHaveFourSignificantDigitsButKeepTheirIntegerPart() {
        assertThat(Format.value(Double.NaN)).as("what Prometheus answered").isEqualTo("NaN");
        assertThat(Format.value(0)).isEqualTo("0");
        assertThat(Format.value(1)).isEqualTo("1");
        assertThat(Format.value(20)).isEqualTo("20");
        assertThat(Format.value(0.1 + 0.2)).as("no float noise").isEqualTo("0.3");
        assertThat(Format.value(0.16666666)).isEqualTo("0.1667");
        assertThat(Format.value(0.004872999)).isEqualTo("0.004873");
        assertThat(Format.value(2.425)).isEqualTo("2.425");
        assertThat(Format.value(12.345678)).isEqualTo("12.35");
        assertThat(Format.value(1234.5678)).isEqualTo("1235");
        assertThat(Format.value(123456.7)).as("a counter keeps its digits").isEqualTo("123457");
        assertThat(Format.value(123456789)).isEqualTo("123456789");
        assertThat(Format.value(-0.25)).isEqualTo("-0.25");
        assertThat(Format.value(0.00001234)).isEqualTo("1.234e-05");
        assertThat(Format.value(1.5e-7)).isEqualTo("1.5e-07");
        assertThat(Format.value(2e15)).isEqualTo("2e+15");
        assertThat(Format.value(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(Format.value(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    }

    @Test
    void millisFromSubMillisecondToSeconds() {
        assertThat(Format.millis(0.00084)).isEqualTo("0.84 ms");
        assertThat(Format.millis(0.0123)).isEqualTo("12.3 ms");
        assertThat(Format.millis(0.25)).isEqualTo("250 ms");
        assertThat(Format.millis(1.4)).isEqualTo("1.4 s");
        assertThat(Format.millis(Double.NaN)).isEqualTo(Format.NONE);
        assertThat(Format.millis(-1)).isEqualTo(Format.NONE);
    }
}
