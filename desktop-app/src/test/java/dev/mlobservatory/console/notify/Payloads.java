package dev.mlobservatory.console.notify;

import java.nio.charset.StandardCharsets;

/** Webhook bodies for the tests: the shape Alertmanager 0.33 posts (payload version 4), and variants of it. */
final class Payloads {

    private Payloads() {
    }

    /** One firing APIDown alert, as Alertmanager sends it (endsAt is Go's zero time while it fires). */
    static final String FIRING = """
            {
              "receiver": "console",
              "status": "firing",
              "alerts": [
                {
                  "status": "firing",
                  "labels": {"alertname": "APIDown", "job": "ml-api", "severity": "critical"},
                  "annotations": {"summary": "The API is not answering Prometheus's scrapes",
                                  "description": "up{job=\\"ml-api\\"} has been 0 for 30 s."},
                  "startsAt": "2026-11-30T04:35:01.123456789Z",
                  "endsAt": "0001-01-01T00:00:00Z",
                  "generatorURL": "http://127.0.0.1:9090/graph?g0.expr=up%7Bjob%3D%22ml-api%22%7D+%3D%3D+0\\u0026g0.tab=1",
                  "fingerprint": "1a30ba71cca2921f"
                }
              ],
              "groupLabels": {"alertname": "APIDown"},
              "commonLabels": {"alertname": "APIDown", "job": "ml-api", "severity": "critical"},
              "commonAnnotations": {"summary": "The API is not answering Prometheus's scrapes"},
              "externalURL": "http://127.0.0.1:9093",
              "version": "4",
              "groupKey": "{}:{alertname=\\"APIDown\\"}",
              "truncatedAlerts": 0
            }
            """;

    /** The same group, resolved 40 s after it started (with an offset, as Go writes a local time). */
    static final String RESOLVED = FIRING
            .replace("\"status\": \"firing\"", "\"status\": \"resolved\"")
            .replace("\"endsAt\": \"0001-01-01T00:00:00Z\"", "\"endsAt\": \"2026-11-30T05:35:41.5+01:00\"");

    static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** {@link #FIRING} with another alert name and group key. */
    static String firing(String alertname) {
        return FIRING.replace("APIDown", alertname);
    }

    /** {@link #RESOLVED} with another alert name and group key. */
    static String resolved(String alertname) {
        return RESOLVED.replace("APIDown", alertname);
    }
}
