package dev.mlobservatory.console.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.stack.Ports;
import dev.mlobservatory.console.testing.LivePolling;
import dev.mlobservatory.console.testing.LiveStack;
import dev.mlobservatory.console.ui.Chip;
import dev.mlobservatory.console.ui.Format;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Alerts model against the real prometheus evaluating the repository's rules every second: healthy traffic,
 * then failing requests (HighErrorRate pending), then the API gone (APIDown pending, a minute later firing), then
 * Prometheus gone.
 * The tests run in order: each breaks a little more of the stack.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.mlobservatory.api.testing.Tools#eachPrometheus")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertsModelLiveTest {

    /** Each Prometheus found (3.5 LTS and the distribution's 2.x), named in the test's display name. */
    @Parameter
    Tools.Versioned binary;

    private static final String FLOWER = "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}";

    private static LivePolling live;
    private static AlertsModel model;

    @BeforeParameterizedClassInvocation
    static void start(Tools.Versioned binary) throws Exception {
        live = LivePolling.start(binary);
        for (int i = 0; i < 20; i++) {
            live.stack.api.postJson("/v1/predict", FLOWER);
        }
        model = live.poll(new AlertsModel(live.executor, live.fx, live.prometheus, LivePolling.FAST));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (live != null) {
            live.close();
        }
    }

    private static AlertItem item(String name) {
        return live.read(() -> model.alerts().stream().filter(a -> a.getName().equals(name)).findFirst().orElse(null));
    }

    private static AlertState state(String name) {
        AlertItem item = item(name);
        return item == null ? null : live.read(item::getState);
    }

    /** "12.5 %" → 12.5. */
    private static double percent(String text) {
        assertThat(text).endsWith(" %");
        return Double.parseDouble(text.substring(0, text.length() - 2));
    }

    @Test
    @Order(1)
    void theRepositoryRulesAreInactiveUnderHealthyTraffic() throws Exception {
        LiveStack.await("the repository's rules in the model", 30,
                () -> state("HighErrorRate") != null && state("HighLatency") != null && state("APIDown") != null);

        assertThat(state("HighErrorRate")).isEqualTo(AlertState.INACTIVE);
        assertThat(state("HighLatency")).isEqualTo(AlertState.INACTIVE);
        assertThat(state("APIDown")).isEqualTo(AlertState.INACTIVE);
        live.read(() -> {
            assertThat(model.messageProperty().get()).isEmpty();
            assertThat(model.reachableProperty().get()).isTrue();
            assertThat(model.firingCountProperty().get()).isZero();
            assertThat(model.chipProperty().getValue().text()).isEqualTo("no alerts");
            AlertItem errors = item("HighErrorRate");
            assertThat(errors.severityProperty().get()).isEqualTo("warning");
            assertThat(errors.forDurationProperty().get()).isEqualTo("2m");
            assertThat(errors.summaryProperty().get()).isEqualTo("High prediction error rate detected");
            // Inactive, yet its value shows: the rule file's value_query, a ratio, in percent.
            assertThat(errors.valueProperty().get()).isIn("0 %", Format.NONE);
            assertThat(errors.expressionProperty().get()).endsWith("> 0.1");
            assertThat(errors.descriptionProperty().get()).isEqualTo(
                    "When it fires: … of prediction requests failed over the last 5 minutes (threshold 10%).");
            assertThat(errors.comparisonProperty().get().ruleCaption()).isEqualTo("the rule, over 5m");
            assertThat(errors.comparisonProperty().get().liveCaption()).isEqualTo("live, over 1m");
            assertThat(item("HighLatency").valueProperty().get()).as("p95 in ms").matches("(\\d+(\\.\\d+)? ms|—)");
            assertThat(item("ModelVersionNotAnswering").summaryProperty().get())
                    .isEqualTo("A model version answers no prediction");
            assertThat(item("PredictionDrift").summaryProperty().get()).isEqualTo("Inputs to a model version have drifted");
            assertThat(model.alerts()).allSatisfy(a -> {
                assertThat(a.summaryProperty().get()).doesNotContain("{{", "<");
                assertThat(a.descriptionProperty().get()).doesNotContain("{{", "<");
            });
            assertThat(item("APIDown").forDurationProperty().get()).isEqualTo("1m");
            assertThat(item("APIDown").severityProperty().get()).isEqualTo("critical");
            // Firing first, then pending, then inactive: the states along the table never go back up.
            List<AlertState> states = model.alerts().stream().map(AlertItem::getState).toList();
            assertThat(states).isSortedAccordingTo(Enum::compareTo);
            return null;
        });
    }

    @Test
    @Order(2)
    void failingRequestsMakeHighErrorRatePendingAndTheTimelineShowsIt() throws Exception {
        // "{}" has no feature: a 400, counted as status="error". Keep them coming so the 5 m rate stays high.
        ScheduledExecutorService errors = Executors.newSingleThreadScheduledExecutor();
        errors.scheduleWithFixedDelay(() -> live.stack.api.postJson("/v1/predict", "{}"),
                0, 100, TimeUnit.MILLISECONDS);
        try {
            LiveStack.await("HighErrorRate pending", 60, () -> state("HighErrorRate") == AlertState.PENDING);
        } finally {
            errors.shutdownNow();
        }

        live.read(() -> {
            AlertItem item = item("HighErrorRate");
            assertThat(model.timeline()).anySatisfy(t -> {
                assertThat(t.alert()).isEqualTo("HighErrorRate");
                assertThat(t.from()).isEqualTo(AlertState.INACTIVE);
                assertThat(t.to()).isEqualTo(AlertState.PENDING);
            });
            assertThat(item.isHighlighted()).as("just changed: lit").isTrue();
            assertThat(item.getTimeInState()).startsWith("pending for ");
            assertThat(item.activeSinceProperty().get()).matches("\\d\\d:\\d\\d:\\d\\d");
            assertThat(percent(item.valueProperty().get())).as("the error ratio, in percent").isGreaterThan(10);
            assertThat(percent(item.comparisonProperty().get().liveValue())).as("the last minute's").isGreaterThan(10);
            assertThat(item.descriptionProperty().get()).as("Prometheus's own words now")
                    .matches("\\d+(\\.\\d+)?% of prediction requests failed over the last 5 minutes \\(threshold 10%\\)\\.");
            assertThat(model.pendingCountProperty().get()).isGreaterThanOrEqualTo(1);
            assertThat(model.alerts().get(0).getState()).as("pending before inactive").isNotEqualTo(AlertState.INACTIVE);

            // The clock moves the text without a query; the highlight goes out after a while.
            model.tick(Instant.now().plusSeconds(65));
            assertThat(item.getTimeInState()).matches("pending for 1 m \\d+ s");
            assertThat(item.isHighlighted()).isFalse();
            return null;
        });
    }

    @Test
    @Order(3)
    void theApiGoneMakesApiDownPending() throws Exception {
        live.stack.api.server.close();

        LiveStack.await("APIDown pending", 60, () -> state("APIDown") == AlertState.PENDING);

        live.read(() -> {
            assertThat(model.timeline()).anySatisfy(t -> assertThat(t.line(model.zone()))
                    .endsWith("APIDown  inactive → pending"));
            assertThat(item("APIDown").labelsProperty().get()).contains("job=ml-api");
            return null;
        });
    }

    @Test
    @Order(4)
    void aMinuteLaterApiDownFiresFirstInTheTable() throws Exception {
        // APIDown's for is 1m: pending turns firing about a minute after the API went away.
        LiveStack.await("APIDown firing", 100, () -> state("APIDown") == AlertState.FIRING);

        live.read(() -> {
            assertThat(model.firingCountProperty().get()).isEqualTo(1);
            assertThat(model.chipProperty().getValue().text()).isEqualTo("1 alert firing");
            assertThat(model.chipProperty().getValue().level()).isEqualTo(Chip.Level.DOWN);
            assertThat(model.alerts().get(0).getName()).isEqualTo("APIDown");
            assertThat(model.timeline()).anySatisfy(t -> assertThat(t.line(model.zone()))
                    .endsWith("APIDown  pending → firing"));
            AlertItem item = item("APIDown");
            assertThat(item.isHighlighted()).isTrue();
            assertThat(item.getTimeInState()).matches("firing for \\d s");
            return null;
        });
    }

    @Test
    @Order(5)
    void prometheusGoneShowsWhyAndTheModelRecoversByItself() throws Exception {
        live.prometheus.set(null);
        LiveStack.await("the not-running message", 10,
                () -> live.read(() -> model.messageProperty().get().startsWith("Prometheus is not running")));
        live.read(() -> {
            assertThat(model.alerts()).isEmpty();
            assertThat(model.firingCountProperty().get()).isZero();
            assertThat(model.pendingCountProperty().get()).isZero();
            assertThat(model.reachableProperty().get()).isFalse();
            return null;
        });

        String nobody = "http://127.0.0.1:" + Ports.any();
        live.prometheus.set(new PrometheusClient(nobody, PrometheusClient.defaultHttp()));
        LiveStack.await("the not-reachable message", 10, () -> live.read(() -> model.messageProperty().get()
                .startsWith("Prometheus at " + nobody + " is not reachable")));

        live.prometheus.set(live.stack.client);
        LiveStack.await("rules again", 10, () -> live.read(() -> !model.alerts().isEmpty()));
        live.read(() -> {
            assertThat(model.messageProperty().get()).isEmpty();
            assertThat(model.firingCountProperty().get()).as("APIDown still fires").isEqualTo(1);
            return null;
        });
    }

    @Test
    @Order(6)
    void withoutPrometheusARefreshGivesTheMessageNotAnException() {
        AlertsModel absent = new AlertsModel(live.executor, FxThread.direct(), new SimpleObjectProperty<>(null));

        absent.refresh();

        assertThat(absent.messageProperty().get())
                .isEqualTo("Prometheus is not running: press ▶ Start stack (top left) to see alert rules.");
        assertThat(absent.alerts()).isEmpty();
        assertThat(absent.chipProperty().getValue().level()).isEqualTo(Chip.Level.IDLE);
        assertThat(absent.reachableProperty().get()).isFalse();
    }
}
