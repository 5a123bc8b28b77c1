package dev.mlobservatory.console.silence;

import dev.mlobservatory.console.ui.Format;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One poll's silences and Alertmanager's alerts, for the question the Alerts and Notifications tabs ask: is this
 * alert silenced, and by which silence? Immutable: the model replaces it at every poll.
 */
public record SilenceIndex(List<Silence> silences, List<AmAlert> alerts) {

    public static final SilenceIndex EMPTY = new SilenceIndex(List.of(), List.of());

    public SilenceIndex {
        silences = List.copyOf(silences);
        alerts = List.copyOf(alerts);
    }

    /**
     * The silence that mutes an alert with these labels: the one Alertmanager names for an alert of that name it
     * holds (its word counts), else an active silence whose matchers match the labels (Prometheus has not sent the
     * alert yet, or it is only pending).
     */
    public Optional<Silence> silencing(Map<String, String> labels) {
        Map<String, Silence> byId = new HashMap<>();
        silences.forEach(s -> byId.put(s.id(), s));
        String name = labels.getOrDefault("alertname", "");
        for (AmAlert a : alerts) {
            if (a.alertname().equals(name) && a.suppressed()) {
                for (String id : a.silencedBy()) {
                    Silence s = byId.get(id);
                    if (s != null && s.state() == Silence.State.ACTIVE) {
                        return Optional.of(s);
                    }
                }
            }
        }
        return silences.stream().filter(s -> s.state() == Silence.State.ACTIVE && s.matches(labels)).findFirst();
    }

    /**
     * "Silenced by maria until 10:42 ('demo'): no notification will be sent." for a silenced alert; empty for the
     * others.
     */
    public String note(Map<String, String> labels, ZoneId zone, Instant now) {
        return silencing(labels).map(s -> sentence(s, zone, now)).orElse("");
    }

    /** "Silenced by maria until 10:42 ('demo'): no notification will be sent." */
    public static String sentence(Silence s, ZoneId zone, Instant now) {
        String by = s.createdBy().isBlank() ? "" : " by " + s.createdBy();
        String why = s.comment().isBlank() ? "" : " ('" + s.comment() + "')";
        return "Silenced" + by + " until " + Format.localTime(s.endsAt(), zone, now) + why
                + ": no notification will be sent.";
    }
}
