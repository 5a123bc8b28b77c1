package dev.mlobservatory.console.live;

import java.util.Arrays;
import java.util.List;

/**
 * The y-axis of one Live chart: from 0 to a bound that follows the bulk of the visible points, so that one spike (a
 * cold first request, a GC pause) does not set the scale for five minutes and flatten every other line onto zero.
 * Points above the bound are drawn at the edge and counted, for a note such as "1 point above 24 ms".
 *
 * <p>The bulk is, per series, its {@link #QUANTILE} quantile, so each line keeps nine tenths of its points in view
 * whatever the others do; and every point of the last {@link #RECENT_SECONDS} counts as bulk, so what just happened
 * (a fault injected, a burst) is always drawn in full. Only points more than {@link #SPIKE_FACTOR} times that bulk are
 * cut: ordinary noise stays in view, and the bulk keeps at least a third of the height.
 *
 * <p>On a log scale ({@link #log(List, double)}) nothing needs cutting: the axis spans whole decades from below the
 * lowest point to above the highest, so 0.4 ms, 3 ms and a 600 ms spike are all apart and in view.
 *
 * @param log whether the axis is logarithmic
 * @param lower the bottom of the axis: 0, or on a log scale a power of ten
 * @param upper the top of the axis: a whole number of steps, or on a log scale a power of ten
 * @param step the distance between two ticks (4 or 5 steps span the axis); on a log scale the factor 10
 * @param above points higher than {@code upper}, drawn at the edge
 * @param highest the highest finite point, NaN when there is none
 */
public record YRange(boolean log, double lower, double upper, double step, int above, double highest) {

    /** Per series, the share of its points that decides the bulk. */
    static final double QUANTILE = 0.9;
    /** Points this close to the window's end are never cut: the newest minute is the news. */
    static final double RECENT_SECONDS = 30;
    /** Space above the bulk, so the top line does not run along the edge. */
    static final double HEADROOM = 1.1;
    /** A point more than this many times the bulk is a spike: cut, so the bulk keeps 1/SPIKE_FACTOR of the height. */
    static final double SPIKE_FACTOR = 3;
    /** The fewest steps the axis is divided into (see {@link #nice}). */
    static final int MIN_STEPS = 4;
    /** The most (see {@link #nice}). */
    static final int MAX_STEPS = 5;
    /** Tick steps are these × 10^n: round enough to read, close enough together to waste little height. */
    private static final double[] MULTIPLIERS = {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8};

    /** On a log scale, the fewest decades shown: four major ticks however close the points are. */
    static final int MIN_DECADES = 3;

    public YRange {
        if (!(upper > 0) || Double.isInfinite(upper)) {
            throw new IllegalArgumentException("upper must be positive and finite, got " + upper);
        }
        if (log ? !(lower > 0 && lower < upper && step == 10) : !(lower == 0 && step > 0 && step <= upper)) {
            throw new IllegalArgumentException(log
                    ? "a log axis needs 0 < lower < upper and step 10; got lower " + lower + ", upper " + upper
                            + ", step " + step
                    : "a linear axis needs lower 0 and 0 < step <= upper; got lower " + lower + ", step " + step
                            + ", upper " + upper);
        }
        if (above < 0) {
            throw new IllegalArgumentException("above must be zero or more, got " + above);
        }
    }

    /**
     * A log axis over every finite positive point of {@code series}: from the power of ten at or below the lowest to
     * the one at or above the highest, at least {@link #MIN_DECADES} decades. Nothing is cut; a point at or below 0
     * (which a log axis cannot show) is drawn at the bottom edge.
     *
     * @param minimumUpper the top when there are no positive points (e.g. 1 ms)
     */
    public static YRange log(List<LiveSeries> series, double minimumUpper) {
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NaN;
        for (LiveSeries s : series) {
            for (double v : s.values()) {
                if (Double.isFinite(v)) {
                    highest = Double.isNaN(highest) ? v : Math.max(highest, v);
                    if (v > 0) {
                        lowest = Math.min(lowest, v);
                    }
                }
            }
        }
        boolean any = lowest < Double.POSITIVE_INFINITY;
        double upper = Math.pow(10, Math.ceil(Math.log10(any ? highest : minimumUpper) - 1e-9));
        double lower = Math.pow(10, Math.floor(Math.log10(any ? lowest : minimumUpper) + 1e-9));
        lower = Math.min(lower, upper / Math.pow(10, MIN_DECADES));
        return new YRange(true, lower, upper, 10, 0, highest);
    }

    /**
     * The range for {@code series} in a window ending at {@code end} (epoch seconds).
     *
     * @param minimumUpper the least the axis shows, when every point is 0 or there are none (e.g. 1 ms)
     */
    public static YRange of(List<LiveSeries> series, double end, double minimumUpper) {
        double bulk = 0;
        double highest = Double.NaN;
        for (LiveSeries s : series) {
            double[] t = s.times();
            double[] v = s.values();
            double[] finite = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
            if (finite.length == 0) {
                continue;
            }
            highest = Double.isNaN(highest) ? finite[finite.length - 1] : Math.max(highest, finite[finite.length - 1]);
            bulk = Math.max(bulk, quantile(finite, QUANTILE));
            for (int i = 0; i < v.length; i++) {
                if (Double.isFinite(v[i]) && t[i] >= end - RECENT_SECONDS) {
                    bulk = Math.max(bulk, v[i]);
                }
            }
        }
        // Everything up to SPIKE_FACTOR × the bulk is shown (ordinary noise stays in view); only what lies beyond is a
        // spike, cut at the edge.
        double shown = 0;
        for (LiveSeries s : series) {
            for (double v : s.values()) {
                if (Double.isFinite(v) && v <= bulk * SPIKE_FACTOR && v > shown) {
                    shown = v;
                }
            }
        }
        double[] nice = nice(Math.max(shown * HEADROOM, minimumUpper));
        int above = 0;
        for (LiveSeries s : series) {
            for (double v : s.values()) {
                if (v > nice[0]) { // as isAbove: the view marks exactly the points counted here
                    above++;
                }
            }
        }
        return new YRange(false, 0, nice[0], nice[1], above, highest);
    }

    /**
     * The lowest "round" axis at or above {@code top}: {upper, step}, with 4 or 5 steps of 1, 1.5, 2, 2.5, 3, 4, 5, 6
     * or 8 × 10^n. Four steps at least, because ChartFX hides the top label when it would stick out of the plot:
     * four labels stay. Five at most: in presenter type, the latency plot at 1366×768 is about 125 px high, and six
     * labels would overlap (ChartFX then shows every other one). With these steps the axis is at most a quarter
     * above {@code top}.
     */
    static double[] nice(double top) {
        if (!(top > 0) || Double.isInfinite(top)) {
            throw new IllegalArgumentException("top must be positive and finite, got " + top);
        }
        double bestUpper = Double.POSITIVE_INFINITY;
        double bestStep = Double.NaN;
        int exponent = (int) Math.floor(Math.log10(top / MAX_STEPS));
        for (int e = exponent - 1; e <= exponent + 1; e++) {
            for (double m : MULTIPLIERS) {
                double step = m * Math.pow(10, e);
                long steps = Math.max(MIN_STEPS, (long) Math.ceil(top / step - 1e-9));
                double upper = steps * step;
                if (steps <= MAX_STEPS && upper < bestUpper * (1 - 1e-9)) {
                    bestUpper = upper;
                    bestStep = step;
                }
            }
        }
        return new double[] {bestUpper, bestStep};
    }

    /** The value at quantile {@code q} of sorted {@code values} (nearest rank). */
    static double quantile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Whether {@code v} is drawn at the top edge (and counted in {@link #above()}). */
    public boolean isAbove(double v) {
        return !log && v > upper;
    }

    /** The unit {@code chart}'s axis is labelled in: seconds from 1000 ms on a linear latency axis (see LiveChart). */
    public String axisUnit(LiveChart chart) {
        return log ? chart.unit() : chart.axisUnit(upper);
    }

    /** What tick values are divided by to read in {@link #axisUnit(LiveChart)}; decades stay in the chart's unit. */
    public double axisScale(LiveChart chart) {
        return log ? 1 : chart.axisScale(upper);
    }

    /** Whether some points are drawn at the edge. */
    public boolean clipped() {
        return above > 0;
    }

    /** {@code v} as drawn: at most {@link #upper()}, and on a log scale at least {@link #lower()}; NaN stays a gap. */
    public double clamp(double v) {
        if (v > upper) {
            return upper;
        }
        return log && v < lower ? lower : v;
    }

    /**
     * What the edge hides, in the chart's unit, e.g. "▲ 1 point above 24 ms (up to 610 ms)"; empty when nothing is
     * cut.
     */
    public String note(LiveChart chart) {
        if (above == 0) {
            return "";
        }
        return "▲ " + above + (above == 1 ? " point" : " points") + " above " + chart.describe(upper)
                + " (up to " + chart.describe(highest) + ")";
    }
}
