package dev.mlobservatory.console.stack;

import dev.mlobservatory.console.prom.PrometheusClient;
import dev.mlobservatory.console.prom.ScrapeTarget;
import dev.mlobservatory.console.ui.Chip;
import java.io.IOException;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Asks each part of a running stack whether it is well, and says it as a chip. Blocking: call off the FX thread. */
public final class HealthPoller {

    private final OkHttpClient http;
    private volatile String prometheusVersion;

    public HealthPoller(OkHttpClient http) {
        this.http = http;
    }

    public Chip api(String apiUrl) {
        if (apiUrl == null) {
            return Chip.idle("API", "not started");
        }
        int code = status(apiUrl + "/health");
        return code == 200
                ? new Chip(Chip.Level.OK, "API up", apiUrl + "/health answers 200")
                : new Chip(Chip.Level.DOWN, "API down", code < 0
                        ? apiUrl + " does not answer (stopped or still starting)"
                        : apiUrl + "/health answered " + code);
    }

    public Chip prometheus(PrometheusClient client) {
        if (client == null) {
            return Chip.idle("Prometheus", "not running in this mode");
        }
        if (!client.ready()) {
            prometheusVersion = null;
            return new Chip(Chip.Level.DOWN, "Prometheus down", client.baseUrl() + "/-/ready does not answer 200");
        }
        try {
            if (prometheusVersion == null) {
                prometheusVersion = client.version();
            }
            List<ScrapeTarget> targets = client.targets();
            return targetsChip(prometheusVersion, client.baseUrl(), targets);
        } catch (Exception e) {
            return new Chip(Chip.Level.WARN, "Prometheus ready", "but its API answered: " + e.getMessage());
        }
    }

    /**
     * Green when every target is up, amber when one is down; grey while a target waits for its first scrape.
     * Prometheus reports such a target as "unknown" for up to one scrape interval after it starts (15 s for its
     * own job, as the lab configures it): that is not a fault, and amber there made a class look for one.
     */
    static Chip targetsChip(String version, String baseUrl, List<ScrapeTarget> targets) {
        long up = targets.stream().filter(t -> "up".equals(t.health())).count();
        long waiting = targets.stream().filter(t -> "unknown".equals(t.health())).count();
        String text = "Prometheus " + version + " · targets " + up + "/" + targets.size() + " up";
        if (targets.isEmpty()) {
            // the first second after start: the configuration's targets are not yet known to the scrape manager
            return new Chip(Chip.Level.IDLE, "Prometheus " + version + " · finding targets", baseUrl);
        }
        if (up == targets.size()) {
            return new Chip(Chip.Level.OK, text, baseUrl);
        }
        if (up + waiting == targets.size()) {
            return new Chip(Chip.Level.IDLE, text + ", " + waiting + " not scraped yet",
                    baseUrl + ": a target is scraped for the first time within one scrape interval (5 s for the API, "
                            + "15 s for Prometheus itself)");
        }
        return new Chip(Chip.Level.WARN, text, baseUrl + ": see the Targets tab for the error");
    }

    public Chip grafana(String grafanaUrl) {
        if (grafanaUrl == null) {
            return Chip.idle("Grafana", "only in Docker mode");
        }
        int code = status(grafanaUrl + "/api/health");
        return code == 200
                ? new Chip(Chip.Level.OK, "Grafana up", grafanaUrl)
                : new Chip(Chip.Level.DOWN, "Grafana down", grafanaUrl + (code < 0 ? " does not answer" : " answered " + code));
    }

    /** HTTP status of a GET, or -1 when nothing answers. */
    private int status(String url) {
        try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
            return r.code();
        } catch (IOException | IllegalArgumentException e) {
            return -1;
        }
    }
}
