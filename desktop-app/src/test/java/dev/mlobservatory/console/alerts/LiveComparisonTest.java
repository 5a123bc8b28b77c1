package dev.mlobservatory.console.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.prom.AlertRule;
import dev.mlobservatory.console.ui.Format;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HighErrorRate's 5-minute ratio beside the last minute's, as the rule file's annotations describe them. */
class LiveComparisonTest {

    static final String RULE = "sum(rate(ml_predictions_total{status=\"error\"}[5m])) / sum(rate(ml_predictions_total[5m]))";
    static final String LIVE = "sum(rate(ml_predictions_total{status=\"error\"}[1m])) / sum(rate(ml_predictions_total[1m]))";
    static final String NOTE = "The rule averages 5 minutes, so earlier good traffic dilutes a new failure rate.";

    static AlertRule highErrorRate(String state, double alertValue) {
        return new AlertRule("HighErrorRate", state, state.equals("inactive") ? null : Instant.EPOCH, alertValue, 120,
                "warning", RULE + " > 0.1",
                Map.of("summary", "High prediction error rate detected", "unit", "ratio",
                        LiveComparison.VALUE_QUERY, RULE, LiveComparison.LIVE_QUERY, LIVE, LiveComparison.LAG_NOTE, NOTE),
                Map.of(), Map.of());
    }

    @Test
    void theRuleAndTheLastMinuteSideBySideInPercent() {
        LiveComparison c = LiveComparison.of(highErrorRate("inactive", Double.NaN), Map.of(RULE, 0.062, LIVE, 0.398));

        assertThat(c.ruleCaption()).isEqualTo("the rule, over 5m");
        assertThat(c.ruleValue()).isEqualTo("6.2 %");
        assertThat(c.liveCaption()).isEqualTo("live, over 1m");
        assertThat(c.liveValue()).isEqualTo("39.8 %");
        assertThat(c.note()).isEqualTo(NOTE);
        assertThat(c.line()).isEqualTo("the rule, over 5m: 6.2 %  ·  live, over 1m: 39.8 %");
    }

    @Test
    void whatWasNotMeasuredIsADashAndAnActiveAlertStillGivesTheRuleValue() {
        LiveComparison none = LiveComparison.of(highErrorRate("inactive", Double.NaN), Map.of(RULE, Double.NaN));
        assertThat(none.ruleValue()).isEqualTo(Format.NONE);
        assertThat(none.liveValue()).isEqualTo(Format.NONE);

        LiveComparison pending = LiveComparison.of(highErrorRate("pending", 0.1068), Map.of(LIVE, 0.4));
        assertThat(pending.ruleValue()).as("the alert's own value").isEqualTo("10.7 %");
        assertThat(pending.liveValue()).isEqualTo("40.0 %");
    }

    @Test
    void aRuleWithoutALiveQueryHasNoComparison() {
        AlertRule apiDown = new AlertRule("APIDown", "inactive", null, Double.NaN, 60, "critical",
                "up{job=\"ml-api\"} == 0", Map.of("summary", "ML API is down"), Map.of(), Map.of());

        assertThat(LiveComparison.of(apiDown, Map.of())).isNull();
    }

    @Test
    void captionsNameTheWindowOnlyWhenThereIsOne() {
        assertThat(LiveComparison.caption("live", "rate(x[30s])")).isEqualTo("live, over 30s");
        assertThat(LiveComparison.caption("live", "max_over_time(rate(x[1m])[5m:30s])")).isEqualTo("live");
        assertThat(LiveComparison.caption("the rule", "up == 0")).isEqualTo("the rule");
    }
}
