package dev.mlobservatory.console.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.explain.ExplainState.Phase;
import dev.mlobservatory.console.prom.PrometheusAbsence;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.prom.PrometheusException;
import dev.mlobservatory.console.stack.Ports;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Explain's states without a Prometheus to parse with: each one a sentence the student can act on. */
class ExplainModelTest {

    private final ScheduledExecutorService executor = AppExecutor.create();
    private final SimpleObjectProperty<PrometheusClient> prometheus = new SimpleObjectProperty<>();
    private final ExplainModel model = new ExplainModel(executor, FxThread.direct(), prometheus);

    @AfterEach
    void stop() {
        model.stop();
        AppExecutor.shutdown(executor);
    }

    @Test
    void beforeAnythingItSaysHowToStart() {
        assertThat(model.stateProperty().get().phase()).isEqualTo(Phase.IDLE);
        assertThat(model.stateProperty().get().message()).contains("Ctrl+Shift+Enter");
        assertThat(model.shownProperty().get()).isFalse();
    }

    @Test
    void withoutPrometheusItSaysWhyAndFollowsTheStacksWord() throws Exception {
        SimpleObjectProperty<PrometheusAbsence> why = new SimpleObjectProperty<>(PrometheusAbsence.NOT_STARTED);
        model.explainAbsence(why);
        model.explain("up").get(5, TimeUnit.SECONDS);

        assertThat(model.shownProperty().get()).isTrue();
        assertThat(model.stateProperty().get().phase()).isEqualTo(Phase.NO_PROMETHEUS);
        assertThat(model.stateProperty().get().message()).isEqualTo(
                "Prometheus is not running: press ▶ Start stack (top left) to explain a query.");
        why.set(PrometheusAbsence.NOT_INSTALLED);
        assertThat(model.stateProperty().get().message()).startsWith("This stack runs without Prometheus")
                .endsWith("to explain a query.");
    }

    @Test
    void anEmptyEditorAsksForAnExpression() throws Exception {
        model.explain("   ").get(5, TimeUnit.SECONDS);
        assertThat(model.stateProperty().get().message()).startsWith("Type a PromQL expression in the editor first");
    }

    @Test
    void aPrometheusThatDoesNotAnswerIsSaidSo() throws Exception {
        prometheus.set(new PrometheusClient("http://127.0.0.1:" + Ports.any(), PrometheusClient.defaultHttp()));
        model.explain("up").get(20, TimeUnit.SECONDS);

        assertThat(model.stateProperty().get().phase()).isEqualTo(Phase.FAILED);
        assertThat(model.stateProperty().get().message()).contains("is not reachable")
                .endsWith("Is the stack still running? Start it with ▶ Start stack (top left).");
    }

    @Test
    void closingHidesItAndAVersionSaysWhichPrometheusIsTooOld() {
        model.close();
        assertThat(model.shownProperty().get()).isFalse();
        assertThat(ExplainModel.needs3("2.42.0+ds")).startsWith("Explain needs Prometheus 3 (this one is 2.42): ");
        assertThat(ExplainModel.prometheusError(new PrometheusException("bad_data",
                "invalid parameter \"query\": 1:6: parse error: unclosed left parenthesis")))
                .isEqualTo("bad_data: 1:6: parse error: unclosed left parenthesis");
    }
}
