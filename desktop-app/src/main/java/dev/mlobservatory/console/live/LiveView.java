package dev.mlobservatory.console.live;

import atlantafx.base.theme.Styles;
import dev.mlobservatory.console.ui.SaveChart;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Live tab: a status line over three stacked rolling charts (latency, request rate, error rate), Prometheus's
 * series solid and the traffic engine's dashed. Each series keeps one data set whose contents are replaced on every
 * refresh, so an hour of live charts allocates no new data sets or renderers.
 */
public final class LiveView extends BorderPane {

    static final String SERVER_STYLE = "-fx-line-width: 2;";
    static final String CLIENT_STYLE = "-fx-line-width: 2.5; -fx-line-dash-array: 8 5;";

    private final LiveModel model;
    private final Label status = new Label();
    static final String LEGEND_WITH_PROMETHEUS = "Solid: Prometheus, running the Grafana dashboard's queries "
            + "(latency estimated by histogram_quantile from the buckets). Dashed: the traffic engine, timing every "
            + "response it got.";
    static final String LEGEND_CLIENT_ONLY = "Dashed: the traffic engine, timing every response it got. "
            + "Prometheus's solid lines join them once it answers.";
    private final Label legendNote = new Label();
    private final Map<LiveChart, ChartPart> charts = new EnumMap<>(LiveChart.class);

    /** One chart, its renderer and its data sets by series. */
    private static final class ChartPart {
        final XYChart chart;
        final DefaultNumericAxis xAxis;
        final ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
        final Map<String, DoubleDataSet> dataSets = new LinkedHashMap<>();

        ChartPart(LiveChart which) {
            xAxis = new DefaultNumericAxis("time");
            xAxis.setUnit(null); // no empty "[]" after the name
            xAxis.setTimeAxis(true);
            xAxis.setAutoRanging(false); // the window, not the data, decides: all three charts line up
            DefaultNumericAxis yAxis = new DefaultNumericAxis(which.axisName(), which.unit());
            yAxis.setAutoRanging(true);
            yAxis.setForceZeroInRange(true);
            yAxis.setAutoUnitScaling(false); // "ms" stays ms, not "k ms"
            renderer.setErrorStyle(ErrorStyle.NONE);
            renderer.setDrawMarker(false);
            renderer.setDashSize(0); // the legend symbol is a plain (or dashed) line, not an error bar
            renderer.setAllowNaNs(true); // NaN (no traffic, 0/0) is a gap in the line
            renderer.setPointReduction(false); // at most a few hundred points; reduction would blur gaps
            chart = new XYChart(xAxis, yAxis);
            chart.getRenderers().setAll(renderer);
            chart.setAnimated(false);
            chart.setLegendVisible(true);
            chart.setTitle(which.panel());
            chart.setId("live-chart-" + which.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }

        /** Replaces the contents of each series' data set; adds or removes data sets only as series come and go. */
        void show(double start, double end, List<LiveSeries> series) {
            xAxis.set(start, end);
            List<DataSet> wanted = new ArrayList<>(series.size());
            Set<String> present = new HashSet<>();
            for (LiveSeries s : series) {
                String key = s.source() + ":" + s.name();
                present.add(key);
                DoubleDataSet ds = dataSets.get(key);
                if (ds == null) {
                    ds = new DoubleDataSet(s.name());
                    // The data set node reads its style when it is added to the renderer: set it first.
                    ds.setStyle(s.source() == LiveSeries.Source.CLIENT ? CLIENT_STYLE : SERVER_STYLE);
                    dataSets.put(key, ds);
                }
                ds.set(s.times(), s.values(), false); // the series' arrays are fresh copies: no need to copy again
                wanted.add(ds);
            }
            dataSets.keySet().removeIf(key -> !present.contains(key));
            // Only when series come, go or change order (rarely): keeps the legend in the model's order, server
            // series first, and colours stable from one refresh to the next.
            if (!sameInstances(renderer.getDatasets(), wanted)) {
                renderer.getDatasets().setAll(wanted);
            }
        }

        /** Identity, not {@code equals}: data sets compare by content, which is neither cheap nor the question. */
        private static boolean sameInstances(List<DataSet> a, List<DataSet> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) != b.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    public LiveView(LiveModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    private void createView() {
        status.setId("live-status");
        status.setWrapText(true);
        legendNote.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        legendNote.setWrapText(true);
        // Solid lines come only from a Prometheus that answers: without one, the note explains only what is drawn.
        legendNote.textProperty().bind(javafx.beans.binding.Bindings.when(model.prometheusAnsweringProperty())
                .then(LEGEND_WITH_PROMETHEUS).otherwise(LEGEND_CLIENT_ONLY));
        VBox top = new VBox(status, legendNote, SaveChart.status(model.chartSaver()));
        top.setSpacing(2);
        top.setPadding(new Insets(6, 8, 4, 8));
        setTop(top);

        VBox stack = new VBox();
        for (LiveChart which : LiveChart.values()) {
            ChartPart part = new ChartPart(which);
            charts.put(which, part);
            StackPane cell = SaveChart.overlay(part.chart, which.panel(), model.chartSaver());
            VBox.setVgrow(cell, Priority.ALWAYS);
            // A ChartFX chart asks for the width of all its tick labels as its minimum; without this the tab grows
            // past the window and the newest minutes (the right edge) are cut off.
            part.chart.setMinSize(0, 0);
            stack.getChildren().add(cell);
        }
        stack.setMinSize(0, 0);
        stack.setPadding(new Insets(0, 14, 4, 0));
        setMinSize(0, 0);
        setCenter(stack);
    }

    private void initListeners() {
        status.textProperty().bind(model.statusProperty());
        model.levelProperty().addListener((obs, old, level) -> showLevel(level));
        showLevel(model.getLevel());
        model.frameProperty().addListener((obs, old, frame) -> show(frame));
        show(model.getFrame());
    }

    private void showLevel(LiveModel.Level level) {
        status.getStyleClass().removeAll(Styles.TEXT_MUTED, Styles.WARNING, Styles.DANGER);
        status.getStyleClass().add(switch (level) {
            case OK -> Styles.TEXT_MUTED;
            case WARNING -> Styles.WARNING;
            case DANGER -> Styles.DANGER;
        });
    }

    /** Runs on the FX thread (the model publishes there), which is where ChartFX data sets may be written. */
    private void show(LiveFrame frame) {
        for (LiveChart which : LiveChart.values()) {
            charts.get(which).show(frame.start(), frame.end(), frame.series(which));
        }
    }
}
