package dev.mlobservatory.console.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rule summaries reach the screen filled in, never with template braces. */
class SummaryTextTest {

    @Test
    void labelsOfTheActiveAlertAreFilledIn() {
        assertThat(SummaryText.expand("Model {{ $labels.model_version }} answers no prediction",
                Map.of("model_version", "v2"), 0.17)).isEqualTo("Model v2 answers no prediction");
    }

    @Test
    void withoutAnAlertTheLabelIsNamed() {
        assertThat(SummaryText.expand("Model {{$labels.model_version}} answers no prediction", Map.of(), Double.NaN))
                .isEqualTo("Model <model_version> answers no prediction");
    }

    @Test
    void valuesAndPlainText() {
        assertThat(SummaryText.expand("p95 is {{ $value | humanizeDuration }}", Map.of(), 2.425)).isEqualTo("p95 is 2.425");
        assertThat(SummaryText.expand("ratio {{ $value }}", Map.of(), Double.NaN)).isEqualTo("ratio <value>");
        assertThat(SummaryText.expand("ML API is down", Map.of(), Double.NaN)).isEqualTo("ML API is down");
        assertThat(SummaryText.expand(null, Map.of(), 1)).isEmpty();
        assertThat(SummaryText.expand("a $ {{ $labels.x }}", Map.of("x", "$1\\"), 1)).isEqualTo("a $ $1\\");
    }
}
