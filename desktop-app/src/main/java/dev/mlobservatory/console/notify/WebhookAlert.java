package dev.mlobservatory.console.notify;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One alert of an Alertmanager webhook notification (payload version 4).
 *
 * @param status       firing or resolved
 * @param labels       the alert's identity, sorted by name
 * @param annotations  its texts (summary, description…), sorted by name
 * @param startsAt     when Prometheus says the alert started firing
 * @param endsAt       when it resolved; null while it fires (Alertmanager sends Go's zero time then)
 * @param generatorUrl the Prometheus page of the rule; empty when none
 * @param fingerprint  Alertmanager's hash of the labels; empty when none
 */
public record WebhookAlert(AlertStatus status, Map<String, String> labels, Map<String, String> annotations,
                           Instant startsAt, Instant endsAt, String generatorUrl, String fingerprint) {

    public WebhookAlert {
        if (status == null) {
            throw new IllegalArgumentException("alert status is missing");
        }
        if (labels == null || labels.isEmpty()) {
            throw new IllegalArgumentException("alert labels are missing: an alert is identified by its labels");
        }
        if (startsAt == null) {
            throw new IllegalArgumentException("alert startsAt is missing");
        }
        labels = sorted(labels);
        annotations = sorted(annotations == null ? Map.of() : annotations);
        generatorUrl = generatorUrl == null ? "" : generatorUrl;
        fingerprint = fingerprint == null ? "" : fingerprint;
    }

    /** The rule's name, or an empty string for an alert without one (sent by hand). */
    public String alertName() {
        return labels.getOrDefault("alertname", "");
    }

    /** Its summary annotation; empty when it has none. */
    public String summary() {
        return annotations.getOrDefault("summary", "");
    }

    static Map<String, String> sorted(Map<String, String> map) {
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) {
                throw new IllegalArgumentException("label and annotation names and values must be strings, got "
                        + e.getKey() + "=" + e.getValue());
            }
        }
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
