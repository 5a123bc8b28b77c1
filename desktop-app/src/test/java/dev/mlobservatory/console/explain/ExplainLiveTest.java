package dev.mlobservatory.console.explain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlobservatory.api.TestApi;
import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.explain.ExplainState.Phase;
import dev.mlobservatory.console.prom.ParseAnswer;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.prom.QueryResult;
import dev.mlobservatory.console.stack.StackFiles;
import dev.mlobservatory.console.testing.LiveStack;
import dev.mlobservatory.console.testing.SerialFx;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Explain against each real Prometheus scraping the real API. On 3.x every expression of the dashboard, the rules
 * and the lab goes round: tree → printed PromQL → parse_query gives the same tree, and every part of it parses and
 * evaluates on its own; a broken expression shows Prometheus's error. On 2.x Explain says it needs 3.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.mlobservatory.api.testing.Tools#eachPrometheus")
class ExplainLiveTest {

    static final String LAB_P95 =
            "histogram_quantile(0.95, sum(rate(ml_prediction_duration_seconds_bucket[5m])) by (le))";

    @Parameter
    Tools.Versioned binary;

    private static LiveStack stack;
    private static ScheduledExecutorService executor;

    private final SerialFx fx = new SerialFx();
    private ExplainModel model;

    @BeforeParameterizedClassInvocation
    static void startStack(Tools.Versioned binary) throws Exception {
        stack = LiveStack.start(binary);
        executor = AppExecutor.create();
        for (int i = 0; i < 10; i++) {
            stack.api.postJson("/v1/predict", TestApi.flower(5.1, 3.5, 1.4, 0.2));
            stack.api.postJson("/v2/predict", TestApi.flower(7.7, 3.0, 6.1, 2.3));
        }
        stack.awaitSeries("a rate over the API's counters", "rate(ml_predictions_total[1m])", 30);
    }

    @AfterParameterizedClassInvocation
    static void stopStack() {
        if (executor != null) {
            AppExecutor.shutdown(executor);
        }
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void newModel() {
        model = new ExplainModel(executor, fx, new SimpleObjectProperty<>(stack.client));
    }

    @AfterEach
    void stopModel() {
        fx.run(model::stop);
    }

    /** Explains {@code promql} as the FX thread would and waits until the last result is published. */
    private ExplainState explain(String promql) throws Exception {
        fx.read(() -> model.explain(promql)).get(60, TimeUnit.SECONDS);
        return fx.read(() -> model.stateProperty().get());
    }

    @Test
    void everyDashboardRuleAndLabExpressionGoesRoundAndEachPartEvaluates() throws Exception {
        Assumptions.assumeTrue(binary.major() >= 3, "parse_query is Prometheus 3's");
        PrometheusClient prometheus = stack.client;
        Map<String, String> expressions = ExpressionsToExplain.all(StackFiles.locate(stack.dir).dashboard(), prometheus);
        assertThat(expressions.keySet()).anyMatch(k -> k.startsWith("dashboard")).anyMatch(k -> k.startsWith("rule"))
                .anyMatch(k -> k.startsWith("lab example"));
        List<String> problems = new ArrayList<>();
        int parts = 0;
        for (var e : expressions.entrySet()) {
            JsonNode tree = tree(prometheus, e.getValue());
            ExplainNode node = SyntaxTree.parse(tree);
            String printed = PromqlPrinter.print(node);
            if (!normalised(tree(prometheus, printed)).equals(normalised(tree))) {
                problems.add(e.getKey() + ": " + printed + " parses to another tree than " + e.getValue());
            }
            ExplainState state = explain(e.getValue());
            if (state.phase() != Phase.DONE) {
                problems.add(e.getKey() + ": " + state.phase() + " " + state.message());
                continue;
            }
            for (ExplainStep step : state.root().all()) {
                parts++;
                // Its own text parses to its own subtree, and Prometheus evaluates it.
                if (!normalised(tree(prometheus, step.promql())).equals(normalised(treeOf(tree, state.root(), step)))) {
                    problems.add(e.getKey() + ": part " + step.promql() + " parses to another tree");
                }
                if (!(state.result(step) instanceof NodeResult.Value)) {
                    problems.add(e.getKey() + ": part " + step.promql() + " gave " + state.result(step).summary());
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(parts).isGreaterThan(expressions.size() * 3);
    }

    @Test
    void theLabsP95ShowsEachPartWithItsResultAtOneTime() throws Exception {
        Assumptions.assumeTrue(binary.major() >= 3, "parse_query is Prometheus 3's");
        ExplainState state = explain(LAB_P95);

        assertThat(state.phase()).isEqualTo(Phase.DONE);
        assertThat(state.root().all()).extracting(ExplainStep::promql).containsExactly(
                "histogram_quantile(0.95, sum by (le) (rate(ml_prediction_duration_seconds_bucket[5m])))",
                "0.95",
                "sum by (le) (rate(ml_prediction_duration_seconds_bucket[5m]))",
                "rate(ml_prediction_duration_seconds_bucket[5m])",
                "ml_prediction_duration_seconds_bucket[5m]");
        List<ExplainStep> steps = state.root().all();
        assertThat(state.result(steps.get(1)).summary()).isEqualTo("0.95");
        assertThat(state.result(steps.get(0))).isInstanceOfSatisfying(NodeResult.Value.class,
                v -> assertThat(v.result()).isInstanceOf(QueryResult.Vector.class));
        // A range selector evaluated on its own is a window of samples per series, every bucket of every version.
        assertThat(state.result(steps.get(4))).isInstanceOfSatisfying(NodeResult.Value.class, v -> {
            assertThat(v.result()).isInstanceOfSatisfying(QueryResult.Matrix.class,
                    m -> assertThat(m.series()).isNotEmpty());
            assertThat(v.summary()).matches("\\d+ series × [\\d–]+ samples");
        });
        // sum by (le) keeps one series per bucket boundary; each of its series is one row when selected.
        fx.run(() -> model.select(steps.get(2)));
        int sums = fx.read(() -> model.rows().size());
        assertThat(sums).isGreaterThan(1);
        assertThat(fx.read(() -> model.rows().get(0).series())).startsWith("{le=\"");
        assertThat(state.result(steps.get(2)).summary()).startsWith(sums + " series · ");
    }

    @Test
    void aBrokenExpressionShowsPrometheussError() throws Exception {
        Assumptions.assumeTrue(binary.major() >= 3, "parse_query is Prometheus 3's");
        ExplainState state = explain("sum(rate(ml_predictions_total[5m])");

        assertThat(state.phase()).isEqualTo(Phase.NOT_PARSED);
        assertThat(state.message()).isEqualTo("Prometheus cannot read this expression. "
                + "bad_data: 1:35: parse error: unclosed left parenthesis");
        assertThat(state.root()).isNull();
    }

    @Test
    void prometheus2SaysExplainNeeds3() throws Exception {
        Assumptions.assumeTrue(binary.major() < 3, "only Prometheus older than 3 lacks parse_query");
        assertThat(stack.client.parseQuery("up")).isInstanceOf(ParseAnswer.Unsupported.class);

        ExplainState state = explain(LAB_P95);

        assertThat(state.phase()).isEqualTo(Phase.NEEDS_PROMETHEUS_3);
        assertThat(state.message()).startsWith("Explain needs Prometheus 3 (this one is " + binary.major() + "."
                + binary.minor() + ")");
        assertThat(fx.read(() -> model.needsPrometheus3().get())).isTrue();
    }

    private static JsonNode tree(PrometheusClient prometheus, String promql) throws Exception {
        ParseAnswer answer = prometheus.parseQuery(promql);
        assertThat(answer).as("parse_query of %s", promql).isInstanceOf(ParseAnswer.Tree.class);
        return ((ParseAnswer.Tree) answer).json();
    }

    /** The JSON subtree of {@code step}: the same path from the root in the JSON as in the steps. */
    private static JsonNode treeOf(JsonNode json, ExplainStep at, ExplainStep wanted) {
        if (at == wanted) {
            return json;
        }
        List<JsonNode> children = jsonChildren(json);
        for (int i = 0; i < at.children().size(); i++) {
            JsonNode found = treeOf(children.get(i), at.children().get(i), wanted);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** A JSON node's children in the order {@link ExplainNode#children()} gives them. */
    private static List<JsonNode> jsonChildren(JsonNode json) {
        List<JsonNode> out = new ArrayList<>();
        json.path("args").forEach(out::add);
        for (String field : List.of("param", "expr", "lhs", "rhs")) {
            if (json.path(field).isObject()) {
                out.add(json.path(field));
            }
        }
        return out;
    }

    /** The tree without positions (if a version has them) and with matchers in one order: their order means nothing. */
    private static JsonNode normalised(JsonNode json) {
        JsonNode copy = json.deepCopy();
        normalise(copy);
        return copy;
    }

    private static void normalise(JsonNode json) {
        if (json instanceof ObjectNode o) {
            o.remove(List.of("posRange", "positionRange", "pos"));
            if (o.path("matchers") instanceof ArrayNode matchers) {
                List<JsonNode> sorted = new ArrayList<>();
                matchers.forEach(sorted::add);
                sorted.sort(Comparator.comparing(JsonNode::toString));
                matchers.removeAll();
                matchers.addAll(sorted);
            }
            o.forEach(ExplainLiveTest::normalise);
        } else if (json instanceof ArrayNode a) {
            a.forEach(ExplainLiveTest::normalise);
        }
    }
}
