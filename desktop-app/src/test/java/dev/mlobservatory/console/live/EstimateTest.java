package dev.mlobservatory.console.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlobservatory.console.traffic.LatencyWindow;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What "How good is the estimate?" says: errors against the measurement, their verdicts, and the honest states. */
class EstimateTest {

    private static final Duration WINDOW = Duration.ofSeconds(20);
    /** The figures measured under 800 ms + 0–400 ms of injected latency (issue 14). */
    private static final double[] CLASSIC = {1000, 2346, 2469};
    private static final double[] NATIVE = {1003, 1182, 1264};
    private static final LatencyWindow.Percentiles ENGINE = new LatencyWindow.Percentiles(400, 1001, 1191, 1205);
    private static final double[] NOTHING = {Double.NaN, Double.NaN, Double.NaN};

    @Test
    void theErrorIsTheEstimatesDistanceFromTheMeasurementInPercent() {
        assertThat(Estimate.errorPercent(2346, 1191)).isCloseTo(96.98, within(0.01));
        assertThat(Estimate.errorPercent(1182, 1191)).isCloseTo(-0.76, within(0.01));
        assertThat(Estimate.errorPercent(Double.NaN, 1191)).isNaN();
        assertThat(Estimate.errorPercent(1182, Double.NaN)).isNaN();
        assertThat(Estimate.errorPercent(Double.POSITIVE_INFINITY, 1191)).as("beyond the last bucket").isNaN();
        assertThat(Estimate.errorPercent(5, 0)).isNaN();
    }

    @Test
    void farOffIsBeyond25PercentAndBeyondWhatTheHttpHopExplains() {
        assertThat(Estimate.verdict(2346, 1191)).isEqualTo(Estimate.Verdict.FAR_OFF);
        assertThat(Estimate.verdict(1182, 1191)).isEqualTo(Estimate.Verdict.CLOSE);
        assertThat(Estimate.verdict(1400, 1191)).as("+18 %: off, not far").isEqualTo(Estimate.Verdict.OFF);
        // 0.4 ms on the server against 2 ms round trips: -80 %, but the hop is the difference, not the estimate.
        assertThat(Estimate.verdict(0.4, 2)).isEqualTo(Estimate.Verdict.OFF);
        assertThat(Estimate.verdict(Double.NaN, 2)).isEqualTo(Estimate.Verdict.NONE);
    }

    @Test
    void valuesReadInMillisecondsAndErrorsWithTheirSign() {
        assertThat(Estimate.ms(2346.4)).isEqualTo("2346 ms");
        assertThat(Estimate.ms(12.34)).isEqualTo("12.3 ms");
        assertThat(Estimate.ms(0.417)).isEqualTo("0.42 ms");
        assertThat(Estimate.ms(Double.NaN)).isEqualTo("—");
        assertThat(Estimate.ms(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(Estimate.percent(96.98)).isEqualTo("+97 %");
        assertThat(Estimate.percent(-0.76)).isEqualTo("-0.8 %");
        assertThat(Estimate.percent(-0.01)).isEqualTo("+0.0 %");
        assertThat(Estimate.percent(-42.4)).isEqualTo("-42 %");
        assertThat(Estimate.percent(Double.NaN)).isEmpty();
        assertThat(Estimate.seconds(Duration.ofSeconds(20))).isEqualTo("20 s");
        assertThat(Estimate.seconds(Duration.ofSeconds(120))).isEqualTo("2 min");
    }

    @Test
    void withEverySourceTheRowsCarryTheErrorsAndTheLineSaysWhereTheyComeFrom() {
        Estimate e = Estimate.measured(WINDOW, CLASSIC, NATIVE, ENGINE, "3.5.3", "12:00:01");

        assertThat(e.rows()).extracting(r -> r.quantile().label()).containsExactly("p50", "p95", "p99");
        Estimate.Row p95 = e.rows().get(1);
        assertThat(p95.classicMs()).isEqualTo(2346);
        assertThat(p95.nativeMs()).isEqualTo(1182);
        assertThat(p95.engineMs()).isEqualTo(1191);
        assertThat(Estimate.percent(p95.classicErrorPercent())).isEqualTo("+97 %");
        assertThat(Estimate.percent(p95.nativeErrorPercent())).isEqualTo("-0.8 %");
        assertThat(e.level()).isEqualTo(LiveModel.Level.OK);
        assertThat(e.message()).isEqualTo(
                "Prometheus 3.5.3 · over the last 20 s · 400 responses timed · updated 12:00:01");
    }

    @Test
    void prometheus2SaysWhyThereIsNoNativeColumnAndWhereToGetVersion3() {
        Estimate e = Estimate.measured(WINDOW, CLASSIC, NOTHING, ENGINE, "2.42.0", "12:00:01");

        assertThat(e.level()).isEqualTo(LiveModel.Level.WARNING);
        assertThat(e.message()).startsWith("Prometheus 2.x (this is 2.42.0) does not collect native histograms; "
                + "Prometheus 3 does").contains("get it on the Stack tab (Get Prometheus 3.5 LTS)");
        assertThat(e.rows().get(1).classicMs()).as("the classic column still comes").isEqualTo(2346);
        assertThat(e.rows().get(1).nativeMs()).isNaN();
    }

    @Test
    void eachMissingSourceIsNamedInPlainWords() {
        assertThat(Estimate.measured(WINDOW, NOTHING, NOTHING, LatencyWindow.Percentiles.NONE, "3.5.3", "t").message())
                .isEqualTo("No requests in the last 20 s: start traffic (Ctrl+T) to compare Prometheus's estimates "
                        + "with what the traffic engine measures.");
        assertThat(Estimate.measured(WINDOW, NOTHING, NOTHING, ENGINE, "3.5.3", "t").message())
                .startsWith("No native data yet — send traffic");
        // One scrape brings both: buckets without a native histogram mean the API serves none (an older build).
        Estimate classicOnly = Estimate.measured(WINDOW, CLASSIC, NOTHING, ENGINE, "3.5.3", "t");
        assertThat(classicOnly.message()).startsWith("Prometheus has the classic buckets but no native histogram");
        assertThat(classicOnly.level()).isEqualTo(LiveModel.Level.WARNING);
        assertThat(Estimate.measured(WINDOW, CLASSIC, NATIVE, LatencyWindow.Percentiles.NONE, "3.5.3", "t").message())
                .startsWith("The traffic engine sent nothing in the last 20 s");
        // A version that cannot be read is not called 2.x.
        assertThat(Estimate.measured(WINDOW, CLASSIC, NOTHING, ENGINE, "", "t").message())
                .startsWith("Prometheus has the classic buckets but no native histogram");
    }

    @Test
    void theMajorVersionIsReadFromWhatPrometheusStates() {
        assertThat(Estimate.major("3.5.3")).isEqualTo(3);
        assertThat(Estimate.major("2.42.0")).isEqualTo(2);
        assertThat(Estimate.major("")).isEqualTo(-1);
        assertThat(Estimate.major("main")).isEqualTo(-1);
        assertThat(Estimate.major(null)).isEqualTo(-1);
    }

    @Test
    void anEstimateHasExactlyThreeRowsAndAWindow() {
        assertThatThrownBy(() -> new Estimate(WINDOW, java.util.List.of(), LiveModel.Level.OK, ""))
                .hasMessageContaining("p50, p95 and p99");
        assertThatThrownBy(() -> Estimate.measured(Duration.ZERO, CLASSIC, NATIVE, ENGINE, "3.5.3", "t"))
                .hasMessageContaining("window must be positive");
        assertThatThrownBy(() -> Estimate.measured(WINDOW, new double[2], NATIVE, ENGINE, "3.5.3", "t"))
                .hasMessageContaining("p50, p95 and p99");
    }
}
