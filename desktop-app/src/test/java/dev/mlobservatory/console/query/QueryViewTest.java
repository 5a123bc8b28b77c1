package dev.mlobservatory.console.query;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.Styles;
import dev.mlobservatory.api.TestApi;
import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.testing.LiveStack;
import dev.mlobservatory.console.testing.OnFx;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The sandbox tab driven like a student would, headless on Monocle, against the real prometheus binary. */
@ExtendWith(ApplicationExtension.class)
class QueryViewTest {

    private static LiveStack stack;
    private static ScheduledExecutorService executor;

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path pngFolder;

    private Stage stage;
    private SimpleObjectProperty<PrometheusClient> prometheus;
    private QueryModel model;
    private QueryView view;

    @BeforeAll
    static void startStack() throws Exception {
        stack = LiveStack.start();
        executor = AppExecutor.create();
        for (int i = 0; i < 10; i++) {
            stack.api.postJson("/v1/predict", TestApi.flower(5.1, 3.5, 1.4, 0.2));
            stack.api.postJson("/v2/predict", TestApi.flower(7.7, 3.0, 6.1, 2.3));
        }
        stack.awaitSeries("the API's counters in Prometheus", "rate(ml_predictions_total[1m])", 30);
    }

    @AfterAll
    static void stopStack() {
        if (executor != null) {
            AppExecutor.shutdown(executor);
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        prometheus = new SimpleObjectProperty<>(stack.client);
        model = new QueryModel(executor, FxThread.javafx(), prometheus);
        view = new QueryView(model);
        Scene scene = new Scene(view, 1100, 700);
        dev.mlobservatory.console.ui.Theme.apply(scene, false, false); // as the app styles it
        stage.setScene(scene);
        stage.sizeToScene(); // the stage is shared between tests: one that narrowed it must not narrow the next
        stage.show();
        model.start();
    }

    @AfterEach
    void stopModel(FxRobot robot) {
        robot.interact(model::stop);
    }

    @Test
    void typedQueryRunsOnCtrlEnterAndFillsTheTable(FxRobot robot) throws Exception {
        robot.clickOn("#query-editor").write("ml_predictions_total");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        until("rows in the table", () -> view.table.getItems().size() >= 2 && view.table.isVisible());
        assertThat(fx(() -> view.editor.getText())).isEqualTo("ml_predictions_total");
        assertThat(fx(() -> view.table.getItems().get(0).series())).startsWith("ml_predictions_total{");
        assertThat(fx(() -> view.summary.getText())).matches("\\d+ series · .*ms");
        assertThat(fx(() -> view.error.isVisible())).isFalse();
        assertThat(model.history()).containsExactly("ml_predictions_total");
    }

    @Test
    void misspeltMetricShowsTheNearestNamesUnderTheEditor(FxRobot robot) throws Exception {
        until("names loaded at start", () -> model.metricNames().contains("ml_predictions_total"));
        assertThat(fx(() -> view.noSeries.isVisible())).isFalse();
        robot.clickOn("#query-editor").write("ml_predictions_totl");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        until("the no-series hint", () -> view.noSeries.isVisible());
        assertThat(fx(() -> view.noSeries.getText())).isEqualTo(
                "No series: ml_predictions_totl is not a metric Prometheus knows. Did you mean ml_predictions_total?");
        Bounds editor = fx(() -> view.editor.localToScene(view.editor.getBoundsInLocal()));
        Bounds hint = fx(() -> view.noSeries.localToScene(view.noSeries.getBoundsInLocal()));
        assertThat(hint.getMinY()).isBetween(editor.getMaxY(), editor.getMaxY() + 20);
        assertThat(fx(() -> view.error.isVisible())).isFalse();
    }

    @Test
    void copyCsvPutsTheTableOnTheClipboard(FxRobot robot) throws Exception {
        assertThat(fx(() -> view.copyCsv.isDisabled())).as("nothing to copy yet").isTrue();
        robot.clickOn("#query-editor").write("sum by (model_version) (ml_predictions_total)");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        until("rows in the table", () -> !view.table.getItems().isEmpty() && !view.copyCsv.isDisabled());

        robot.clickOn("#query-copy-csv");
        String copied = fx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertThat(copied).startsWith("model_version,value\r\n").contains("\r\nv1,").isEqualTo(model.resultCsv());
    }

    @Test
    void badQueryShowsPrometheusErrorInRedRightUnderTheEditor(FxRobot robot) throws Exception {
        robot.clickOn("#query-editor").write("sum(rate(up[5m])");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        until("the inline error", () -> view.error.isVisible() && view.error.getText().contains("parse error"));
        assertThat(fx(() -> view.error.getText())).isEqualTo("bad_data: 1:17: parse error: unclosed left parenthesis");
        assertThat(fx(() -> view.error.getStyleClass())).contains(Styles.DANGER);
        Bounds editor = fx(() -> view.editor.localToScene(view.editor.getBoundsInLocal()));
        Bounds error = fx(() -> view.error.localToScene(view.error.getBoundsInLocal()));
        assertThat(error.getMinY()).isBetween(editor.getMaxY(), editor.getMaxY() + 20);
        assertThat(fx(() -> Window.getWindows().size())).as("no dialog opened").isEqualTo(1);

        // Clicking the error puts the caret where Prometheus points.
        robot.clickOn("#query-error");
        assertThat(fx(() -> view.editor.getCaretPosition())).isEqualTo(16);
    }

    @Test
    void clickingAnExampleFillsTheEditorAndRunsIt(FxRobot robot) throws Exception {
        robot.clickOn("Request rate per second");

        assertThat(fx(() -> view.editor.getText())).isEqualTo("rate(ml_predictions_total[1m])");
        until("the example's rows", () -> !view.table.getItems().isEmpty()
                && view.table.getItems().get(0).series().startsWith("{"));

        robot.clickOn("#query-tab-cheatsheet").clickOn("topk(n, …)");
        assertThat(fx(() -> view.editor.getText())).startsWith("topk(3, ");
    }

    @Test
    void completionOffersNamesWhileTypingAndEnterAcceptsThem(FxRobot robot) throws Exception {
        robot.interact(model::requestNames);
        until("names loaded", () -> model.metricNames().contains("ml_predictions_total"));

        robot.clickOn("#query-editor").write("ml_predictions_t");
        until("the completion list", () -> view.completion.isShowing()
                && view.completion.list().getItems().contains(
                        new Completion.Suggestion("ml_predictions_total", Completion.Kind.METRIC)));
        // Just under the first line, where the caret is, not somewhere else on the screen.
        Bounds editorOnScreen = fx(() -> view.editor.localToScreen(view.editor.getBoundsInLocal()));
        javafx.geometry.Point2D at = fx(() -> view.completion.screenPosition());
        assertThat(at.getY()).isBetween(editorOnScreen.getMinY() + 5, editorOnScreen.getMinY() + 60);
        assertThat(at.getX()).isBetween(editorOnScreen.getMinX(), editorOnScreen.getMaxX());
        assertThat(fx(() -> view.editor.isFocused())).as("typing stays in the editor").isTrue();
        robot.type(KeyCode.ENTER);
        assertThat(fx(() -> view.editor.getText())).isEqualTo("ml_predictions_total");
        assertThat(fx(() -> view.completion.isShowing())).isFalse();

        robot.write(" / sum by (model_v");
        until("label names inside by (…)", () -> view.completion.isShowing()
                && view.completion.list().getItems().get(0).text().equals("model_version"));
        robot.type(KeyCode.TAB);
        assertThat(fx(() -> view.editor.getText())).isEqualTo("ml_predictions_total / sum by (model_version");

        // Ctrl+Space asks even for a one-letter word.
        robot.write(") (r");
        assertThat(fx(() -> view.completion.isShowing())).isFalse();
        robot.press(KeyCode.CONTROL, KeyCode.SPACE).release(KeyCode.SPACE, KeyCode.CONTROL);
        until("functions offered", () -> view.completion.isShowing()
                && view.completion.list().getItems().contains(new Completion.Suggestion("rate", Completion.Kind.FUNCTION)));
        robot.type(KeyCode.ESCAPE);
        assertThat(fx(() -> view.completion.isShowing())).isFalse();
    }

    @Test
    void rangeModeDrawsTheSeriesAsAChart(FxRobot robot) throws Exception {
        robot.interact(() -> model.queryProperty().set("sum by (model_version) (ml_predictions_total)"));
        robot.clickOn("#query-range").clickOn("#query-run");

        until("two lines in the chart", () -> view.chart.dataSets().size() == 2 && view.chart.node().isVisible()
                && view.chart.node().getParent().isVisible());
        assertThat(fx(() -> view.chart.dataSets().stream().map(d -> d.getName()).toList()))
                .containsExactlyInAnyOrder("{model_version=\"v1\"}", "{model_version=\"v2\"}");
        assertThat(fx(() -> view.table.isVisible())).isFalse();
        assertThat(fx(() -> view.summary.getText())).contains("step 5 s");

        // Back to Instant re-runs the query as a table.
        robot.clickOn("#query-instant");
        until("the table again", () -> view.table.isVisible() && view.table.getItems().size() == 2);
    }

    @Test
    void inPresenterModeOnANarrowTabTheBarKeepsItsButtonsWholeAndItsTextsGiveWay(FxRobot robot) throws Exception {
        robot.interact(() -> model.queryProperty().set("sum by (model_version) (ml_predictions_total)"));
        robot.clickOn("#query-range").clickOn("#query-run");
        until("a summary and the names", () -> view.summary.getText().contains("step")
                && view.namesStatus.getText().contains("metric names"));

        // The PromQL tab beside the side panel on a 1366-px projector, in presenter mode's 17-px type.
        robot.interact(() -> {
            stage.setWidth(990);
            Scene scene = view.getScene();
            dev.mlobservatory.console.ui.Theme.apply(scene, false, true);
            scene.getRoot().applyCss();
            scene.getRoot().layout();
        });

        for (Labeled button : List.of(view.instant, view.range, view.run, view.copyCsv, view.refreshNames)) {
            assertThat(fx(() -> ((Text) button.lookup(".text")).getText())).isEqualTo(button.getText());
        }
        assertThat(fx(() -> view.summary.getTooltip().getText())).isEqualTo(view.summary.getText());
    }

    @Test
    void rangeChartOfAnAggregateNamesItsLineByTheQueryTicksInItsUnitAndFitsTheData(FxRobot robot) throws Exception {
        String promql = "sum(rate(ml_predictions_total[1m]))";
        robot.interact(() -> {
            model.queryProperty().set(promql);
            model.windowProperty().set(RangeWindow.M15);
        });
        robot.clickOn("#query-range").clickOn("#query-run");

        until("one line in the chart", () -> view.chart.dataSets().size() == 1 && view.chart.node().isVisible()
                && view.chart.node().getParent().isVisible());
        assertThat(fx(() -> view.chart.dataSets().get(0).getName())).as("not {}").isEqualTo(promql);
        assertThat(fx(() -> view.chart.xAxis().getName())).isEqualTo("time");
        assertThat(fx(() -> view.chart.yAxis().getName())).isEqualTo("per second");
        QueryAnswer a = model.answerProperty().get();
        double[] times = ((dev.mlobservatory.console.prom.QueryResult.Matrix) a.result()).series().get(0).times();
        double pad = times.length == 1 ? a.stepSeconds() : 0; // one sample so far: one step either side
        assertThat(fx(() -> view.chart.xAxis().getMin())).as("from the first sample").isEqualTo(times[0] - pad);
        assertThat(fx(() -> view.chart.xAxis().getMax())).as("to the last").isEqualTo(times[times.length - 1] + pad);
        assertThat(fx(() -> view.chart.xAxis().getTickMarkLabel(times[0]))).matches("\\d\\d:\\d\\d:\\d\\d");
        double highest = java.util.Arrays.stream(((dev.mlobservatory.console.prom.QueryResult.Matrix) a.result()).series().get(0).values())
                .filter(Double::isFinite).max().orElseThrow();
        assertThat(fx(() -> view.chart.yAxis().getMax())).as("room above the line").isGreaterThan(highest);
        assertThat(fx(() -> view.chartNote.getText())).contains("of the 15 m asked");

        robot.interact(() -> model.queryProperty().set(
                "histogram_quantile(0.95, sum by (le) (rate(ml_prediction_duration_seconds_bucket[1m])))"));
        robot.clickOn("#query-run");
        until("the latency axis", () -> "duration".equals(view.chart.yAxis().getName()));
        assertThat(fx(() -> view.chart.yAxis().getTickMarkLabel(0.0025))).isEqualTo("2.5 ms");
    }

    @Test
    void savePngWritesTheRangeChartAndSaysWhere(FxRobot robot) throws Exception {
        robot.interact(() -> model.queryProperty().set("sum by (model_version) (ml_predictions_total)"));
        robot.clickOn("#query-range").clickOn("#query-run");
        until("the chart and its Save PNG button", () -> view.chart.dataSets().size() == 2 && view.savePng.isVisible());

        java.nio.file.Path target = pngFolder.resolve("query.png");
        OnFx.read(() -> dev.mlobservatory.console.ui.SaveChart.saveTo(view.chart.node(), target,
                model.chartSaver())).get(15, TimeUnit.SECONDS);

        assertThat(fx(() -> view.savePngStatus.getText())).isEqualTo("Saved " + target);
        assertThat(fx(() -> view.savePngStatus.isVisible())).isTrue();
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(target.toFile());
        assertThat(png.getWidth()).isEqualTo((int) Math.round(fx(() -> view.chart.node().getWidth())));
    }

    @Test
    void scalarShowsItsValue(FxRobot robot) throws Exception {
        robot.interact(() -> model.queryProperty().set("2 * 21"));
        robot.clickOn("#query-run");

        until("the value", () -> view.value.isVisible() && "42".equals(view.value.getText()));
    }

    @Test
    void prometheusNotesAboutAQueryShowUnderTheEditorAndGoWithTheNextAnswer(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(Tools.prometheusVersions().get(0).atLeast(3, 0),
                "infos (\"metric might not be a counter\") come from Prometheus 3");
        // rate() of a gauge: it runs, and Prometheus 3 says it may not mean what it says (once there are two samples
        // in the window to rate).
        stack.awaitSeries("two samples of the gauge to rate", "rate(ml_model_accuracy[1m])", 30);
        robot.interact(() -> model.queryProperty().set("rate(ml_model_accuracy[1m])"));
        robot.clickOn("#query-run");
        until("the note", () -> view.notes.isVisible() && view.notes.getText().startsWith("PromQL info: ")
                && view.notes.getText().contains("might not be a counter"));

        robot.interact(() -> model.queryProperty().set("rate(ml_predictions_total[1m])"));
        robot.clickOn("#query-run");
        until("no note for a counter", () -> !view.notes.isVisible());
    }

    @Test
    void historyEntryGoesBackIntoTheEditor(FxRobot robot) throws Exception {
        robot.interact(() -> model.queryProperty().set("up"));
        robot.clickOn("#query-run");
        robot.interact(() -> model.queryProperty().set("1 + 1"));
        robot.clickOn("#query-run");

        robot.clickOn("#query-tab-history");
        until("two entries", () -> view.side.history.getItems().size() == 2);
        robot.clickOn(robot.lookup("#query-history .list-cell").nth(1).queryAs(javafx.scene.Node.class));
        assertThat(fx(() -> view.editor.getText())).isEqualTo("up");
    }

    @Test
    void withoutPrometheusTheEditorSaysSoInline(FxRobot robot) throws Exception {
        robot.interact(() -> prometheus.set(null));

        until("the not-running message", () -> view.error.isVisible()
                && view.error.getText().startsWith("Prometheus is not running"));
        robot.clickOn("#query-editor").write("up");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        assertThat(fx(() -> view.error.getText())).startsWith("Prometheus is not running: press ▶ Start stack (top left)");
        assertThat(fx(() -> view.error.getStyleClass())).contains(Styles.WARNING);

        robot.interact(() -> prometheus.set(stack.client));
        until("the message gone", () -> !view.error.isVisible());
    }

    // --- helpers -------------------------------------------------------------------------------------

    /** Reads FX state on the FX thread. */
    private static <T> T fx(Callable<T> read) {
        return OnFx.read(read);
    }

    /** Polls {@code condition} on the FX thread until it holds, or fails after 15 s. */
    private static void until(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (fx(condition)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
