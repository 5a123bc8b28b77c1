package dev.mlobservatory.console.lab.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.prom.QueryResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The judging alone, on results made up here: no Prometheus. */
class ResultComparisonTest {

    private static final Exercise BY_VERSION = new Exercise("rate-by-version", "t", "task",
            "sum by (model_version) (rate(ml_predictions_total[1m]))", Compare.INSTANT, 0.05, List.of());
    private static final Exercise RATIO = new Exercise("error-ratio", "t", "task",
            "sum(rate(x{status=\"error\"}[5m])) / sum(rate(x[5m]))", Compare.SCALAR, 0.05, List.of());

    private static QueryResult.Vector vector(Object... labelsAndValues) {
        List<QueryResult.Sample> samples = new java.util.ArrayList<>();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            Map<String, String> labels = (Map<String, String>) labelsAndValues[i];
            samples.add(new QueryResult.Sample(labels, 100, ((Number) labelsAndValues[i + 1]).doubleValue()));
        }
        return new QueryResult.Vector(samples);
    }

    private static final QueryResult.Vector PER_VERSION = vector(Map.of("model_version", "v1"), 2.0,
            Map.of("model_version", "v2"), 1.0);

    private static Verdict judge(Exercise e, String answer, QueryResult ref, QueryResult ans) {
        return new ResultComparison(e, answer, q -> "`ml_prediction_total` is not a metric Prometheus knows")
                .judge(List.of(new Evaluation(100, ref, ans)));
    }

    @Test
    void theSameSeriesWithinTheTolerancePassWhateverTheNameAndOrder() {
        QueryResult.Vector answer = vector(Map.of("model_version", "v2", "__name__", "x"), 1.01,
                Map.of("model_version", "v1"), 2.0);

        assertThat(judge(BY_VERSION, "sum(rate(ml_predictions_total[60s])) by (model_version)", PER_VERSION, answer))
                .isEqualTo(Verdict.pass());
    }

    @Test
    void extraLabelsAreNamedAsKept() {
        QueryResult.Vector answer = vector(
                Map.of("model_version", "v1", "status", "success", "prediction_result", "setosa"), 1.0,
                Map.of("model_version", "v1", "status", "error", "prediction_result", "error"), 1.0,
                Map.of("model_version", "v2", "status", "success", "prediction_result", "setosa"), 1.0);

        assertThat(judge(BY_VERSION, "rate(ml_predictions_total[1m])", PER_VERSION, answer).reason())
                .startsWith("2 series expected, yours has 3: you kept `prediction_result` and `status`");
    }

    @Test
    void aDifferentRangeIsNamedInTheTasksWords() {
        QueryResult.Vector answer = vector(Map.of("model_version", "v1"), 2.4, Map.of("model_version", "v2"), 1.0);

        assertThat(judge(BY_VERSION, "sum by (model_version) (rate(ml_predictions_total[5m]))", PER_VERSION, answer)
                .reason()).isEqualTo("values differ by 17%: did you use [5m] where the task says one minute?");
        // Equal values with another range still fail: they agree only while the traffic is steady.
        assertThat(judge(BY_VERSION, "sum by (model_version) (rate(ml_predictions_total[5m]))", PER_VERSION,
                PER_VERSION).reason()).startsWith("did you use [5m] where the task says one minute?");
    }

    @Test
    void valuesThatDifferWithTheSameRangeShowOneSeries() {
        QueryResult.Vector answer = vector(Map.of("model_version", "v1"), 3.0, Map.of("model_version", "v2"), 1.0);

        assertThat(judge(BY_VERSION, "sum by (model_version) (irate(ml_predictions_total[1m]))", PER_VERSION, answer)
                .reason()).isEqualTo("values differ by 33%: {model_version=\"v1\"} is 3.000 where 2.000 was expected");
    }

    @Test
    void shapesAreNamed() {
        QueryResult.Matrix range = new QueryResult.Matrix(List.of(new QueryResult.Series(Map.of("model_version", "v1"),
                new double[] {1}, new double[] {1})));
        assertThat(judge(BY_VERSION, "ml_predictions_total[1m]", PER_VERSION, range).reason())
                .startsWith("your query is a range vector");
        assertThat(judge(BY_VERSION, "scalar(sum(rate(ml_predictions_total[1m])))", PER_VERSION,
                new QueryResult.Scalar(100, 3)).reason())
                .isEqualTo("yours is a scalar (one number without labels), the task wants one series per `model_version`");
    }

    @Test
    void anEmptyAnswerSaysWhy() {
        assertThat(judge(BY_VERSION, "sum by (model_version) (rate(ml_prediction_total[1m]))", PER_VERSION,
                vector()).reason())
                .isEqualTo("your query returns nothing: `ml_prediction_total` is not a metric Prometheus knows");
    }

    @Test
    void aScalarExerciseTakesOneSeriesOrAScalarAndRefusesMany() {
        QueryResult.Vector ref = vector(Map.of(), 0.1);

        assertThat(judge(RATIO, "scalar(sum(rate(x{status=\"error\"}[5m])) / sum(rate(x[5m])))", ref,
                new QueryResult.Scalar(100, 0.1))).isEqualTo(Verdict.pass());
        assertThat(judge(RATIO, "rate(x{status=\"error\"}[5m]) / rate(x[5m])", ref, PER_VERSION).reason())
                .startsWith("one number expected, yours has 2 series, one per `model_version`");
    }

    @Test
    void aReferenceWithoutDataIsNoDataNotAFail() {
        Verdict empty = judge(BY_VERSION, "x", vector(), vector(Map.of(), 1.0));
        Verdict allNaN = judge(RATIO, "x", vector(Map.of(), Double.NaN), vector(Map.of(), Double.NaN));

        assertThat(empty.outcome()).isEqualTo(Verdict.Outcome.NO_DATA);
        assertThat(allNaN.outcome()).isEqualTo(Verdict.Outcome.NO_DATA);
    }

    @Test
    void durationsAreReadFromBracketsAndOffsetsButNotFromStrings() {
        assertThat(Durations.in("rate(x{a=\"[5m]\"}[60s]) - rate(x[1m] offset 1m30s) + max_over_time(y[10m:30s])"))
                .containsExactly(30.0, 60.0, 90.0, 600.0);
        assertThat(Durations.words(60)).isEqualTo("one minute");
        assertThat(Durations.words(300)).isEqualTo("5 minutes");
    }

    @Test
    void metricNamesAreFoundOutsideLabelListsAndNearNamesSuggested() {
        assertThat(MetricNames.in("sum by (model_version) (rate(ml_prediction_total{status=\"error\"}[1m])) "
                + "/ on(model_version) count(up)")).containsExactly("ml_prediction_total", "up");
        assertThat(MetricNames.unknown("ml_prediction_total", List.of("ml_predictions_total", "up")))
                .isEqualTo("`ml_prediction_total` is not a metric Prometheus knows: did you mean `ml_predictions_total`?");
    }
}
