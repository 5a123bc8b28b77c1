package dev.mlobservatory.console.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.prom.AlertRule;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a row and the detail pane show of a rule: no placeholder, values in their unit, the facts in one line. */
class AlertItemTest {

    private static final Instant T0 = Instant.parse("2024-03-05T14:00:00Z");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static AlertItem shown(AlertRule rule, Map<String, Double> measured) {
        AlertItem item = new AlertItem(rule.name());
        AlertTracker.Row row = new AlertTracker().observe(List.of(rule), T0).rows().get(0);
        item.update(row, UTC, T0, measured);
        item.tick(T0.plusSeconds(42), AlertsModel.HIGHLIGHT);
        return item;
    }

    @Test
    void anInactiveRuleHasNoPlaceholderAndSaysWhatItWillSay() {
        AlertRule rule = new AlertRule("ModelVersionNotAnswering", "inactive", null, Double.NaN, 120, "critical",
                "sum by (model_version) (rate(ml_predictions_total[5m])) > 0",
                Map.of("summary", "Model {{ $labels.model_version }} answers no prediction",
                        "description", "Every request to model {{ $labels.model_version }} failed over the last 5 "
                                + "minutes ({{ $value | printf \"%.2f\" }} requests/s).",
                        "unit", "requests/s"),
                Map.of(), Map.of());

        AlertItem item = shown(rule, Map.of());

        assertThat(item.summaryProperty().get()).isEqualTo("A model version answers no prediction");
        assertThat(item.descriptionProperty().get()).isEqualTo(
                "When it fires: Every request to a model version failed over the last 5 minutes (… requests/s).");
        assertThat(item.valueProperty().get()).isEqualTo("—");
        assertThat(item.factsProperty().get()).isEqualTo("critical · for: 2m");
        assertThat(item.expressionProperty().get()).startsWith("sum by (model_version)");
        assertThat(item.comparisonProperty().get()).isNull();
        assertThat(item.ageProperty().get()).as("inactive since before the console looked").isEmpty();
    }

    @Test
    void aFiringAlertShowsPrometheusTextAndItsValueInItsUnit() {
        AlertRule rule = new AlertRule("HighLatency", "firing", T0.minusSeconds(200), 2.205, 120, "warning",
                "histogram_quantile(0.95, …) > 1",
                Map.of("summary", "High prediction latency detected", "unit", "seconds",
                        "description", "95th percentile prediction latency is {{ $value | humanizeDuration }} …"),
                Map.of("summary", "High prediction latency detected",
                        "description", "95th percentile prediction latency is 2.205s over the last 5 minutes."),
                Map.of("alertname", "HighLatency", "severity", "warning"));

        AlertItem item = shown(rule, Map.of());

        assertThat(item.valueProperty().get()).isEqualTo("2.2 s");
        assertThat(item.descriptionProperty().get())
                .isEqualTo("95th percentile prediction latency is 2.205s over the last 5 minutes.");
        assertThat(item.factsProperty().get()).isEqualTo("warning · for: 2m · active since 13:56:40");
        assertThat(item.ageProperty().get()).isEqualTo("for 2 m 2 s");
        assertThat(item.getTimeInState()).isEqualTo("firing for 2 m 2 s");
    }

    @Test
    void anInactiveRuleWithAValueQueryShowsItsMeasuredValueAndTheComparison() {
        AlertItem item = shown(LiveComparisonTest.highErrorRate("inactive", Double.NaN),
                Map.of(LiveComparisonTest.RULE, 0.0624, LiveComparisonTest.LIVE, 0.398));

        assertThat(item.valueProperty().get()).isEqualTo("6.2 %");
        assertThat(item.comparisonProperty().get().liveValue()).isEqualTo("39.8 %");
    }

    @Test
    void whatASilenceOfTheAlertMatchesIsItsNameSeverityAndLabels() {
        AlertRule firing = new AlertRule("APIDown", "firing", T0, 0, 60, "critical", "up == 0", Map.of(), Map.of(),
                Map.of("alertname", "APIDown", "job", "ml-api", "instance", "127.0.0.1:8080", "severity", "critical"));
        AlertRule inactive = new AlertRule("HighLatency", "inactive", null, Double.NaN, 120, "warning", "x > 1",
                Map.of(), Map.of(), Map.of());

        assertThat(shown(firing, Map.of()).identityProperty().get()).isEqualTo(Map.of("alertname", "APIDown",
                "job", "ml-api", "instance", "127.0.0.1:8080", "severity", "critical"));
        assertThat(shown(inactive, Map.of()).identityProperty().get())
                .isEqualTo(Map.of("alertname", "HighLatency", "severity", "warning"));
    }
}
