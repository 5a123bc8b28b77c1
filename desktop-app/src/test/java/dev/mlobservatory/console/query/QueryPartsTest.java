package dev.mlobservatory.console.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlobservatory.console.prom.PrometheusAbsence;
import dev.mlobservatory.console.prom.QueryNotes;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The small pieces: steps per window, error positions, number formatting, history rules, the examples' shape. */
class QueryPartsTest {

    @Test
    void stepIsAboutAWindowOver250RoundedUpToANiceValue() {
        assertThat(RangeWindow.M5.stepSeconds()).isEqualTo(2);
        assertThat(RangeWindow.M15.stepSeconds()).isEqualTo(5);
        assertThat(RangeWindow.M30.stepSeconds()).isEqualTo(10);
        assertThat(RangeWindow.H1.stepSeconds()).isEqualTo(15);
        for (RangeWindow w : RangeWindow.values()) {
            assertThat(w.seconds() / w.stepSeconds()).isBetween(100, RangeWindow.TARGET_POINTS);
        }
    }

    @Test
    void errorPositionPointsIntoTheQuery() {
        QueryError e = new QueryError(QueryError.Kind.PROMETHEUS, "bad_data",
                "invalid parameter \"query\": 1:17: parse error: unclosed left parenthesis");
        assertThat(e.text()).isEqualTo("bad_data: 1:17: parse error: unclosed left parenthesis");
        assertThat(e.offsetIn("sum(rate(up[5m])")).isEqualTo(16);

        QueryError second = new QueryError(QueryError.Kind.PROMETHEUS, "bad_data", "2:3: parse error: x");
        assertThat(second.offsetIn("up\n+ (")).isEqualTo(5);
        assertThat(new QueryError(QueryError.Kind.PROMETHEUS, "execution", "query timed out").offsetIn("up")).isEqualTo(-1);
        assertThat(QueryError.notRunning(PrometheusAbsence.NOT_STARTED).offsetIn("up")).isEqualTo(-1);
        assertThat(QueryError.notRunning(PrometheusAbsence.NOT_STARTED).text()).startsWith("Prometheus is not running");
    }

    @Test
    void historyIsNewestFirstWithoutConsecutiveRepeatsAndBounded() {
        QueryHistory h = new QueryHistory(100);
        h.add("up");
        h.add(" up ");
        h.add("");
        h.add("rate(up[1m])");
        h.add("up");
        assertThat(h.entries()).containsExactly("up", "rate(up[1m])", "up");

        IntStream.range(0, 150).forEach(i -> h.add("q" + i));
        assertThat(h.entries()).hasSize(100).startsWith("q149", "q148").endsWith("q50");
        assertThatThrownBy(() -> h.entries().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void everyExampleHasAnExplanationAndTheCheatSheetCoversTheLabsOperators() {
        for (var e : ExampleQueries.LAB) {
            assertThat(e.explanation()).as(e.title()).isNotBlank().hasSizeLessThan(110);
        }
        for (var e : ExampleQueries.CHEAT_SHEET) {
            assertThat(e.explanation()).as(e.title()).isNotBlank().hasSizeLessThan(110);
        }
        String all = String.join("\n", ExampleQueries.CHEAT_SHEET.stream().map(ExampleQueries.Example::promql).toList());
        assertThat(all).contains("rate(", "sum by", "histogram_quantile(", "increase(", "topk(", "avg(", "max ",
                "count ");
        // The lab's four "Explore Metrics" queries, word for word.
        assertThat(ExampleQueries.LAB).extracting(ExampleQueries.Example::promql).contains(
                "ml_predictions_total",
                "rate(ml_predictions_total[1m])",
                "rate(ml_prediction_duration_seconds_sum[5m]) / rate(ml_prediction_duration_seconds_count[5m])",
                "histogram_quantile(0.95, sum(rate(ml_prediction_duration_seconds_bucket[5m])) by (le))");
    }

    @Test
    void prometheusNotesKeepPrometheussWordsAndWarningsComeFirst() {
        QueryNotes notes = new QueryNotes(List.of("bucket label \"le\" is missing"),
                List.of("PromQL info: metric might not be a counter"));
        assertThat(notes.lines()).containsExactly("Warning: bucket label \"le\" is missing",
                "PromQL info: metric might not be a counter");
        assertThat(QueryNotes.NONE.isEmpty()).isTrue();
        assertThat(notes.isEmpty()).isFalse();
    }

    @Test
    void aComparisonThatFiltersIsToldFromOneThatKeepsEverySeries() {
        assertThat(QueryModel.filtersByComparison("sum(rate(ml_predictions_total{status=\"error\"}[5m])) "
                + "/ sum(rate(ml_predictions_total[5m])) > 0.1")).isTrue();
        assertThat(QueryModel.filtersByComparison("up{job=\"ml-api\"} == 0")).isTrue();
        assertThat(QueryModel.filtersByComparison("x >= 2  # a comment > here")).isTrue();
        assertThat(QueryModel.filtersByComparison("up > bool 0")).isFalse();
        assertThat(QueryModel.filtersByComparison("rate(ml_predictions_total{status!=\"ok\"}[1m])")).isFalse();
        assertThat(QueryModel.filtersByComparison("a / b")).isFalse();
        assertThat(QueryModel.filtersByComparison("max_over_time((x > 1)[5m:])")).isFalse();
    }
}
