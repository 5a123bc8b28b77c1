package dev.mlobservatory.console.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Live tab's PromQL, read from the Grafana dashboard ({@code dashboards/ml-api.json}) by panel title: one source
 * of truth, so the console draws exactly what Grafana shows. No PromQL for these panels is written in Java.
 */
public final class DashboardQueries {

    public static final String LATENCY_PANEL = "Latency p50/p95/p99";
    public static final String REQUEST_RATE_PANEL = "Request rate";
    public static final String ERROR_RATE_PANEL = "Error rate %";
    /** The panels the Live tab draws, in the order of its charts. */
    public static final List<String> LIVE_PANELS = List.of(LATENCY_PANEL, REQUEST_RATE_PANEL, ERROR_RATE_PANEL);
    /** The lab's p50/p95/p99: histogram_quantile over the classic buckets, in "How good is the estimate?". */
    public static final String CLASSIC_ESTIMATE_PANEL = "p50/p95/p99 from the classic buckets";
    /** The same quantiles from the native histogram (Prometheus 3), beside them. */
    public static final String NATIVE_ESTIMATE_PANEL = "p50/p95/p99 from the native histogram";
    /** The panels of "How good is the estimate?", classic first. */
    public static final List<String> ESTIMATE_PANELS = List.of(CLASSIC_ESTIMATE_PANEL, NATIVE_ESTIMATE_PANEL);
    /** The legends of an estimate panel's queries: the estimate view finds each quantile by its legend. */
    public static final List<String> ESTIMATE_LEGENDS = List.of("p50", "p95", "p99");
    /** Every panel the console reads: the charts' and the estimate's. */
    public static final List<String> CONSOLE_PANELS = List.of(LATENCY_PANEL, REQUEST_RATE_PANEL, ERROR_RATE_PANEL,
            CLASSIC_ESTIMATE_PANEL, NATIVE_ESTIMATE_PANEL);

    /** Grafana's built-in variable for rate() windows; its value depends on the scrape interval. */
    static final String RATE_INTERVAL = "__rate_interval";
    /**
     * Value for "All" when a variable has no {@code allValue}: Grafana would send {@code (v1|v2)} built from the
     * values it found; as the right side of {@code =~} it selects the same series as this.
     */
    static final String DEFAULT_ALL_VALUE = ".*";

    /** The dashboard's uid as provisioned, for "Open Grafana" when the file cannot be read. */
    public static final String DEFAULT_UID = "ml-api-observatory";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One query of a panel, as written in the dashboard (variables not substituted). */
    public record Target(String panel, String refId, String expr, String legendFormat) {
    }

    /** One dashboard panel: its title, Grafana unit (e.g. "s", "reqps", "percent") and queries. */
    public record Panel(String title, String unit, List<Target> targets) {
        public Panel {
            targets = List.copyOf(targets);
        }
    }

    private final Path source;
    private final String uid;
    private final Map<String, Panel> panels;
    private final Map<String, String> allValues;

    private DashboardQueries(Path source, String uid, Map<String, Panel> panels, Map<String, String> allValues) {
        this.source = source;
        this.uid = uid;
        this.panels = panels;
        this.allValues = allValues;
    }

    /**
     * Reads the Live tab's panels from a dashboard file.
     *
     * @throws IOException when the file cannot be read or parsed, or lacks one of {@link #CONSOLE_PANELS} (or a
     *     target of one lacks its expr); the message names the file and what is missing
     */
    public static DashboardQueries read(Path dashboard) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(dashboard));
        } catch (IOException e) {
            throw new IOException("cannot read the Grafana dashboard " + dashboard + ": " + e.getMessage(), e);
        }
        Map<String, JsonNode> byTitle = new LinkedHashMap<>();
        collectPanels(root.path("panels"), byTitle);
        Map<String, Panel> panels = new LinkedHashMap<>();
        for (String title : CONSOLE_PANELS) {
            JsonNode panel = byTitle.get(title);
            if (panel == null) {
                throw new IOException(dashboard + " has no panel titled \"" + title
                        + "\" (the Live tab reads its queries from it); its panels are " + byTitle.keySet());
            }
            panels.put(title, panel(dashboard, title, panel));
        }
        for (String title : ESTIMATE_PANELS) {
            List<String> legends = panels.get(title).targets().stream().map(Target::legendFormat).toList();
            if (!legends.containsAll(ESTIMATE_LEGENDS)) {
                throw new IOException(dashboard + ": panel \"" + title + "\" needs queries with the legends "
                        + ESTIMATE_LEGENDS + " (the estimate view finds each quantile by its legend); it has " + legends);
            }
        }
        return new DashboardQueries(dashboard, root.path("uid").asText(DEFAULT_UID), panels, allValues(root));
    }

    /** The dashboard's uid: Grafana shows it at {@code /d/<uid>}. */
    public String uid() {
        return uid;
    }

    /** Panels can sit inside collapsed rows ({@code panels[].panels[]}); the first with a title wins. */
    private static void collectPanels(JsonNode list, Map<String, JsonNode> byTitle) {
        for (JsonNode p : list) {
            byTitle.putIfAbsent(p.path("title").asText(), p);
            collectPanels(p.path("panels"), byTitle);
        }
    }

    private static Panel panel(Path dashboard, String title, JsonNode panel) throws IOException {
        List<Target> targets = new ArrayList<>();
        for (JsonNode t : panel.path("targets")) {
            if (t.path("hide").asBoolean(false)) {
                continue; // Grafana does not run hidden queries either
            }
            String expr = t.path("expr").asText("");
            if (expr.isBlank()) {
                throw new IOException(dashboard + ": panel \"" + title + "\" query " + t.path("refId").asText("?")
                        + " has no expr");
            }
            targets.add(new Target(title, t.path("refId").asText(""), expr, t.path("legendFormat").asText("")));
        }
        if (targets.isEmpty()) {
            throw new IOException(dashboard + ": panel \"" + title + "\" has no queries");
        }
        return new Panel(title, panel.path("fieldConfig").path("defaults").path("unit").asText(""), targets);
    }

    /** What each dashboard variable becomes when "All" is selected, as the Live tab always shows all versions. */
    private static Map<String, String> allValues(JsonNode root) {
        Map<String, String> values = new HashMap<>();
        for (JsonNode v : root.path("templating").path("list")) {
            JsonNode all = v.path("allValue");
            values.put(v.path("name").asText(),
                    all.isTextual() && !all.asText().isEmpty() ? all.asText() : DEFAULT_ALL_VALUE);
        }
        return values;
    }

    /** The file the queries came from. */
    public Path source() {
        return source;
    }

    /** The panels the console reads, as written in the dashboard, in {@link #CONSOLE_PANELS} order. */
    public List<Panel> panels() {
        return List.copyOf(panels.values());
    }

    /** One of {@link #CONSOLE_PANELS}, as written in the dashboard. */
    public Panel panel(String title) {
        Panel p = panels.get(title);
        if (p == null) {
            throw new IllegalArgumentException("not a Live tab panel: '" + title + "'; those are " + CONSOLE_PANELS);
        }
        return p;
    }

    /** Every target of the panels the console reads, as written in the dashboard. */
    public List<Target> targets() {
        return panels.values().stream().flatMap(p -> p.targets().stream()).toList();
    }

    /**
     * A panel with its queries ready for Prometheus: dashboard variables at their "All" value and
     * {@code $__rate_interval} at {@code rateInterval} (see {@link GrafanaTemplating#rateInterval}).
     */
    public Panel resolved(String title, String rateInterval) {
        Map<String, String> values = new HashMap<>(allValues);
        values.put(RATE_INTERVAL, rateInterval);
        Panel p = panel(title);
        List<Target> targets = p.targets().stream()
                .map(t -> new Target(t.panel(), t.refId(), GrafanaTemplating.substitute(t.expr(), values),
                        t.legendFormat()))
                .toList();
        return new Panel(p.title(), p.unit(), targets);
    }

    /** Every target of the panels the console reads, ready for Prometheus. */
    public List<Target> resolvedTargets(String rateInterval) {
        return CONSOLE_PANELS.stream().flatMap(t -> resolved(t, rateInterval).targets().stream()).toList();
    }
}
