package dev.mlobservatory.console.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A notification as the console received it: the message and when it arrived, with what the table shows of it.
 *
 * @param receivedAt when the receiver took it
 * @param message    what Alertmanager sent
 */
public record Notification(Instant receivedAt, WebhookMessage message) {

    public Notification {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(message, "message");
    }

    public AlertStatus status() {
        return message.status();
    }

    public String alertName() {
        return message.alertName();
    }

    /** The labels every alert of the group shares, but the alert's name (its own column). */
    public Map<String, String> labels() {
        return message.commonLabels().entrySet().stream()
                .filter(e -> !e.getKey().equals("alertname"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                        java.util.TreeMap::new));
    }

    /** "job=ml-api, severity=critical". */
    public String labelsText() {
        return text(labels());
    }

    /** The group's summary, else the first alert's; "(+2 more alerts)" when the group has several. */
    public String summary() {
        String s = message.commonAnnotations().getOrDefault("summary", message.alerts().get(0).summary());
        int more = message.alerts().size() - 1 + message.truncatedAlerts();
        return more > 0 ? (s + " (+" + more + " more alert" + (more == 1 ? ")" : "s)")).strip() : s;
    }

    /**
     * From the moment the newest alert started firing (its startsAt, set by Prometheus) to receipt, for a firing
     * notification: group_wait made visible. For a resolved one, from the newest endsAt. Null when the alert does
     * not say (a resolved alert without endsAt).
     */
    public Duration delay() {
        Instant from = null;
        for (WebhookAlert a : message.alerts()) {
            Instant t = status() == AlertStatus.FIRING ? (a.status() == AlertStatus.FIRING ? a.startsAt() : null)
                    : a.endsAt();
            if (t != null && (from == null || t.isAfter(from))) {
                from = t;
            }
        }
        if (from == null) {
            return null;
        }
        Duration d = Duration.between(from, receivedAt);
        // Clocks of the two machines (Docker's VM, the host) can differ by a little: never a negative wait.
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** "11.2 s", "2 m 5 s"; a dash when unknown. */
    public String delayText() {
        return seconds(delay());
    }

    /** The delay as a sentence: "arrived 11.2 s after the alert started firing". */
    public String delaySentence() {
        Duration d = delay();
        if (d == null) {
            return "The alert did not say when it " + (status() == AlertStatus.FIRING ? "started firing." : "resolved.");
        }
        return "Arrived " + seconds(d) + " after the alert "
                + (status() == AlertStatus.FIRING ? "started firing" : "resolved") + ".";
    }

    static String seconds(Duration d) {
        if (d == null) {
            return "—";
        }
        double s = d.toMillis() / 1000.0;
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        long whole = d.getSeconds();
        return whole < 3600 ? (whole / 60) + " m " + (whole % 60) + " s" : (whole / 3600) + " h " + (whole % 3600 / 60)
                + " m";
    }

    /** "a=1, b=2". */
    static String text(Map<String, String> labels) {
        return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
