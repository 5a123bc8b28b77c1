package dev.mlobservatory.console.report;

import dev.mlobservatory.console.ui.Format;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one {@code index.html} that opens offline: inline CSS, inline SVG charts, PNGs by relative name.
 * Every string from outside (labels, queries, help texts, the student's notes) is escaped: a label value
 * {@code <script>} shows as text.
 */
public final class ReportHtml {

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:1100px;margin:2em auto;\
            padding:0 1em;color:#1b1f24;line-height:1.45}
            h1{margin-bottom:.2em}h2{border-bottom:2px solid #d0d7de;padding-bottom:.2em;margin-top:2em}
            table{border-collapse:collapse;width:100%;margin:.5em 0 1em}
            th,td{border:1px solid #d0d7de;padding:.3em .5em;text-align:left;vertical-align:top;font-size:.92em}
            th{background:#f3f5f7}td.num{text-align:right;font-variant-numeric:tabular-nums}
            code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}
            pre.notes{white-space:pre-wrap;background:#f6f8fa;border:1px solid #d0d7de;padding:1em;font-family:inherit}
            figure{margin:1em 0 2em}figure img{max-width:100%;border:1px solid #d0d7de}
            figcaption{font-weight:600;margin-bottom:.4em}.deliverable{color:#0a3069}
            .muted{color:#57606a}.up{color:#1a7f37;font-weight:600}.down{color:#cf222e;font-weight:600}
            svg.chart{width:100%;max-width:760px;height:auto;background:#fff;border:1px solid #d0d7de}
            svg .grid{stroke:#e5e8eb}svg .axis{font-size:11px;fill:#57606a}
            .legend span{display:inline-block;margin-right:1em;font-size:.85em}
            .swatch{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:-.1em}
            """;

    private ReportHtml() {
    }

    /** Text made safe for HTML element content and attribute values. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    public static String render(ReportData d) {
        StringBuilder h = new StringBuilder(32_000);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>ML Observatory lab report</title><style>").append(CSS).append("</style></head><body>\n");
        h.append("<h1>ML Observatory lab report</h1><p class=\"muted\">Made ").append(escape(d.createdAt()))
                .append(" by the ML Observatory console. Opens without a network: pictures are the PNG files beside "
                        + "this page, <code>report.json</code> holds the same data.</p>\n");
        versions(h, d.versions());
        h.append("<h2>What I tracked and why</h2>");
        h.append(d.notes().isBlank() ? "<p class=\"muted\">(Nothing written before the export.)</p>"
                : "<pre class=\"notes\">" + escape(d.notes()) + "</pre>").append('\n');
        lab(h, d.lab());
        pictures(h, d.pictures());
        targets(h, d);
        queries(h, d.queries());
        traffic(h, d.traffic());
        chaos(h, d.chaos());
        catalogue(h, d);
        return h.append("</body></html>\n").toString();
    }

    /** The Lab tab's steps: each one's status and when it went green (local times are the reader's to convert). */
    private static void lab(StringBuilder h, List<ReportData.LabStep> steps) {
        if (steps.isEmpty()) {
            return;
        }
        long done = steps.stream().filter(s -> s.status().equals("done")).count();
        h.append("<h2>Lab progress</h2><p>").append(done).append(" of ").append(steps.size())
                .append(" guided steps done, as the console checked them.</p><table><tr><th>Step</th><th>Status</th>"
                        + "<th>Went green (UTC)</th></tr>");
        int i = 1;
        for (ReportData.LabStep s : steps) {
            boolean green = s.status().equals("done");
            h.append("<tr><td>").append(i++).append(". ").append(escape(s.title())).append("</td><td class=\"")
                    .append(green ? "up" : "muted").append("\">").append(green ? "✓ " : "").append(escape(s.status()))
                    .append("</td><td>").append(s.greenAt().isEmpty() ? "—" : escape(s.greenAt())).append("</td></tr>");
        }
        h.append("</table>\n");
    }

    private static void versions(StringBuilder h, ReportData.Versions v) {
        h.append("<h2>Versions</h2><table><tr><th>Java</th><td>").append(escape(v.java()))
                .append("</td></tr><tr><th>Prometheus</th><td>").append(escape(v.prometheus()))
                .append("</td></tr><tr><th>ML Observatory</th><td>").append(escape(v.app()))
                .append("</td></tr><tr><th>Stack mode</th><td>").append(escape(v.mode()))
                .append("</td></tr></table>\n");
    }

    private static void pictures(StringBuilder h, List<ReportData.Picture> pictures) {
        h.append("<h2>Screenshots</h2>");
        if (pictures.isEmpty()) {
            h.append("<p class=\"muted\">No screenshots were taken.</p>");
        }
        // The lab's three deliverables first, in their order, then the other tabs.
        for (boolean deliverables : new boolean[] {true, false}) {
            for (ReportData.Picture p : pictures) {
                if (p.deliverable().isBlank() == deliverables) {
                    continue;
                }
                h.append("<figure><figcaption>");
                if (!p.deliverable().isBlank()) {
                    h.append("<span class=\"deliverable\">").append(escape(p.deliverable())).append("</span><br>");
                }
                h.append(escape(p.title())).append("</figcaption><img src=\"").append(escape(p.file()))
                        .append("\" alt=\"").append(escape(p.title())).append("\"></figure>\n");
            }
        }
    }

    private static void targets(StringBuilder h, ReportData d) {
        long up = d.targets().stream().filter(t -> t.health().equals("up")).count();
        h.append("<h2>Prometheus targets</h2>");
        if (!d.targetsProblem().isBlank()) {
            h.append("<p>").append(escape(d.targetsProblem())).append("</p>");
        }
        if (d.targets().isEmpty()) {
            return;
        }
        h.append("<p>").append(up).append(" of ").append(d.targets().size()).append(" targets UP at export.</p>")
                .append("<table><tr><th>Job</th><th>Instance</th><th>State</th><th>Last error</th></tr>");
        for (ReportData.Target t : d.targets()) {
            h.append("<tr><td>").append(escape(t.job())).append("</td><td>").append(escape(t.instance()))
                    .append("</td><td class=\"").append(t.health().equals("up") ? "up" : "down").append("\">")
                    .append(escape(t.health().toUpperCase(Locale.ROOT))).append("</td><td>")
                    .append(escape(t.lastError())).append("</td></tr>");
        }
        h.append("</table>\n");
    }

    private static void queries(StringBuilder h, List<ReportData.QueryRun> queries) {
        h.append("<h2>PromQL queries of this session</h2>");
        if (queries.isEmpty()) {
            h.append("<p class=\"muted\">No query was run on the PromQL tab this session.</p>");
        }
        for (ReportData.QueryRun q : queries) {
            h.append("<h3><code>").append(escape(q.promql())).append("</code></h3>");
            if (!q.error().isBlank()) {
                h.append("<p class=\"down\">").append(escape(q.error())).append("</p>");
                continue;
            }
            if (q.rows().isEmpty()) {
                h.append("<p class=\"muted\">No series at export.</p>");
            } else {
                h.append("<table><tr><th>Series</th><th>Value at export</th></tr>");
                for (ReportData.Row r : q.rows()) {
                    h.append("<tr><td><code>").append(escape(r.series())).append("</code></td><td class=\"num\">")
                            .append(escape(r.value())).append("</td></tr>");
                }
                h.append("</table>");
                if (q.totalRows() > q.rows().size()) {
                    h.append("<p class=\"muted\">First ").append(q.rows().size()).append(" of ")
                            .append(q.totalRows()).append(" series.</p>");
                }
            }
            String svg = ReportSvg.chart(q.lines(), q.rangeMinutes());
            if (!svg.isEmpty()) {
                h.append("<p class=\"muted\">The last ").append(q.rangeMinutes()).append(" minutes:</p>").append(svg)
                        .append("<div class=\"legend\">");
                for (int i = 0; i < q.lines().size(); i++) {
                    h.append("<span><span class=\"swatch\" style=\"background:")
                            .append(ReportSvg.COLOURS[i % ReportSvg.COLOURS.length]).append("\"></span><code>")
                            .append(escape(q.lines().get(i).series())).append("</code></span>");
                }
                h.append("</div>");
            }
            h.append('\n');
        }
    }

    private static void traffic(StringBuilder h, ReportData.Traffic t) {
        h.append("<h2>Test traffic</h2><table>");
        row(h, "State", t.running() ? "sending" : "stopped");
        row(h, "Rate asked", Format.value(t.targetRate()) + " req/s");
        row(h, "Rate achieved (last second)", Format.value(t.achievedRate()) + " req/s");
        row(h, "Requests sent (this run)", Long.toString(t.sent()));
        row(h, "Failed (this run)", Long.toString(t.errors()));
        row(h, "Dropped (this run)", Long.toString(t.dropped()));
        for (Map.Entry<String, Long> e : t.outcomes().entrySet()) {
            row(h, "Outcome " + e.getKey() + " (last " + Math.round(t.windowSeconds()) + " s)",
                    Long.toString(e.getValue()));
        }
        row(h, "Latency p50 / p95 / p99 (last 2 min)", ms(t.p50Ms()) + " / " + ms(t.p95Ms()) + " / " + ms(t.p99Ms()));
        h.append("</table>\n");
    }

    private static String ms(Double v) {
        return v == null || v.isNaN() ? "—" : Format.value(v) + " ms";
    }

    private static void row(StringBuilder h, String name, String value) {
        h.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(value)).append("</td></tr>");
    }

    private static void chaos(StringBuilder h, List<ReportData.ChaosStep> chaos) {
        h.append("<h2>Chaos actions</h2>");
        if (chaos.isEmpty()) {
            h.append("<p class=\"muted\">No fault was injected this session.</p>\n");
            return;
        }
        h.append("<table><tr><th>Time</th><th>What</th><th>Versions</th></tr>");
        for (ReportData.ChaosStep c : chaos) {
            h.append("<tr><td>").append(escape(c.time())).append("</td><td>").append(escape(c.what()))
                    .append("</td><td>").append(escape(c.versions())).append("</td></tr>");
        }
        h.append("</table>\n");
    }

    private static void catalogue(StringBuilder h, ReportData d) {
        h.append("<h2>Metric catalogue</h2><p class=\"muted\">From ").append(escape(d.metricsSource()))
                .append(".</p>");
        if (d.metrics().isEmpty()) {
            return;
        }
        h.append("<table><tr><th>Job</th><th>Metric</th><th>Type</th><th>Help</th></tr>");
        for (ReportData.Metric m : d.metrics()) {
            h.append("<tr><td>").append(escape(m.job())).append("</td><td><code>").append(escape(m.name()))
                    .append("</code></td><td>").append(escape(m.type()))
                    .append("</td><td>").append(escape(m.help())).append("</td></tr>");
        }
        h.append("</table>\n");
    }
}
