package dev.mlobservatory.console.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.prom.NearestNames;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which names in a query are metrics, and what a misspelt one is probably meant to be. */
class UnknownMetricsTest {

    private static final List<String> KNOWN = List.of("ml_predictions_total", "ml_prediction_errors_total",
            "ml_predict_duration_seconds_bucket", "ml_predict_duration_seconds_count", "up",
            "prometheus_http_requests_total", "process_cpu_seconds_total");

    @Test
    void findsMetricNamesButNotFunctionsKeywordsLabelsStringsOrDurations() {
        assertThat(UnknownMetrics.metricNamesIn("up")).containsExactly("up");
        assertThat(UnknownMetrics.metricNamesIn(
                "sum by (model_version, job) (rate(ml_predictions_total{prediction_result!=\"error\", job=~'a}b'}[5m]"
                        + " offset 1h))"))
                .containsExactly("ml_predictions_total");
        assertThat(UnknownMetrics.metricNamesIn(
                "histogram_quantile(0.95, sum without (instance) (rate(ml_predict_duration_seconds_bucket[1m:15s])))"
                        + " / on (job) group_left (le) up and bool process_cpu_seconds_total * 1e3 > Inf"))
                .containsExactly("ml_predict_duration_seconds_bucket", "up", "process_cpu_seconds_total");
        assertThat(UnknownMetrics.metricNamesIn("topk (3, up) # a comment about foo\n or\nsum(up)"))
                .containsExactly("up");
        assertThat(UnknownMetrics.metricNamesIn("{__name__=\"up\"} + 1 + vector(2)")).isEmpty();
        assertThat(UnknownMetrics.metricNamesIn("label_replace(up, \"dst\", \"$1\", \"src\", \"(.*)\")"))
                .containsExactly("up");
        assertThat(UnknownMetrics.metricNamesIn("job:requests:rate5m")).containsExactly("job:requests:rate5m");
    }

    @Test
    void misspeltNameGetsTheNearestKnownNames() {
        assertThat(UnknownMetrics.explain("rate(ml_predictions_totl[1m])", KNOWN)).isEqualTo(
                "No series: ml_predictions_totl is not a metric Prometheus knows. Did you mean ml_predictions_total?");
        assertThat(NearestNames.nearest("ml_predict_duration_seconds_buckt", KNOWN, UnknownMetrics.SUGGESTIONS))
                .containsExactly("ml_predict_duration_seconds_bucket", "ml_predict_duration_seconds_count");
        assertThat(NearestNames.nearest("upp", List.of("up", "ups", "app", "uppp", "xyz"), UnknownMetrics.SUGGESTIONS))
                .containsExactly("app", "up", "uppp"); // ties by name; xyz is too far
    }

    @Test
    void eachUnknownNameIsNamedAndAFarNameGetsNoGuess() {
        assertThat(UnknownMetrics.explain("ml_predictions_totl / banana_split", KNOWN)).isEqualTo(
                "No series: ml_predictions_totl is not a metric Prometheus knows. Did you mean ml_predictions_total?"
                        + " banana_split is not a metric Prometheus knows.");
    }

    @Test
    void knownNamesOrNoNamesLoadedGiveNoHint() {
        // Every name known: the labels or the time range are why, not the spelling.
        assertThat(UnknownMetrics.explain("ml_predictions_total{model_version=\"v9\"}", KNOWN)).isNull();
        assertThat(UnknownMetrics.explain("ml_predictions_totl", List.of())).isNull();
    }

    @Test
    void editDistance() {
        assertThat(NearestNames.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(NearestNames.distance("", "abc")).isEqualTo(3);
        assertThat(NearestNames.distance("same", "same")).isZero();
    }
}
