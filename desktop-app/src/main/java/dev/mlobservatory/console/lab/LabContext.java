package dev.mlobservatory.console.lab;

import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.silence.SilenceIndex;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the checks read of the console, taken whole on the FX thread before a check runs on the executor, so a check
 * never reads a live property from another thread.
 *
 * @param apiUrl        the running API, or null when the stack is not running
 * @param prometheus    the running Prometheus, or null
 * @param alertmanager  the stack's Alertmanager URL, or null when it has none
 * @param grafanaUrl    Grafana's URL (Docker mode), or null
 * @param firingAlerts  the labels of each firing notification the console received (alertname included), newest first
 * @param silences      Alertmanager's silences and alerts at the last poll
 * @param noAlertmanagerReason why there is no Alertmanager, a sentence ending in a full stop
 */
public record LabContext(String apiUrl, PrometheusClient prometheus, String alertmanager, String grafanaUrl,
                         List<Map<String, String>> firingAlerts, SilenceIndex silences, String noAlertmanagerReason) {

    /** Nothing running: what the checks see before the stack starts. */
    public static final LabContext NOTHING = new LabContext(null, null, null, null, List.of(), SilenceIndex.EMPTY, "");

    public LabContext {
        firingAlerts = firingAlerts.stream().map(Map::copyOf).toList();
        Objects.requireNonNull(silences, "silences");
        noAlertmanagerReason = noAlertmanagerReason == null ? "" : noAlertmanagerReason;
    }

    /** The same with {@code prometheus}: tests and a stack whose Prometheus changed. */
    public LabContext withPrometheus(PrometheusClient p) {
        return new LabContext(apiUrl, p, alertmanager, grafanaUrl, firingAlerts, silences, noAlertmanagerReason);
    }
}
