package dev.mlobservatory.console.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The sentences beside the lab's expressions, built from Prometheus 3.5.3's own trees (the captured fixtures). */
class SentencesTest {

    private static ExplainStep explained(String query) {
        return ExplainStep.of(SyntaxTree.parse(ParseQueryFixtures.cases().stream().filter(c -> c.query().equals(query))
                .findFirst().orElseThrow(() -> new AssertionError("no fixture for " + query)).tree()));
    }

    private static List<String> sentences(String query) {
        return explained(query).all().stream().map(ExplainStep::sentence).toList();
    }

    @Test
    void theLabsP95ReadsFromTheWholeDownToTheSelector() {
        assertThat(sentences(ExplainLiveTest.LAB_P95)).containsExactly(
                "Estimates the 95th percentile from histogram buckets: the value that share of observations stays "
                        + "under, interpolated inside the bucket where it falls.",
                "The number 0.95: the quantile to estimate, the 95th percentile.",
                "Adds up the series, keeping only the label le: one result per le (histogram_quantile needs le: it "
                        + "tells the buckets apart).",
                "The per-second increase of each counter, averaged over its 5m window (restarts from 0 are handled).",
                "Turns each of the series named ml_prediction_duration_seconds_bucket into a window: all its samples "
                        + "of the last 5m.");
    }

    @Test
    void operatorsSayHowTheyPairSeries() {
        assertThat(explained("sum(rate(ml_predictions_total{status=\"error\"}[5m])) / sum(rate(ml_predictions_total[5m]))"
                + " > 0.1").all()).extracting(ExplainStep::sentence).contains(
                "Keeps only the series whose value is above 0.1, and drops the others: no series means the condition "
                        + "holds nowhere right now.",
                "Computes left ÷ right for each pair of series with exactly the same labels, one-to-one.",
                "Adds up all the series: one result, without labels.");
        assertThat(explained("ml_predictions_total / on(model_version) group_left(feature) ml_feature_drift_psi")
                .sentence()).isEqualTo("Computes left ÷ right for each pair of series with the same model_version (on), "
                + "many-to-one: several left series may share one right series (group_left), which lends them feature.");
        assertThat(explained("up > bool 0").sentence())
                .isEqualTo("For every series: 1 where its value is above 0, 0 where not (bool keeps every series).");
        assertThat(explained("sum(rate(ml_predictions_total[5m])) == 0 and on() (max(up{job=\"ml-api\"}) == 1)")
                .sentence()).isEqualTo("Keeps the series on the left as long as the right side has any series at all "
                + "(and on ()).");
        // a number on the left: the comparison reads from the series' side
        assertThat(explained("-Inf < -x ^ 2").sentence()).startsWith("Keeps only the series whose value is above -Inf");
    }

    @Test
    void selectorsSayWhichSeriesWhenAndHowFarBack() {
        assertThat(explained("up{job=\"ml-api\"} offset -5m @ start()").sentence()).isEqualTo(
                "Picks the series named up whose job is \"ml-api\", each at its latest sample (at most 5 minutes old), "
                        + "at the start of the query's range (for an instant query: its time), shifted 5m into the future.");
        assertThat(explained("{__name__=~\"ml_.*\", job=\"ml-api\"}").sentence())
                .startsWith("Picks every series whose name matches \"ml_.*\" and job is \"ml-api\"");
        assertThat(explained("max_over_time(rate(ml_predictions_total[5m])[30m:30s] offset 10m @ end())").all().get(1)
                .sentence()).startsWith("Evaluates the expression inside every 30s over the last 30m");
    }

    @Test
    void aFunctionTheConsoleHasNoWordsForGetsAGenericTrueSentence() {
        ExplainNode.Call call = new ExplainNode.Call("day_of_week", ExplainNode.ValueType.VECTOR,
                List.of(new ExplainNode.VectorSelector("process_start_time_seconds", List.of(), 0,
                        ExplainNode.At.NONE)));
        assertThat(Sentences.of(call, null))
                .isEqualTo("Calls PromQL's function day_of_week() on its argument; it gives one value per series.");
    }

    @Test
    void percentilesAreNamedAsPeopleSayThem() {
        assertThat(FunctionSentences.percentile(0.95)).isEqualTo("the 95th percentile");
        assertThat(FunctionSentences.percentile(0.5)).isEqualTo("the median (50th percentile)");
        assertThat(FunctionSentences.percentile(0.999)).isEqualTo("the 99.9th percentile");
        assertThat(FunctionSentences.percentile(0.01)).isEqualTo("the 1st percentile");
    }
}
