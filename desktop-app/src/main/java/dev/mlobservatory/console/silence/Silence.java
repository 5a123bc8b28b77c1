package dev.mlobservatory.console.silence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A silence as Alertmanager lists it: its id, matchers, when it starts and ends, who made it and why, and its state
 * ({@code active}, {@code pending} before it starts, {@code expired} after it ends or was expired).
 */
public record Silence(String id, List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy,
                      String comment, State state) {

    /** Alertmanager's three silence states. */
    public enum State {
        ACTIVE, PENDING, EXPIRED;

        /** {@code "active"} → ACTIVE; anything unknown counts as expired (it silences nothing we know of). */
        static State parse(String text) {
            return switch (text == null ? "" : text) {
                case "active" -> ACTIVE;
                case "pending" -> PENDING;
                default -> EXPIRED;
            };
        }
    }

    public Silence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(state, "state");
        matchers = List.copyOf(matchers);
        createdBy = createdBy == null ? "" : createdBy;
        comment = comment == null ? "" : comment;
    }

    /** True when it silences now (active) or will (pending): what the list of silences shows. */
    public boolean inForce() {
        return state != State.EXPIRED;
    }

    /** True when every matcher matches {@code labels}: this silence would mute such an alert while in force. */
    public boolean matches(Map<String, String> labels) {
        return !matchers.isEmpty() && matchers.stream().allMatch(m -> m.matches(labels));
    }

    /** {@code alertname="APIDown", severity="critical"}. */
    public String matcherText() {
        return matchers.stream().map(Matcher::toString).collect(Collectors.joining(", "));
    }
}
