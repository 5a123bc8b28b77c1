package dev.mlobservatory.console.live;

import atlantafx.base.theme.Styles;
import dev.mlobservatory.console.ui.Format;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.marker.Marker;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

/**
 * One Live chart: its ChartFX chart, renderers and a data set per series, and the note over its corner. The y-axis
 * follows the range it is given ({@link YRange}): points above it are drawn at the top edge, marked with a red
 * triangle, and counted in the note. Each series keeps one data set whose contents are replaced on every refresh.
 */
final class LiveChartPane {

    static final String SERVER_STYLE = "-fx-line-width: 2;";
    static final String CLIENT_STYLE = "-fx-line-width: 2.5; -fx-line-dash-array: 8 5;";
    /** The marks of points above the axis: red, like the note that counts them. */
    static final String EDGE_STYLE = "-fx-marker-size: 6; -fx-marker-color: #cf222e; -fx-marker-line-width: 1;";
    /** An upward triangle with its tip on the edge: "there is more above". */
    private static final Marker UP_TRIANGLE = (gc, x, y, size) -> gc.fillPolygon(
            new double[] {x - size, x + size, x}, new double[] {y + 1.6 * size, y + 1.6 * size, y}, 3);

    private final LiveChart which;
    final XYChart chart;
    private final DefaultNumericAxis xAxis;
    private final SteppedAxis yAxis;
    private final ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
    /** Draws the marks of the points above the axis, at its top edge; not in the legend. */
    private final ErrorDataSetRenderer edgeRenderer = new ErrorDataSetRenderer();
    private final DoubleDataSet edge = new DoubleDataSet("above the axis");
    private final Map<String, DoubleDataSet> dataSets = new LinkedHashMap<>();
    /** What the edge hides, over the chart's top right corner; empty when nothing is cut. */
    private final Label note = new Label();
    /** The chart with its note over it: what the tab lays out. */
    final StackPane pane;

    LiveChartPane(LiveChart which) {
        this.which = which;
        // No axis title: the clock times say what the axis is, and presenter mode needs the height for the plot.
        xAxis = new DefaultNumericAxis(null);
        xAxis.setUnit(null); // no empty "[]" either
        xAxis.setTimeAxis(true);
        xAxis.setAutoRanging(false); // the window, not the data, decides: all three charts line up
        // The y-axis title is the unit alone ("ms", "req/s", "%"): the chart's title names the quantity, and a
        // longer title was cut in presenter mode (":quest rate [req/").
        yAxis = new SteppedAxis(which.unit());
        yAxis.setUnit(null);
        yAxis.setAutoRanging(false); // YRange decides, from the bulk of the points: see show()
        yAxis.setAutoUnitScaling(false); // "ms" stays ms, not "k ms"; YRange switches to s itself
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(false);
        renderer.setDashSize(0); // the legend symbol is a plain (or dashed) line, not an error bar
        renderer.setAllowNaNs(true); // NaN (no traffic, 0/0) is a gap in the line
        renderer.setPointReduction(false); // at most a few hundred points; reduction would blur gaps
        edgeRenderer.setErrorStyle(ErrorStyle.NONE);
        edgeRenderer.setPolyLineStyle(LineStyle.NONE);
        edgeRenderer.setDrawMarker(true);
        edgeRenderer.setPointReduction(false);
        edgeRenderer.setShowInLegend(false);
        edge.setStyle(EDGE_STYLE);
        chart = new XYChart(xAxis, yAxis);
        chart.getRenderers().setAll(renderer, edgeRenderer);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setTitle(which.panel());
        chart.setId("live-chart-" + which.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        note.setId(chart.getId() + "-note");
        note.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        note.setVisible(false);
        note.setMouseTransparent(true);
        // Top left, in the title row: the title is centred and Save PNG sits top right, so the left end is free,
        // and the plot's newest points (right) stay uncovered.
        StackPane.setAlignment(note, Pos.TOP_LEFT);
        StackPane.setMargin(note, new Insets(2, 0, 0, 8));
        pane = new StackPane(chart, note);
        pane.setMinSize(0, 0);
    }

    /**
     * Replaces the contents of each series' data set; adds or removes data sets only as series come and go. The
     * y-axis follows the bulk of the points ({@link YRange}): points above it are drawn at the edge and marked.
     */
    void show(double start, double end, List<LiveSeries> series, YRange range) {
        xAxis.set(start, end);
        yAxis.setName(range.axisUnit(which));
        yAxis.scale = range.axisScale(which);
        yAxis.setLogAxis(range.log());
        yAxis.step = range.log() ? 0 : range.step(); // decades on a log axis: ChartFX's own ticks
        yAxis.set(range.lower(), range.upper());
        List<DataSet> wanted = new ArrayList<>(series.size());
        Set<String> present = new HashSet<>();
        double[] edgeTimes = new double[range.above()];
        int marked = 0;
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
            double[] times = s.times();
            double[] values = s.values(); // a fresh copy: clamped in place, and not copied again below
            for (int i = 0; i < values.length; i++) {
                if (range.isAbove(values[i])) {
                    edgeTimes[marked++] = times[i];
                }
                values[i] = range.clamp(values[i]);
            }
            ds.set(times, values, false);
            wanted.add(ds);
        }
        showEdge(Arrays.copyOf(edgeTimes, marked), range.upper());
        note.setText(range.note(which));
        note.setVisible(range.clipped());
        dataSets.keySet().removeIf(key -> !present.contains(key));
        // Only when series come, go or change order (rarely): keeps the legend in the model's order, server
        // series first, and colours stable from one refresh to the next.
        if (!sameInstances(renderer.getDatasets(), wanted)) {
            renderer.getDatasets().setAll(wanted);
        }
    }

    /**
     * The marks at the top edge. Like the lines' data sets, the marks' is in its renderer only while it has
     * points, and gets them before it joins: a chart read-locks its data sets as soon as it enters a scene and
     * releases them after its first pulse, so writing one in between (the first frame comes that early) would
     * wait for ever on the FX thread.
     */
    private void showEdge(double[] times, double upper) {
        if (times.length == 0) {
            edgeRenderer.getDatasets().clear();
            return;
        }
        double[] values = new double[times.length];
        Arrays.fill(values, upper);
        edge.set(times, values, false);
        if (edgeRenderer.getDatasets().isEmpty()) {
            edgeRenderer.addDataSet(edge).setMarkerType(UP_TRIANGLE);
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

    /**
     * A numeric axis whose ticks are {@link YRange#step()} apart, labelled as the rest of the console writes numbers
     * (0.25, 2.5, 100; never 0.250 or 1.0E-4). ChartFX picks its own tick unit from the axis length and font size, and
     * in presenter mode that left the latency axis with two ticks.
     */
    private static final class SteppedAxis extends DefaultNumericAxis {
        private static final long serialVersionUID = 1L; // ChartFX axes are Serializable; this one is never written
        double step;
        /**
         * Tick values are divided by this (1000: ms read as s). Done here rather than with ChartFX's unit scaling,
         * which writes its metric prefix after the title ("s [k]").
         */
        double scale = 1;

        SteppedAxis(String name) {
            super(name);
            setTickLabelFormatter(new StringConverter<>() {
                @Override
                public String toString(Number n) {
                    return n == null ? "" : Format.value(n.doubleValue() / scale);
                }

                @Override
                public Number fromString(String text) {
                    throw new UnsupportedOperationException("tick labels are only written");
                }
            });
        }

        @Override
        public double computePreferredTickUnit(double axisLength) {
            return step > 0 ? step : super.computePreferredTickUnit(axisLength);
        }
    }
}
