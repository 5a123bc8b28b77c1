package dev.mlobservatory.console.lab;

import dev.mlobservatory.console.prom.AlertRule;
import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.prom.PrometheusException;
import dev.mlobservatory.console.prom.QueryResult;
import dev.mlobservatory.console.prom.ScrapeTarget;
import dev.mlobservatory.console.ui.Format;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The checks of the bundled steps, keyed by step id: each asks the live stack (the API's /metrics, Prometheus's
 * targets, query and alerts APIs, what Alertmanager sent and holds) whether the step is done. The traffic step
 * remembers the counter it saw when it was opened; {@link #opened} starts that again.
 */
public final class LabChecks {

    /** The lab's four metrics and the type each must declare. */
    static final Map<String, String> LAB_METRICS = lab();
    static final String COUNTER = "sum(ml_predictions_total)";
    static final String P95 = "histogram_quantile(0.95, sum(rate(ml_prediction_duration_seconds_bucket[5m])) by (le))";
    static final String ALERT = "HighErrorRate";

    private final OkHttpClient http;
    /** The prediction counter when the traffic step was opened; null until its first check after that. */
    private volatile Double baseline;
    private final Map<String, LabCheck> checks = new LinkedHashMap<>();

    public LabChecks(OkHttpClient http) {
        this.http = http;
        checks.put("metrics", this::metrics);
        checks.put("targets", this::targets);
        checks.put("traffic", this::traffic);
        checks.put("p95", this::p95);
        checks.put("alert", this::alert);
        checks.put("silence", this::silence);
    }

    private static Map<String, String> lab() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ml_predictions_total", "counter");
        m.put("ml_prediction_duration_seconds", "histogram");
        m.put("app_memory_usage_bytes", "gauge");
        m.put("app_cpu_usage_percent", "gauge");
        return m;
    }

    /** With {@code checks} in place of the built-in ones of the same ids (tests: checks that answer on cue). */
    LabChecks(OkHttpClient http, Map<String, LabCheck> checks) {
        this(http);
        this.checks.putAll(checks);
    }

    /** The check of step {@code id}, if there is one. */
    public Optional<LabCheck> forStep(String id) {
        return Optional.ofNullable(checks.get(id));
    }

    /** A step was opened (selected, or reset): a check that counts "since opened" starts counting again. */
    public void opened(String id) {
        if (id.equals("traffic")) {
            baseline = null;
        }
    }

    LabCheckResult metrics(LabContext c) {
        if (c.apiUrl() == null) {
            return LabCheckResult.notYet("The API is not running: start the stack (Ctrl+S), then open its /metrics.");
        }
        String body;
        try (Response r = http.newCall(new Request.Builder().url(c.apiUrl() + "/metrics").build()).execute()) {
            if (!r.isSuccessful()) {
                return LabCheckResult.notYet("The API's /metrics answered HTTP " + r.code() + ".");
            }
            body = r.body().string();
        } catch (IOException e) {
            return LabCheckResult.notYet("The API at " + c.apiUrl() + " did not answer: " + e.getMessage());
        }
        Map<String, String> found = new LinkedHashMap<>();
        for (String line : body.split("\n")) {
            String[] p = line.strip().split("\\s+");
            if (p.length == 4 && p[0].equals("#") && p[1].equals("TYPE")) {
                found.put(p[2], p[3]);
            }
        }
        List<String> lines = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        LAB_METRICS.forEach((name, type) -> {
            // OpenMetrics names a counter without _total; the classic text format with it.
            String seen = found.getOrDefault(name, found.get(name.replaceFirst("_total$", "")));
            if (type.equals(seen)) {
                lines.add("# TYPE " + name + " " + type);
            } else {
                missing.add(seen == null ? name + " (not on the page)" : name + " (a " + seen + ", expected " + type + ")");
            }
        });
        if (missing.isEmpty()) {
            return LabCheckResult.passed("Found on " + c.apiUrl() + "/metrics:\n" + String.join("\n", lines));
        }
        return LabCheckResult.notYet("Missing or of the wrong type: " + String.join(", ", missing) + ".");
    }

    LabCheckResult targets(LabContext c) {
        PrometheusClient p = c.prometheus();
        if (p == null) {
            return LabCheckResult.notYet("Prometheus is not running: start the stack (Ctrl+S).");
        }
        List<ScrapeTarget> targets;
        try {
            targets = p.targets();
        } catch (IOException | PrometheusException e) {
            return unanswered(p, e);
        }
        List<String> notUp = new ArrayList<>();
        for (String job : List.of("ml-api", "prometheus")) {
            Optional<ScrapeTarget> t = targets.stream().filter(x -> x.job().equals(job)).findFirst();
            if (t.isEmpty()) {
                notUp.add(job + " is not among Prometheus's targets yet");
            } else if (!t.get().health().equals("up")) {
                String err = t.get().lastError().isBlank() ? "" : " (" + t.get().lastError() + ")";
                notUp.add(job + " is " + t.get().health() + err);
            }
        }
        if (notUp.isEmpty()) {
            return LabCheckResult.passed("Both targets are UP: ml-api and prometheus.");
        }
        return LabCheckResult.notYet(String.join("; ", notUp) + ". The first scrape comes a few seconds after the start.");
    }

    LabCheckResult traffic(LabContext c) {
        PrometheusClient p = c.prometheus();
        if (p == null) {
            return LabCheckResult.notYet("Prometheus is not running: start the stack (Ctrl+S).");
        }
        double now;
        try {
            now = single(p.query(COUNTER));
        } catch (IOException | PrometheusException e) {
            return unanswered(p, e);
        }
        if (Double.isNaN(now)) {
            baseline = 0.0;
            return LabCheckResult.notYet("Prometheus has no ml_predictions_total yet: send some predictions.");
        }
        Double before = baseline;
        if (before == null || now < before) {
            // The first look, or the API restarted (a counter starts again from zero): count from here.
            baseline = now;
            return LabCheckResult.notYet("ml_predictions_total is " + Format.value(now)
                    + " now. Send traffic and the check sees it grow.");
        }
        if (now > before) {
            return LabCheckResult.passed("ml_predictions_total grew from " + Format.value(before) + " to "
                    + Format.value(now) + " since you opened this step.");
        }
        return LabCheckResult.notYet("ml_predictions_total is still " + Format.value(now)
                + ": start the traffic (Ctrl+T), and Prometheus sees it at its next scrape.");
    }

    LabCheckResult p95(LabContext c) {
        PrometheusClient p = c.prometheus();
        if (p == null) {
            return LabCheckResult.notYet("Prometheus is not running: start the stack (Ctrl+S).");
        }
        double v;
        try {
            v = single(p.query(P95));
        } catch (IOException | PrometheusException e) {
            return unanswered(p, e);
        }
        if (Double.isNaN(v)) {
            return LabCheckResult.notYet("The p95 query has no value yet: it needs predictions in the last 5 minutes. "
                    + "Keep traffic running.");
        }
        String where = c.grafanaUrl() == null ? "the Live tab's latency chart"
                : "the Live tab and Grafana's latency panel (" + c.grafanaUrl() + ")";
        return LabCheckResult.passed("p95 over the last 5 minutes: " + Format.millis(v) + ". Compare it with "
                + where + ".");
    }

    LabCheckResult alert(LabContext c) {
        PrometheusClient p = c.prometheus();
        if (p == null) {
            return LabCheckResult.notYet("Prometheus is not running: start the stack (Ctrl+S).");
        }
        Optional<AlertRule> rule;
        try {
            rule = p.alertRules().stream().filter(r -> r.name().equals(ALERT)).findFirst();
        } catch (IOException | PrometheusException e) {
            return unanswered(p, e);
        }
        if (rule.isEmpty()) {
            return LabCheckResult.notYet("Prometheus has no rule named " + ALERT + ": its rules did not load.");
        }
        AlertRule r = rule.get();
        String ratio = Double.isNaN(r.value()) ? "" : " (the error ratio is " + Format.percent(r.value()) + ")";
        return switch (r.state()) {
            case "firing" -> LabCheckResult.passed(ALERT + " is firing" + ratio + ".");
            case "pending" -> LabCheckResult.notYet(ALERT + " is pending" + ratio + ": it fires once it has stayed "
                    + "above 10 % for " + Format.promDuration(r.forSeconds()) + ". Keep the errors coming.");
            default -> LabCheckResult.notYet(ALERT + " is inactive: fewer than 10 % of predictions failed over the last "
                    + "5 minutes. Raise Invalid requests on the traffic panel, or inject failures on the Chaos panel.");
        };
    }

    LabCheckResult silence(LabContext c) {
        if (c.apiUrl() == null) {
            return LabCheckResult.notYet("The stack is not running: start it (Ctrl+S).");
        }
        if (c.alertmanager() == null) {
            return LabCheckResult.skipped("This stack has no Alertmanager, so nothing sends notifications: "
                    + (c.noAlertmanagerReason().isBlank() ? "see the Stack tab." : c.noAlertmanagerReason())
                    + " Then stop and start the stack to do this step.");
        }
        if (c.firingAlerts().isEmpty()) {
            return LabCheckResult.notYet("No firing notification has arrived yet: an alert must fire (the step before) "
                    + "and Alertmanager waits group_wait before it sends. Watch the Notifications tab.");
        }
        for (Map<String, String> labels : c.firingAlerts()) {
            var silence = c.silences().silencing(labels);
            if (silence.isPresent()) {
                return LabCheckResult.passed("The " + labels.getOrDefault("alertname", "alert")
                        + " notification arrived, and the silence " + silence.get().matcherText() + " holds it.");
            }
        }
        return LabCheckResult.notYet("A notification for " + c.firingAlerts().get(0).getOrDefault("alertname", "an alert")
                + " arrived, but no active silence matches it: select it on the Notifications tab and click Silence….");
    }

    /** The one number of an instant query, NaN when it returned nothing. */
    private static double single(QueryResult r) {
        if (r instanceof QueryResult.Vector v && !v.samples().isEmpty()) {
            return v.samples().get(0).value();
        }
        if (r instanceof QueryResult.Scalar s) {
            return s.value();
        }
        return Double.NaN;
    }

    private static LabCheckResult unanswered(PrometheusClient p, Exception e) {
        if (e instanceof PrometheusException pe) {
            return LabCheckResult.notYet("Prometheus at " + p.baseUrl() + " answered with an error: " + pe.getMessage());
        }
        return LabCheckResult.notYet("Prometheus at " + p.baseUrl() + " did not answer (" + e.getMessage()
                + "). Trying again in a few seconds.");
    }
}
