package dev.mlobservatory.console.query;

import dev.mlobservatory.console.prom.QueryResult;
import dev.mlobservatory.console.ui.Format;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a range answer is drawn: the time the data covers (not the whole window asked: two minutes of data in a
 * 15 m window would be a thin strip at the right), a value range with headroom over the highest point, the
 * values' unit, each line's legend name, a title, and a note that says what the chart leaves out.
 *
 * @param xMin first sample, epoch seconds
 * @param xMax last sample, epoch seconds (after xMin)
 * @param yMin bottom of the value axis (0 unless values are negative)
 * @param yMax top of the value axis, above every value
 * @param names legend names of the first {@link #MAX_SERIES} series, in the answer's order
 * @param note what the chart leaves out, one sentence each; empty when nothing
 */
public record RangePlot(String title, double xMin, double xMax, double yMin, double yMax, ValueUnit unit,
                        List<String> names, String note) {

    /** More lines than this are unreadable and slow the legend down; the note says how many were left out. */
    public static final int MAX_SERIES = 30;
    /** A legend entry longer than this pushes the chart aside. */
    static final int LEGEND_CHARS = 60;
    /** The chart's title: the query, shortened where it would not fit on one line. */
    static final int TITLE_CHARS = 110;
    /** Room above the highest value, as a share of the values' spread, before rounding up to a tick. */
    static final double HEADROOM = 0.08;

    public RangePlot {
        if (!(xMin < xMax) || !(yMin < yMax)) {
            throw new IllegalArgumentException("a plot needs min < max, got x " + xMin + ".." + xMax + ", y "
                    + yMin + ".." + yMax);
        }
        if (unit == null || title == null || note == null) {
            throw new IllegalArgumentException("title, unit and note must not be null (\"\" for no note)");
        }
        names = List.copyOf(names);
    }

    /** The plot of a range answer; times in the notes are written in {@code zone}. */
    static RangePlot of(QueryAnswer a, ZoneId zone) {
        if (!(a.result() instanceof QueryResult.Matrix m)) {
            throw new IllegalArgumentException("only a range answer (a matrix) has a plot, got " + a.mode());
        }
        List<QueryResult.Series> drawn = m.series().subList(0, Math.min(MAX_SERIES, m.series().size()));
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        double low = 0; // zero stays in view: a rate that looks like a cliff from 41 to 42 misleads
        double high = 0;
        List<String> names = new ArrayList<>();
        for (QueryResult.Series s : drawn) {
            names.add(legendName(s.labels(), a.promql()));
            if (s.times().length > 0) {
                first = Math.min(first, s.times()[0]);
                last = Math.max(last, s.times()[s.times().length - 1]);
            }
            for (double v : s.values()) {
                if (Double.isFinite(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        List<String> notes = new ArrayList<>();
        if (first > last) {
            first = a.start(); // no samples: the window asked, empty
            last = a.end();
        } else if (last - first < a.end() - a.start() - 2.0 * Math.max(1, a.stepSeconds())) {
            String from = Format.clock(Instant.ofEpochSecond((long) first), zone);
            notes.add(first == last
                    ? "Prometheus has one point so far, at " + from + ", of the " + a.window().label() + " asked."
                    : "Prometheus has data from " + from + " on (" + Format.duration(Duration.ofSeconds(
                            Math.round(last - first))) + " of the " + a.window().label()
                            + " asked): the time axis shows only that.");
        }
        if (first == last) {
            first -= Math.max(1, a.stepSeconds()); // one sample: a dot in the middle, not an empty axis
            last += Math.max(1, a.stepSeconds());
        }
        int leftOut = m.series().size() - drawn.size();
        if (leftOut > 0) {
            notes.add("Showing the first " + MAX_SERIES + " series; " + leftOut
                    + " more not drawn. Aggregate (sum by …) or filter to see them.");
        }
        double[] y = valueRange(low, high);
        return new RangePlot(shorten(a.promql(), TITLE_CHARS), first, last, y[0], y[1], UnitGuess.of(a.promql()),
                names, String.join(" ", notes));
    }

    /** A series' legend name: its labels as Prometheus writes them, or the query when it has none ({@code {}}). */
    static String legendName(Map<String, String> labels, String promql) {
        return labels.isEmpty() ? shorten(promql, LEGEND_CHARS) : QueryResult.describe(labels);
    }

    /** {@code promql} on one line, cut with "…" past {@code max} characters. */
    static String shorten(String promql, int max) {
        String oneLine = promql.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1).stripTrailing() + "…";
    }

    /**
     * Bottom and top of the value axis for values from {@code low} to {@code high} (0 included): the spread plus
     * {@link #HEADROOM}, rounded outwards to a round step, so the highest line never touches the top edge.
     */
    static double[] valueRange(double low, double high) {
        double lo = Math.min(0, low);
        double hi = Math.max(0, high);
        if (hi - lo == 0 || !Double.isFinite(hi - lo)) {
            return new double[] {lo, lo + 1}; // all zero (or nothing): an axis from 0 to 1, the line on the floor
        }
        double spread = (hi - lo) * (1 + 2 * HEADROOM);
        double step = roundStep(spread / 5);
        double top = hi > 0 ? Math.ceil((hi + HEADROOM * (hi - lo)) / step) * step : 0;
        double bottom = lo < 0 ? Math.floor((lo - HEADROOM * (hi - lo)) / step) * step : 0;
        return new double[] {bottom, top};
    }

    /** The smallest 1, 2, 2.5 or 5 × 10ⁿ at least {@code raw}. */
    static double roundStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= raw * (1 - 1e-9)) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
