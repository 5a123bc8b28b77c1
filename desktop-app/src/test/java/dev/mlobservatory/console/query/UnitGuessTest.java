package dev.mlobservatory.console.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.live.DashboardQueries;
import dev.mlobservatory.console.stack.StackFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unit a chart's value axis gets, guessed from the query: for every query the lab and the dashboard show. */
class UnitGuessTest {

    /** Every lab example and cheat-sheet entry, by its PromQL, with the unit a reader would name. */
    private static final Map<String, ValueUnit> EXAMPLES = new LinkedHashMap<>();

    static {
        EXAMPLES.put("ml_predictions_total", ValueUnit.PLAIN);
        EXAMPLES.put("rate(ml_predictions_total[1m])", ValueUnit.PER_SECOND);
        EXAMPLES.put("rate(ml_prediction_duration_seconds_sum[5m]) / rate(ml_prediction_duration_seconds_count[5m])",
                ValueUnit.SECONDS);
        EXAMPLES.put("histogram_quantile(0.95, sum(rate(ml_prediction_duration_seconds_bucket[5m])) by (le))",
                ValueUnit.SECONDS);
        EXAMPLES.put("sum(rate(ml_predictions_total{status=\"error\"}[5m])) / sum(rate(ml_predictions_total[5m]))",
                ValueUnit.RATIO);
        EXAMPLES.put("histogram_quantile(0.95, sum(rate(ml_prediction_duration_seconds_bucket[5m])) by (le)) > 1.0",
                ValueUnit.SECONDS);
        EXAMPLES.put("up{job=\"ml-api\"}", ValueUnit.PLAIN);
        EXAMPLES.put("sum by (model_version) (rate(ml_predictions_total[1m]))", ValueUnit.PER_SECOND);
        EXAMPLES.put("sum by (prediction_result) (rate(ml_predictions_total{status=\"success\"}[5m]))",
                ValueUnit.PER_SECOND);
        EXAMPLES.put("histogram_quantile(0.99, sum by (le, model_version) "
                + "(rate(ml_prediction_duration_seconds_bucket[5m])))", ValueUnit.SECONDS);
        EXAMPLES.put("ml_model_accuracy", ValueUnit.PLAIN);
        EXAMPLES.put("app_memory_usage_bytes", ValueUnit.BYTES);
        EXAMPLES.put("app_cpu_usage_percent", ValueUnit.PERCENT);
        // The cheat-sheet.
        EXAMPLES.put("ml_predictions_total{status=\"success\", model_version=~\"v1|v2\"}", ValueUnit.PLAIN);
        EXAMPLES.put("rate(ml_predictions_total[5m])", ValueUnit.PER_SECOND);
        EXAMPLES.put("increase(ml_predictions_total[1h])", ValueUnit.PLAIN);
        EXAMPLES.put("sum by (model_version) (rate(ml_predictions_total[5m]))", ValueUnit.PER_SECOND);
        EXAMPLES.put("histogram_quantile(0.95, sum by (le) (rate(ml_prediction_duration_seconds_bucket[5m])))",
                ValueUnit.SECONDS);
        EXAMPLES.put("topk(3, sum by (route, status) (rate(http_server_request_duration_seconds_count[5m])))",
                ValueUnit.PER_SECOND);
        EXAMPLES.put("avg(ml_model_accuracy)", ValueUnit.PLAIN);
        EXAMPLES.put("max by (model_version) (ml_model_accuracy)", ValueUnit.PLAIN);
        EXAMPLES.put("count by (job) (up)", ValueUnit.PLAIN);
    }

    @TempDir
    Path home;

    @Test
    void everyLabExampleAndCheatSheetEntryGetsTheUnitAReaderWouldName() {
        List<String> shown = Stream.concat(ExampleQueries.LAB.stream(), ExampleQueries.CHEAT_SHEET.stream())
                .map(ExampleQueries.Example::promql).distinct().toList();
        assertThat(EXAMPLES.keySet()).as("a unit for every example the tab offers").containsAll(shown);
        EXAMPLES.forEach((promql, unit) -> assertThat(UnitGuess.of(promql)).as(promql).isEqualTo(unit));
    }

    @Test
    void theLiveTabsDashboardQueriesGetTheUnitTheirPanelStates() throws Exception {
        DashboardQueries dashboard = DashboardQueries.read(StackFiles.locate(home).dashboard());
        Map<String, ValueUnit> byGrafanaUnit = Map.of("s", ValueUnit.SECONDS, "reqps", ValueUnit.PER_SECOND,
                "percent", ValueUnit.PERCENT);
        for (String title : DashboardQueries.LIVE_PANELS) {
            DashboardQueries.Panel panel = dashboard.resolved(title, "1m");
            assertThat(byGrafanaUnit).as("panel %s's unit", title).containsKey(panel.unit());
            assertThat(panel.targets()).allSatisfy(t ->
                    assertThat(UnitGuess.of(t.expr())).as(t.expr()).isEqualTo(byGrafanaUnit.get(panel.unit())));
        }
    }

    @Test
    void factorsTurnARatioIntoAPercentageAndLeaveOtherScalesUnnamed() {
        assertThat(UnitGuess.of("100 * sum(rate(ml_predictions_total{status=\"error\"}[5m])) "
                + "/ sum(rate(ml_predictions_total[5m]))")).isEqualTo(ValueUnit.PERCENT);
        assertThat(UnitGuess.of("ml_fault_injected_error_ratio * 100")).isEqualTo(ValueUnit.PERCENT);
        assertThat(UnitGuess.of("max(ml_fault_injected_error_ratio)")).isEqualTo(ValueUnit.RATIO);
        assertThat(UnitGuess.of("app_cpu_usage_percent / 100")).isEqualTo(ValueUnit.RATIO);
        assertThat(UnitGuess.of("1000 * max by (model_version) (ml_fault_injected_latency_seconds)"))
                .as("milliseconds: a scale the chart does not name").isEqualTo(ValueUnit.PLAIN);
        assertThat(UnitGuess.of("ml_fault_injected_latency_seconds + 0.5")).isEqualTo(ValueUnit.SECONDS);
        assertThat(UnitGuess.of("-ml_fault_injected_latency_seconds")).isEqualTo(ValueUnit.SECONDS);
        assertThat(UnitGuess.of("2 * 21")).isEqualTo(ValueUnit.PLAIN);
        assertThat(UnitGuess.of("rate(a_total[5m]) / rate(b_total[5m])")).as("two different metrics")
                .isEqualTo(ValueUnit.PLAIN);
    }

    @Test
    void selectorsModifiersAndCommentsDoNotConfuseIt() {
        assertThat(UnitGuess.of("{__name__=\"ml_prediction_duration_seconds_sum\"}")).isEqualTo(ValueUnit.SECONDS);
        assertThat(UnitGuess.of("process_cpu_seconds_total offset 5m")).isEqualTo(ValueUnit.SECONDS);
        assertThat(UnitGuess.of("max_over_time(app_memory_usage_bytes[10m:1m])")).isEqualTo(ValueUnit.BYTES);
        assertThat(UnitGuess.of("rate(ml_predictions_total[5m])[30m:1m]")).isEqualTo(ValueUnit.PER_SECOND);
        assertThat(UnitGuess.of("# p95\nhistogram_quantile(0.95, sum by (le) "
                + "(rate(ml_prediction_duration_seconds_bucket{route=\"/v1/predict\"}[5m])))"))
                .isEqualTo(ValueUnit.SECONDS);
        assertThat(UnitGuess.of("ml_prediction_duration_seconds_count")).as("how many, not how long")
                .isEqualTo(ValueUnit.PLAIN);
        assertThat(UnitGuess.of("sum(rate(ml_predictions_total[5m])) > bool 1")).as("0 or 1")
                .isEqualTo(ValueUnit.PLAIN);
        assertThat(UnitGuess.of("sum(rate(x_errors_total[5m])) or vector(0)")).isEqualTo(ValueUnit.PER_SECOND);
        assertThat(UnitGuess.of("sum by (x) (rate(a_total{s=\"error\"}[5m])) / ignoring(s) group_left "
                + "sum by (x) (rate(a_total[5m]))")).isEqualTo(ValueUnit.RATIO);
        assertThat(UnitGuess.of("")).isEqualTo(ValueUnit.PLAIN);
        assertThat(UnitGuess.of("sum(rate(up[5m])")).as("unbalanced: no guess, no exception")
                .isIn((Object[]) ValueUnit.values());
    }

    @Test
    void ticksAreWrittenInTheUnit() {
        assertThat(ValueUnit.SECONDS.tick(0.0025)).isEqualTo("2.5 ms");
        assertThat(ValueUnit.SECONDS.tick(1.5)).isEqualTo("1.5 s");
        assertThat(ValueUnit.SECONDS.tick(0)).isEqualTo("0");
        assertThat(ValueUnit.PERCENT.tick(12.5)).isEqualTo("12.5 %");
        assertThat(ValueUnit.BYTES.tick(50_000_000)).isEqualTo("50 MB");
        assertThat(ValueUnit.PER_SECOND.tick(0.30000000000000004)).isEqualTo("0.3");
        assertThat(ValueUnit.RATIO.tick(0.1)).isEqualTo("0.1");
    }
}
