package dev.mlobservatory.console.report;

import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.prom.PrometheusException;
import dev.mlobservatory.console.prom.QueryResult;
import dev.mlobservatory.console.prom.ScrapeTarget;
import dev.mlobservatory.console.ui.Format;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Asks Prometheus (or, without it, the API) for what the report needs beyond the console's own state: targets,
 * version, the metric catalogue, and each session query's current table and recent chart. Blocking: run it on the
 * executor. A question that fails becomes a sentence in the report, never a failed export.
 */
public final class ReportCollector {

    /** At most this many of the session's queries go into a report, newest first. */
    static final int MAX_QUERIES = 10;
    static final int RANGE_MINUTES = 15;

    private final OkHttpClient http;

    public ReportCollector(OkHttpClient http) {
        this.http = http;
    }

    /** Everything for the report, asked now. */
    public ReportData collect(ReportInputs in, String notes, List<ReportData.Picture> pictures, Instant now) {
        PrometheusClient prom = in.prometheus();
        String promVersion = "not running";
        List<ReportData.Target> targets = new ArrayList<>();
        String targetsProblem = "";
        List<ReportData.Metric> metrics = new ArrayList<>();
        String metricsSource;
        if (prom != null) {
            try {
                promVersion = prom.version();
            } catch (IOException | PrometheusException e) {
                promVersion = "unknown (" + prom.baseUrl() + " did not answer)";
            }
            try {
                for (ScrapeTarget t : prom.targets()) {
                    targets.add(new ReportData.Target(t.job(), t.instance(), t.health(), t.lastError()));
                }
            } catch (IOException | PrometheusException e) {
                targetsProblem = "Prometheus did not list its targets: " + e.getMessage();
            }
            metricsSource = "Prometheus's /api/v1/targets/metadata at " + prom.baseUrl();
            try {
                prom.metadata().forEach(m -> metrics.add(new ReportData.Metric(m.job(), m.name(), m.type(), m.help())));
            } catch (IOException | PrometheusException e) {
                metricsSource = "Prometheus did not give its metric catalogue: " + e.getMessage();
            }
        } else {
            targetsProblem = "No Prometheus was running when the report was made, so there are no targets.";
            metricsSource = apiCatalogue(in.apiUrl(), metrics);
        }
        List<ReportData.QueryRun> queries = new ArrayList<>();
        for (String q : in.queries().subList(0, Math.min(MAX_QUERIES, in.queries().size()))) {
            queries.add(prom == null ? new ReportData.QueryRun(q, List.of(), 0, List.of(), RANGE_MINUTES,
                    "No Prometheus was running when the report was made.") : run(prom, q, now));
        }
        ReportData.Versions versions = new ReportData.Versions(
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                promVersion, in.appVersion(), in.mode());
        return new ReportData(now.truncatedTo(ChronoUnit.SECONDS).toString(), notes, versions, pictures, targets, targetsProblem, in.traffic(),
                in.chaos(), queries, metrics, metricsSource, in.lab());
    }

    /** The API's own catalogue from the HELP and TYPE lines of its {@code /metrics}. */
    String apiCatalogue(String apiUrl, List<ReportData.Metric> into) {
        if (apiUrl == null) {
            return "Neither Prometheus nor the API was running when the report was made, so there is no catalogue.";
        }
        try (Response r = http.newCall(new Request.Builder().url(apiUrl + "/metrics")
                .header("Accept", "text/plain; version=0.0.4").build()).execute()) {
            if (r.code() != 200) {
                return "The API answered HTTP " + r.code() + " for /metrics, so there is no catalogue.";
            }
            into.addAll(parseExposition(r.body().string()));
            return "the API's " + apiUrl + "/metrics (no Prometheus was running)";
        } catch (IOException e) {
            return "The API at " + apiUrl + " did not answer for /metrics, so there is no catalogue.";
        }
    }

    /** Metrics named by {@code # HELP} / {@code # TYPE} lines of the text format, sorted by name. */
    static List<ReportData.Metric> parseExposition(String text) {
        Map<String, String[]> byName = new TreeMap<>();
        for (String line : text.split("\n")) {
            String[] parts = line.split(" ", 4);
            if (parts.length >= 3 && parts[0].equals("#") && (parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
                String[] typeHelp = byName.computeIfAbsent(parts[2], n -> new String[] {"", ""});
                String rest = parts.length == 4 ? parts[3] : "";
                if (parts[1].equals("TYPE")) {
                    typeHelp[0] = rest;
                } else {
                    typeHelp[1] = rest.replace("\\n", "\n").replace("\\\\", "\\");
                }
            }
        }
        List<ReportData.Metric> metrics = new ArrayList<>();
        byName.forEach((name, th) -> metrics.add(new ReportData.Metric("", name, th[0], th[1])));
        return metrics;
    }

    private static ReportData.QueryRun run(PrometheusClient prom, String promql, Instant now) {
        List<ReportData.Row> rows = new ArrayList<>();
        int total;
        try {
            QueryResult result = prom.query(promql);
            List<ReportData.Row> all = rows(result);
            total = all.size();
            rows.addAll(all.subList(0, Math.min(ReportData.QueryRun.MAX_ROWS, all.size())));
        } catch (IOException | PrometheusException e) {
            return new ReportData.QueryRun(promql, List.of(), 0, List.of(), RANGE_MINUTES, e.getMessage());
        }
        List<ReportData.Line> lines = new ArrayList<>();
        double end = now.toEpochMilli() / 1000.0;
        try {
            QueryResult.Matrix m = prom.queryRange(promql, end - RANGE_MINUTES * 60.0, end, 15);
            for (QueryResult.Series s : m.series()) {
                if (lines.size() == ReportData.QueryRun.MAX_LINES) {
                    break;
                }
                lines.add(new ReportData.Line(series(s.labels()), s.times(), s.values()));
            }
        } catch (IOException | PrometheusException e) {
            // A scalar or string query has no range form: the table alone is its result.
        }
        return new ReportData.QueryRun(promql, rows, total, lines, RANGE_MINUTES, "");
    }

    private static List<ReportData.Row> rows(QueryResult result) {
        List<ReportData.Row> rows = new ArrayList<>();
        if (result instanceof QueryResult.Vector v) {
            for (QueryResult.Sample s : v.samples()) {
                rows.add(new ReportData.Row(series(s.labels()), s.shown(Format::value)));
            }
        } else if (result instanceof QueryResult.Scalar s) {
            rows.add(new ReportData.Row("scalar", Format.value(s.value())));
        } else if (result instanceof QueryResult.Text t) {
            rows.add(new ReportData.Row("string", t.value()));
        } else if (result instanceof QueryResult.Matrix m) {
            for (QueryResult.Series s : m.series()) {
                int n = s.values().length;
                rows.add(new ReportData.Row(series(s.labels()), n == 0 ? "" : Format.value(s.values()[n - 1])));
            }
        }
        return rows;
    }

    /** Labels as PromQL writes a series: {@code name{a="1", b="2"}}. */
    static String series(Map<String, String> labels) {
        Map<String, String> sorted = new LinkedHashMap<>(new TreeMap<>(labels));
        String name = sorted.remove("__name__");
        String inner = sorted.entrySet().stream().map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                .collect(Collectors.joining(", "));
        return (name == null ? "" : name) + (inner.isEmpty() && name != null ? "" : "{" + inner + "}");
    }
}
