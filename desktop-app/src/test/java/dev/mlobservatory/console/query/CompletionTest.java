package dev.mlobservatory.console.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which names are offered where in a PromQL expression, and what accepting one types. */
class CompletionTest {

    private static final List<String> METRICS = List.of("ml_predictions_total", "ml_prediction_duration_seconds_bucket",
            "ml_model_accuracy", "up", "process_cpu_seconds_total");
    private static final List<String> LABELS = List.of("model_version", "prediction_result", "status", "job", "le");

    private static Completion.Candidates at(String textWithCaret) {
        int caret = textWithCaret.indexOf('|');
        String text = textWithCaret.replace("|", "");
        return Completion.at(text, caret, METRICS, LABELS);
    }

    private static List<String> names(Completion.Candidates c) {
        return c.suggestions().stream().map(Completion.Suggestion::text).toList();
    }

    @Test
    void metricNamesAndFunctionsAtTheStart() {
        Completion.Candidates c = at("ml_pred|");

        assertThat(names(c)).startsWith("ml_prediction_duration_seconds_bucket", "ml_predictions_total");
        assertThat(c.prefix()).isEqualTo("ml_pred");
        assertThat(c.start()).isZero();
        assertThat(names(at("ra|"))).contains("rate").doesNotContain("model_version");
    }

    @Test
    void namesThatStartWithTheWordComeBeforeNamesThatContainIt() {
        assertThat(names(at("rate(dur|"))).containsExactly("ml_prediction_duration_seconds_bucket");
        assertThat(names(at("sum|"))).first().isEqualTo("sum_over_time");
        assertThat(names(at("total|"))).containsExactly("ml_predictions_total", "process_cpu_seconds_total");
    }

    @Test
    void labelNamesInsideSelectorsAndGroupingClauses() {
        assertThat(names(at("ml_predictions_total{mod|"))).containsExactly("model_version");
        assertThat(names(at("ml_predictions_total{status=\"error\", mo|"))).containsExactly("model_version");
        assertThat(names(at("sum by (mod|"))).containsExactly("model_version");
        assertThat(names(at("sum(rate(x[5m])) by (le, mod|"))).containsExactly("model_version");
        assertThat(names(at("sum without (stat|) (x)"))).containsExactly("status");
        assertThat(at("sum by (|").suggestions()).extracting(Completion.Suggestion::kind)
                .containsOnly(Completion.Kind.LABEL);
    }

    @Test
    void nothingInsideStringsRangesOrLabelValues() {
        assertThat(at("up{job=\"ml|").suggestions()).isEmpty();
        assertThat(at("up{job=ml|").suggestions()).isEmpty();
        // A label value position, even unquoted and matching a label name, offers no label names.
        assertThat(at("ml_predictions_total{status=stat|").suggestions()).isEmpty();
        assertThat(at("ml_predictions_total{status!~mod|").suggestions()).isEmpty();
        assertThat(at("rate(up[5|").suggestions()).isEmpty();
        // After a closed selector and a closed group we are back to expressions.
        assertThat(names(at("sum by (job) (u|"))).contains("up");
        assertThat(names(at("up{job=\"x\"} / u|"))).contains("up");
    }

    @Test
    void theWholeWordIsReplacedAndFunctionsGetTheirParenthesis() {
        Completion.Candidates c = at("sum(ml_pr|edic)");
        Completion.Edit edit = Completion.accept("sum(ml_predic)", c,
                new Completion.Suggestion("ml_predictions_total", Completion.Kind.METRIC));
        assertThat(edit.text()).isEqualTo("sum(ml_predictions_total)");
        assertThat(edit.caret()).isEqualTo("sum(ml_predictions_total".length());

        Completion.Edit fn = Completion.accept("ra", at("ra|"), new Completion.Suggestion("rate", Completion.Kind.FUNCTION));
        assertThat(fn.text()).isEqualTo("rate(");
        assertThat(fn.caret()).isEqualTo(5);
        Completion.Edit noDouble = Completion.accept("ra(up[1m])", at("ra|(up[1m])"),
                new Completion.Suggestion("rate", Completion.Kind.FUNCTION));
        assertThat(noDouble.text()).isEqualTo("rate(up[1m])");
    }

    @Test
    void theExactWordIsNotOfferedAgainAndTheListIsBounded() {
        assertThat(names(at("up|"))).doesNotContain("up");
        List<String> many = java.util.stream.IntStream.range(0, 500).mapToObj(i -> "m_" + i).toList();
        assertThat(Completion.at("m_", 2, many, List.of()).suggestions()).hasSize(Completion.LIMIT);
    }
}
