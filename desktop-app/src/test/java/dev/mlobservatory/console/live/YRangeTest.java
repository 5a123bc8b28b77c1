package dev.mlobservatory.console.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Live charts' y-axis: it follows the bulk of the points, not one spike, and says what it cuts. */
class YRangeTest {

    private static final double END = 1_000_000;

    /** {@code n} points one {@code step} apart, ending at {@link #END}, all {@code value}. */
    private static double[][] flat(int n, double step, double value) {
        double[] t = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = END - (n - 1 - i) * step;
            v[i] = value;
        }
        return new double[][] {t, v};
    }

    private static LiveSeries series(String name, LiveSeries.Source source, double[][] points) {
        return new LiveSeries(name, source, points[0], points[1]);
    }

    @Test
    void aColdStartSpikeNoLongerSetsTheScale() {
        // 90 s of baseline as the Live tab draws it: the traffic engine's p99 about 5 ms with its first second at
        // 600 ms (a cold client), Prometheus's p50 at 0.5 ms and p99 at 4 ms every 2 s.
        double[][] clientP99 = flat(90, 1, 5);
        clientP99[1][0] = 600;
        clientP99[1][10] = 7; // ordinary noise stays in view
        LiveSeries client = series("client p99", LiveSeries.Source.CLIENT, clientP99);
        LiveSeries p50 = series("p50 v1", LiveSeries.Source.SERVER, flat(45, 2, 0.5));
        LiveSeries p99 = series("p99 v1", LiveSeries.Source.SERVER, flat(45, 2, 4));

        YRange range = YRange.of(List.of(p50, p99, client), END, LiveChart.LATENCY.minimumUpper());

        assertThat(range.upper()).isBetween(7.0, 20.0);
        assertThat(range.above()).isEqualTo(1);
        assertThat(range.highest()).isEqualTo(600);
        assertThat(range.clipped()).isTrue();
        assertThat(range.clamp(600)).isEqualTo(range.upper());
        assertThat(range.clamp(4)).isEqualTo(4);
        assertThat(range.clamp(Double.NaN)).isNaN(); // a gap stays a gap
        // p50 and p99 are at least a tenth of the height apart: distinct lines, not one line on the zero.
        assertThat((4 - 0.5) / range.upper()).isGreaterThan(0.1);
        assertThat(range.note(LiveChart.LATENCY)).startsWith("▲ 1 point above ").endsWith("(up to 600 ms)");
    }

    @Test
    void whatHappenedInTheLastHalfMinuteIsNeverCut() {
        // A slow model injected 20 s ago: a few points, but the news.
        double[][] p95 = flat(150, 2, 3);
        for (int i = 140; i < 150; i++) {
            p95[1][i] = 1250;
        }
        YRange range = YRange.of(List.of(series("p95 v1", LiveSeries.Source.SERVER, p95)), END, 1);

        assertThat(range.upper()).isGreaterThanOrEqualTo(1250);
        assertThat(range.clipped()).isFalse();
        assertThat(range.note(LiveChart.LATENCY)).isEmpty();
        // From 1 s on the latency axis reads in seconds.
        assertThat(LiveChart.LATENCY.axisUnit(range.upper())).isEqualTo("s");
        assertThat(LiveChart.LATENCY.axisScale(range.upper())).isEqualTo(1000);
        assertThat(LiveChart.LATENCY.axisUnit(250)).isEqualTo("ms");
        assertThat(LiveChart.REQUEST_RATE.axisUnit(5000)).isEqualTo("req/s");
    }

    @Test
    void aSustainedFaultThatEndedStaysInViewWhileItIsMoreThanATenthOfTheWindow() {
        double[][] p95 = flat(150, 2, 3);
        for (int i = 60; i < 120; i++) { // two minutes of a slow model, ended a minute ago
            p95[1][i] = 900;
        }
        YRange range = YRange.of(List.of(series("p95 v1", LiveSeries.Source.SERVER, p95)), END, 1);

        assertThat(range.upper()).isGreaterThanOrEqualTo(900);
        assertThat(range.clipped()).isFalse();
    }

    @Test
    void theBulkOfEverySeriesFitsNotJustOfThePool() {
        // Six lines near 1 ms and one near 8 ms: pooled, 8 ms would be an outlier; it is one line's bulk.
        List<LiveSeries> all = new java.util.ArrayList<>();
        for (int s = 0; s < 6; s++) {
            all.add(series("low " + s, LiveSeries.Source.SERVER, flat(150, 2, 1)));
        }
        double[][] high = flat(150, 2, 8);
        all.add(series("p99", LiveSeries.Source.SERVER, high));

        YRange range = YRange.of(all, END, 1);

        assertThat(range.upper()).isGreaterThanOrEqualTo(8);
        assertThat(range.above()).isZero();
    }

    @Test
    void valuesWithinThreeTimesTheBulkAreAllShown() {
        double[][] rate = flat(300, 1, 40);
        for (int i = 50; i < 60; i++) {
            rate[1][i] = 100; // 2.5 × the bulk: the whole line still fits in a readable scale
        }
        YRange range = YRange.of(List.of(series("client", LiveSeries.Source.CLIENT, rate)), END, 1);

        assertThat(range.upper()).isGreaterThanOrEqualTo(100);
        assertThat(range.clipped()).isFalse();
    }

    @Test
    void anOldBurstIsCutAndCountedInTheChartsUnit() {
        double[][] rate = flat(300, 1, 40);
        for (int i = 50; i < 60; i++) {
            rate[1][i] = 400; // BURST ×10 for 10 s, four minutes ago
        }
        YRange range = YRange.of(List.of(series("client", LiveSeries.Source.CLIENT, rate)), END, 1);

        assertThat(range.above()).isEqualTo(10);
        assertThat(range.upper()).isBetween(44.0, 100.0);
        assertThat(range.note(LiveChart.REQUEST_RATE))
                .isEqualTo("▲ 10 points above " + LiveChart.REQUEST_RATE.describe(range.upper()) + " (up to 400 req/s)");
    }

    @Test
    void nothingOrNothingButZerosGivesTheMinimumAxis() {
        YRange none = YRange.of(List.of(), END, 1);
        assertThat(none.upper()).isEqualTo(1);
        assertThat(none.highest()).isNaN();
        assertThat(none.above()).isZero();

        double[][] zeros = flat(100, 2, 0);
        zeros[1][3] = Double.NaN; // a 0/0 second
        zeros[1][4] = Double.POSITIVE_INFINITY; // cannot reach the chart (LiveSeries.withGaps), nor the range
        YRange errors = YRange.of(List.of(new LiveSeries("v1", LiveSeries.Source.SERVER, zeros[0], zeros[1])), END, 1);
        assertThat(errors.upper()).isEqualTo(1);
        assertThat(errors.step()).isEqualTo(0.2); // 0, 0.2, … 1 %
        assertThat(errors.highest()).isZero();
        assertThat(LiveChart.ERROR_RATE.describe(12.5)).isEqualTo("12.5 %");
        assertThat(LiveChart.LATENCY.describe(2400)).isEqualTo("2.4 s");
        assertThat(LiveChart.LATENCY.describe(24)).isEqualTo("24.0 ms");
    }

    @Test
    void everyAxisHasFourOrFiveRoundStepsAndWastesAtMostAQuarter() {
        for (double top = 0.013; top < 1e6; top *= 1.37) {
            double[] nice = YRange.nice(top);
            double upper = nice[0];
            double step = nice[1];
            long steps = Math.round(upper / step);
            assertThat(upper).as("top %s", top).isGreaterThanOrEqualTo(top).isLessThanOrEqualTo(top * 1.25 + 1e-9);
            assertThat(upper / step).as("top %s", top).isCloseTo(steps, within(1e-6));
            assertThat(steps).as("top %s: ticks 0..upper", top).isBetween((long) YRange.MIN_STEPS, (long) YRange.MAX_STEPS);
            double mantissa = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
            assertThat(Arrays.stream(new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8})
                    .anyMatch(m -> Math.abs(m - mantissa) < 1e-6))
                    .as("step %s for top %s is 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10^n", step, top).isTrue();
        }
    }

    @Test
    void onALogScaleEveryLineIsApartAndNothingIsCut() {
        // Under load the client's p99 is tens of ms and spikes to 600 ms, while the server's p50 is 0.4 ms: on a
        // linear axis the server's lines lie on the zero whatever the range; on a log axis each has its own decade.
        double[][] clientP99 = flat(90, 1, 40);
        clientP99[1][0] = 600;
        LiveSeries client = series("client p99", LiveSeries.Source.CLIENT, clientP99);
        LiveSeries p50 = series("p50 v1", LiveSeries.Source.SERVER, flat(45, 2, 0.4));
        double[][] zeros = flat(45, 2, 3);
        zeros[1][5] = 0; // cannot be drawn on a log axis: at the bottom edge

        YRange range = YRange.log(List.of(p50, client, series("p99 v1", LiveSeries.Source.SERVER, zeros)), 1);

        assertThat(range.log()).isTrue();
        assertThat(range.lower()).isCloseTo(0.1, within(1e-12));
        assertThat(range.upper()).isCloseTo(1000, within(1e-9));
        assertThat(range.clipped()).isFalse();
        assertThat(range.note(LiveChart.LATENCY)).isEmpty();
        assertThat(range.clamp(0)).isEqualTo(range.lower());
        assertThat(range.clamp(600)).isEqualTo(600);

        YRange close = YRange.log(List.of(series("p50", LiveSeries.Source.SERVER, flat(10, 2, 2))), 1);
        assertThat(close.upper() / close.lower()).as("at least three decades").isCloseTo(1000, within(1e-6));
        YRange empty = YRange.log(List.of(), 1);
        assertThat(empty.upper()).isEqualTo(1);
        assertThat(empty.lower()).isCloseTo(0.001, within(1e-12));
    }

    @Test
    void aRangeIsValidated() {
        assertThatThrownBy(() -> new YRange(false, 0, 0, 1, 0, 0)).hasMessageContaining("upper must be positive");
        assertThatThrownBy(() -> new YRange(false, 0, 10, 20, 0, 0)).hasMessageContaining("step 20");
        assertThatThrownBy(() -> new YRange(false, 1, 10, 2, 0, 0)).hasMessageContaining("lower 1");
        assertThatThrownBy(() -> new YRange(true, 0, 10, 10, 0, 0)).hasMessageContaining("0 < lower < upper");
        assertThatThrownBy(() -> new YRange(false, 0, 10, 2, -1, 0))
                .hasMessageContaining("above must be zero or more, got -1");
        assertThatThrownBy(() -> YRange.nice(Double.NaN)).hasMessageContaining("got NaN");
    }
}
