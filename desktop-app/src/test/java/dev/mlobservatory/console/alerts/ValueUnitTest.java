package dev.mlobservatory.console.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.ui.Format;
import org.junit.jupiter.api.Test;

/** A rule's value in the unit its rule file names: the numbers of issue 13 (0.1068 a ratio, 2.205 seconds). */
class ValueUnitTest {

    @Test
    void ratiosArePercentagesAndSecondsAreMillisecondsOrSeconds() {
        assertThat(ValueUnit.format(0.1068, "ratio")).isEqualTo("10.7 %");
        assertThat(ValueUnit.format(2.205, "seconds")).isEqualTo("2.2 s");
        assertThat(ValueUnit.format(0.0048, "seconds")).isEqualTo("4.8 ms");
        assertThat(ValueUnit.format(Double.POSITIVE_INFINITY, "seconds")).as("p95 above the last bucket")
                .isEqualTo("+Inf s");
    }

    @Test
    void anyOtherUnitFollowsTheNumberAndNoUnitLeavesItBare() {
        assertThat(ValueUnit.format(0.1667, "requests/s")).isEqualTo("0.1667 requests/s");
        assertThat(ValueUnit.format(0.45, null)).isEqualTo("0.45");
        assertThat(ValueUnit.format(0, " ")).isEqualTo("0");
    }

    @Test
    void noValueIsADash() {
        assertThat(ValueUnit.format(Double.NaN, "ratio")).isEqualTo(Format.NONE);
        assertThat(ValueUnit.format(Double.NaN, null)).isEqualTo(Format.NONE);
    }
}
