package dev.mlobservatory.console.live;

import atlantafx.base.theme.Styles;
import dev.mlobservatory.console.ui.SaveChart;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Live tab: a status line over three stacked rolling charts (latency, request rate, error rate), Prometheus's
 * series solid and the traffic engine's dashed ({@link LiveChartPane}); "How good is the estimate?" can take the
 * lower two charts' place ({@link EstimateView}). Each y-axis follows the bulk of its points
 * ({@link YRange}), so one spike does not flatten the other lines; what it cuts is marked at the edge and counted in a
 * note. Latency can go on a log scale. Each series keeps one data set whose contents are replaced on every refresh, so
 * an hour of live charts allocates no new data sets or renderers.
 */
public final class LiveView extends BorderPane {

    private final LiveModel model;
    private final Label status = new Label();
    static final String LEGEND_WITH_PROMETHEUS = "Solid: Prometheus, running the Grafana dashboard's queries "
            + "(latency estimated by histogram_quantile from the buckets). Dashed: the traffic engine, timing every "
            + "response it got.";
    static final String LEGEND_CLIENT_ONLY = "Dashed: the traffic engine, timing every response it got. "
            + "Prometheus's solid lines join them once it answers.";
    private final Label legendNote = new Label();
    private final CheckBox logScale = new CheckBox("Log scale (latency)");
    private final ToggleButton estimateToggle = new ToggleButton("How good is the estimate?");
    private final Map<LiveChart, LiveChartPane> charts = new EnumMap<>(LiveChart.class);
    /** The request-rate and error-rate charts' cells, which the estimate takes the place of while it is open. */
    private final List<Node> lowerCharts = new ArrayList<>();
    private EstimateView estimate;

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
        logScale.setId("live-log-scale");
        logScale.getStyleClass().add(Styles.TEXT_SMALL);
        logScale.setMinWidth(Region.USE_PREF_SIZE); // the note beside it wraps instead: a cut "Log sc…" says nothing
        logScale.setTooltip(new Tooltip("Each power of ten gets the same height: sub-millisecond server percentiles "
                + "and a client's tens of milliseconds are both readable, and a spike cuts nothing."));
        estimateToggle.setId("live-estimate-toggle");
        estimateToggle.setMinWidth(Region.USE_PREF_SIZE);
        estimateToggle.setTooltip(new Tooltip("p50/p95/p99 from the classic buckets and from the native histogram, "
                + "beside what the traffic engine measured, in place of the request-rate and error-rate charts."));
        HBox legendRow = new HBox(12, legendNote, logScale, estimateToggle);
        legendRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(legendNote, Priority.ALWAYS);
        legendNote.setMaxWidth(Double.MAX_VALUE);
        VBox top = new VBox(status, legendRow, SaveChart.status(model.chartSaver()));
        top.setSpacing(2);
        top.setPadding(new Insets(6, 8, 4, 8));
        setTop(top);

        // Latency, what a class watches most, gets 40 % of the height; on a projector at 1366×768 that leaves its
        // plot room for five tick labels in presenter type.
        GridPane stack = new GridPane();
        ColumnConstraints full = new ColumnConstraints();
        full.setHgrow(Priority.ALWAYS);
        full.setFillWidth(true);
        stack.getColumnConstraints().add(full);
        int row = 0;
        for (LiveChart which : LiveChart.values()) {
            LiveChartPane part = new LiveChartPane(which);
            charts.put(which, part);
            RowConstraints share = new RowConstraints();
            share.setPercentHeight(which == LiveChart.LATENCY ? 40 : 30);
            share.setVgrow(Priority.ALWAYS);
            share.setFillHeight(true);
            stack.getRowConstraints().add(share);
            // A ChartFX chart asks for the width of all its tick labels as its minimum; without this the tab grows
            // past the window and the newest minutes (the right edge) are cut off.
            part.chart.setMinSize(0, 0);
            StackPane cell = SaveChart.overlay(part.pane, which.panel(), model.chartSaver());
            javafx.scene.Node save = cell.getChildren().get(cell.getChildren().size() - 1);
            save.setId(part.chart.getId() + "-save-png");
            stack.add(cell, 0, row++);
            if (which != LiveChart.LATENCY) {
                lowerCharts.add(cell);
            }
        }
        // Under the latency chart, where the numbers it estimates can be read against its lines.
        estimate = new EstimateView(model.estimate());
        stack.add(estimate, 0, 1, 1, 2);
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
        logScale.selectedProperty().bindBidirectional(model.latencyLogScaleProperty());
        estimateToggle.selectedProperty().bindBidirectional(model.estimate().openProperty());
        model.estimate().openProperty().addListener((obs, old, open) -> showEstimate(open));
        showEstimate(model.estimate().openProperty().get());
        model.latencyLogScaleProperty().addListener((obs, old, on) -> show(model.getFrame())); // at once, not in 2 s
        show(model.getFrame());
    }

    /** The estimate in the lower charts' place, or the charts back: neither is ever laid out under the other. */
    private void showEstimate(boolean open) {
        estimate.setVisible(open);
        estimate.setManaged(open);
        for (Node chart : lowerCharts) {
            chart.setVisible(!open);
            chart.setManaged(!open);
        }
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
            charts.get(which).show(frame.start(), frame.end(), frame.series(which), model.yRange(which, frame));
        }
    }
}
