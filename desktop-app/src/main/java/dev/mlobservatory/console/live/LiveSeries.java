package dev.mlobservatory.console.live;

import java.util.Arrays;

/**
 * One line of a Live chart: a name as the legend shows it, where it was measured, and its points (times in epoch
 * seconds, values in the chart's unit; NaN is a gap). Immutable: the arrays are copied in and out.
 */
public record LiveSeries(String name, Source source, double[] times, double[] values) {

    /** Where a series was measured. */
    public enum Source {
        /** Prometheus, from the dashboard's queries: histogram_quantile estimates from buckets. */
        SERVER,
        /** The console's traffic engine, from every response it received. */
        CLIENT
    }

    public LiveSeries {
        if (times.length != values.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + times.length + " times but "
                    + values.length + " values");
        }
        times = times.clone();
        values = values.clone();
    }

    /**
     * A series whose points more than {@code maxStepSeconds} apart get a NaN between them, so the chart shows a
     * gap (no scrape, traffic stopped) instead of a straight line across it. Infinities become NaN too:
     * histogram_quantile answers +Inf when the quantile falls in the +Inf bucket, and one such point would
     * stretch the auto-ranged axis until every other line is flat.
     */
    public static LiveSeries withGaps(String name, Source source, double[] times, double[] values,
                                      double maxStepSeconds) {
        int n = Math.min(times.length, values.length);
        double[] t = new double[n * 2];
        double[] v = new double[n * 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && times[i] - times[i - 1] > maxStepSeconds) {
                t[k] = (times[i] + times[i - 1]) / 2;
                v[k++] = Double.NaN;
            }
            t[k] = times[i];
            v[k++] = Double.isFinite(values[i]) ? values[i] : Double.NaN;
        }
        return new LiveSeries(name, source, Arrays.copyOf(t, k), Arrays.copyOf(v, k));
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return times.length;
    }

    /** The largest finite value, NaN when there is none. */
    public double maxFinite() {
        double max = Double.NaN;
        for (double v : values) {
            if (Double.isFinite(v) && !(v <= max)) {
                max = v;
            }
        }
        return max;
    }

    public boolean hasFiniteValue() {
        return !Double.isNaN(maxFinite());
    }

    @Override
    public String toString() {
        return source + " '" + name + "' (" + times.length + " points, max " + maxFinite() + ")";
    }
}
