package dev.mlobservatory.console.targets;

import java.util.Locale;

/** A scrape target's health as Prometheus reports it: up, down, or unknown (not scraped yet). */
public enum TargetHealth {
    UP, DOWN, UNKNOWN;

    public static TargetHealth of(String prometheusHealth) {
        if (prometheusHealth == null) {
            return UNKNOWN;
        }
        return switch (prometheusHealth.toLowerCase(Locale.ROOT)) {
            case "up" -> UP;
            case "down" -> DOWN;
            default -> UNKNOWN;
        };
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return word();
    }
}
