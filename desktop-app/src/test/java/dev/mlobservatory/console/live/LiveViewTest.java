package dev.mlobservatory.console.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlobservatory.console.concurrent.AppExecutor;
import dev.mlobservatory.console.concurrent.FxThread;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.stack.StackFiles;
import dev.mlobservatory.console.testing.LiveStack;
import dev.mlobservatory.console.testing.OnFx;
import dev.mlobservatory.console.traffic.ClientSamples;
import dev.mlobservatory.console.ui.SaveChart;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.dataset.DataSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Live tab's view, headless: three charts that draw what the model publishes, without piling up data sets. */
@ExtendWith(ApplicationExtension.class)
class LiveViewTest {

    @TempDir
    Path home;

    private Stage stage;
    private ScheduledExecutorService executor;
    private final ClientSamples samples = new ClientSamples();
    private LiveModel model;
    private LiveView view;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        executor = AppExecutor.create();
        model = new LiveModel(executor, FxThread.javafx(), new SimpleObjectProperty<PrometheusClient>(),
                DashboardQueries.read(StackFiles.locate(home).dashboard()),
                samples);
        view = new LiveView(model);
        Scene scene = new Scene(view, 1000, 760);
        dev.mlobservatory.console.ui.Theme.apply(scene, false, false); // as the app styles it
        stage.setScene(scene);
        stage.sizeToScene(); // the primary stage is shared: a test that resized it must not resize this one
        stage.show();
    }

    @AfterEach
    void stop() {
        model.stop();
        AppExecutor.shutdown(executor);
    }

    private static XYChart chart(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(XYChart.class);
    }

    /** The lines' data sets: the first renderer's (the second draws only the marks above the axis). */
    private static List<DataSet> dataSets(XYChart chart) {
        assertThat(chart.getRenderers()).hasSize(2);
        return List.copyOf(chart.getRenderers().get(0).getDatasets());
    }

    private static List<DataSet> edgeMarks(XYChart chart) {
        return List.copyOf(chart.getRenderers().get(1).getDatasets());
    }

    private static List<String> names(XYChart chart) {
        return dataSets(chart).stream().map(DataSet::getName).toList();
    }

    @Test
    void theThreeChartsGetDataSetsWhenTheModelPublishes(FxRobot robot) throws Exception {
        XYChart latency = chart(robot, "live-chart-latency");
        XYChart rate = chart(robot, "live-chart-request-rate");
        XYChart errors = chart(robot, "live-chart-error-rate");
        assertThat(List.of(latency, rate, errors)).allSatisfy(c -> {
            assertThat(c.isAnimated()).isFalse();
            assertThat(legendVisible(c)).isTrue();
            assertThat(dataSets(c)).isEmpty();
        });
        double now = System.currentTimeMillis() / 1000.0;
        for (int i = 60; i >= 1; i--) {
            samples.add(now - i, LiveModelWithoutPrometheusTest.second(40, 4, 1.5, 4.0, 7.0));
        }

        model.refresh(); // on the test thread, as on the executor: the view must get it on the FX thread
        WaitForAsyncUtils.waitForFxEvents();

        LiveStack.await("data sets in the three charts", 10, () -> OnFx.read(
                () -> !dataSets(latency).isEmpty() && !dataSets(rate).isEmpty() && !dataSets(errors).isEmpty()));
        assertThat(names(latency)).containsExactly("client p50", "client p95", "client p99");
        assertThat(names(rate)).containsExactly("client (all versions)");
        assertThat(names(errors)).containsExactly("client (all versions)");
        assertThat(dataSets(latency).get(1).getDataCount()).isEqualTo(60);
        assertThat(dataSets(latency)).allSatisfy(ds -> assertThat(ds.getStyle()).contains("-fx-line-dash-array"));
        Label status = robot.lookup("#live-status").queryAs(Label.class);
        assertThat(status.getText()).contains("Prometheus not running");
    }

    @Test
    void refreshesReplaceContentsInsteadOfAddingDataSets(FxRobot robot) throws Exception {
        XYChart latency = chart(robot, "live-chart-latency");
        double end = Math.floor(System.currentTimeMillis() / 1000.0);
        double start = end - 300;
        LiveSeries server = new LiveSeries("p95 v1", LiveSeries.Source.SERVER,
                new double[] {end - 6, end - 4, end - 2, end}, new double[] {3.0, Double.NaN, 4.0, 5.0});
        LiveSeries client = new LiveSeries("client p95", LiveSeries.Source.CLIENT,
                new double[] {end - 3, end - 2, end - 1}, new double[] {2.0, 6.0, 2.5});
        LiveFrame both = new LiveFrame(start, end, Map.of(LiveChart.LATENCY, List.of(server, client)));

        for (int i = 0; i < 200; i++) {
            model.publish(both, "ok", LiveModel.Level.OK, true);
        }
        WaitForAsyncUtils.waitForFxEvents();

        List<DataSet> first = dataSets(latency);
        assertThat(names(latency)).containsExactly("p95 v1", "client p95");
        assertThat(first.get(0).getStyle()).isEqualTo(LiveChartPane.SERVER_STYLE).doesNotContain("dash");
        assertThat(first.get(1).getStyle()).isEqualTo(LiveChartPane.CLIENT_STYLE);
        assertThat(first.get(0).getDataCount()).isEqualTo(4);
        assertThat(latency.getXAxis().getMin()).isEqualTo(start);
        assertThat(latency.getXAxis().getMax()).isEqualTo(end);
        // A NaN point is a gap, and the axis stays finite around the real values. The axis ranges itself in a layout
        // pulse, which may come after the queued events: await it, on the FX thread.
        LiveStack.await("the latency axis ranged", 10, () -> OnFx.read(() -> latency.getYAxis().getMax() >= 6.0));
        assertThat(OnFx.read(() -> latency.getYAxis().getMax())).isLessThan(100);
        assertThat(edgeMarks(latency)).isEmpty(); // nothing cut

        model.publish(both, "ok", LiveModel.Level.OK, true);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dataSets(latency)).hasSize(2);
        assertThat(dataSets(latency).get(0)).isSameAs(first.get(0));

        // A series that is gone (a model version no longer served) leaves the chart.
        model.publish(new LiveFrame(start, end, Map.of(LiveChart.LATENCY, List.of(client))), "ok",
                LiveModel.Level.OK, true);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(names(latency)).containsExactly("client p95");
        assertThat(dataSets(latency).get(0)).isSameAs(first.get(1));
    }

    @Test
    void eachChartHasASavePngButtonThatSavesThatChart(FxRobot robot) throws Exception {
        for (String id : List.of("live-chart-latency", "live-chart-request-rate", "live-chart-error-rate")) {
            assertThat(robot.lookup("#" + id + "-save-png").queryButton().isVisible()).as(id).isTrue();
        }
        XYChart rate = chart(robot, "live-chart-request-rate");
        Path target = home.resolve("rate.png");

        OnFx.read(() -> SaveChart.saveTo(rate, target, model.chartSaver())).get(15, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(OnFx.read(() -> model.chartSaver().messageProperty().get())).isEqualTo("Saved " + target);
        assertThat(javax.imageio.ImageIO.read(target.toFile()).getWidth())
                .isEqualTo((int) Math.round(OnFx.read(rate::getWidth)));
    }

    @Test
    void aSpikeIsDrawnAtTheEdgeMarkedAndCountedWhileTheBulkFillsTheAxis(FxRobot robot) throws Exception {
        XYChart latency = chart(robot, "live-chart-latency");
        Label note = robot.lookup("#live-chart-latency-note").queryAs(Label.class);
        LiveFrame spiky = baselineWithColdStart();

        model.publish(spiky, "ok", LiveModel.Level.OK, true);
        WaitForAsyncUtils.waitForFxEvents();

        LiveStack.await("the latency axis ranged", 10, () -> OnFx.read(() -> latency.getYAxis().getMax() > 0
                && latency.getYAxis().getMax() < 20));
        double top = OnFx.read(() -> latency.getYAxis().getMax());
        assertThat(top).isGreaterThanOrEqualTo(5.0); // the client p99's bulk, 5 ms, is in view
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).isEqualTo("▲ 1 point above " + LiveChart.LATENCY.describe(top) + " (up to 650 ms)");
        // The spike is drawn at the edge, and one mark sits there at its time.
        DataSet p99 = dataSets(latency).get(2);
        assertThat(p99.getName()).isEqualTo("client p99");
        assertThat(p99.get(DataSet.DIM_Y, 0)).isEqualTo(top);
        assertThat(edgeMarks(latency)).singleElement().satisfies(marks -> {
            assertThat(marks.getDataCount()).isEqualTo(1);
            assertThat(marks.get(DataSet.DIM_X, 0)).isEqualTo(p99.get(DataSet.DIM_X, 0));
            assertThat(marks.get(DataSet.DIM_Y, 0)).isEqualTo(top);
        });
        assertThat(legendItems(latency)).containsExactly("client p50", "client p95", "client p99"); // no marks' entry

        // Once the spike has left the window, nothing is cut and the note goes.
        model.publish(new LiveFrame(spiky.start(), spiky.end(), Map.of(LiveChart.LATENCY,
                List.copyOf(spiky.series(LiveChart.LATENCY)).subList(0, 2))), "ok", LiveModel.Level.OK, true);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(note.isVisible()).isFalse();
        assertThat(edgeMarks(latency)).isEmpty();
    }

    @Test
    void inPresenterModeOnA1366By768ProjectorTheLatencyAxisKeepsFourTicksAndItsTitle(FxRobot robot) throws Exception {
        XYChart latency = chart(robot, "live-chart-latency");
        // What the Live tab gets of a 1366×768 window in presenter mode: the side panel and the header take the rest.
        OnFx.read(() -> {
            dev.mlobservatory.console.ui.Theme.apply(stage.getScene(), false, true);
            stage.setWidth(948);
            stage.setHeight(592);
            return null;
        });
        model.publish(baselineWithColdStart(), "ok", LiveModel.Level.OK, true);
        WaitForAsyncUtils.waitForFxEvents();

        for (String id : List.of("live-chart-latency", "live-chart-request-rate", "live-chart-error-rate")) {
            // The unit alone: "latency [ms]" and "request rate [req/s]" were cut on a projector.
            assertThat(chart(robot, id).getYAxis().getName()).isIn("ms", "s", "req/s", "%");
        }
        LiveStack.await("four tick labels on the latency axis", 10, () -> OnFx.read(() -> visibleTicks(latency) >= 4));
        assertThat(OnFx.read(() -> visibleTicks(latency))).isBetween(4L, 6L);
    }

    @Test
    void oneClickPutsLatencyOnALogScaleWhereNothingIsCut(FxRobot robot) throws Exception {
        XYChart latency = chart(robot, "live-chart-latency");
        Label note = robot.lookup("#live-chart-latency-note").queryAs(Label.class);
        model.publish(baselineWithColdStart(), "ok", LiveModel.Level.OK, true);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(note.isVisible()).isTrue();

        robot.clickOn("#live-log-scale");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(model.latencyLogScaleProperty().get()).isTrue();
        DefaultNumericAxis y = (DefaultNumericAxis) latency.getYAxis();
        assertThat(y.isLogAxis()).isTrue();
        LiveStack.await("the log axis ranged", 10, () -> OnFx.read(() -> y.getMax() > 999 && y.getMin() > 0));
        assertThat(OnFx.read(y::getMin)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(note.isVisible()).isFalse();
        assertThat(edgeMarks(latency)).isEmpty();
        assertThat(dataSets(latency).get(2).get(DataSet.DIM_Y, 0)).isEqualTo(650); // the spike as it was
        // The other charts keep their linear axes.
        assertThat(((DefaultNumericAxis) chart(robot, "live-chart-request-rate").getYAxis()).isLogAxis()).isFalse();
    }

    /** 90 s of a baseline as drawn after a cold start: the client's first second at 650 ms, then about 5 ms. */
    private static LiveFrame baselineWithColdStart() {
        double end = Math.floor(System.currentTimeMillis() / 1000.0);
        double[] t = new double[90];
        double[] p50 = new double[90];
        double[] p95 = new double[90];
        double[] p99 = new double[90];
        for (int i = 0; i < 90; i++) {
            t[i] = end - 89 + i;
            p50[i] = 1;
            p95[i] = 3;
            p99[i] = i == 0 ? 650 : 5;
        }
        return new LiveFrame(end - 300, end, Map.of(LiveChart.LATENCY, List.of(
                new LiveSeries("client p50", LiveSeries.Source.CLIENT, t, p50),
                new LiveSeries("client p95", LiveSeries.Source.CLIENT, t, p95),
                new LiveSeries("client p99", LiveSeries.Source.CLIENT, t, p99))));
    }

    private static long visibleTicks(XYChart chart) {
        return ((io.fair_acc.chartfx.axes.spi.AbstractAxis) chart.getYAxis()).getTickMarks().stream()
                .filter(io.fair_acc.chartfx.axes.spi.TickMark::isVisible).count();
    }

    private static List<String> legendItems(XYChart chart) {
        return OnFx.read(() -> chart.lookupAll(".chart-legend-item").stream()
                .filter(javafx.scene.Node::isVisible) // ChartFX keeps an item per data set, hidden when not wanted
                .map(n -> n instanceof javafx.scene.control.Label l ? l.getText() : n.toString()).toList());
    }

    @Test
    void theStatusLineTakesTheModelsLevel(FxRobot robot) {
        Label status = robot.lookup("#live-status").queryAs(Label.class);

        model.publish(LiveFrame.empty(0, 300), "Prometheus rejected the query", LiveModel.Level.DANGER, true);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(status.getText()).isEqualTo("Prometheus rejected the query");
        assertThat(status.getStyleClass()).contains("danger").doesNotContain("warning");
        assertThat(stage.isShowing()).isTrue();
    }

    /** ChartFX 11.3 deprecates legendVisibleProperty() and offers no other getter for what setLegendVisible set. */
    @SuppressWarnings("deprecation")
    private static boolean legendVisible(XYChart chart) {
        return chart.legendVisibleProperty().get();
    }
}
