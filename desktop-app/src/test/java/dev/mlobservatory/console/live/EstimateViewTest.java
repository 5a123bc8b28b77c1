package dev.mlobservatory.console.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.stack.StackFiles;
import dev.mlobservatory.console.testing.LiveStack;
import dev.mlobservatory.console.testing.OnFx;
import dev.mlobservatory.console.traffic.ClientSamples;
import dev.mlobservatory.console.traffic.LatencyWindow;
import dev.mlobservatory.console.ui.Theme;
import io.fair_acc.chartfx.XYChart;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "How good is the estimate?" on the Live tab, headless: one click swaps it in for the lower charts, and it reads. */
@ExtendWith(ApplicationExtension.class)
class EstimateViewTest {

    @TempDir
    Path home;

    private Stage stage;
    private ScheduledExecutorService executor;
    private LiveModel model;

    /** Issue 14's figures under 800 ms + 0–400 ms of injected latency. */
    private static final Estimate UNDER_FAULT = Estimate.measured(Duration.ofSeconds(20),
            new double[] {1000, 2346, 2469}, new double[] {1003, 1182, 1264},
            new LatencyWindow.Percentiles(400, 1001, 1191, 1205), "3.5.3", "12:00:01");

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        executor = AppExecutor.create();
        model = new LiveModel(executor, FxThread.javafx(), new SimpleObjectProperty<PrometheusClient>(),
                DashboardQueries.read(StackFiles.locate(home).dashboard()), new ClientSamples());
        Scene scene = new Scene(new LiveView(model), 1000, 760);
        Theme.apply(scene, false, false);
        stage.setScene(scene);
        stage.sizeToScene(); // the primary stage is shared: a test that resized it must not resize this one
        stage.show();
    }

    @AfterEach
    void stop() {
        model.stop();
        AppExecutor.shutdown(executor);
    }

    /** Visible and laid out all the way up: a chart is hidden by hiding its cell. */
    private static boolean shown(FxRobot robot, String id) {
        Node n = robot.lookup("#" + id).query();
        return OnFx.read(() -> {
            for (Node p = n; p != null; p = p.getParent()) {
                if (!p.isVisible() || !p.isManaged()) {
                    return false;
                }
            }
            return true;
        });
    }

    private static String text(FxRobot robot, String id) {
        return OnFx.read(() -> robot.lookup("#" + id).queryAs(Label.class).getText());
    }

    private static List<String> styles(FxRobot robot, String id) {
        return OnFx.read(() -> List.copyOf(robot.lookup("#" + id).queryAs(Label.class).getStyleClass()));
    }

    @Test
    void oneClickSwapsTheEstimateInForTheLowerChartsAndBackAgain(FxRobot robot) {
        assertThat(shown(robot, "live-estimate")).as("closed at start").isFalse();
        assertThat(shown(robot, "live-chart-request-rate")).isTrue();

        robot.clickOn("#live-estimate-toggle");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.estimate().openProperty().get()).isTrue();
        assertThat(shown(robot, "live-estimate")).isTrue();
        assertThat(shown(robot, "live-chart-latency")).as("the latency chart stays").isTrue();
        assertThat(shown(robot, "live-chart-request-rate")).isFalse();
        assertThat(shown(robot, "live-chart-error-rate")).isFalse();

        robot.clickOn("#live-estimate-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown(robot, "live-estimate")).isFalse();
        assertThat(shown(robot, "live-chart-error-rate")).isTrue();
    }

    @Test
    void theTableShowsEachEstimateWithItsErrorInTheColourOfItsVerdict(FxRobot robot) {
        OnFx.read(() -> {
            model.estimate().openProperty().set(true);
            return null;
        });
        model.estimate().publish(UNDER_FAULT);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "live-estimate-title")).isEqualTo("How good is the estimate? p50/p95/p99 over the last 20 s");
        assertThat(text(robot, "live-estimate-p95-classic")).isEqualTo("2346 ms");
        assertThat(text(robot, "live-estimate-p95-classic-error")).isEqualTo("+97 %");
        assertThat(styles(robot, "live-estimate-p95-classic-error")).contains("warning");
        assertThat(text(robot, "live-estimate-p95-native")).isEqualTo("1182 ms");
        assertThat(text(robot, "live-estimate-p95-native-error")).isEqualTo("-0.8 %");
        assertThat(styles(robot, "live-estimate-p95-native-error")).contains("success").doesNotContain("warning");
        assertThat(text(robot, "live-estimate-p95-engine")).isEqualTo("1191 ms");
        assertThat(text(robot, "live-estimate-p50-classic-error")).isEqualTo("-0.1 %");
        assertThat(text(robot, "live-estimate-message")).startsWith("Prometheus 3.5.3 · over the last 20 s");
        assertThat(text(robot, "live-estimate-caption")).contains("1 s, 2.5 s").contains("round trip")
                .contains("HTTP hop");

        // Without Prometheus: the estimates empty, the measurement still there, the line says why.
        model.estimate().publish(Estimate.withoutPrometheus(Duration.ofSeconds(20),
                new LatencyWindow.Percentiles(400, 1001, 1191, 1205), LiveModel.Level.WARNING, "Prometheus is not running"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "live-estimate-p95-classic")).isEqualTo("—");
        assertThat(text(robot, "live-estimate-p95-classic-error")).isEmpty();
        assertThat(text(robot, "live-estimate-p95-engine")).isEqualTo("1191 ms");
        assertThat(styles(robot, "live-estimate-message")).contains("warning");
    }

    @Test
    void onA1366By768ProjectorInPresenterModeItFitsUncutAndTheLatencyChartKeepsItsTicks(FxRobot robot)
            throws Exception {
        // What the Live tab gets of a 1366×768 window in presenter mode: the side panel and the header take the rest.
        OnFx.read(() -> {
            Theme.apply(stage.getScene(), false, true);
            stage.setWidth(948);
            stage.setHeight(592);
            model.estimate().openProperty().set(true);
            return null;
        });
        model.estimate().publish(UNDER_FAULT);
        WaitForAsyncUtils.waitForFxEvents();
        XYChart latency = robot.lookup("#live-chart-latency").queryAs(XYChart.class);

        LiveStack.await("the latency axis laid out", 10, () -> OnFx.read(() -> visibleTicks(latency) >= 4));
        List<String> problems = OnFx.read(() -> {
            Scene scene = stage.getScene();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            Bounds window = new javafx.geometry.BoundingBox(0, 0, scene.getWidth(), scene.getHeight());
            List<String> found = new ArrayList<>();
            int checked = 0;
            for (Node n : scene.getRoot().lookupAll("#live-estimate .label")) {
                if (!(n instanceof Label l) || !l.isVisible() || l.getText() == null || l.getText().isEmpty()) {
                    continue;
                }
                checked++;
                Bounds b = l.localToScene(l.getBoundsInLocal());
                if (b.getMaxY() > window.getMaxY() + 0.5 || b.getMaxX() > window.getMaxX() + 0.5) {
                    found.add("'" + l.getText() + "' ends at " + Math.round(b.getMaxX()) + "," + Math.round(b.getMaxY()));
                }
                if (l.lookup(".text") instanceof Text shown && !shown.getText().equals(l.getText())) {
                    found.add("'" + l.getText() + "' reads '" + shown.getText() + "'");
                }
            }
            if (checked < 20) {
                found.add("only " + checked + " labels found to check");
            }
            return found;
        });
        assertThat(problems).isEmpty();
        assertThat(OnFx.read(() -> visibleTicks(latency))).isBetween(4L, 6L);
    }

    private static long visibleTicks(XYChart chart) {
        return ((io.fair_acc.chartfx.axes.spi.AbstractAxis) chart.getYAxis()).getTickMarks().stream()
                .filter(io.fair_acc.chartfx.axes.spi.TickMark::isVisible).count();
    }
}
