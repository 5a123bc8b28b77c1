package dev.mlobservatory.console.query;

import dev.mlobservatory.console.prom.QueryResult;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.ArrayList;
import java.util.List;

/** A range query's series as lines over time, one per series, named as Prometheus names them, with a legend. */
final class RangeChart {

    /** More lines than this are unreadable and slow the legend down; the note says how many were left out. */
    static final int MAX_SERIES = 30;

    private final DefaultNumericAxis xAxis = new DefaultNumericAxis();
    private final DefaultNumericAxis yAxis = new DefaultNumericAxis();
    private final ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
    private final XYChart chart;

    RangeChart() {
        // ChartFX's default name is "axis label" with a unit in brackets; the tick labels say enough.
        xAxis.setName(null);
        xAxis.setUnit(null);
        yAxis.setName(null);
        yAxis.setUnit(null);
        xAxis.setTimeAxis(true);
        // The x axis spans the window asked for, not just the data: 15 m of which 2 m have data reads as such.
        xAxis.setAutoRanging(false);
        yAxis.setAutoRanging(true);
        yAxis.setForceZeroInRange(true);
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(false);
        // histogram_quantile over an empty window gives NaN: a gap in the line, not a failed chart.
        renderer.setAllowNaNs(true);
        chart = new XYChart(xAxis, yAxis);
        chart.setMinSize(0, 0); // ChartFX asks for all its tick labels as minimum width: let the tab decide
        chart.setId("query-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.getRenderers().setAll(renderer);
    }

    XYChart node() {
        return chart;
    }

    /** The data sets drawn now (for tests). */
    List<DataSet> dataSets() {
        return renderer.getDatasets();
    }

    /**
     * Replaces the lines with {@code matrix}'s series over {@code start}..{@code end} (epoch seconds); returns
     * how many series were left out. Call on the FX thread.
     */
    int show(QueryResult.Matrix matrix, double start, double end) {
        xAxis.set(start, end);
        List<DataSet> sets = new ArrayList<>();
        List<QueryResult.Series> series = matrix.series();
        for (int i = 0; i < Math.min(MAX_SERIES, series.size()); i++) {
            QueryResult.Series s = series.get(i);
            // Times are epoch seconds, which is what ChartFX's time axis expects.
            sets.add(new DoubleDataSet(QueryResult.describe(s.labels()), s.times(), s.values(), s.times().length, true));
        }
        renderer.getDatasets().setAll(sets);
        return Math.max(0, series.size() - MAX_SERIES);
    }

    void clear() {
        renderer.getDatasets().clear();
    }
}
