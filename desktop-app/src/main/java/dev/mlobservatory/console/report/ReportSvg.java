package dev.mlobservatory.console.report;

import dev.mlobservatory.console.ui.Format;
import java.util.List;
import java.util.Locale;

/**
 * A query's recent values as an inline SVG line chart: no script and no file, so the page opens offline and the
 * chart prints. Series colours repeat the console's palette order.
 */
final class ReportSvg {

    static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
            "#17becf"};
    private static final int W = 760;
    private static final int H = 220;
    private static final int LEFT = 70;
    private static final int RIGHT = 10;
    private static final int TOP = 10;
    private static final int BOTTOM = 24;

    private ReportSvg() {
    }

    /** The chart, or an empty string when no series has a number to draw. */
    static String chart(List<ReportData.Line> lines, int minutes) {
        double t0 = Double.POSITIVE_INFINITY;
        double t1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (ReportData.Line l : lines) {
            for (int i = 0; i < l.times().length; i++) {
                double v = l.values()[i];
                if (Double.isFinite(v)) {
                    t0 = Math.min(t0, l.times()[i]);
                    t1 = Math.max(t1, l.times()[i]);
                    y0 = Math.min(y0, v);
                    y1 = Math.max(y1, v);
                }
            }
        }
        if (t0 == Double.POSITIVE_INFINITY) {
            return "";
        }
        y0 = Math.min(0, y0);
        if (y1 <= y0) {
            y1 = y0 + 1;
        }
        if (t1 <= t0) {
            t1 = t0 + 1;
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" "
                + "xmlns=\"http://www.w3.org/2000/svg\">", W, H));
        double plotH = H - TOP - BOTTOM;
        double plotW = W - LEFT - RIGHT;
        for (int g = 0; g <= 4; g++) {
            double y = TOP + plotH * g / 4;
            double value = y1 - (y1 - y0) * g / 4;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" class=\"axis\" text-anchor=\"end\">%s</text>",
                    LEFT, W - RIGHT, y, y, LEFT - 6, y + 4, ReportHtml.escape(Format.value(value))));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"axis\">−%d min</text>"
                + "<text x=\"%d\" y=\"%d\" class=\"axis\" text-anchor=\"end\">export</text>",
                LEFT, H - 6, minutes, W - RIGHT, H - 6));
        for (int s = 0; s < lines.size(); s++) {
            ReportData.Line l = lines.get(s);
            StringBuilder d = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < l.times().length; i++) {
                double v = l.values()[i];
                if (!Double.isFinite(v)) {
                    pen = false; // a gap where Prometheus had no number
                    continue;
                }
                double x = LEFT + plotW * (l.times()[i] - t0) / (t1 - t0);
                double y = TOP + plotH * (y1 - v) / (y1 - y0);
                d.append(String.format(Locale.ROOT, "%s%.1f %.1f ", pen ? "L" : "M", x, y));
                pen = true;
            }
            svg.append("<path fill=\"none\" stroke-width=\"2\" stroke=\"").append(COLOURS[s % COLOURS.length])
                    .append("\" d=\"").append(d.toString().strip()).append("\"><title>")
                    .append(ReportHtml.escape(l.series())).append("</title></path>");
        }
        return svg.append("</svg>").toString();
    }
}
