package dev.mlobservatory.console.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void mixParsesAndPicksInProportion() {
        ModelMix mix = ModelMix.parse("v1=0.7, v2=0.3");
        SplittableRandom random = new SplittableRandom(1);
        int v2 = 0;
        for (int i = 0; i < 10_000; i++) {
            if (mix.pick(random).equals("v2")) {
                v2++;
            }
        }
        assertThat(v2 / 10_000.0).isCloseTo(0.3, within(0.02));
        assertThat(ModelMix.of(0, 1).pick(random)).isEqualTo("v2");
        assertThat(mix.share("v1")).isCloseTo(0.7, within(1e-9));
    }

    @Test
    void badMixesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> ModelMix.parse("v1")).hasMessageContaining("v1=0.7,v2=0.3");
        assertThatThrownBy(() -> ModelMix.parse("v1=x")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> ModelMix.parse("v1=-1")).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> ModelMix.parse("v1=0,v2=0")).hasMessageContaining("all be 0");
        assertThatThrownBy(() -> ModelMix.parse("v1=1,v1=2")).hasMessageContaining("twice");
        assertThatThrownBy(() -> ModelMix.parse("model=1")).hasMessageContaining("v1, v2");
    }

    @Test
    void settingsAreValidatedNamingTheField() {
        TrafficSettings d = TrafficSettings.defaults();
        assertThatThrownBy(() -> d.withRate(-1)).hasMessageContaining("rate");
        assertThatThrownBy(() -> d.withRate(Double.NaN)).hasMessageContaining("rate");
        assertThatThrownBy(() -> d.withErrorRatio(1.5)).hasMessageContaining("error ratio");
        assertThatThrownBy(() -> d.withDrift(11)).hasMessageContaining("drift");
        assertThatThrownBy(() -> d.withMaxInFlight(0)).hasMessageContaining("max in flight");
    }

    @Test
    void durationsParse() {
        TrafficCommand.DurationConverter c = new TrafficCommand.DurationConverter();
        assertThat(c.convert("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(c.convert("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.convert("1.5")).isEqualTo(Duration.ofMillis(1500));
        assertThatThrownBy(() -> c.convert("soon")).hasMessageContaining("not a duration");
    }
}
