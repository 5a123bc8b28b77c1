package dev.mlobservatory.console.silence;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An alert as Alertmanager holds it ({@code GET /api/v2/alerts}): its labels, and whether it is {@code active}
 * (notifications go out) or {@code suppressed} by silences or inhibiting alerts.
 *
 * @param state {@code active}, {@code suppressed} or {@code unprocessed}
 * @param silencedBy the ids of the silences that mute it
 * @param inhibitedBy the fingerprints of the alerts that inhibit it
 */
public record AmAlert(Map<String, String> labels, String state, List<String> silencedBy, List<String> inhibitedBy,
                      Instant startsAt) {

    public AmAlert {
        labels = Map.copyOf(labels);
        state = state == null ? "unprocessed" : state;
        silencedBy = List.copyOf(silencedBy);
        inhibitedBy = List.copyOf(inhibitedBy);
    }

    public String alertname() {
        return labels.getOrDefault("alertname", "");
    }

    public boolean suppressed() {
        return "suppressed".equals(state);
    }
}
