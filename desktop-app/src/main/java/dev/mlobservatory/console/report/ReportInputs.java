package dev.mlobservatory.console.report;

import dev.mlobservatory.console.prom.PrometheusClient;
import java.util.List;
import java.util.Objects;

/**
 * What the console knows at the moment of export, read on the FX thread by {@code console.app} (which owns the
 * other features' models) and handed over whole, so the writer never reads a live property from another thread.
 *
 * @param prometheus the running Prometheus, or null when none runs
 * @param apiUrl the running API, or null; its {@code /metrics} gives the catalogue when there is no Prometheus
 * @param appVersion the console's version
 * @param mode "Local" or "Docker": in Local mode there is no Grafana, and the report says so
 * @param chaos the fault changes taken, oldest first
 * @param queries the queries run this session, newest first
 * @param lab the Lab tab's steps with their status (empty when there is no Lab tab)
 */
public record ReportInputs(PrometheusClient prometheus, String apiUrl, String appVersion, String mode,
                           ReportData.Traffic traffic, List<ReportData.ChaosStep> chaos, List<String> queries,
                           List<ReportData.LabStep> lab) {
    public ReportInputs {
        Objects.requireNonNull(appVersion, "appVersion");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(traffic, "traffic");
        chaos = List.copyOf(chaos);
        queries = List.copyOf(queries);
        lab = List.copyOf(lab);
    }

    /** Without lab steps. */
    public ReportInputs(PrometheusClient prometheus, String apiUrl, String appVersion, String mode,
                        ReportData.Traffic traffic, List<ReportData.ChaosStep> chaos, List<String> queries) {
        this(prometheus, apiUrl, appVersion, mode, traffic, chaos, queries, List.of());
    }

    /** The same with {@code queries} as the session's (the report model keeps those itself). */
    public ReportInputs withQueries(List<String> newestFirst) {
        return new ReportInputs(prometheus, apiUrl, appVersion, mode, traffic, chaos, newestFirst, lab);
    }

    /** True in Docker mode, where Grafana shows the dashboard; Local mode has only the Live tab. */
    public boolean hasGrafana() {
        return "Docker".equalsIgnoreCase(mode);
    }
}
