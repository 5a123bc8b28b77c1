package dev.mlobservatory.console.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlobservatory.console.prom.QueryNotes;
import dev.mlobservatory.console.prom.QueryResult;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How a range answer is drawn: the time its data covers, headroom on top, names for its lines, what it leaves out. */
class RangePlotTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    /** 2024-03-05 14:00:00 UTC. */
    private static final double END = 1_709_647_200;
    private static final String P95 =
            "histogram_quantile(0.95, sum by (le) (rate(ml_prediction_duration_seconds_bucket[5m])))";

    private static QueryResult.Series series(Map<String, String> labels, double from, double step, double... values) {
        double[] times = IntStream.range(0, values.length).mapToDouble(i -> from + i * step).toArray();
        return new QueryResult.Series(labels, times, values);
    }

    private static QueryAnswer answer(String promql, QueryResult.Series... series) {
        return new QueryAnswer(promql, QueryMode.RANGE, RangeWindow.M15, 5, END - 900, END,
                new QueryResult.Matrix(List.of(series)), 1_000_000, QueryNotes.NONE);
    }

    @Test
    void twoMinutesOfDataInAFifteenMinuteWindowFillTheTimeAxisAndTheNoteSaysWhy() {
        // 2 minutes of points, every 5 s, ending 10 s before the window's end.
        double[] values = IntStream.range(0, 25).mapToDouble(i -> 0.002 + i * 0.0001).toArray();
        RangePlot plot = RangePlot.of(answer(P95, series(Map.of(), END - 130, 5, values)), UTC);

        assertThat(plot.xMin()).isEqualTo(END - 130);
        assertThat(plot.xMax()).isEqualTo(END - 10);
        assertThat(plot.note()).isEqualTo(
                "Prometheus has data from 13:57:50 on (2 m 0 s of the 15 m asked): the time axis shows only that.");
        assertThat(plot.unit()).isEqualTo(ValueUnit.SECONDS);
        assertThat(plot.names()).as("no labels: the legend names the query").containsExactly(
                "histogram_quantile(0.95, sum by (le) (rate(ml_prediction_du…");
        assertThat(plot.title()).isEqualTo(P95);
    }

    @Test
    void theValueAxisEndsOnARoundNumberAboveTheHighestValue() {
        RangePlot plot = RangePlot.of(answer("sum(rate(ml_predictions_total[1m]))",
                series(Map.of(), END - 900, 225, 18, 19.6, Double.NaN, 20, 19.9)), UTC);

        assertThat(plot.yMin()).isZero();
        assertThat(plot.yMax()).as("above 20, with room").isGreaterThanOrEqualTo(20 * 1.08).isEqualTo(25);
        assertThat(plot.note()).as("data over the whole window: nothing to say").isEmpty();
        assertThat(plot.unit()).isEqualTo(ValueUnit.PER_SECOND);

        assertThat(RangePlot.valueRange(0, 0.00475)[1]).isCloseTo(0.006, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(RangePlot.valueRange(-3, 2)).satisfies(r -> {
            assertThat(r[0]).isLessThan(-3);
            assertThat(r[1]).isGreaterThan(2);
        });
        assertThat(RangePlot.valueRange(0, 0)).containsExactly(0.0, 1.0);
        assertThat(RangePlot.valueRange(5, 7)).as("zero stays in view").startsWith(0.0);
        for (double high : new double[] {0.9, 1, 1.05, 3.3, 41.5, 99.99, 100, 0.2, 0.0123}) {
            double[] r = RangePlot.valueRange(0, high);
            assertThat(r[1]).as("top for %s", high).isGreaterThan(high * (1 + RangePlot.HEADROOM * 0.99))
                    .isLessThanOrEqualTo(high * 1.6);
        }
    }

    @Test
    void labelledSeriesKeepTheirNamesAndAnyBeyondThirtyAreCounted() {
        List<QueryResult.Series> many = new ArrayList<>();
        for (int i = 0; i < 33; i++) {
            many.add(series(Map.of("pod", "p" + i), END - 900, 900, i, i));
        }
        RangePlot plot = RangePlot.of(answer("sum by (pod) (up)", many.toArray(QueryResult.Series[]::new)), UTC);

        assertThat(plot.names()).hasSize(RangePlot.MAX_SERIES).startsWith("{pod=\"p0\"}", "{pod=\"p1\"}");
        assertThat(plot.note()).isEqualTo(
                "Showing the first 30 series; 3 more not drawn. Aggregate (sum by …) or filter to see them.");
    }

    @Test
    void oneSampleIsADotInTheMiddleAndNoSamplesShowTheWindowAsked() {
        RangePlot one = RangePlot.of(answer("up", series(Map.of("job", "x"), END - 60, 5, 1)), UTC);
        assertThat(one.xMin()).isEqualTo(END - 65);
        assertThat(one.xMax()).isEqualTo(END - 55);
        assertThat(one.note()).isEqualTo("Prometheus has one point so far, at 13:59:00, of the 15 m asked.");

        RangePlot none = RangePlot.of(answer("up"), UTC);
        assertThat(none.xMin()).isEqualTo(END - 900);
        assertThat(none.xMax()).isEqualTo(END);
        assertThat(none.names()).isEmpty();
        assertThat(none.note()).isEmpty();
    }

    @Test
    void longQueriesAreShortenedOnOneLine() {
        assertThat(RangePlot.shorten("sum(\n  rate(x[5m])\n)", 60)).isEqualTo("sum( rate(x[5m]) )");
        assertThat(RangePlot.shorten("a".repeat(80), 10)).isEqualTo("aaaaaaaaa…").hasSize(10);
        assertThat(RangePlot.legendName(Map.of("__name__", "up", "job", "api"), "up")).isEqualTo("up{job=\"api\"}");
        assertThatThrownBy(() -> RangePlot.of(new QueryAnswer("1", QueryMode.INSTANT, null, 0, 0, 0,
                new QueryResult.Scalar(0, 1), 1, QueryNotes.NONE), UTC))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("matrix");
    }
}
