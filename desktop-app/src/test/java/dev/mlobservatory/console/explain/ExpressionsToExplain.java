package dev.mlobservatory.console.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlobservatory.console.live.GrafanaTemplating;
import dev.mlobservatory.console.prom.AlertRule;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.query.ExampleQueries;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every expression a student meets in this project, named by where it comes from: each query of every panel of the
 * Grafana dashboard (variables at their "All" value, {@code $__rate_interval} as the console sets it), every alert
 * rule as the running Prometheus reports it, with the queries its annotations give the Alerts tab, and the lab's
 * examples and cheat-sheet.
 */
final class ExpressionsToExplain {

    private ExpressionsToExplain() {
    }

    static Map<String, String> all(Path dashboard, PrometheusClient prometheus) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode root = new ObjectMapper().readTree(dashboard.toFile());
        Map<String, String> values = new HashMap<>();
        for (JsonNode v : root.path("templating").path("list")) {
            String all = v.path("allValue").asText("");
            values.put(v.path("name").asText(), all.isEmpty() ? ".*" : all);
        }
        values.put("__rate_interval", GrafanaTemplating.rateInterval(java.time.Duration.ofSeconds(5),
                java.time.Duration.ofSeconds(2)));
        panels(root.path("panels"), values, out);
        for (AlertRule rule : prometheus.alertRules()) {
            out.put("rule " + rule.name(), rule.expression());
            for (String key : new String[] {"value_query", "live_query"}) {
                String q = rule.annotations().getOrDefault(key, "");
                if (!q.isBlank()) {
                    out.put("rule " + rule.name() + " " + key, q);
                }
            }
        }
        for (ExampleQueries.Example e : ExampleQueries.LAB) {
            out.put("lab example: " + e.title(), e.promql());
        }
        for (ExampleQueries.Example e : ExampleQueries.CHEAT_SHEET) {
            out.put("cheat sheet: " + e.title(), e.promql());
        }
        return out;
    }

    /** Panels, and the panels inside rows, in the dashboard's order. */
    private static void panels(JsonNode list, Map<String, String> values, Map<String, String> out) {
        for (JsonNode panel : list) {
            for (JsonNode t : panel.path("targets")) {
                String expr = t.path("expr").asText("");
                if (!expr.isBlank()) {
                    out.put("dashboard \"" + panel.path("title").asText() + "\" " + t.path("refId").asText(),
                            GrafanaTemplating.substitute(expr, values));
                }
            }
            panels(panel.path("panels"), values, out);
        }
    }
}
