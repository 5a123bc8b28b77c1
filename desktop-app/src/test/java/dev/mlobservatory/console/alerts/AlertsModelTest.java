package dev.mlobservatory.console.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.prom.AlertRule;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.prom.QueryResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Alerts model fed polls directly (no Prometheus, no FX thread): values measured, order, timeline. */
class AlertsModelTest {

    private static final Instant T0 = Instant.parse("2024-03-05T14:00:00Z");
    /** Never asked: publish only names it in the "no rule loaded" message. */
    private static final PrometheusClient NOBODY = new PrometheusClient("http://127.0.0.1:9", PrometheusClient.defaultHttp());

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final AlertsModel model = new AlertsModel(executor, FxThread.direct(), new SimpleObjectProperty<>(null));

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static AlertRule rule(String name, String state) {
        return new AlertRule(name, state, state.equals("inactive") ? null : T0, Double.NaN, 120, "warning", "up == 0",
                Map.of("summary", name), Map.of(), Map.of());
    }

    private AlertItem item(String name) {
        return model.alerts().stream().filter(a -> a.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aMeasuredValueQueryFillsTheValueOfAnInactiveRule() {
        model.publish(new AlertsModel.Poll(List.of(LiveComparisonTest.highErrorRate("inactive", Double.NaN)),
                Map.of(LiveComparisonTest.RULE, 0.0512, LiveComparisonTest.LIVE, 0.4)), NOBODY, T0);

        AlertItem item = item("HighErrorRate");
        assertThat(item.valueProperty().get()).isEqualTo("5.1 %");
        assertThat(item.comparisonProperty().get().line())
                .isEqualTo("the rule, over 5m: 5.1 %  ·  live, over 1m: 40.0 %");
    }

    @Test
    void aRuleThatTurnsPendingMovesUpByAPermutationSoTheSelectionStaysOnIt() {
        model.publish(new AlertsModel.Poll(List.of(rule("APIDown", "inactive"), rule("HighErrorRate", "inactive")),
                Map.of()), NOBODY, T0);
        AlertItem errors = item("HighErrorRate");
        List<String> changes = new ArrayList<>();
        model.alerts().addListener((ListChangeListener<AlertItem>) c -> {
            while (c.next()) {
                changes.add(c.wasPermutated() ? "permutation" : c.wasReplaced() ? "replace" : "other");
            }
        });

        model.publish(new AlertsModel.Poll(List.of(rule("APIDown", "inactive"), rule("HighErrorRate", "pending")),
                Map.of()), NOBODY, T0.plusSeconds(5));

        assertThat(model.alerts()).extracting(AlertItem::getName).containsExactly("HighErrorRate", "APIDown");
        assertThat(model.alerts().get(0)).as("the same row object").isSameAs(errors);
        assertThat(changes).containsExactly("permutation");
        assertThat(model.timeline()).extracting(AlertTransition::change).containsExactly("inactive → pending");
    }

    @Test
    void theTimelineKeepsItsNewestEntries() {
        List<AlertTransition> many = new ArrayList<>();
        for (int i = 0; i < AlertsModel.TIMELINE_CAPACITY + 5; i++) {
            many.add(new AlertTransition(T0.plusSeconds(i), "A" + i, AlertState.INACTIVE, AlertState.PENDING));
        }

        model.record(many);

        assertThat(model.timeline()).hasSize(AlertsModel.TIMELINE_CAPACITY);
        assertThat(model.timeline().get(model.timeline().size() - 1).alert())
                .isEqualTo("A" + (AlertsModel.TIMELINE_CAPACITY + 4));
    }

    @Test
    void aQueryGivesOneNumberOrNaN() {
        assertThat(AlertsModel.single(new QueryResult.Scalar(0, 0.25))).isEqualTo(0.25);
        assertThat(AlertsModel.single(new QueryResult.Vector(List.of(
                new QueryResult.Sample(Map.of("a", "1"), 0, 0.1), new QueryResult.Sample(Map.of("a", "2"), 0, 0.3)))))
                .as("the largest series").isEqualTo(0.3);
        assertThat(AlertsModel.single(new QueryResult.Vector(List.of()))).as("0 / 0 finds nothing").isNaN();
        assertThat(AlertsModel.single(new QueryResult.Text(0, "x"))).isNaN();
    }
}
