package dev.mlobservatory.console.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.api.TestApi;
import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.prom.QueryResult;
import dev.mlobservatory.console.stack.Ports;
import dev.mlobservatory.console.testing.LiveStack;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The sandbox's model against the real prometheus binary scraping a real API: no mocked query engine. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.mlobservatory.api.testing.Tools#eachPrometheus")
class QueryModelTest {

    /** Each Prometheus found (3.5 LTS and the distribution's 2.x), named in the test's display name. */
    @Parameter
    Tools.Versioned binary;

    private static final int V1_SETOSA = 20;
    private static final int V2_VIRGINICA = 5;
    private static final int REJECTED = 3;

    private static LiveStack stack;
    private static ScheduledExecutorService executor;

    private SimpleObjectProperty<PrometheusClient> prometheus;
    private QueryModel model;

    @BeforeParameterizedClassInvocation
    static void startStack(Tools.Versioned binary) throws Exception {
        stack = LiveStack.start(binary);
        executor = AppExecutor.create();
        for (int i = 0; i < V1_SETOSA; i++) {
            stack.api.postJson("/v1/predict", TestApi.flower(5.1, 3.5, 1.4, 0.2));
        }
        for (int i = 0; i < V2_VIRGINICA; i++) {
            stack.api.postJson("/v2/predict", TestApi.flower(7.7, 3.0, 6.1, 2.3));
        }
        for (int i = 0; i < REJECTED; i++) {
            stack.api.postJson("/v1/predict", TestApi.flower(5.1, 3.5, 1.4, -0.2));
        }
        // rate() needs two samples after the traffic: wait for them, so every example has data to show.
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
        prometheus = new SimpleObjectProperty<>(stack.client);
        model = new QueryModel(executor, FxThread.direct(), prometheus);
    }

    @AfterEach
    void stopModel() {
        model.stop();
    }

    private void run(String promql) throws Exception {
        model.queryProperty().set(promql);
        model.run().get(20, TimeUnit.SECONDS);
    }

    @Test
    void instantVectorGivesOneRowPerSeriesNamedAsPrometheusNamesThem() throws Exception {
        run("sum by (model_version, prediction_result) (ml_predictions_total)");

        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.rows()).contains(
                new ResultRow("{model_version=\"v1\",prediction_result=\"setosa\"}", "20", V1_SETOSA),
                new ResultRow("{model_version=\"v2\",prediction_result=\"virginica\"}", "5", V2_VIRGINICA),
                new ResultRow("{model_version=\"v1\",prediction_result=\"error\"}", "3", REJECTED));
        assertThat(model.rows()).extracting(ResultRow::series).isSorted();
        QueryAnswer a = model.answerProperty().get();
        assertThat(a.count()).isEqualTo(model.rows().size());
        assertThat(model.summaryProperty().get()).matches(model.rows().size() + " series · \\d+(\\.\\d+)? m?s");
        assertThat(model.runningProperty().get()).isFalse();

        // The API creates every series at 0; the one v2 answered is the only one above it.
        run("ml_predictions_total{model_version=\"v2\"} > 0");
        assertThat(model.rows()).singleElement().satisfies(r -> assertThat(r.series())
                .startsWith("ml_predictions_total{").contains("model_version=\"v2\"", "prediction_result=\"virginica\""));
    }

    @Test
    void aNativeHistogramShowsItsCountAndSumAndARangeChartSaysHowToDrawIt() throws Exception {
        // Prometheus 2.x has no native histograms: the bare name finds nothing there (the lab's buckets still work).
        org.junit.jupiter.api.Assumptions.assumeTrue(binary.major() >= 3, "native histograms need Prometheus 3");
        run("sum by (model_version) (ml_prediction_duration_seconds)");

        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.rows()).extracting(ResultRow::series)
                .containsExactly("{model_version=\"v1\"}", "{model_version=\"v2\"}");
        assertThat(model.rows()).extracting(ResultRow::value).allSatisfy(v -> assertThat(v)
                .matches("native histogram: count \\d+ · sum [0-9.e-]+ · \\d+ buckets?"));
        assertThat(model.rows().get(1).value()).startsWith("native histogram: count " + V2_VIRGINICA + " ");
        assertThat(model.resultCsv()).contains("native histogram: count " + V2_VIRGINICA + " ");
        assertThat(model.noSeriesHintProperty().get()).isEmpty();

        model.modeProperty().set(QueryMode.RANGE);
        model.windowProperty().set(RangeWindow.M5);
        run("rate(ml_prediction_duration_seconds[1m])");
        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.answerProperty().get().count()).isPositive();
        assertThat(model.noSeriesHintProperty().get()).isEqualTo(QueryModel.NATIVE_IN_A_CHART);
    }

    @Test
    void rangeQueryGivesSeriesOverTheWindowWithAnAutomaticStep() throws Exception {
        model.modeProperty().set(QueryMode.RANGE);
        model.windowProperty().set(RangeWindow.M5);
        run("sum by (model_version) (ml_predictions_total)");

        QueryAnswer a = model.answerProperty().get();
        assertThat(model.errorProperty().get()).isNull();
        assertThat(a.mode()).isEqualTo(QueryMode.RANGE);
        assertThat(a.stepSeconds()).isEqualTo(2);
        assertThat(a.result()).isInstanceOfSatisfying(QueryResult.Matrix.class, m -> {
            assertThat(m.series()).extracting(s -> s.labels().get("model_version")).containsExactlyInAnyOrder("v1", "v2");
            QueryResult.Series v1 = m.series().stream().filter(s -> "v1".equals(s.labels().get("model_version")))
                    .findFirst().orElseThrow();
            assertThat(v1.values()).isNotEmpty().contains((double) V1_SETOSA + REJECTED);
            // Points are one step apart and inside the last 5 minutes.
            double now = System.currentTimeMillis() / 1000.0;
            assertThat(v1.times()[0]).isGreaterThan(now - 5 * 60 - 5);
            if (v1.times().length > 1) {
                assertThat(v1.times()[1] - v1.times()[0]).isEqualTo(2.0);
            }
        });
        assertThat(model.rows()).isEmpty();
        assertThat(model.summaryProperty().get()).startsWith("2 series, ").contains("over 5 m · step 2 s · ");
    }

    @Test
    void aRangeChartFitsTheDataPrometheusHasAndNamesAnAggregateByItsQuery() throws Exception {
        model.modeProperty().set(QueryMode.RANGE);
        model.windowProperty().set(RangeWindow.M15);
        String promql = "sum(rate(ml_predictions_total[1m]))";
        run(promql);

        QueryAnswer a = model.answerProperty().get();
        QueryResult.Series series = ((QueryResult.Matrix) a.result()).series().get(0);
        RangePlot plot = a.plot();
        // This Prometheus started moments ago: its data covers far less than the 15 minutes asked. (A single sample
        // so far is drawn one step either side.)
        double[] t = series.times();
        double pad = t.length == 1 ? a.stepSeconds() : 0;
        assertThat(plot.xMin()).isEqualTo(t[0] - pad).isGreaterThan(a.start());
        assertThat(plot.xMax()).isEqualTo(t[t.length - 1] + pad).isLessThanOrEqualTo(a.end() + pad);
        assertThat(plot.note()).contains("of the 15 m asked");
        assertThat(plot.names()).containsExactly(promql);
        assertThat(plot.unit()).isEqualTo(ValueUnit.PER_SECOND);
        double highest = java.util.Arrays.stream(series.values()).filter(Double::isFinite).max().orElseThrow();
        assertThat(plot.yMax()).isGreaterThan(highest);

        run("histogram_quantile(0.95, sum by (le) (rate(ml_prediction_duration_seconds_bucket[1m])))");
        assertThat(model.answerProperty().get().plot().unit()).isEqualTo(ValueUnit.SECONDS);
    }

    @Test
    void scalarAndStringAnswersHaveAValueText() throws Exception {
        run("1 + 1");
        assertThat(model.answerProperty().get().result()).isInstanceOf(QueryResult.Scalar.class);
        assertThat(model.answerProperty().get().valueText()).isEqualTo("2");
        assertThat(model.summaryProperty().get()).startsWith("scalar · ");

        run("\"hello\"");
        assertThat(model.answerProperty().get().valueText()).isEqualTo("\"hello\"");
        assertThat(model.summaryProperty().get()).startsWith("string · ");
        assertThat(model.rows()).isEmpty();
    }

    @Test
    void syntaxErrorIsPrometheusOwnWordsAsStateAndClearsTheOldAnswer() throws Exception {
        run("up");
        assertThat(model.answerProperty().get()).isNotNull();

        run("sum(rate(up[5m])");

        QueryError e = model.errorProperty().get();
        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(QueryError.Kind.PROMETHEUS);
        assertThat(e.errorType()).isEqualTo("bad_data");
        assertThat(e.message()).contains("1:17: parse error: unclosed left parenthesis");
        assertThat(e.text()).isEqualTo("bad_data: 1:17: parse error: unclosed left parenthesis");
        assertThat(e.offsetIn(model.queryProperty().get())).isEqualTo(16);
        assertThat(model.answerProperty().get()).isNull();
        assertThat(model.rows()).isEmpty();
        assertThat(model.runningProperty().get()).isFalse();

        run("up");
        assertThat(model.errorProperty().get()).isNull();
    }

    @Test
    void aRangeQueryOfAStringIsRefusedByPrometheusInline() throws Exception {
        model.modeProperty().set(QueryMode.RANGE);
        run("\"hello\"");

        assertThat(model.errorProperty().get().errorType()).isEqualTo("bad_data");
        assertThat(model.errorProperty().get().message()).contains("invalid expression type \"string\" for range query");
    }

    @Test
    void noPrometheusGivesAClearMessageNotAnException() throws Exception {
        prometheus.set(null);
        model.start();
        assertThat(model.errorProperty().get().kind()).isEqualTo(QueryError.Kind.NOT_RUNNING);

        run("up");

        assertThat(model.errorProperty().get().text())
                .isEqualTo("Prometheus is not running: press ▶ Start stack (top left) to run queries and complete metric names.");
        assertThat(model.answerProperty().get()).isNull();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.history()).containsExactly("up");
        assertThat(model.completionsAt("ml_pre", 6).suggestions()).isEmpty();
    }

    @Test
    void namesLoadWhenPrometheusIsHandedOverWithoutAQueryOrRefresh() throws Exception {
        prometheus.set(null);
        model.start();
        assertThat(model.metricNames()).isEmpty();

        prometheus.set(stack.client);

        CompletionNamesRetryTest.await("names from the live Prometheus",
                () -> model.metricNames().contains("ml_predictions_total"));
        assertThat(model.namesStatusProperty().get()).matches("\\d+ metric names, \\d+ label names")
                .doesNotStartWith("0 ");
    }

    @Test
    void misspeltMetricNameSaysSoAndSuggestsTheNearestNames() throws Exception {
        model.refreshNames();
        run("rate(ml_predictions_totl[1m])");
        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.rows()).isEmpty();
        assertThat(model.noSeriesHintProperty().get()).isEqualTo(
                "No series: ml_predictions_totl is not a metric Prometheus knows. Did you mean ml_predictions_total?");

        model.modeProperty().set(QueryMode.RANGE);
        run("sum(ml_predictions_totl)");
        assertThat(model.noSeriesHintProperty().get()).startsWith("No series: ml_predictions_totl is not");

        // Known metric, no matching labels: the spelling is not why, so no hint.
        run("ml_predictions_total{model_version=\"v9\"}");
        assertThat(model.answerProperty().get().count()).isZero();
        assertThat(model.noSeriesHintProperty().get()).isEmpty();
    }

    @Test
    void anExpressionWhoseComparisonFiltersEverythingOutSaysSo() throws Exception {
        // What "Open in PromQL" on an inactive rule runs: its expression is empty while the condition is false.
        run("up{job=\"ml-api\"} == 0");
        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.rows()).isEmpty();
        assertThat(model.noSeriesHintProperty().get()).startsWith("No series passed the comparison");

        run("up{job=\"ml-api\"} == bool 0");
        assertThat(model.rows()).hasSize(1);
        assertThat(model.noSeriesHintProperty().get()).isEmpty();
    }

    @Test
    void tableCopiesAsCsvWithAColumnPerLabel() throws Exception {
        run("sum by (model_version, prediction_result) (ml_predictions_total)");
        String[] lines = model.resultCsv().split("\r\n");
        assertThat(lines[0]).isEqualTo("model_version,prediction_result,value");
        assertThat(lines).contains("v1,setosa," + V1_SETOSA, "v2,virginica," + V2_VIRGINICA, "v1,error," + REJECTED);
        assertThat(lines).hasSize(model.rows().size() + 1);

        run("1 + 1"); // a scalar: no table, nothing to copy
        assertThat(model.resultCsv()).isEmpty();
    }

    @Test
    void aPrometheusThatDoesNotAnswerSaysSoInline() throws Exception {
        prometheus.set(new PrometheusClient("http://127.0.0.1:" + Ports.any(), PrometheusClient.defaultHttp()));

        run("up");

        assertThat(model.errorProperty().get().kind()).isEqualTo(QueryError.Kind.UNREACHABLE);
        assertThat(model.errorProperty().get().text()).contains("is not reachable").contains("▶ Start stack");
    }

    @Test
    void historyIsNewestFirstWithoutConsecutiveDuplicatesAndRestores() throws Exception {
        run("up");
        run("up");
        run("1 + 1");
        run("sum(rate(up[5m])");
        run("up");

        assertThat(model.history()).containsExactly("up", "sum(rate(up[5m])", "1 + 1", "up");

        model.restore(model.history().get(2));
        assertThat(model.queryProperty().get()).isEqualTo("1 + 1");
        assertThat(model.history()).hasSize(4);
    }

    @Test
    void completionOffersTheApisMetricAndLabelNames() {
        model.refreshNames();

        assertThat(model.metricNames()).contains("ml_predictions_total", "ml_prediction_duration_seconds_bucket", "up");
        assertThat(model.labelNames()).contains("model_version", "prediction_result", "job").doesNotContain("__name__");
        assertThat(model.namesStatusProperty().get()).matches("\\d+ metric names, \\d+ label names");
        assertThat(model.completionsAt("ml_pred", 7).suggestions())
                .contains(new Completion.Suggestion("ml_predictions_total", Completion.Kind.METRIC));
        assertThat(model.completionsAt("sum by (model_v", 15).suggestions())
                .containsExactly(new Completion.Suggestion("model_version", Completion.Kind.LABEL));
        assertThat(model.completionsAt("ml_predictions_total{mod", 24).suggestions())
                .extracting(Completion.Suggestion::text).containsExactly("model_version");
    }

    @Test
    void namesFollowPrometheusGoingAwayAndComingBack() throws Exception {
        model.start();
        LiveStack.await("names fetched on start", 20, () -> model.metricNames().contains("ml_predictions_total"));

        prometheus.set(null);
        assertThat(model.metricNames()).isEmpty();
        assertThat(model.errorProperty().get().kind()).isEqualTo(QueryError.Kind.NOT_RUNNING);
        assertThat(model.namesStatusProperty().get()).contains("Prometheus is not running");

        prometheus.set(stack.client);
        assertThat(model.errorProperty().get()).isNull();
        LiveStack.await("names fetched again", 20, () -> model.metricNames().contains("ml_predictions_total"));
    }

    @Test
    void aNewerQuerySupersedesAnOlderOneAndTheLastAnswerStaysWhileRunning() throws Exception {
        HoldFirst held = new HoldFirst();
        QueryModel m = new QueryModel(held, FxThread.direct(), prometheus);
        try {
            m.queryProperty().set("1 + 1");
            m.run().get(20, TimeUnit.SECONDS);
            held.armed.set(true);

            m.queryProperty().set("\"older\"");
            CompletableFuture<Void> older = m.run();
            assertThat(m.runningProperty().get()).isTrue();
            assertThat(m.answerProperty().get().valueText()).as("the last answer stays while a query runs").isEqualTo("2");

            m.queryProperty().set("\"newer\"");
            m.run().get(20, TimeUnit.SECONDS);
            assertThat(m.answerProperty().get().valueText()).isEqualTo("\"newer\"");
            assertThat(m.runningProperty().get()).isFalse();

            held.release.countDown();
            older.get(20, TimeUnit.SECONDS);
            assertThat(m.answerProperty().get().valueText()).as("a stale answer must not win").isEqualTo("\"newer\"");
            assertThat(m.runningProperty().get()).isFalse();
        } finally {
            held.release.countDown();
            m.stop();
            AppExecutor.shutdown(held);
        }
    }

    @Test
    void everyLabExampleAndCheatSheetEntryRunsOnOurMetrics() throws Exception {
        for (ExampleQueries.Example e : model.examples()) {
            model.runExample(e).get(20, TimeUnit.SECONDS);
            assertThat(model.errorProperty().get()).as(e.title()).isNull();
            assertThat(model.queryProperty().get()).isEqualTo(e.promql());
            // Only the HighLatency threshold example is meant to be empty: latency here is far below 1 s.
            if (!e.promql().endsWith("> 1.0")) {
                assertThat(model.answerProperty().get().count()).as(e.title() + " has data").isPositive();
            }
        }
        for (ExampleQueries.Example e : model.cheatSheet()) {
            model.runExample(e).get(20, TimeUnit.SECONDS);
            assertThat(model.errorProperty().get()).as(e.title()).isNull();
            assertThat(model.answerProperty().get().count()).as(e.title() + " has data").isPositive();
        }
    }

    /** An executor that holds the first task submitted after arming until released: a slow query, on demand. */
    private static final class HoldFirst extends ScheduledThreadPoolExecutor {
        final AtomicBoolean armed = new AtomicBoolean();
        final CountDownLatch release = new CountDownLatch(1);

        HoldFirst() {
            super(2);
        }

        @Override
        public void execute(Runnable task) {
            if (armed.compareAndSet(true, false)) {
                super.execute(() -> {
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    task.run();
                });
            } else {
                super.execute(task);
            }
        }
    }
}
