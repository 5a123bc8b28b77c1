package dev.mlobservatory.console.prom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.stack.Ports;
import dev.mlobservatory.console.testing.LiveStack;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The client against the real prometheus binary scraping a real API: every result type, errors, absence. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.mlobservatory.api.testing.Tools#eachPrometheus")
class PrometheusClientTest {

    /** Each Prometheus found (3.5 LTS and the distribution's 2.x), named in the test's display name. */
    @Parameter
    Tools.Versioned binary;

    private static LiveStack stack;

    @BeforeParameterizedClassInvocation
    static void start(Tools.Versioned binary) throws Exception {
        stack = LiveStack.start(binary);
        for (int i = 0; i < 20; i++) {
            stack.api.postJson("/v1/predict", "{\"sepal_length\":5.1,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}");
        }
        stack.awaitSeries("the API's samples in Prometheus", "ml_predictions_total", 30);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void readyAndVersion() throws Exception {
        assertThat(stack.client.ready()).isTrue();
        assertThat(stack.client.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void instantVectorWithLabelsAndValues() throws Exception {
        QueryResult r = stack.client.query("sum by (model_version, prediction_result) (ml_predictions_total)");

        assertThat(r).isInstanceOf(QueryResult.Vector.class);
        List<QueryResult.Sample> samples = ((QueryResult.Vector) r).samples();
        assertThat(samples).anySatisfy(s -> {
            assertThat(s.labels()).containsEntry("model_version", "v1").containsEntry("prediction_result", "setosa");
            assertThat(s.value()).isEqualTo(20.0);
        });
    }

    @Test
    void prometheusNotesComeWithTheAnswer() throws Exception {
        // rate() of a gauge: Prometheus 3 answers and adds an info (once the window holds two samples to rate);
        // 2.x has no infos.
        String gaugeRate = "rate(ml_model_accuracy[1m])";
        stack.awaitSeries("two samples of the gauge to rate", gaugeRate, 30);
        PrometheusClient.Answer<QueryResult> gauge = stack.client.queryWithNotes(gaugeRate);
        assertThat(gauge.result()).isInstanceOf(QueryResult.Vector.class);
        if (binary.atLeast(3, 0)) {
            assertThat(gauge.notes().infos()).singleElement().asString()
                    .contains("metric might not be a counter").contains("ml_model_accuracy");
        } else {
            assertThat(gauge.notes().infos()).isEmpty();
        }
        assertThat(stack.client.queryWithNotes("rate(ml_predictions_total[1m])").notes().isEmpty()).isTrue();
        double now = System.currentTimeMillis() / 1000.0;
        assertThat(stack.client.queryRangeWithNotes(gaugeRate, now - 60, now, 5).notes()
                .infos().isEmpty()).isEqualTo(!binary.atLeast(3, 0));
    }

    @Test
    void scalarAndString() throws Exception {
        assertThat(stack.client.query("1 + 1")).isInstanceOfSatisfying(QueryResult.Scalar.class,
                s -> assertThat(s.value()).isEqualTo(2.0));
        assertThat(stack.client.query("\"hello\"")).isInstanceOfSatisfying(QueryResult.Text.class,
                t -> assertThat(t.value()).isEqualTo("hello"));
    }

    @Test
    void rangeQueryGivesPointsOverTime() throws Exception {
        double now = System.currentTimeMillis() / 1000.0;
        QueryResult.Matrix m = stack.client.queryRange("up", now - 60, now, 1);

        assertThat(m.series()).isNotEmpty();
        assertThat(m.series().get(0).times()).isNotEmpty();
        assertThat(m.series().get(0).values()).contains(1.0);
    }

    @Test
    void syntaxErrorKeepsPrometheusWords() {
        assertThatThrownBy(() -> stack.client.query("sum(rate(up[5m])"))
                .isInstanceOfSatisfying(PrometheusException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("bad_data");
                    assertThat(e.getMessage()).contains("parse error");
                });
    }

    @Test
    void completionListsAlertsAndTargets() throws Exception {
        assertThat(stack.client.metricNames()).contains("ml_predictions_total", "up");
        assertThat(stack.client.labelNames()).contains("model_version", "job");
        assertThat(stack.client.alertRules()).extracting(AlertRule::name)
                .contains("HighErrorRate", "HighLatency", "APIDown");
        assertThat(stack.client.targets()).extracting(ScrapeTarget::job).contains("ml-api", "prometheus");
        assertThat(stack.client.targets()).allSatisfy(t -> assertThat(t.health()).isIn("up", "unknown"));
    }

    @Test
    void alertRulesCarryTheirExpressionAndAnnotationTemplates() throws Exception {
        AlertRule errors = stack.client.alertRules().stream().filter(r -> r.name().equals("HighErrorRate"))
                .findFirst().orElseThrow();

        assertThat(errors.expression()).startsWith("sum(rate(ml_predictions_total{status=\"error\"}[5m]))").endsWith("> 0.1");
        assertThat(errors.annotations()).containsEntry("unit", "ratio").containsKey("live_query");
        assertThat(errors.annotation("description")).as("inactive: the template").startsWith("{{ $value");
        assertThat(errors.filledIn("description")).isFalse();
        assertThat(errors.alertAnnotations()).isEmpty();
    }

    @Test
    void absentPrometheusIsUnreachableNotACrash() {
        PrometheusClient nobody = new PrometheusClient("http://127.0.0.1:" + Ports.any(), PrometheusClient.defaultHttp());

        assertThat(nobody.ready()).isFalse();
        assertThatThrownBy(() -> nobody.query("up"))
                .isInstanceOf(UnreachableException.class)
                .hasMessageContaining("not reachable");
    }
}
