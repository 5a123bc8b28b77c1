package dev.mlobservatory.console.explain;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.Styles;
import dev.mlobservatory.api.TestApi;
import dev.mlobservatory.api.testing.Tools;
import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.query.QueryModel;
import dev.mlobservatory.console.query.QueryView;
import dev.mlobservatory.console.testing.LiveStack;
import dev.mlobservatory.console.testing.OnFx;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Explain on the PromQL tab, hosted as the window hosts it, headless on Monocle against the real Prometheus 3: Ctrl+Shift+Enter
 * shows the tree, a click on a part fills the table; a Prometheus 2 makes it say it needs 3 and offer the download.
 */
@ExtendWith(ApplicationExtension.class)
class ExplainViewTest {

    private static LiveStack stack;
    private static ScheduledExecutorService executor;

    private Stage stage;
    private SimpleObjectProperty<PrometheusClient> prometheus;
    private QueryModel query;
    private ExplainModel model;
    private ExplainView view;
    /** Stands in for the window's Get Prometheus button (made in {@link #start}: a control needs the toolkit). */
    private Label getPrometheus;

    @BeforeAll
    static void startStack() throws Exception {
        Assumptions.assumeTrue(Tools.prometheusVersions().get(0).major() >= 3, "Explain needs a Prometheus 3 here");
        stack = LiveStack.start();
        executor = AppExecutor.create();
        for (int i = 0; i < 10; i++) {
            stack.api.postJson("/v1/predict", TestApi.flower(5.1, 3.5, 1.4, 0.2));
        }
        stack.awaitSeries("a rate of the latency buckets",
                "rate(ml_prediction_duration_seconds_bucket[5m])", 30);
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
        query = new QueryModel(executor, FxThread.javafx(), prometheus);
        model = new ExplainModel(executor, FxThread.javafx(), prometheus);
        view = new ExplainView(model, () -> query.queryProperty().get());
        getPrometheus = new Label("Get Prometheus 3.5 LTS (stand-in)");
        view.setGetPrometheus(getPrometheus);
        QueryView tab = new QueryView(query);
        tab.addView(view.opener(), view, model.shownProperty(),
                new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        Scene scene = new Scene(tab, 1100, 700);
        dev.mlobservatory.console.ui.Theme.apply(scene, false, false);
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
        model.start();
    }

    @AfterEach
    void stopModels(FxRobot robot) {
        robot.interact(() -> {
            model.stop();
            query.stop();
        });
    }

    @Test
    void ctrlShiftEnterShowsTheTreeAndAClickOnAPartFillsTheTable(FxRobot robot) throws Exception {
        robot.interact(() -> query.queryProperty().set(ExplainLiveTest.LAB_P95));
        assertThat(fx(() -> view.isVisible())).isFalse();
        robot.clickOn("#query-editor");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.SHIFT, KeyCode.CONTROL);

        until("every part's result", () -> view.isVisible()
                && model.stateProperty().get().phase() == ExplainState.Phase.DONE);
        assertThat(fx(() -> view.tree.getExpandedItemCount())).isEqualTo(5);
        assertThat(fx(() -> robot.lookup("#query-side").tryQuery().isPresent())).as("the examples step aside").isFalse();
        // The whole expression is selected first: its one series is the table.
        until("the whole expression's row", () -> view.table.getItems().size() == 1);
        assertThat(fx(() -> view.selectedCode.getText())).startsWith("histogram_quantile(0.95, sum by (le) (");

        robot.clickOn(cellOf(robot, "sum by (le) ("));
        until("one row per bucket", () -> view.table.getItems().size() > 1);
        assertThat(fx(() -> view.table.getItems().get(0).series())).startsWith("{le=\"");
        assertThat(fx(() -> view.selectedResult.getText())).startsWith("→ " + fx(() -> view.table.getItems().size())
                + " series · ");
        // Buckets in the order histogram_quantile reads them: +Inf last.
        assertThat(fx(() -> view.table.getItems().get(view.table.getItems().size() - 1).series()))
                .isEqualTo("{le=\"+Inf\"}");

        robot.clickOn("#explain-close");
        until("the query's own answer back", () -> !view.isVisible()
                && robot.lookup("#query-side").tryQuery().isPresent());
    }

    @Test
    void aBrokenExpressionSaysPrometheussErrorInRed(FxRobot robot) throws Exception {
        robot.interact(() -> query.queryProperty().set("sum(rate(ml_predictions_total[5m])"));
        robot.clickOn("#explain-open");

        until("Prometheus's error", () -> view.message.getText().contains("parse error"));
        assertThat(fx(() -> view.message.getText())).isEqualTo(
                "Prometheus cannot read this expression. bad_data: 1:35: parse error: unclosed left parenthesis");
        assertThat(fx(() -> view.message.getStyleClass())).contains(Styles.DANGER);
        assertThat(fx(() -> view.tree.getRoot())).isNull();
        assertThat(fx(() -> view.getPrometheus.isVisible())).isFalse();
    }

    @Test
    void aPrometheus2MakesItSayItNeeds3AndOfferTheDownload(FxRobot robot) throws Exception {
        Tools.Versioned old = Tools.prometheusVersions().stream().filter(v -> v.major() < 3).findFirst().orElse(null);
        Assumptions.assumeTrue(old != null, "no Prometheus 2 on this machine");
        try (LiveStack two = LiveStack.start(old)) {
            robot.interact(() -> {
                prometheus.set(two.client);
                query.queryProperty().set(ExplainLiveTest.LAB_P95);
            });
            robot.clickOn("#explain-open");

            until("the needs-3 message", () -> view.message.getText().startsWith("Explain needs Prometheus 3"));
            assertThat(fx(() -> view.message.getText())).startsWith("Explain needs Prometheus 3 (this one is "
                    + old.major() + "." + old.minor() + ")");
            assertThat(fx(() -> view.getPrometheus.isVisible() && getPrometheus.isVisible())).isTrue();
            assertThat(fx(() -> view.tree.getRoot())).isNull();

            // Back to a Prometheus 3 (the stack restarted with the new download): Explain asks again by itself.
            robot.interact(() -> prometheus.set(stack.client));
            until("the tree", () -> model.stateProperty().get().phase() == ExplainState.Phase.DONE);
            assertThat(fx(() -> view.getPrometheus.isVisible())).isFalse();
        }
    }

    /** The tree's line whose PromQL starts with {@code prefix}. */
    private static Node cellOf(FxRobot robot, String prefix) {
        return fx(() -> robot.lookup(".explain-cell").queryAllAs(TreeCell.class).stream()
                .filter(c -> c.getItem() instanceof ExplainStep s && s.promql().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no tree line starts with " + prefix)));
    }

    private static <T> T fx(Callable<T> read) {
        return OnFx.read(read, 5);
    }

    /** Polls {@code condition} on the FX thread until it holds, or fails after 20 s. */
    private static void until(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (fx(condition)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
