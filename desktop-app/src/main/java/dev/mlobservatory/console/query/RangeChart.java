package dev.mlobservatory.console.query;

import dev.mlobservatory.console.prom.QueryResult;
import dev.mlobservatory.console.ui.Format;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import javafx.util.StringConverter;

/**
 * A range query's series as lines over time, one per series, with a legend; axes, unit, names and ranges as
 * the answer's {@link RangePlot} says.
 */
final class RangeChart {

    private final DefaultNumericAxis xAxis = new DefaultNumericAxis("time");
    private final DefaultNumericAxis yAxis = new DefaultNumericAxis(ValueUnit.PLAIN.axisTitle());
    private final ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
    private final XYChart chart;

    RangeChart() {
        // No "[unit]" after the axis names: the tick labels carry the unit ("2.5 ms", "15 %").
        xAxis.setUnit(null);
        yAxis.setUnit(null);
        xAxis.setTimeAxis(true); // ticks on whole seconds, minutes…, written by the formatter below
        xAxis.setTickLabelFormatter(converter(t -> Format.clock(Instant.ofEpochMilli(Math.round(t * 1000)),
                ZoneId.systemDefault())));
        yAxis.setTickLabelFormatter(converter(ValueUnit.PLAIN::tick));
        // The plot decides both ranges: time from the first to the last sample, values with headroom on top.
        xAxis.setAutoRanging(false);
        yAxis.setAutoRanging(false);
        yAxis.setAutoUnitScaling(false); // "2.5 ms", not "2.5 ms" over a "×10⁻³" the formatter knows nothing of
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(false);
        renderer.setDashSize(0); // the legend symbol is a plain line, not an error bar
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

    DefaultNumericAxis xAxis() {
        return xAxis;
    }

    DefaultNumericAxis yAxis() {
        return yAxis;
    }

    /** The chart's title: the query it draws (for a saved PNG's file name too). */
    String title() {
        return chart.getTitle() == null ? "" : chart.getTitle();
    }

    /** Replaces the lines with the first {@link RangePlot#MAX_SERIES} of {@code matrix}'s series. FX thread. */
    void show(QueryResult.Matrix matrix, RangePlot plot) {
        // A new formatter, not a field it reads: ChartFX writes the tick labels again when the formatter changes.
        yAxis.setTickLabelFormatter(converter(plot.unit()::tick));
        yAxis.setName(plot.unit().axisTitle());
        xAxis.set(plot.xMin(), plot.xMax());
        yAxis.set(plot.yMin(), plot.yMax());
        chart.setTitle(plot.title());
        List<DataSet> sets = new ArrayList<>();
        for (int i = 0; i < plot.names().size(); i++) {
            QueryResult.Series s = matrix.series().get(i);
            // Times are epoch seconds, which is what ChartFX's time axis expects.
            sets.add(new DoubleDataSet(plot.names().get(i), s.times(), s.values(), s.times().length, true));
        }
        renderer.getDatasets().setAll(sets);
    }

    void clear() {
        renderer.getDatasets().clear();
    }

    private static StringConverter<Number> converter(DoubleFunction<String> format) {
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n == null ? "" : format.apply(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException("tick labels are only written");
            }
        };
    }
}
