package dev.mlobservatory.console.live;

import dev.mlobservatory.console.traffic.LatencyWindow;
import dev.mlobservatory.console.ui.Format;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One refresh of "How good is the estimate?": p50/p95/p99 over the rate window from Prometheus's classic buckets,
 * from its native histogram and from the traffic engine's own timing, with a line that says what is missing and
 * why. Immutable; a new one replaces the last.
 *
 * @param window the rate window all three cover (the dashboard's {@code $__rate_interval} as the console sets it)
 * @param rows p50, p95 and p99, in that order; NaN where a source has nothing
 * @param level how the message line looks
 * @param message what is missing and why, or where the figures come from when nothing is
 */
public record Estimate(Duration window, List<Row> rows, LiveModel.Level level, String message) {

    /** An estimate within this of the measurement is close (shown in the success colour). */
    static final double CLOSE_PERCENT = 10;
    /** Beyond this, and beyond {@link #HOP_MS}, an estimate is far off (shown in the warning colour). */
    static final double FAR_OFF_PERCENT = 25;
    /**
     * The engine times round trips, so it always reads a few ms above the server: a gap smaller than this is the
     * HTTP hop, not a bad estimate, however large in percent (0.4 ms against 2 ms is −80 %).
     */
    static final double HOP_MS = 10;

    /** The quantiles compared, named as the dashboard's legends name them. */
    public enum Quantile {
        P50(0.5), P95(0.95), P99(0.99);

        private final double q;

        Quantile(double q) {
            this.q = q;
        }

        public double q() {
            return q;
        }

        /** "p95": the legend of its query in the dashboard, and the row's name. */
        public String label() {
            return DashboardQueries.ESTIMATE_LEGENDS.get(ordinal());
        }
    }

    /** How an estimate compares with the measurement. */
    public enum Verdict { NONE, CLOSE, OFF, FAR_OFF }

    /** One quantile from the three sources, in milliseconds. */
    public record Row(Quantile quantile, double classicMs, double nativeMs, double engineMs) {

        public double classicErrorPercent() {
            return errorPercent(classicMs, engineMs);
        }

        public double nativeErrorPercent() {
            return errorPercent(nativeMs, engineMs);
        }
    }

    public Estimate {
        rows = List.copyOf(rows);
        if (rows.size() != Quantile.values().length) {
            throw new IllegalArgumentException("rows must be p50, p95 and p99, were " + rows);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
    }

    /** Before the first refresh: nothing from anyone yet. */
    static Estimate waiting(Duration window) {
        return new Estimate(window, rows(nan(), nan(), LatencyWindow.Percentiles.NONE), LiveModel.Level.OK,
                "Waiting for the first figures…");
    }

    /** Without an answer from Prometheus: the engine's column alone, and why. */
    static Estimate withoutPrometheus(Duration window, LatencyWindow.Percentiles engine, LiveModel.Level level,
                                      String why) {
        return new Estimate(window, rows(nan(), nan(), engine), level, why);
    }

    /**
     * What Prometheus answered beside what the engine measured, and the one thing to say about it.
     *
     * @param classicMs p50, p95, p99 from the classic buckets (NaN: no data)
     * @param nativeMs the same from the native histogram
     * @param version Prometheus's version as it states it, e.g. "3.5.3"
     * @param updated when, e.g. "12:00:01"
     */
    static Estimate measured(Duration window, double[] classicMs, double[] nativeMs, LatencyWindow.Percentiles engine,
                             String version, String updated) {
        if (classicMs.length != 3 || nativeMs.length != 3) {
            throw new IllegalArgumentException("p50, p95 and p99 needed from each histogram, got "
                    + classicMs.length + " and " + nativeMs.length);
        }
        List<Row> rows = rows(classicMs, nativeMs, engine);
        String last = seconds(window);
        boolean noClassic = rows.stream().allMatch(r -> Double.isNaN(r.classicMs()));
        boolean noNative = rows.stream().allMatch(r -> Double.isNaN(r.nativeMs()));
        boolean noEngine = engine.count() == 0;
        if (noEngine && noClassic) {
            return new Estimate(window, rows, LiveModel.Level.OK, "No requests in the last " + last
                    + ": start traffic (Ctrl+T) to compare Prometheus's estimates with what the traffic engine measures.");
        }
        if (major(version) == 2) {
            return new Estimate(window, rows, LiveModel.Level.WARNING, "Prometheus 2.x (this is " + version
                    + ") does not collect native histograms; Prometheus 3 does: get it on the Stack tab (Get Prometheus"
                    + " 3.5 LTS), then stop and start the stack.");
        }
        if (noClassic) {
            return new Estimate(window, rows, LiveModel.Level.OK, "No native data yet — send traffic: Prometheus "
                    + "needs two scrapes of it, a few seconds.");
        }
        if (noNative) {
            // One scrape brings both, so buckets without a native histogram mean there is none to scrape.
            return new Estimate(window, rows, LiveModel.Level.WARNING, "Prometheus has the classic buckets but no "
                    + "native histogram: the API does not serve one (a build older than native histograms?), or "
                    + "Prometheus scrapes it without native histograms on.");
        }
        if (noEngine) {
            return new Estimate(window, rows, LiveModel.Level.OK, "The traffic engine sent nothing in the last " + last
                    + ", so there is no measurement to compare with: start traffic (Ctrl+T).");
        }
        return new Estimate(window, rows, LiveModel.Level.OK, "Prometheus " + version + " · over the last " + last
                + " · " + engine.count() + " responses timed · updated " + updated);
    }

    /** The major version in "3.5.3" or "2.42.0"; -1 when it cannot be read (then nothing is said about it). */
    static int major(String version) {
        int dot = version == null ? -1 : version.indexOf('.');
        try {
            return dot > 0 ? Integer.parseInt(version.substring(0, dot)) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The estimate's error against the measurement in percent; NaN when either is missing. */
    public static double errorPercent(double estimate, double truth) {
        // +Inf: the quantile fell in the classic +Inf bucket, beyond every bound; no percentage says more than that.
        if (!Double.isFinite(estimate) || !Double.isFinite(truth) || truth <= 0) {
            return Double.NaN;
        }
        return 100 * (estimate - truth) / truth;
    }

    /** Close, off, or far off: far off only when neither the percentage nor the HTTP hop can excuse it. */
    public static Verdict verdict(double estimateMs, double truthMs) {
        double error = errorPercent(estimateMs, truthMs);
        if (Double.isNaN(error)) {
            return Verdict.NONE;
        }
        if (Math.abs(error) < CLOSE_PERCENT) {
            return Verdict.CLOSE;
        }
        return Math.abs(error) >= FAR_OFF_PERCENT && Math.abs(estimateMs - truthMs) >= HOP_MS
                ? Verdict.FAR_OFF : Verdict.OFF;
    }

    /** A latency for the table: "0.42 ms", "12.3 ms", "1182 ms" (ms throughout, so two values compare digit by digit). */
    public static String ms(double ms) {
        if (Double.isNaN(ms) || ms < 0) {
            return Format.NONE;
        }
        if (Double.isInfinite(ms)) {
            return Format.value(ms);
        }
        if (ms < 1) {
            return String.format(Locale.ROOT, "%.2f ms", ms);
        }
        return String.format(Locale.ROOT, ms < 100 ? "%.1f ms" : "%.0f ms", ms);
    }

    /** An error for the table: "+98 %", "-0.8 %", "" when there is none. */
    public static String percent(double error) {
        if (Double.isNaN(error)) {
            return "";
        }
        String digits = String.format(Locale.ROOT, Math.abs(error) < 10 ? "%+.1f %%" : "%+.0f %%", error);
        return digits.equals("-0.0 %") ? "+0.0 %" : digits;
    }

    /** "20 s", "2 min". */
    static String seconds(Duration window) {
        long s = window.toSeconds();
        return s >= 120 && s % 60 == 0 ? s / 60 + " min" : s + " s";
    }

    private static List<Row> rows(double[] classicMs, double[] nativeMs, LatencyWindow.Percentiles engine) {
        List<Row> rows = new ArrayList<>();
        for (Quantile q : Quantile.values()) {
            rows.add(new Row(q, classicMs[q.ordinal()], nativeMs[q.ordinal()], engine.atMs(q.q())));
        }
        return rows;
    }

    private static double[] nan() {
        return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }
}
