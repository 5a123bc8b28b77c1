package dev.mlobservatory.console.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rule summaries and descriptions reach the screen filled in, never with template braces or placeholders. */
class RuleTextTest {

    private static String inactive(String template) {
        return RuleText.expand(template, Map.of(), Double.NaN);
    }

    @Test
    void labelsOfTheActiveAlertAreFilledIn() {
        assertThat(RuleText.expand("Model {{ $labels.model_version }} answers no prediction",
                Map.of("model_version", "v2"), 0.17)).isEqualTo("Model v2 answers no prediction");
        assertThat(RuleText.expand("Inputs to model {{ $labels.model_version }} have drifted ({{ $labels.feature }})",
                Map.of("model_version", "v1", "feature", "petal_length"), 0.45))
                .isEqualTo("Inputs to model v1 have drifted (petal_length)");
    }

    /** The repository's templates, as an inactive rule shows them: /api/v1/rules gives only the template. */
    @Test
    void withoutAnAlertTheRepositoryTemplatesReadAsPlainSentences() {
        assertThat(inactive("Model {{$labels.model_version}} answers no prediction"))
                .isEqualTo("A model version answers no prediction");
        assertThat(inactive("Inputs to model {{ $labels.model_version }} have drifted ({{ $labels.feature }})"))
                .as("a bracketed label is dropped").isEqualTo("Inputs to a model version have drifted");
        assertThat(inactive("Every request to model {{ $labels.model_version }} failed over the last 5 minutes "
                + "({{ $value | printf \"%.2f\" }} requests/s)."))
                .isEqualTo("Every request to a model version failed over the last 5 minutes (… requests/s).");
        assertThat(inactive("The last 500 values of {{ $labels.feature }} sent to model {{ $labels.model_version }} "
                + "differ from the training data: PSI {{ $value | printf \"%.2f\" }} (threshold 0.2)."))
                .isEqualTo("The last 500 values of a feature sent to a model version differ from the training data: "
                        + "PSI … (threshold 0.2).");
        assertThat(inactive("Prometheus has not been able to scrape {{ $labels.instance }} for more than 1 minute."))
                .isEqualTo("Prometheus has not been able to scrape an instance for more than 1 minute.");
        assertThat(inactive("{{ $value | humanizePercentage }} of prediction requests failed over the last 5 minutes "
                + "(threshold 10%).")).isEqualTo("… of prediction requests failed over the last 5 minutes (threshold 10%).");
        assertThat(inactive("{{ $labels.job }} is down")).as("a sentence that starts with a label").isEqualTo("A job is down");
    }

    @Test
    void aKnownValueIsWrittenAsItsFunctionSays() {
        assertThat(RuleText.expand("p95 is {{ $value | humanizeDuration }}", Map.of(), 2.425)).isEqualTo("p95 is 2.4 s");
        assertThat(RuleText.expand("{{ $value | humanizePercentage }} failed", Map.of(), 0.1667)).isEqualTo("16.7 % failed");
        assertThat(RuleText.expand("ratio {{ $value }}", Map.of(), 0.25)).isEqualTo("ratio 0.25");
    }

    @Test
    void plainTextAndOddInputStayAsTheyAre() {
        assertThat(inactive("ML API is down")).isEqualTo("ML API is down");
        assertThat(RuleText.expand(null, Map.of(), 1)).isEmpty();
        assertThat(RuleText.expand("a $ {{ $labels.x }}", Map.of("x", "$1\\"), 1)).isEqualTo("a $ $1\\");
        assertThat(inactive("Model v2 answers no prediction")).as("filled in by Prometheus already")
                .isEqualTo("Model v2 answers no prediction");
    }
}
